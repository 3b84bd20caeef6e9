using System.Security.Claims;
using Extensible.People;
using Extensible.Publishing.Accounts;
using Extensible.Sdk.Connectors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Extensible.Host.Api;

/// <summary>
/// <c>/api/v1/accounts</c>: the workspace's connected accounts, connecting (OAuth start, fields, credential-free),
/// disconnecting, pausing and resuming, and the workspace's own app credentials per network. Reading takes
/// <c>member</c>; changes take <c>manage workspace</c>, as in the console's Accounts room.
/// </summary>
internal static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        api.MapGet("/accounts", ListAsync).WithTags("Accounts").RequireAuthorization(Policies.Member)
            .WithName("ListAccounts").WithSummary("The workspace's connected accounts")
            .WithDescription("By network then name, with health (connected, needs_reconnect), paused, last publish and last error. Disconnected accounts only with ?includeDisconnected=true. Never credentials.");
        accounts.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Member).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetAccount").WithSummary("One account");
        accounts.MapGet("/networks", NetworksAsync).RequireAuthorization(Policies.Member)
            .WithName("ListNetworks").WithSummary("Networks accounts can connect to")
            .WithDescription("The running connectors: their plugin, network key, name, how accounts connect and whether the workspace set its own app credentials.");
        accounts.MapPost("/connect/start", StartAsync).RequireAuthorization(Policies.ManageWorkspace).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("StartAccountConnect").WithSummary("Start connecting an account")
            .WithDescription("OAuth networks: returns the network's authorization URL (networks whose server the person names, like Mastodon, first return the fields to send back in `fields`: the instance), carrying a state that works once, for about 10 minutes, for the caller in this workspace; the network sends the person back to the console's callback (/accounts/callback/{pluginId}), where they must be signed in. Other networks: returns the fields POST /api/v1/accounts wants.");
        api.MapPost("/accounts", ConnectAsync).WithTags("Accounts").RequireAuthorization(Policies.ManageWorkspace)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ConnectAccount").WithSummary("Connect an account with fields, or without credentials")
            .WithDescription("For networks without credentials (the sandbox) and those asking for an app password or token: the connector checks the fields and the account is connected (or, with reconnectAccountId or when the same network account was connected before, reconnected). Refused input or a refusal by the network: 400, nothing stored.");
        accounts.MapDelete("/{id:guid}", DisconnectAsync).RequireAuthorization(Policies.ManageWorkspace).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DisconnectAccount").WithSummary("Disconnect an account").WithDescription("Its credentials are forgotten; connect it again to publish from it.");
        accounts.MapPost("/{id:guid}/pause", PauseAsync).RequireAuthorization(Policies.ManageWorkspace)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("PauseAccount").WithSummary("Pause publishing from an account");
        accounts.MapPost("/{id:guid}/resume", ResumeAsync).RequireAuthorization(Policies.ManageWorkspace)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ResumeAccount").WithSummary("Resume publishing from an account");
        accounts.MapGet("/apps", AppsAsync).RequireAuthorization(Policies.ManageWorkspace)
            .WithName("ListAppCredentials").WithSummary("The workspace's own app credentials, per network")
            .WithDescription("For each running network, whether the workspace set its own app credentials. Never the credentials.");
        accounts.MapPut("/apps/{platformKey}", SetAppAsync).RequireAuthorization(Policies.ManageWorkspace).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("SetAppCredentials").WithSummary("Set the workspace's app credentials for a network")
            .WithDescription("The client id and secret of the workspace's own app on the network (an agency's client's app), encrypted at rest and handed to the connector when accounts connect. Never returned.");
        accounts.MapDelete("/apps/{platformKey}", RemoveAppAsync).RequireAuthorization(Policies.ManageWorkspace).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("RemoveAppCredentials").WithSummary("Remove the workspace's app credentials for a network")
            .WithDescription("Connecting goes back to the connector's server-wide app settings.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<AccountResponse>>> ListAsync(AccountDirectory directory, ClaimsPrincipal caller, CancellationToken aborted, bool includeDisconnected = false)
    {
        IReadOnlyList<AccountResponse> list = [.. (await directory.ListAsync(caller.WorkspaceId(), includeDisconnected, aborted)).Select(AccountResponse.From)];
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAsync(Guid id, AccountDirectory directory, ClaimsPrincipal caller, CancellationToken aborted) =>
        await directory.FindAsync(caller.WorkspaceId(), id, aborted) is { } account
            ? TypedResults.Ok(AccountResponse.From(account))
            : ApiProblems.NotFound("No such account in this workspace.");

    private static async Task<Ok<IReadOnlyList<NetworkResponse>>> NetworksAsync(AccountService accounts, AccountDirectory directory, ClaimsPrincipal caller, CancellationToken aborted)
    {
        var apps = await directory.AppCredentialKeysAsync(caller.WorkspaceId(), aborted);
        IReadOnlyList<NetworkResponse> list = [.. (await accounts.NetworksAsync(aborted))
            .Select(n => new NetworkResponse(n.PluginId, n.PlatformKey, n.Name, AccountsHealth.Wire(n.Auth), apps.Contains(n.PlatformKey)))];
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<ConnectStartResponse>, ProblemHttpResult>> StartAsync(
        JsonBody<ConnectStartRequest> body, AccountService accounts, ClaimsPrincipal caller, HttpContext http, CancellationToken aborted)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var request = body.Value!;
        try
        {
            var (pluginId, platformKey) = Required(request.PluginId, request.PlatformKey);
            var callback = ConnectCallback.For($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", pluginId);
            var begun = await accounts.BeginConnectAsync(caller.WorkspaceId(), pluginId, platformKey, callback, caller.UserId(), request.ReconnectAccountId, aborted,
                request.Fields);
            return TypedResults.Ok(new ConnectStartResponse(AccountsHealth.Wire(begun.Auth), begun.AuthorizationUrl?.AbsoluteUri,
                [.. begun.Fields.Select(f => new ConnectFieldResponse(f.Name, f.Label, f.IsSecret) { IsOptional = f.IsOptional, Help = f.Help })]));
        }
        catch (AccountRequestException e)
        {
            return Problem(e);
        }
    }

    private static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> ConnectAsync(
        JsonBody<ConnectAccountRequest> body, AccountService accounts, AccountDirectory directory, ClaimsPrincipal caller, CancellationToken aborted)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var request = body.Value!;
        try
        {
            var (pluginId, platformKey) = Required(request.PluginId, request.PlatformKey);
            var id = await accounts.ConnectWithFieldsAsync(caller.WorkspaceId(), pluginId, platformKey, request.Fields ?? new Dictionary<string, string>(),
                caller.Actor(), caller.UserId(), aborted, request.ReconnectAccountId);
            var account = await directory.FindAsync(caller.WorkspaceId(), id, aborted);
            return TypedResults.Created($"/api/v1/accounts/{id}", AccountResponse.From(account!));
        }
        catch (AccountRequestException e)
        {
            return Problem(e);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DisconnectAsync(Guid id, AccountService accounts, ClaimsPrincipal caller, CancellationToken aborted)
    {
        try
        {
            await accounts.DisconnectAsync(caller.WorkspaceId(), id, caller.Actor(), caller.UserId(), aborted);
            return TypedResults.NoContent();
        }
        catch (AccountRequestException e)
        {
            return Problem(e);
        }
    }

    private static Task<Results<Ok<AccountResponse>, ProblemHttpResult>> PauseAsync(
        Guid id, AccountService accounts, AccountDirectory directory, ClaimsPrincipal caller, CancellationToken aborted) =>
        SetPausedAsync(id, true, accounts, directory, caller, aborted);

    private static Task<Results<Ok<AccountResponse>, ProblemHttpResult>> ResumeAsync(
        Guid id, AccountService accounts, AccountDirectory directory, ClaimsPrincipal caller, CancellationToken aborted) =>
        SetPausedAsync(id, false, accounts, directory, caller, aborted);

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> SetPausedAsync(
        Guid id, bool paused, AccountService accounts, AccountDirectory directory, ClaimsPrincipal caller, CancellationToken aborted)
    {
        try
        {
            await accounts.SetPausedAsync(caller.WorkspaceId(), id, paused, caller.Actor(), caller.UserId(), aborted);
            return TypedResults.Ok(AccountResponse.From((await directory.FindAsync(caller.WorkspaceId(), id, aborted))!));
        }
        catch (AccountRequestException e)
        {
            return Problem(e);
        }
    }

    private static async Task<Ok<IReadOnlyList<AppCredentialsResponse>>> AppsAsync(AccountService accounts, AccountDirectory directory, ClaimsPrincipal caller, CancellationToken aborted)
    {
        var set = await directory.AppCredentialKeysAsync(caller.WorkspaceId(), aborted);
        IReadOnlyList<AppCredentialsResponse> list = [.. (await accounts.NetworksAsync(aborted)).Select(n => n.PlatformKey).Distinct(StringComparer.Ordinal)
            .Select(key => new AppCredentialsResponse(key, set.Contains(key)))];
        return TypedResults.Ok(list);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetAppAsync(
        string platformKey, JsonBody<AppCredentialsRequest> body, AccountService accounts, ClaimsPrincipal caller, CancellationToken aborted)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            var credentials = new AppCredentials { ClientId = body.Value!.ClientId ?? "", ClientSecret = body.Value.ClientSecret };
            await accounts.SetAppCredentialsAsync(caller.WorkspaceId(), platformKey, credentials, caller.Actor(), caller.UserId(), aborted);
            return TypedResults.NoContent();
        }
        catch (AccountRequestException e)
        {
            return Problem(e);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAppAsync(
        string platformKey, AccountService accounts, ClaimsPrincipal caller, CancellationToken aborted)
    {
        try
        {
            await accounts.SetAppCredentialsAsync(caller.WorkspaceId(), platformKey, null, caller.Actor(), caller.UserId(), aborted);
            return TypedResults.NoContent();
        }
        catch (AccountRequestException e)
        {
            return Problem(e);
        }
    }

    private static (string PluginId, string PlatformKey) Required(string? pluginId, string? platformKey)
    {
        if (string.IsNullOrWhiteSpace(pluginId))
        {
            throw new AccountRequestException(AccountProblem.Invalid, "Name the connector's plugin (see GET /api/v1/accounts/networks).", "pluginId");
        }

        if (string.IsNullOrWhiteSpace(platformKey))
        {
            throw new AccountRequestException(AccountProblem.Invalid, "Name the network (see GET /api/v1/accounts/networks).", "platformKey");
        }

        return (pluginId.Trim(), platformKey.Trim());
    }

    // A refused field reads like the API's other validation problems (errors by field); other refusals carry their message.
    private static ProblemHttpResult Problem(AccountRequestException e) => e.Problem switch
    {
        AccountProblem.NotFound => ApiProblems.NotFound(e.Message),
        AccountProblem.Invalid when e.Field is { } field => TypedResults.Problem(
            new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [e.Message] }) { Status = StatusCodes.Status400BadRequest }),
        _ => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest),
    };
}
