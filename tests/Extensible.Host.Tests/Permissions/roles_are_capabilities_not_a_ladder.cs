using System.Net;
using Extensible.Host.Tests.Api;
using Extensible.People;
using Extensible.People.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Permissions;

/// <summary>
/// Moderator and Editor are different rights, not a lower and a higher one; a token holds a subset of its person's
/// capabilities, checked when it is made and again on every request.
/// </summary>
public sealed class roles_are_capabilities_not_a_ladder(ApiHost api) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task an_editor_cannot_make_a_moderator_token()
    {
        var editor = await api.AddMemberAsync(Role.Editor);
        using var client = api.Client(editor.Token);

        Assert.Equal(["role"], await (await client.PostJsonAsync("/api/v1/tokens", """{"name":"inbox","role":"Moderator"}""")).ValidationErrorsAsync());
        Assert.Equal(["role"], await (await client.PostJsonAsync("/api/v1/tokens", """{"name":"admin","role":"Admin"}""")).ValidationErrorsAsync());
        await (await client.PostJsonAsync("/api/v1/tokens", """{"name":"reader","role":"Analyst"}""")).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task a_token_does_only_what_both_it_and_its_person_may_do_now()
    {
        var editor = await api.AddMemberAsync(Role.Editor);
        await api.People.ChangeRoleAsync(api.WorkspaceId, editor.UserId, Role.Moderator, Role.Owner, ApiHost.OwnerEmail);
        using var client = api.Client(editor.Token);

        // The Editor token of a person who now moderates composes no more, and never moderates: it only reads.
        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal("Analyst", me.Text("role"));
        Assert.Equal([Capabilities.ViewWorkspace], me.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()!).ToArray());
    }

    [Fact]
    public async Task a_token_loses_the_server_rights_its_person_loses()
    {
        var person = await api.AddMemberAsync(Role.Admin);
        var operators = api.Host.Services.GetRequiredService<ServerOperators>();
        await operators.NameAsync(person.Email, ApiHost.OwnerEmail);
        var (_, token) = await api.NewTokenAsync(person, serverCapabilities: [Capabilities.OperateServer]);
        using var client = api.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/server/operators")).StatusCode);

        await operators.RemoveAsync(person.UserId, ApiHost.OwnerEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/server/operators")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/plugins/extensible.sandbox/disable", "{}")).StatusCode);
    }

    [Fact]
    public async Task nobody_gives_a_token_server_rights_they_do_not_hold()
    {
        var owner = await api.AddMemberAsync(Role.Owner);
        using var client = api.Client(owner.Token);

        Assert.Equal(["serverCapabilities"], await (await client.PostJsonAsync("/api/v1/tokens", """{"name":"up","role":"Owner","serverCapabilities":["server.operate"]}""")).ValidationErrorsAsync());
        Assert.Equal(["serverCapabilities"], await (await client.PostJsonAsync("/api/v1/tokens", """{"name":"odd","role":"Owner","serverCapabilities":["root"]}""")).ValidationErrorsAsync());
    }
}
