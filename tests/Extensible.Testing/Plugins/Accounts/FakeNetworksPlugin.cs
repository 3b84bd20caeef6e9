using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Extensible.Testing.Plugins.Accounts;

/// <summary>
/// Two made-up networks for connecting accounts, compiled when a test needs them: <c>oauthnet</c> connects with OAuth 2
/// and PKCE (S256) against a fake authorization page, hands out tokens that expire and refreshes them without returning
/// a new refresh token; <c>tokennet</c> asks for a server address and a secret token. Neither reaches any network.
/// </summary>
public static class FakeNetworksPlugin
{
    public const string Id = "test.fakenets";
    public const string OAuthKey = "oauthnet";
    public const string TokenKey = "tokennet";

    /// <summary>The client id the OAuth network expects when the workspace set no app of its own.</summary>
    public const string ServerClientId = "server-app";

    /// <summary>The token the token network accepts.</summary>
    public const string GoodToken = "good-token-0123456789";

    public static TestPlugin Build(string version = "1.0.0") => new(Id, "Fake networks", version, Source)
    {
        Description = "OAuth and token networks for connecting accounts in tests.",
    };

    /// <summary>
    /// What the fake authorization page sends back for <paramref name="authorizationUrl"/> when <paramref name="login"/>
    /// authorizes: the callback URI with the code (carrying the PKCE challenge and the client id) and the state.
    /// </summary>
    public static Uri Authorize(Uri authorizationUrl, string login, string? state = null)
    {
        var query = QueryHelpers.ParseQuery(authorizationUrl.Query);
        var code = $"{query["code_challenge"]}~{query["client_id"]}~{login}";
        var callback = query["redirect_uri"].ToString();
        return new Uri(QueryHelpers.AddQueryString(callback, new Dictionary<string, string?> { ["code"] = code, ["state"] = state ?? query["state"].ToString() }));
    }

    /// <summary>The state an authorization URL carries.</summary>
    public static string StateOf(Uri authorizationUrl) => QueryHelpers.ParseQuery(authorizationUrl.Query)["state"].ToString();

    /// <summary>The S256 PKCE challenge of a verifier.</summary>
    public static string Challenge(string verifier) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Globalization;
        using System.Security.Cryptography;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Extensible.Sdk;
        using Extensible.Sdk.Connectors;

        namespace Test.FakeNets;

        public sealed class FakeNetsPlugin : IPlugin
        {
            public void Register(IPluginBuilder plugin)
            {
                plugin.UseSettings<FakeNetsSettings>();
                plugin.AddConnector(context => new OAuthNet(context));
                plugin.AddConnector(context => new TokenNet());
            }
        }

        public sealed class FakeNetsSettings
        {
            [Display(Name = "Authorization page")]
            [Required, StringLength(500)]
            public string AuthorizeUrl { get; set; } = "https://oauthnet.invalid/authorize";

            [Display(Name = "Access tokens last (seconds)")]
            [Range(0, 1000000)]
            public int ExpiresInSeconds { get; set; } = 3600;

            [Display(Name = "Refresh fails")]
            public bool RefreshFails { get; set; }
        }

        public static class Pkce
        {
            public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            public static string Challenge(string verifier) => Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        }

        public sealed class OAuthNet(IPluginContext context) : IPlatformConnector
        {
            public PlatformProfile Profile { get; } = new()
            {
                Key = "oauthnet",
                DisplayName = "OAuth network (fake)",
                Auth = AuthMethod.OAuth2Pkce,
                Content = ContentKinds.Text,
                Text = new TextLimit(500, LengthCounting.Graphemes),
            };

            public Task<ConnectStart> BeginConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
            {
                var settings = context.GetSettings<FakeNetsSettings>();
                var verifier = Pkce.Encode(RandomNumberGenerator.GetBytes(32));
                var clientId = request.AppCredentials?.ClientId ?? "server-app";
                var url = settings.AuthorizeUrl + "?response_type=code&client_id=" + Uri.EscapeDataString(clientId)
                    + "&redirect_uri=" + Uri.EscapeDataString(request.RedirectUri.AbsoluteUri) + "&state=" + Uri.EscapeDataString(request.State)
                    + "&code_challenge=" + Pkce.Challenge(verifier) + "&code_challenge_method=S256";
                return Task.FromResult(new ConnectStart { AuthorizationUrl = new Uri(url), Verifier = verifier });
            }

            public Task<ConnectedAccount> CompleteConnectAsync(ConnectCompletion completion, CancellationToken cancellationToken)
            {
                var parts = (completion.Fields.TryGetValue("code", out var code) ? code : "").Split('~');
                if (parts.Length != 3 || completion.Verifier is null || Pkce.Challenge(completion.Verifier) != parts[0])
                {
                    throw PlatformException.Rejected("invalid_grant: the code verifier does not match.");
                }

                var clientId = completion.AppCredentials?.ClientId ?? "server-app";
                if (parts[1] != clientId)
                {
                    throw PlatformException.Rejected("invalid_client: the code was issued to another app.");
                }

                var login = parts[2];
                var expires = context.GetSettings<FakeNetsSettings>().ExpiresInSeconds;
                return Task.FromResult(new ConnectedAccount
                {
                    PlatformAccountId = "oa-" + login,
                    Handle = "@" + login,
                    DisplayName = "OAuth " + login,
                    ProfileUrl = new Uri("https://oauthnet.invalid/" + Uri.EscapeDataString(login)),
                    AvatarUrl = new Uri("https://oauthnet.invalid/avatars/" + Uri.EscapeDataString(login) + ".png"),
                    Credentials = new AccountCredentials
                    {
                        PlatformAccountId = "oa-" + login,
                        Values = new Dictionary<string, string>
                        {
                            ["access_token"] = "at-" + Pkce.Encode(RandomNumberGenerator.GetBytes(12)),
                            ["refresh_token"] = "rt-" + Pkce.Encode(RandomNumberGenerator.GetBytes(12)),
                            ["client_id"] = clientId,
                            ["client_secret"] = completion.AppCredentials?.ClientSecret ?? "",
                        },
                        ExpiresAt = context.Time.GetUtcNow().AddSeconds(expires),
                    },
                });
            }

            public async Task<AccountCredentials> RefreshCredentialsAsync(AccountCredentials credentials, CancellationToken cancellationToken)
            {
                var count = int.Parse(await context.Store.GetAsync("refreshes", cancellationToken) ?? "0", CultureInfo.InvariantCulture) + 1;
                await context.Store.SetAsync("refreshes", count.ToString(CultureInfo.InvariantCulture), cancellationToken);
                if (context.GetSettings<FakeNetsSettings>().RefreshFails)
                {
                    throw PlatformException.NeedsReconnect("invalid_grant: the refresh token was revoked.");
                }

                credentials.Require("refresh_token");
                // Which app asked: the workspace's own (handed in by the host) or the one the account was connected with.
                await context.Store.SetAsync("refreshed-with", credentials.App?.ClientId ?? credentials.Values.GetValueOrDefault("client_id") ?? "", cancellationToken);
                // Like many networks, a new access token and no new refresh token: the host keeps the old one.
                return new AccountCredentials
                {
                    PlatformAccountId = credentials.PlatformAccountId,
                    Values = new Dictionary<string, string> { ["access_token"] = "at-refreshed-" + count.ToString(CultureInfo.InvariantCulture) },
                    ExpiresAt = context.Time.GetUtcNow().AddHours(1),
                };
            }

            public async Task<PublishedPost> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
            {
                if (request.Content.Text.Contains("[renew]", StringComparison.Ordinal))
                {
                    // As a network that says the access token expired: the connector renews on the spot (rotating the
                    // refresh token) and hands the renewed credentials to the host, noting what the host answered.
                    var renewed = new AccountCredentials
                    {
                        PlatformAccountId = request.Account.PlatformAccountId,
                        Values = new Dictionary<string, string>
                        {
                            ["access_token"] = "at-renewed-" + request.IdempotencyKey,
                            ["refresh_token"] = "rt-renewed-" + request.IdempotencyKey,
                        },
                        ExpiresAt = context.Time.GetUtcNow().AddHours(2),
                    };
                    var kept = await context.KeepRenewedCredentialsAsync(request.Account, renewed, cancellationToken);
                    await context.Store.SetAsync("renewal-kept-" + request.IdempotencyKey, kept ? "yes" : "no", cancellationToken);
                }

                return new PublishedPost("oauthnet-" + request.IdempotencyKey, null);
            }
        }

        public sealed class TokenNet : IPlatformConnector
        {
            public PlatformProfile Profile { get; } = new()
            {
                Key = "tokennet",
                DisplayName = "Token network (fake)",
                Auth = AuthMethod.Token,
                Content = ContentKinds.Text,
                Text = new TextLimit(500, LengthCounting.Graphemes),
            };

            public Task<ConnectStart> BeginConnectAsync(ConnectRequest request, CancellationToken cancellationToken) =>
                Task.FromResult(new ConnectStart { Fields = [new ConnectField("server", "Server address", false) { IsOptional = true, Help = "Empty for social.example." }, new ConnectField("token", "Access token", true)] });

            public Task<ConnectedAccount> CompleteConnectAsync(ConnectCompletion completion, CancellationToken cancellationToken)
            {
                if (completion.Fields["token"] != "good-token-0123456789")
                {
                    throw PlatformException.Rejected("The access token was refused.");
                }

                var server = completion.Fields.GetValueOrDefault("server", "social.example");
                return Task.FromResult(new ConnectedAccount
                {
                    PlatformAccountId = "tn-" + server,
                    Handle = "@brand@" + server,
                    DisplayName = "Brand on " + server,
                    Credentials = new AccountCredentials
                    {
                        PlatformAccountId = "tn-" + server,
                        Values = new Dictionary<string, string> { ["token"] = completion.Fields["token"], ["server"] = server },
                    },
                });
            }

            public Task<PublishedPost> PublishAsync(PublishRequest request, CancellationToken cancellationToken) =>
                Task.FromResult(new PublishedPost("tokennet-" + request.IdempotencyKey, null));
        }
        """;
}
