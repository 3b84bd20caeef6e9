using Extensible.Host.Tests.Publishing;
using Extensible.Plugins;
using Extensible.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Inbox;

/// <summary>A host that polls every second, with the sandbox writing ten items a second per account.</summary>
public sealed class PollingInboxHost : PublishingHost
{
    public PollingInboxHost()
    {
        Arguments = ["--Extensible:Inbox:Polling=true", "--Extensible:Inbox:PollInterval=00:00:01"];
    }
}

public sealed class polling_resumes_from_its_cursor(PollingInboxHost host) : IClassFixture<PollingInboxHost>
{
    [Fact]
    public async Task a_restarted_host_goes_on_where_it_stopped_without_losing_or_repeating_an_item()
    {
        var saved = await host.Services.GetRequiredService<IPluginAdministration>()
            .SaveSettingsAsync("extensible.sandbox", new Dictionary<string, string?> { ["ItemsPerMinute"] = "600" }, PublishingHost.OwnerEmail);
        Assert.True(saved.Saved, string.Join("; ", saved.Errors.SelectMany(e => e.Value)));
        var accountId = await host.ConnectSandboxAccountAsync();

        await Eventually.HoldsAsync(async () => await CountAsync(accountId) >= 10, "the poller stores the account's items");
        await host.Host.StopAsync();
        await host.Host.StartAgainAsync();
        var stoppedAt = await CountAsync(accountId);
        await Eventually.HoldsAsync(async () => await CountAsync(accountId) >= stoppedAt + 10, "the restarted host polls on from its cursor");

        // The sandbox numbers an account's items i0, i1, …: stored ones are exactly a run from the first, none twice.
        var ids = await PublishingHost.QueryListAsync<string>(host.Host, "select platform_item_id from inbox_items where account_id = $1", accountId);
        var numbers = ids.Select(id => long.Parse(id[(id.LastIndexOf("-i", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(0, numbers.Count).Select(n => (long)n), numbers);
        // The poller goes on storing meanwhile: both counts come from one statement, so from one snapshot.
        Assert.Equal(0L, await PublishingHost.QueryAsync<long>(host.Host,
            "select (select count(*) from mt_events where type = 'inbox_item_received' and data->>'AccountId' = $1::text) "
            + "- (select count(*) from inbox_items where account_id = $1)", accountId));
        Assert.NotNull(await PublishingHost.QueryAsync<string>(host.Host, "select cursor from inbox_poll_state where account_id = $1", accountId));
    }

    private async Task<long> CountAsync(Guid accountId) =>
        await PublishingHost.QueryAsync<long>(host.Host, "select count(*) from inbox_items where account_id = $1", accountId);
}
