using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Extensible.Plugins.Bluesky.Tests.FakePds;

/// <summary>
/// A PDS with its AppView, in the test process (Kestrel on 127.0.0.1): it speaks XRPC as the lexicons define it and
/// refuses — and records as a <see cref="Violations">violation</see> — any request a real PDS would refuse for the
/// client's fault: a wrong method, a missing or wrong-scoped bearer token, a missing field, a record of the wrong shape,
/// facets whose byte ranges do not fit the UTF-8 text, reply refs or blob refs that point at nothing, an
/// <c>atproto-proxy</c> header where none belongs. Access tokens expire by <see cref="Clock"/>; refresh tokens are
/// rotated and revoked like the reference PDS does.
/// </summary>
public sealed partial class FakePds(TimeProvider clock) : IAsyncDisposable
{
    private readonly FakeJwt jwt = new(RandomNumberGenerator.GetBytes(32));
    private readonly Lock gate = new();
    private readonly List<FakeAccount> accounts = [];
    private readonly HashSet<string> liveRefreshTokens = [];
    private readonly ConcurrentQueue<string> violations = new();
    private readonly ConcurrentQueue<FakeCall> calls = new();
    private readonly List<FakeFailure> failures = [];
    private WebApplication? app;

    /// <summary>The clock that decides token expiry and <c>indexedAt</c> (the test's fake clock).</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>How long access tokens live (two hours on the reference PDS).</summary>
    public TimeSpan AccessLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The <c>atproto-proxy</c> header <c>app.bsky.*</c> calls must carry; <see langword="null"/>: they must carry none.</summary>
    public string? ExpectedProxy { get; set; } = "did:web:api.bsky.app#bsky_appview";

    /// <summary>Where the PDS listens.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Requests the PDS refused because the client broke the contract.</summary>
    public IReadOnlyList<string> Violations => [.. violations];

    /// <summary>Every call received, oldest first.</summary>
    public IReadOnlyList<FakeCall> Calls => [.. calls];

    public static async Task<FakePds> StartAsync(TimeProvider clock)
    {
        var pds = new FakePds(clock);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        pds.app = builder.Build();
        pds.app.Map("/xrpc/{nsid}", pds.HandleAsync);
        pds.app.MapFallback((HttpContext http) =>
        {
            pds.violations.Enqueue($"{http.Request.Method} {http.Request.Path}: not an XRPC path");
            return Results.NotFound();
        });
        await pds.app.StartAsync();
        var address = pds.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        pds.Address = new Uri(address.TrimEnd('/') + "/");
        return pds;
    }

    /// <summary>Creates an account with an app password; returns its DID.</summary>
    public string CreateAccount(string handle, string appPassword, string? displayName = null)
    {
        lock (gate)
        {
            var did = "did:plc:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(handle)))[..24];
            accounts.Add(new FakeAccount(did, handle, appPassword, displayName ?? handle));
            return did;
        }
    }

    /// <summary>The account with <paramref name="did"/>, to set what the AppView says of it (its followers).</summary>
    public FakeAccount Account(string did)
    {
        lock (gate)
        {
            return accounts.Single(a => a.Did == did);
        }
    }

    /// <summary>The next <paramref name="count"/> calls answer 429, asking to wait until <paramref name="resetAt"/>.</summary>
    public void RateLimitNext(int count, DateTimeOffset resetAt)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                failures.Add(new FakeFailure(null, 0, 429, "RateLimitExceeded", "Rate Limit Exceeded") { ResetAt = resetAt });
            }
        }
    }

    /// <summary>
    /// The call of <paramref name="nsid"/> after <paramref name="skip"/> more calls of it fails with
    /// <paramref name="status"/> and an XRPC error body (429s carry <paramref name="resetAt"/> in <c>RateLimit-Reset</c>).
    /// </summary>
    public void FailCall(string nsid, int skip, int status, string error, string message, DateTimeOffset? resetAt = null)
    {
        lock (gate)
        {
            failures.Add(new FakeFailure(nsid, skip, status, error, message) { ResetAt = resetAt });
        }
    }

    /// <summary>Revokes every refresh token (an app password deleted by the account's owner).</summary>
    public void RevokeAllSessions()
    {
        lock (gate)
        {
            liveRefreshTokens.Clear();
            foreach (var account in accounts)
            {
                account.Revoked = true;
            }
        }
    }

    public void AssertNoViolations() => Assert.True(violations.IsEmpty, "The fake PDS saw contract violations:\n" + string.Join("\n", violations));

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext http, string nsid)
    {
        var request = http.Request;
        var body = await ReadBodyAsync(request);
        calls.Enqueue(new FakeCall(request.Method, nsid, request.QueryString.Value ?? "", request.Headers.Authorization.ToString(),
            request.Headers["atproto-proxy"].ToString(), request.ContentType, body));
        FakeAnswer answer;
        lock (gate)
        {
            answer = Answer(request, nsid, body);
        }

        var now = Clock.GetUtcNow();
        http.Response.Headers["RateLimit-Limit"] = "3000";
        http.Response.Headers["RateLimit-Policy"] = "3000;w=300";
        http.Response.Headers["RateLimit-Remaining"] = answer.Status == 429 ? "0" : "2999";
        http.Response.Headers["RateLimit-Reset"] = (answer.ResetAt ?? now.AddMinutes(5)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        http.Response.StatusCode = answer.Status;
        if (answer.Json is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(answer.Json.ToJsonString());
        }
    }

    private FakeAnswer Answer(HttpRequest request, string nsid, byte[] body)
    {
        if (failures.FirstOrDefault(f => f.Nsid is null || f.Nsid == nsid) is { } failure)
        {
            failures.Remove(failure);
            if (failure.Skip > 0)
            {
                failures.Insert(0, failure with { Skip = failure.Skip - 1 });
            }
            else
            {
                return new FakeAnswer(failure.Status, Error(failure.Error, failure.Message)) { ResetAt = failure.ResetAt };
            }
        }

        if (!Methods.TryGetValue(nsid, out var method))
        {
            return Violation(501, "MethodNotImplemented", $"{nsid}: no such method on this PDS");
        }

        if (!string.Equals(request.Method, method.Verb, StringComparison.Ordinal))
        {
            return Violation(400, "InvalidRequest", $"{nsid} is a {(method.Verb == "GET" ? "query" : "procedure")}: {method.Verb}, not {request.Method}");
        }

        var proxy = request.Headers["atproto-proxy"].ToString();
        var wantedProxy = nsid.StartsWith("app.bsky.", StringComparison.Ordinal) ? ExpectedProxy : null;
        if ((wantedProxy ?? "") != proxy)
        {
            return Violation(400, "InvalidRequest", $"{nsid}: atproto-proxy '{proxy}' where '{wantedProxy}' belongs");
        }

        JsonObject? input = null;
        if (method.Verb == "POST" && method.JsonInput)
        {
            if (body.Length > 0 || method.Auth != AuthKind.Refresh)
            {
                if (!(request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                {
                    return Violation(400, "InvalidRequest", $"{nsid}: body must be application/json, not '{request.ContentType}'");
                }

                try
                {
                    input = JsonNode.Parse(body) as JsonObject;
                }
                catch (JsonException)
                {
                }

                if (input is null)
                {
                    return Violation(400, "InvalidRequest", $"{nsid}: body is not a JSON object");
                }
            }
        }

        FakeAccount? caller = null;
        string? tokenId = null;
        if (method.Auth != AuthKind.None)
        {
            var header = request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Violation(401, "AuthMissing", $"{nsid}: no bearer token");
            }

            var token = header["Bearer ".Length..];
            var claims = jwt.Verify(token);
            if (claims is null)
            {
                return Violation(400, "InvalidToken", $"{nsid}: a token this PDS never issued");
            }

            var scope = claims["scope"]!.GetValue<string>();
            var wantedScope = method.Auth == AuthKind.Refresh ? FakeJwt.RefreshScope : FakeJwt.AccessScope;
            if (scope != wantedScope)
            {
                return Violation(400, "InvalidToken", $"{nsid}: called with a {scope} token, not {wantedScope}");
            }

            if (DateTimeOffset.FromUnixTimeSeconds(claims["exp"]!.GetValue<long>()) <= Clock.GetUtcNow())
            {
                return new FakeAnswer(400, Error("ExpiredToken", "Token has expired"));
            }

            caller = accounts.Single(a => a.Did == claims["sub"]!.GetValue<string>());
            tokenId = token;
            if (caller.Revoked && method.Auth == AuthKind.Access)
            {
                return new FakeAnswer(400, Error("InvalidToken", "Token has been revoked"));
            }
        }

        var query = request.Query;
        return nsid switch
        {
            "com.atproto.server.createSession" => CreateSession(input!),
            "com.atproto.server.refreshSession" => RefreshSession(caller!, tokenId!),
            "com.atproto.identity.resolveHandle" => ResolveHandle(query),
            "com.atproto.repo.createRecord" => CreateRecord(caller!, input!),
            "com.atproto.repo.getRecord" => GetRecord(query),
            "com.atproto.repo.deleteRecord" => DeleteRecord(caller!, input!),
            "com.atproto.repo.uploadBlob" => UploadBlob(caller!, request.ContentType, body),
            "app.bsky.actor.getProfile" => GetProfile(query),
            "app.bsky.notification.listNotifications" => ListNotifications(caller!, query),
            "app.bsky.feed.getPostThread" => GetPostThread(caller!, query),
            "app.bsky.feed.getPosts" => GetPosts(caller!, query),
            _ => Violation(501, "MethodNotImplemented", nsid),
        };
    }

    private FakeAnswer CreateSession(JsonObject input)
    {
        if (Text(input, "identifier") is not { } identifier || Text(input, "password") is not { } password)
        {
            return Violation(400, "InvalidRequest", "createSession: identifier and password are required");
        }

        var account = accounts.FirstOrDefault(a => string.Equals(a.Handle, identifier, StringComparison.OrdinalIgnoreCase) || a.Did == identifier);
        if (account is null || account.AppPassword != password)
        {
            return new FakeAnswer(401, Error("AuthenticationRequired", "Invalid identifier or password"));
        }

        account.Revoked = false;
        return new FakeAnswer(200, Session(account));
    }

    private FakeAnswer RefreshSession(FakeAccount account, string refreshToken)
    {
        if (!liveRefreshTokens.Remove(refreshToken))
        {
            return new FakeAnswer(400, Error("ExpiredToken", "Token has been revoked"));
        }

        return new FakeAnswer(200, Session(account));
    }

    private JsonObject Session(FakeAccount account)
    {
        var now = Clock.GetUtcNow();
        var refresh = jwt.Issue(account.Did, FakeJwt.RefreshScope, now, TimeSpan.FromDays(90));
        liveRefreshTokens.Add(refresh);
        account.Sessions++;
        return new JsonObject
        {
            ["accessJwt"] = jwt.Issue(account.Did, FakeJwt.AccessScope, now, AccessLifetime),
            ["refreshJwt"] = refresh,
            ["handle"] = account.Handle,
            ["did"] = account.Did,
            ["didDoc"] = new JsonObject
            {
                ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1"),
                ["id"] = account.Did,
                ["alsoKnownAs"] = new JsonArray($"at://{account.Handle}"),
                ["service"] = new JsonArray(new JsonObject
                {
                    ["id"] = "#atproto_pds", ["type"] = "AtprotoPersonalDataServer", ["serviceEndpoint"] = Address.AbsoluteUri.TrimEnd('/'),
                }),
            },
            ["active"] = true,
        };
    }

    private FakeAnswer ResolveHandle(IQueryCollection query)
    {
        var handle = query["handle"].ToString();
        if (handle.Length == 0)
        {
            return Violation(400, "InvalidRequest", "resolveHandle: handle is required");
        }

        return accounts.FirstOrDefault(a => string.Equals(a.Handle, handle, StringComparison.OrdinalIgnoreCase)) is { } account
            ? new FakeAnswer(200, new JsonObject { ["did"] = account.Did })
            : new FakeAnswer(400, Error("InvalidRequest", "Unable to resolve handle"));
    }

    private FakeAnswer GetProfile(IQueryCollection query)
    {
        var actor = query["actor"].ToString();
        var account = accounts.FirstOrDefault(a => a.Did == actor || a.Handle == actor);
        return account is null
            ? new FakeAnswer(400, Error("InvalidRequest", "Profile not found"))
            : new FakeAnswer(200, new JsonObject
            {
                ["did"] = account.Did, ["handle"] = account.Handle, ["displayName"] = account.DisplayName,
                ["followersCount"] = account.Followers, ["followsCount"] = account.Follows, ["postsCount"] = PostsOf(account.Did),
            });
    }

    private FakeAnswer Violation(int status, string error, string what)
    {
        violations.Enqueue(what);
        return new FakeAnswer(status, Error(error, what));
    }

    private static JsonObject Error(string error, string message) => new() { ["error"] = error, ["message"] = message };

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject json && json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static string Cid(string text) =>
        "bafyrei" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..52];

    private enum AuthKind
    {
        None,
        Access,
        Refresh,
    }

    private sealed record MethodSpec(string Verb, AuthKind Auth, bool JsonInput = true);

    private static readonly Dictionary<string, MethodSpec> Methods = new(StringComparer.Ordinal)
    {
        ["com.atproto.server.createSession"] = new("POST", AuthKind.None),
        ["com.atproto.server.refreshSession"] = new("POST", AuthKind.Refresh),
        ["com.atproto.identity.resolveHandle"] = new("GET", AuthKind.Access),
        ["com.atproto.repo.createRecord"] = new("POST", AuthKind.Access),
        ["com.atproto.repo.getRecord"] = new("GET", AuthKind.Access),
        ["com.atproto.repo.deleteRecord"] = new("POST", AuthKind.Access),
        ["com.atproto.repo.uploadBlob"] = new("POST", AuthKind.Access, JsonInput: false),
        ["app.bsky.actor.getProfile"] = new("GET", AuthKind.Access),
        ["app.bsky.notification.listNotifications"] = new("GET", AuthKind.Access),
        ["app.bsky.feed.getPostThread"] = new("GET", AuthKind.Access),
        ["app.bsky.feed.getPosts"] = new("GET", AuthKind.Access),
    };
}
