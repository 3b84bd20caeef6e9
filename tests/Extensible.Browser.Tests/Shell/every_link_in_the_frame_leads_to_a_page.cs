using Extensible.Browser.Tests.Support;

namespace Extensible.Browser.Tests.Shell;

public sealed class every_link_in_the_frame_leads_to_a_page(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact(Skip = "Product bug, reported: the header's name links to /account, which answers 404 (admin/Extensible.Admin/Pages/Shared/_Layout.cshtml). Remove this Skip with the fix.")]
    public async Task every_link_of_the_header_navigation_and_dashboard_opens_without_an_error()
    {
        await using var tab = await console.OwnerTabAsync();
        var links = await tab.Page.Locator("header a[href], nav a[href], main a[href]")
            .EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");
        Assert.Contains("/members", links);

        var broken = new List<string>();
        foreach (var link in links.Distinct())
        {
            var response = await tab.Page.GotoAsync(link);
            if (response is null || !response.Ok)
            {
                broken.Add($"{link}: {response?.Status}");
            }
        }

        Assert.Empty(broken);
        tab.AssertNothingWentWrong();
    }
}
