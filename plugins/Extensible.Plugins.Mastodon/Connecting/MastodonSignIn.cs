using System.Globalization;
using Extensible.Plugins.Mastodon.Instances;
using Extensible.Plugins.Mastodon.Network;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Connecting;

/// <summary>
/// Connecting an account on the instance the person named: the app registered there (once per instance, unless the
/// workspace set its own), OAuth 2 authorization code with PKCE (S256), the token exchanged at <c>/oauth/token</c>, the
/// account read with <c>verify_credentials</c> and the instance's limits with <c>/api/v2/instance</c>.
/// </summary>
internal sealed class MastodonSignIn(IPluginContext context, MastodonApi api)
{
    /// <summary>The scopes asked for: reading mentions, statuses and notifications; writing statuses, media and favourites.</summary>
    public const string Scopes = "read write";

    /// <summary>The connect field naming the instance.</summary>
    public const string InstanceField = "instance";

    public async Task<ConnectStart> BeginAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instance = Instance(request.Fields.GetValueOrDefault(InstanceField));
        var clientId = request.AppCredentials?.ClientId
            ?? (await RegisteredAppAsync(instance, request.RedirectUri, cancellationToken).ConfigureAwait(false)).ClientId;
        var verifier = Pkce.NewVerifier();
        var query = string.Join('&',
            Pair("response_type", "code"), Pair("client_id", clientId), Pair("redirect_uri", request.RedirectUri.AbsoluteUri), Pair("scope", Scopes),
            Pair("state", request.State), Pair("code_challenge", Pkce.Challenge(verifier)), Pair("code_challenge_method", "S256"));
        return new ConnectStart
        {
            AuthorizationUrl = new Uri(instance, "/oauth/authorize?" + query),
            Verifier = new PendingSignIn(InstanceAddress.Key(instance), verifier).Encode(),
        };
    }

    public async Task<ConnectedAccount> CompleteAsync(ConnectCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var pending = PendingSignIn.Decode(completion.Verifier)
            ?? throw PlatformException.Rejected("This sign-in was not started here, or has expired: start connecting again.");
        var instance = Instance(pending.Instance);
        if (completion.Fields.GetValueOrDefault("code") is not { Length: > 0 and <= 2000 } code)
        {
            throw PlatformException.Rejected("The instance sent no authorization code back: start connecting again.");
        }

        var (clientId, clientSecret) = completion.AppCredentials is { } own
            ? (own.ClientId, own.ClientSecret ?? "")
            : await StoredAppAsync(instance, completion.RedirectUri, cancellationToken).ConfigureAwait(false);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["redirect_uri"] = completion.RedirectUri.AbsoluteUri,
            ["code_verifier"] = pending.CodeVerifier,
            ["scope"] = Scopes,
        });
        var token = (await api.SendAsync(HttpMethod.Post, instance, "/oauth/token", null, form, cancellationToken).ConfigureAwait(false)).Body
            .Required("access_token", "token answer");
        var account = (await api.SendAsync(HttpMethod.Get, instance, "/api/v1/accounts/verify_credentials", token, null, cancellationToken).ConfigureAwait(false)).Body;
        var about = (await api.SendAsync(HttpMethod.Get, instance, "/api/v2/instance", null, null, cancellationToken).ConfigureAwait(false)).Body;
        var limits = InstanceLimits.Parse(about);
        var accountId = account.Required("id", "account");
        var username = account.Required("username", "account");
        var domain = about.String("domain") is { Length: > 0 and <= 253 } d ? d : instance.Host;
        var handle = string.Create(CultureInfo.InvariantCulture, $"@{username}@{domain}");
        context.Logger.AccountConnected(accountId, handle);

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["instance"] = InstanceAddress.Key(instance),
            ["access_token"] = token,
            ["handle"] = handle,
        };
        foreach (var (key, value) in limits.ToValues())
        {
            values[key] = value;
        }

        return new ConnectedAccount
        {
            PlatformAccountId = accountId,
            Handle = handle,
            DisplayName = account.String("display_name") is { Length: > 0 } name ? name : username,
            ProfileUrl = account.Url("url"),
            AvatarUrl = account.Url("avatar"),
            // Mastodon tokens do not expire; a revoked one answers 401 and the account needs a reconnect.
            Credentials = new AccountCredentials { PlatformAccountId = accountId, Values = values },
        };
    }

    private static Uri Instance(string? text) =>
        InstanceAddress.TryParse(text, out var origin, out var problem) ? origin : throw PlatformException.Rejected(problem);

    private static string Pair(string name, string value) => Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);

    private async Task<(string ClientId, string ClientSecret)> StoredAppAsync(Uri instance, Uri redirectUri, CancellationToken cancellationToken)
    {
        var key = RegisteredApp.StoreKey(InstanceAddress.Key(instance), redirectUri.AbsoluteUri);
        var app = RegisteredApp.Decode(await context.Store.GetAsync(key, cancellationToken).ConfigureAwait(false))
            ?? throw PlatformException.Rejected("The app registered on this instance is gone: start connecting again.");
        return (app.ClientId, app.ClientSecret);
    }

    private async Task<RegisteredApp> RegisteredAppAsync(Uri instance, Uri redirectUri, CancellationToken cancellationToken)
    {
        var key = RegisteredApp.StoreKey(InstanceAddress.Key(instance), redirectUri.AbsoluteUri);
        if (RegisteredApp.Decode(await context.Store.GetAsync(key, cancellationToken).ConfigureAwait(false)) is { } known)
        {
            return known;
        }

        var settings = context.GetSettings<MastodonSettings>();
        var fields = new Dictionary<string, string>
        {
            ["client_name"] = settings.AppName,
            ["redirect_uris"] = redirectUri.AbsoluteUri,
            ["scopes"] = Scopes,
        };
        if (!string.IsNullOrWhiteSpace(settings.Website))
        {
            fields["website"] = settings.Website;
        }

        using var form = new FormUrlEncodedContent(fields);
        var body = (await api.SendAsync(HttpMethod.Post, instance, "/api/v1/apps", null, form, cancellationToken).ConfigureAwait(false)).Body;
        var app = new RegisteredApp(InstanceAddress.Key(instance), redirectUri.AbsoluteUri, body.Required("client_id", "app registration"),
            body.Required("client_secret", "app registration"));
        await context.Store.SetAsync(key, app.Encode(), cancellationToken).ConfigureAwait(false);
        context.Logger.AppRegistered(instance.Host);
        return app;
    }
}
