using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Extensible.Testing.Networks.Mastodon;

/// <summary>Apps, the authorization page, the token endpoint, bearer tokens and the instance's description.</summary>
public sealed partial class FakeMastodon
{
    private readonly Dictionary<string, App> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeMastodonAccount> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _scopes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _revoked = new(StringComparer.Ordinal);

    /// <summary>The apps registered so far (client ids), oldest first.</summary>
    public IReadOnlyList<string> RegisteredApps
    {
        get
        {
            lock (_gate)
            {
                return [.. _apps.Keys];
            }
        }
    }

    /// <summary>The tokens issued so far.</summary>
    public IReadOnlyList<string> IssuedTokens
    {
        get
        {
            lock (_gate)
            {
                return [.. _tokens.Keys];
            }
        }
    }

    /// <summary>Revokes every token issued so far: the next call with one answers 401.</summary>
    public void RevokeTokens()
    {
        lock (_gate)
        {
            _revoked.UnionWith(_tokens.Keys);
        }
    }

    /// <summary>Registers an app the way an operator would by hand (for a workspace's own app credentials).</summary>
    public (string ClientId, string ClientSecret) RegisterAppByHand(string redirectUri)
    {
        var app = new App(Random("client"), Random("secret"), "by hand", [redirectUri], ["read", "write"]);
        lock (_gate)
        {
            _apps[app.ClientId] = app;
        }

        return (app.ClientId, app.ClientSecret);
    }

    private void MapOAuth(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/apps", async (HttpRequest request) =>
        {
            var form = await ReadFieldsAsync(request);
            var name = form.GetValueOrDefault("client_name");
            var redirects = form.GetValueOrDefault("redirect_uris");
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(redirects))
            {
                return Error(422, string.IsNullOrWhiteSpace(name) ? "Validation failed: Application name can't be blank" : "Validation failed: Redirect URI can't be blank");
            }

            var uris = redirects.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            if (uris.Any(u => !Uri.TryCreate(u, UriKind.Absolute, out _)))
            {
                return Error(422, "Validation failed: Redirect URI must be an absolute URI.");
            }

            var scopes = (form.GetValueOrDefault("scopes") ?? "read").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var registered = new App(Random("client"), Random("secret"), name, uris, scopes);
            lock (_gate)
            {
                _apps[registered.ClientId] = registered;
            }

            return Json(new JsonObject
            {
                ["id"] = NewId(), ["name"] = name, ["website"] = form.GetValueOrDefault("website"), ["scopes"] = new JsonArray([.. scopes.Select(s => (JsonNode)s)]),
                ["redirect_uri"] = redirects, ["redirect_uris"] = new JsonArray([.. uris.Select(u => (JsonNode)u)]),
                ["client_id"] = registered.ClientId, ["client_secret"] = registered.ClientSecret,
            });
        });

        app.MapGet("/oauth/authorize", (HttpRequest request) =>
        {
            if (CheckAuthorization(request.Query.ToDictionary(q => q.Key, q => q.Value.ToString())) is { } problem)
            {
                return Results.Content($"<!doctype html><title>Error</title><h1>An error has occurred</h1><p>{HtmlEncoder.Default.Encode(problem)}</p>", "text/html", null, 400);
            }

            var hidden = string.Concat(request.Query.Select(q =>
                $"<input type=\"hidden\" name=\"{HtmlEncoder.Default.Encode(q.Key)}\" value=\"{HtmlEncoder.Default.Encode(q.Value.ToString())}\">"));
            var html = "<!doctype html><title>Authorization required</title><h1>Authorization required</h1>"
                + $"<p>Extensible would like permission to access your account @{BrandUsername}.</p>"
                + $"<form method=\"post\" action=\"/oauth/authorize\">{hidden}<button type=\"submit\">Authorize</button></form>";
            return Results.Content(html, "text/html");
        });

        // Browsers ask for it on the authorization page.
        app.MapGet("/favicon.ico", () => Results.NoContent());

        app.MapPost("/oauth/authorize", async (HttpRequest request) =>
        {
            var form = await ReadFieldsAsync(request);
            if (CheckAuthorization(form) is { } problem)
            {
                return Results.Content(problem, "text/plain", null, 400);
            }

            var code = Random("code");
            lock (_gate)
            {
                _codes[code] = new Grant(form["client_id"], form["redirect_uri"], form["code_challenge"], form.GetValueOrDefault("scope") ?? "read", Brand);
            }

            var state = form.GetValueOrDefault("state");
            var back = form["redirect_uri"] + (form["redirect_uri"].Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + Uri.EscapeDataString(code)
                + (state is null ? "" : "&state=" + Uri.EscapeDataString(state));
            return Results.Redirect(back);
        });

        app.MapPost("/oauth/token", async (HttpRequest request) =>
        {
            var form = await ReadFieldsAsync(request);
            if (form.GetValueOrDefault("grant_type") != "authorization_code")
            {
                return OAuthError("unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
            }

            lock (_gate)
            {
                if (!_apps.TryGetValue(form.GetValueOrDefault("client_id") ?? "", out var client) || client.ClientSecret != form.GetValueOrDefault("client_secret"))
                {
                    return OAuthError("invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.", 401);
                }

                if (!_codes.Remove(form.GetValueOrDefault("code") ?? "", out var grant) || grant.ClientId != client.ClientId)
                {
                    return OAuthError("invalid_grant", "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.");
                }

                if (grant.RedirectUri != form.GetValueOrDefault("redirect_uri"))
                {
                    return OAuthError("invalid_grant", "The redirect URI does not match the one of the authorization request.");
                }

                var verifier = form.GetValueOrDefault("code_verifier") ?? "";
                var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                if (verifier.Length is < 43 or > 128 || challenge != grant.Challenge)
                {
                    return OAuthError("invalid_grant", "The code verifier does not match the code challenge.");
                }

                var token = Random("token");
                _tokens[token] = grant.Account;
                _scopes[token] = grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return Json(new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer", ["scope"] = grant.Scope, ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() });
            }
        });

        app.MapGet("/api/v2/instance", () => Json(new JsonObject
        {
            ["domain"] = Domain,
            ["title"] = "A fake Mastodon",
            ["version"] = "4.3.0",
            ["configuration"] = new JsonObject
            {
                ["urls"] = new JsonObject { ["streaming"] = "wss://fake.mastodon.test" },
                ["accounts"] = new JsonObject { ["max_featured_tags"] = 10 },
                ["statuses"] = new JsonObject { ["max_characters"] = MaxCharacters, ["max_media_attachments"] = 4, ["characters_reserved_per_url"] = 23 },
                ["media_attachments"] = new JsonObject
                {
                    ["supported_mime_types"] = new JsonArray("image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4"),
                    ["image_size_limit"] = 16_777_216, ["image_matrix_limit"] = 33_177_600, ["video_size_limit"] = 103_809_024,
                    ["video_frame_rate_limit"] = 120, ["video_matrix_limit"] = 8_294_400,
                },
                ["polls"] = new JsonObject { ["max_options"] = 4, ["max_characters_per_option"] = 50, ["min_expiration"] = 300, ["max_expiration"] = 2_629_746 },
            },
        }));
    }

    private string? CheckAuthorization(IReadOnlyDictionary<string, string> query)
    {
        if (query.GetValueOrDefault("response_type") != "code")
        {
            return "The authorization server does not support this response type.";
        }

        lock (_gate)
        {
            if (!_apps.TryGetValue(query.GetValueOrDefault("client_id") ?? "", out var client))
            {
                return "Client authentication failed due to unknown client.";
            }

            if (!client.RedirectUris.Contains(query.GetValueOrDefault("redirect_uri") ?? ""))
            {
                return "The redirect uri included is not valid.";
            }

            if ((query.GetValueOrDefault("scope") ?? "read").Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s => !client.Scopes.Contains(s)))
            {
                return "The requested scope is invalid, unknown, or malformed.";
            }
        }

        return query.GetValueOrDefault("code_challenge_method") != "S256" || string.IsNullOrEmpty(query.GetValueOrDefault("code_challenge"))
            ? "PKCE is required: code_challenge with code_challenge_method S256."
            : null;
    }

    /// <summary>
    /// Issues a token for <paramref name="account"/> with <paramref name="scopes"/> (<c>read</c>, <c>read:statuses</c>…),
    /// as an app granted only those would get.
    /// </summary>
    public string IssueToken(FakeMastodonAccount account, params string[] scopes)
    {
        var token = Random("token");
        lock (_gate)
        {
            _tokens[token] = account;
            _scopes[token] = scopes;
        }

        return token;
    }

    /// <summary>
    /// The account a request's bearer token belongs to, or the error to answer: 401 without a valid token, 403 when the
    /// token was not granted <paramref name="scope"/> (<c>read:statuses</c>) or its top-level scope (<c>read</c>).
    /// </summary>
    private FakeMastodonAccount? Caller(HttpRequest request, out IResult? refused, string? scope = null)
    {
        refused = null;
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        lock (_gate)
        {
            if (_tokens.TryGetValue(token, out var account) && !_revoked.Contains(token))
            {
                var granted = _scopes.GetValueOrDefault(token) ?? [];
                if (scope is null || granted.Contains(scope) || granted.Contains(scope.Split(':')[0]))
                {
                    return account;
                }

                refused = Error(403, "This action is outside the authorized scopes");
                return null;
            }
        }

        refused = Error(401, "The access token is invalid");
        return null;
    }

    private static async Task<Dictionary<string, string>> ReadFieldsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        }

        if (request.HasJsonContentType())
        {
            var node = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            return node.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal);
        }

        return [];
    }

    private static IResult OAuthError(string error, string description, int status = 400) =>
        Json(new JsonObject { ["error"] = error, ["error_description"] = description }, status);

    private static string Random(string kind) => kind + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private sealed record App(string ClientId, string ClientSecret, string Name, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> Scopes);

    private sealed record Grant(string ClientId, string RedirectUri, string Challenge, string Scope, FakeMastodonAccount Account);
}
