using Extensible.Browser.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Api;

public sealed class the_api_reference_renders_from_the_host_alone(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task it_lists_the_operations_without_csp_violations_or_requests_elsewhere()
    {
        await using var tab = await console.OpenTabAsync();
        var elsewhere = new List<string>();
        tab.Page.Request += (_, request) =>
        {
            if (new Uri(request.Url) is { Scheme: "http" or "https" } address && address.Authority != console.Host.Address.Authority)
            {
                lock (elsewhere)
                {
                    elsewhere.Add(request.Url);
                }
            }
        };

        // The operations are the OpenAPI document's, rendered in the browser by the reference UI.
        var document = tab.Page.WaitForResponseAsync(response => new Uri(response.Url).AbsolutePath == "/openapi/v1.json");
        await tab.Page.GotoAsync("/api");
        Assert.True((await document).Ok);

        await Expect(tab.Page.GetByText("Create an API token").First).ToBeVisibleAsync();
        await Expect(tab.Page.GetByText("The workspace's audit trail").First).ToBeVisibleAsync();
        await Expect(tab.Page).ToHaveTitleAsync("Extensible API v1");
        lock (elsewhere)
        {
            Assert.Empty(elsewhere);
        }

        tab.AssertNothingWentWrong();
    }
}
