using Extensible.Browser.Tests.Support;

namespace Extensible.Browser.Tests.Shell;

public sealed class every_link_in_the_frame_leads_to_a_page(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task every_link_of_the_header_navigation_and_dashboard_answers_with_a_page()
    {
        await using var tab = await console.OwnerTabAsync();
        var links = await tab.Page.Locator("header a[href], nav a[href], main a[href]")
            .EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");
        Assert.Contains("/members", links);

        // Asked with the tab's own cookies, following redirects as the browser would.
        var broken = new List<string>();
        foreach (var link in links.Distinct())
        {
            var response = await tab.Page.APIRequest.GetAsync(link);
            if (!response.Ok)
            {
                broken.Add($"{link} answers {response.Status}");
            }
        }

        Assert.Empty(broken);
        tab.AssertNothingWentWrong();
    }
}
