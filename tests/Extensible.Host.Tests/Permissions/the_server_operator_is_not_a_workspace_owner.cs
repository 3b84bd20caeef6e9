using System.Net;
using Extensible.Host.Tests.Api;
using Extensible.People;
using Extensible.People.Server;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Permissions;

/// <summary>
/// Plugins run with the server's rights, so everything that affects the whole server needs the server operator, never
/// merely the owner of some workspace: the path an Admin took to running code (create a workspace, own it, install a
/// plugin) is closed at every step.
/// </summary>
public sealed class the_server_operator_is_not_a_workspace_owner(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task an_admin_cannot_create_a_workspace_from_the_console()
    {
        var admin = await api.AddMemberAsync(Role.Admin);
        var cookie = await api.SessionCookieAsync(admin.Email);

        using var response = await api.PostFormAsync(cookie, "/settings?handler=Create", new Dictionary<string, string> { ["name"] = "Mine now" });

        Assert.True(response.IsRefusal(), $"Expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Single(await api.Directory.WorkspacesOfAsync(admin.UserId));
    }

    [Fact]
    public async Task an_owner_who_does_not_operate_the_server_cannot_create_workspaces_or_touch_plugins()
    {
        var owner = await api.AddMemberAsync(Role.Owner);
        using var client = api.Client(owner.Token);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/workspaces", """{"name":"Side door"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/plugins", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/plugins/extensible.sandbox/disable", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/v1/plugins/extensible.sandbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/plugins/extensible.sandbox/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutJsonAsync("/api/v1/plugins/extensible.sandbox/settings", "{}")).StatusCode);
        var cookie = await api.SessionCookieAsync(owner.Email);
        using var upload = await api.PostFormAsync(cookie, "/plugins?handler=Disable", new Dictionary<string, string> { ["id"] = "extensible.sandbox" });
        Assert.True(upload.IsRefusal(), $"Expected a refusal, got {(int)upload.StatusCode}");
        Assert.Single(await api.Directory.WorkspacesOfAsync(owner.UserId));
    }

    [Fact]
    public async Task the_first_owner_operates_the_server_and_names_others()
    {
        using var operatorClient = api.Client(ApiHost.OwnerToken);
        var operators = await (await operatorClient.GetAsync("/api/v1/server/operators")).JsonAsync();
        Assert.Contains(operators.EnumerateArray(), o => o.Text("email") == ApiHost.OwnerEmail);

        var owner = await api.AddMemberAsync(Role.Owner);
        var cookie = await api.SessionCookieAsync(owner.Email);
        using var asOwner = api.Client(cookie: cookie);
        Assert.True((await asOwner.GetAsync("/server")).IsRefusal());

        await (await operatorClient.PostJsonAsync("/api/v1/server/operators", $$"""{"email":"{{owner.Email}}"}""")).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await asOwner.GetAsync("/server")).StatusCode);
        using var created = await api.PostFormAsync(cookie, "/settings?handler=Create", new Dictionary<string, string> { ["name"] = "Agency client" });
        Assert.False(created.IsRefusal());
        Assert.Equal(2, (await api.Directory.WorkspacesOfAsync(owner.UserId)).Count);

        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync($"/api/v1/server/operators/{owner.UserId}")).StatusCode);
        Assert.True((await asOwner.GetAsync("/server")).IsRefusal());
    }

    [Fact]
    public async Task two_operators_removing_each_other_at_once_leave_one()
    {
        var operators = api.Host.Services.GetRequiredService<ServerOperators>();
        var second = await api.AddMemberAsync(Role.Analyst);
        await operators.NameAsync(second.Email, ApiHost.OwnerEmail);
        var before = await api.Directory.OperatorsAsync();

        // Everyone but the first owner is removed at once, and the first owner too: one of them must stay.
        var removals = before.Select(o => Task.Run(async () =>
        {
            try
            {
                await operators.RemoveAsync(o.Id, "racing");
                return true;
            }
            catch (PeopleValidationException)
            {
                return false;
            }
        })).ToList();
        await Task.WhenAll(removals);

        Assert.Single(await api.Directory.OperatorsAsync());
        Assert.Contains(removals, r => !r.Result);
        // The test host keeps its first owner as the operator the other tests need.
        if ((await api.Directory.OperatorsAsync()).Single().Email != ApiHost.OwnerEmail)
        {
            await operators.NameAsync(ApiHost.OwnerEmail, "test");
        }
    }

    [Fact]
    public async Task the_bootstrap_settings_name_an_operator_on_start()
    {
        var member = await api.AddMemberAsync(Role.Editor);
        Assert.False((await api.Directory.FindUserAsync(member.UserId))!.IsOperator);

        await using (await ExtensibleTestHost.StartAsync(api.ConnectionString, $"--Extensible:Bootstrap:OperatorEmail={member.Email}"))
        {
        }

        Assert.True((await api.Directory.FindUserAsync(member.UserId))!.IsOperator);
        await api.Host.Services.GetRequiredService<ServerOperators>().RemoveAsync(member.UserId, "test");
    }
}
