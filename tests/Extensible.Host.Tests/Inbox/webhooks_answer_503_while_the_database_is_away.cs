using System.Net;
using Extensible.Host.Tests.Publishing;
using Extensible.Publishing.Accounts;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Extensible.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Inbox;

public sealed class webhooks_answer_503_while_the_database_is_away
{
    [Fact]
    public async Task a_delivery_is_answered_200_only_once_stored_and_503_while_postgres_is_down()
    {
        await using var server = await TestPostgres.StartPrivateServerAsync("inbox-503");
        var plugins = Directory.CreateTempSubdirectory("extensible-inbox-503-plugins-");
        try
        {
            await using var host = await ExtensibleTestHost.StartAsync(server.ConnectionString, new ExtensibleTestHostOptions
            {
                BundledPluginsFolder = BundledPlugins.HostBuildOutputFolder(),
                InstalledPluginsFolder = plugins.FullName,
                Arguments = ["--Extensible:Inbox:Polling=false"],
                QuietLogs = true,
            });
            var people = host.Services.GetRequiredService<Extensible.People.PeopleService>();
            var owner = await people.SetUpAsync("owner@example.com", "Olive Owner", "correct horse battery", "Acme");
            var accountId = await PublishingHost.ConnectSandboxAccountAsync(host, () => Task.FromResult(owner));
            var network = (await host.Services.GetRequiredService<AccountDirectory>().FindAsync(owner.WorkspaceId, accountId))!.PlatformAccountId;
            Task<HttpResponseMessage> Deliver(int n) => InboxHost.DeliverAsync(host, accountId, InboxHost.Body(network, InboxHost.Comment($"pg-{n}", $"Item {n}", $"post-{n % 5}")));

            Assert.Equal(HttpStatusCode.OK, (await Deliver(0)).StatusCode);

            // Deliveries race the server going down: each is either stored (200) or refused for a retry (503), never lost.
            var racing = Enumerable.Range(1, 40).Select(async n => (n, (await Deliver(n)).StatusCode)).ToList();
            await server.StopAsync();
            var answers = await Task.WhenAll(racing);
            var whileDown = await Deliver(41);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
            Assert.True(whileDown.Headers.RetryAfter is not null, "A 503 says when to retry.");
            Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));

            await server.RestartAsync();
            var stored = await StoredAsync(host);
            Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.OK), a => Assert.Contains($"pg-{a.n}", stored));

            // The network retries what was not answered 200, and then everything is there once.
            foreach (var n in answers.Where(a => a.StatusCode != HttpStatusCode.OK).Select(a => a.n).Append(41))
            {
                await Eventually.HoldsAsync(async () => (await Deliver(n)).StatusCode == HttpStatusCode.OK, $"item {n} is taken once PostgreSQL is back");
            }

            stored = await StoredAsync(host);
            Assert.Equal(Enumerable.Range(0, 42).Select(n => $"pg-{n}").Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        }
        finally
        {
            plugins.Delete(recursive: true);
        }
    }

    private static async Task<List<string>> StoredAsync(ExtensibleTestHost host)
    {
        var ids = new List<string>();
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                ids = await PublishingHost.QueryListAsync<string>(host, "select platform_item_id from inbox_items where direction = 'in'");
                return true;
            }
            catch (Npgsql.NpgsqlException)
            {
                return false;
            }
        }, "the database answers again");
        return ids;
    }
}
