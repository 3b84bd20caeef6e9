using System.Text.RegularExpressions;
using Extensible.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Live;

public sealed class the_live_indicator_follows_the_connection(OwnedConsole console) : IClassFixture<OwnedConsole>
{
    [Fact]
    public async Task it_is_live_says_so_when_the_host_stops_and_is_live_again_when_it_returns()
    {
        await using var tab = await console.OwnerTabAsync();
        await Expect(tab.LiveState).ToHaveAttributeAsync("data-state", "live");
        await Expect(tab.LiveState).ToHaveTextAsync("Live");
        tab.AssertNothingWentWrong();

        await console.Host.StopAsync();

        await Expect(tab.LiveState).ToHaveAttributeAsync("data-state", new Regex("^(reconnecting|offline)$"));
        await Expect(tab.LiveState).ToHaveTextAsync(new Regex("Reconnecting…|Offline"));

        await console.Host.StartAgainAsync();

        // It retries after 0, 1, 2, 5 and 10 seconds (and a second of jitter each time).
        await Expect(tab.LiveState).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 40_000 });
        // The browser logs the refused connections while the host is away; nothing else may go wrong.
        Assert.DoesNotContain(tab.Problems, problem => !problem.StartsWith("console error:", StringComparison.Ordinal));
    }
}
