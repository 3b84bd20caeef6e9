using System.Net;
using System.Text;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Extensible.Host.Tests.Api;

/// <summary>
/// Every endpoint the host maps — read from its routing table, so new endpoints and pages are covered the day they
/// are added — called anonymously and by each role, with an API token and with a session cookie. What each caller
/// may do comes from the endpoint's own metadata (<c>[AllowAnonymous]</c>, the policies it names) and the role sets
/// below; a refusal is 401/403 or, for pages, a redirect to the sign-in or access-denied page.
/// </summary>
public sealed class authorization_matrix(ApiHost api, ITestOutputHelper output) : IClassFixture<ApiHost>
{
    private static readonly Role[] AllRoles = [Role.Owner, Role.Admin, Role.Editor, Role.Moderator, Role.Analyst];

    // Written out here rather than read from SecurityExtensions, so that widening a policy there fails this test.
    private static readonly Dictionary<string, Role[]> PolicyRoles = new()
    {
        [Policies.SignedIn] = AllRoles,
        [Policies.Member] = AllRoles,
        [Policies.Compose] = [Role.Owner, Role.Admin, Role.Editor],
        [Policies.Moderate] = [Role.Owner, Role.Admin, Role.Moderator],
        [Policies.Administer] = [Role.Owner, Role.Admin],
        [Policies.Owner] = [Role.Owner],
    };

    private readonly Dictionary<Caller, Credential> _credentials = [];
    private readonly Dictionary<Guid, ConsoleToken> _consoleTokens = [];

    [Fact]
    public async Task every_endpoint_allows_exactly_the_roles_its_metadata_names()
    {
        var callers = new List<Caller> { new(null, ViaCookie: false) };
        foreach (var role in AllRoles)
        {
            var person = role == Role.Owner ? api.Owner : await api.AddMemberAsync(role);
            callers.Add(new Caller(person, ViaCookie: false));
            callers.Add(new Caller(person, ViaCookie: true));
        }

        var endpoints = EndpointsToCall();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/v1/me");
        using var client = api.Client();
        output.WriteLine($"{"endpoint",-70} {"allowed",-50} {string.Join(' ', callers)}");
        var failures = new List<string>();
        var calls = 0;
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : HttpMethods.Get;
            var name = $"{method} {endpoint.RoutePattern.RawText}";
            var expectation = Expectation.Of(endpoint);
            if (expectation.Problem is { } problem)
            {
                failures.Add($"{name}: {problem}");
                continue;
            }

            var outcomes = new List<int>();
            foreach (var caller in callers)
            {
                var path = await PathAsync(endpoint.RoutePattern, caller);
                if (path is null)
                {
                    failures.Add($"{name}: the matrix does not know what to put in its route parameters; teach PathAsync.");
                    break;
                }

                using var response = await client.SendAsync(await RequestAsync(method, path, caller));
                calls++;
                var status = (int)response.StatusCode;
                outcomes.Add(status);
                var refused = status is 401 or 403 || (!expectation.Public && IsRedirectToSignIn(response));
                var allowed = expectation.Allows(caller);
                if (allowed && refused)
                {
                    failures.Add($"{name} ({path}) refused {caller} with {status} {response.Headers.Location}, but its metadata allows them.");
                }
                else if (!allowed && !refused)
                {
                    failures.Add($"UNEXPECTED ALLOW: {name} ({path}) answered {caller} with {status}, but its metadata allows only {expectation}.");
                }
                else if (status == 500)
                {
                    failures.Add($"{name} ({path}) failed with 500 for {caller}.");
                }
            }

            output.WriteLine($"{name,-70} {expectation,-50} {string.Join(' ', outcomes)}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls went wrong:\n{string.Join('\n', failures)}");
        Assert.True(calls >= 11 * callers.Count, $"Only {calls} calls were made.");
    }

    [Fact]
    public async Task session_callers_change_nothing_through_the_api_without_the_consoles_token_and_origin()
    {
        var owner = new Caller(api.Owner, ViaCookie: true);
        var anonymous = new Caller(null, ViaCookie: false);
        var own = api.Host.Address;
        var endpoints = EndpointsToCall()
            .Select(e => (Endpoint: e, Method: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : HttpMethods.Get))
            .Where(e => IsUnsafeApiCall(e.Method, "/" + e.Endpoint.RoutePattern.RawText!.TrimStart('/')))
            .ToList();
        Assert.Contains(endpoints, e => e.Method == "POST");
        Assert.Contains(endpoints, e => e.Method == "DELETE");
        using var client = api.Client();
        var failures = new List<string>();
        foreach (var (endpoint, method) in endpoints)
        {
            var path = await PathAsync(endpoint.RoutePattern, owner) ?? throw new InvalidOperationException($"No path for {endpoint.RoutePattern.RawText}.");
            var session = await CredentialAsync(owner);
            var token = await ConsoleTokenAsync(api.Owner, session);
            // Requests as the matrix sends them, then with the session cookie and part of what the console adds.
            var calls = new (string What, HttpRequestMessage Request)[]
            {
                ("neither token nor origin", With(await RequestAsync(method, path, anonymous), ("Cookie", session.Secret))),
                ("the token, from another origin", token.Sign(await RequestAsync(method, path, anonymous), session.Secret, new Uri("http://localhost:9999"))),
                ("its own origin, no token", With(await RequestAsync(method, path, anonymous), ("Cookie", session.Secret), ("Origin", own.GetLeftPart(UriPartial.Authority)))),
                ("the token, no origin", With(await RequestAsync(method, path, anonymous), ("Cookie", $"{session.Secret}; {token.Cookie}"), (Extensible.Admin.AdminExtensions.AntiforgeryHeader, token.RequestToken))),
            };
            foreach (var (what, request) in calls)
            {
                var before = await api.EventCountAsync();
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains("Cross-site request refused", StringComparison.Ordinal))
                {
                    failures.Add($"{method} {path} with {what} answered {(int)response.StatusCode}: {body}");
                }
                else if (await api.EventCountAsync() != before)
                {
                    failures.Add($"{method} {path} with {what} was refused, but stored events.");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static HttpRequestMessage With(HttpRequestMessage request, params (string Name, string Value)[] headers)
    {
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return request;
    }

    private List<RouteEndpoint> EndpointsToCall() =>
    [
        .. api.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true)
            .DistinctBy(e => (e.RoutePattern.RawText, string.Join(',', e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))),
    ];

    private static bool IsRedirectToSignIn(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location
        && new Uri(new Uri("http://host"), location).AbsolutePath is "/account/login" or "/account/denied";

    private async Task<HttpRequestMessage> RequestAsync(string method, string path, Caller caller)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "POST" or "PUT" or "PATCH")
        {
            // An empty object: enough to pass authorization, never enough to change anything.
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        if (caller.Person is null)
        {
            return request;
        }

        var credential = await CredentialAsync(caller);
        if (caller.ViaCookie && IsUnsafeApiCall(method, path))
        {
            // Session callers change things through the API only as the console does: its antiforgery token, its own origin.
            (await ConsoleTokenAsync(caller.Person, credential)).Sign(request, credential.Secret, api.Host.Address);
        }
        else if (caller.ViaCookie)
        {
            request.Headers.Add("Cookie", credential.Secret);
        }
        else
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", credential.Secret);
        }

        return request;
    }

    private static bool IsUnsafeApiCall(string method, string path) =>
        method is not ("GET" or "HEAD") && (path == "/api" || path.StartsWith("/api/", StringComparison.Ordinal));

    // Antiforgery tokens belong to the person, so one per person serves all their sessions.
    private async Task<ConsoleToken> ConsoleTokenAsync(Person person, Credential session)
    {
        if (!_consoleTokens.TryGetValue(person.UserId, out var token))
        {
            using var client = api.Client();
            token = _consoleTokens[person.UserId] = await ConsoleToken.FetchAsync(client, session.Secret);
        }

        return token;
    }

    // The same token or session for a caller as long as it stays valid (a sign-out page may end a session).
    private async Task<Credential> CredentialAsync(Caller caller)
    {
        var person = caller.Person!;
        if (_credentials.TryGetValue(caller, out var known)
            && (caller.ViaCookie ? await api.Directory.IsSessionActiveAsync(known.Id) : await api.Directory.AuthenticateTokenAsync(known.Secret) is not null))
        {
            return known;
        }

        Credential fresh;
        if (caller.ViaCookie)
        {
            var (session, cookie) = await api.SessionAsync(person.Email);
            fresh = new Credential(session, cookie);
        }
        else
        {
            var (id, token) = await api.NewTokenAsync(person);
            fresh = new Credential(id, token);
        }

        _credentials[caller] = fresh;
        return fresh;
    }

    // Real values for route parameters, by the word before them: a call that is allowed reaches real data.
    private async Task<string?> PathAsync(RoutePattern pattern, Caller caller)
    {
        var path = new StringBuilder();
        string? previous = null;
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        text.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        text.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        var value = await ValueAsync(previous, parameter, caller);
                        if (value is null && !parameter.IsOptional)
                        {
                            return null;
                        }

                        text.Append(Uri.EscapeDataString(value ?? ""));
                        break;
                }
            }

            if (text.Length > 0)
            {
                path.Append('/').Append(text);
            }

            previous = segment.Parts.OfType<RoutePatternLiteralPart>().LastOrDefault()?.Content;
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private async Task<string?> ValueAsync(string? previous, RoutePatternParameterPart parameter, Caller caller) => (previous?.ToLowerInvariant(), parameter.Name) switch
    {
        ("workspaces", _) => api.WorkspaceId.ToString(),
        // Someone the caller may remove or change: a fresh analyst each time.
        ("members", _) => (await api.AddMemberAsync(Role.Analyst)).UserId.ToString(),
        // Another token of the caller's own (the owner's for anonymous callers), so revoking it harms nothing.
        ("tokens", _) => (await api.NewTokenAsync(caller.Person ?? api.Owner)).Id.ToString(),
        // Another session of the caller's own (the owner's for anonymous callers), so ending it harms nothing.
        ("sessions", _) => (await api.SessionAsync((caller.Person ?? api.Owner).Email)).SessionId.ToString(),
        ("reset", _) => "matrix-probe",
        ("invitations", _) => await api.People.InviteAsync(api.WorkspaceId, $"matrix-{Guid.NewGuid():N}@example.com", Role.Analyst, Role.Owner, ApiHost.OwnerEmail),
        // A plugin id nobody has: allowed callers get 404 and nothing is changed.
        ("plugins", _) => "matrix-probe",
        (_, "documentName") => "v1",
        _ when parameter.IsCatchAll => "matrix-probe",
        _ when parameter.Default is { } value => value.ToString(),
        _ => null,
    };

    private sealed record Credential(Guid Id, string Secret);

    private sealed record Caller(Person? Person, bool ViaCookie)
    {
        public string Scheme => ViaCookie ? "Cookies" : "ApiToken";

        public override string ToString() => Person is null ? "anonymous" : $"{Person.Role} ({(ViaCookie ? "session cookie" : "API token")})";
    }

    /// <summary>Who an endpoint's metadata lets in.</summary>
    private sealed record Expectation(bool Public, IReadOnlySet<Role> Roles, IReadOnlySet<string> Schemes, string? Problem)
    {
        // API tokens authenticate the API only; the console's pages and hub take the session cookie.
        public bool ApiOnly { get; init; }

        public static Expectation Of(RouteEndpoint endpoint)
        {
            var metadata = endpoint.Metadata;
            if (metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                return new Expectation(true, AllRoles.ToHashSet(), new HashSet<string>(), null);
            }

            if (metadata.GetOrderedMetadata<AuthorizationPolicy>().Count > 0 || metadata.GetOrderedMetadata<IAuthorizationRequirementData>().Count > 0)
            {
                return Unjudgeable("it carries an inline policy; name it in Policies (and in this matrix) instead.");
            }

            var authorize = metadata.GetOrderedMetadata<IAuthorizeData>();
            if (authorize.Any(a => !string.IsNullOrEmpty(a.Roles)))
            {
                return Unjudgeable("[Authorize(Roles = …)] checks ASP.NET roles, which Extensible does not use; name a policy.");
            }

            var roles = AllRoles.ToHashSet();
            foreach (var policy in authorize.Select(a => a.Policy).OfType<string>())
            {
                if (!PolicyRoles.TryGetValue(policy, out var allowed))
                {
                    return Unjudgeable($"the policy '{policy}' is unknown to this matrix; add its roles to PolicyRoles.");
                }

                roles.IntersectWith(allowed);
            }

            var schemes = authorize.SelectMany(a => (a.AuthenticationSchemes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet();
            return new Expectation(false, roles, schemes, null) { ApiOnly = !endpoint.RoutePattern.RawText!.TrimStart('/').StartsWith("api", StringComparison.Ordinal) };
        }

        public bool Allows(Caller caller) =>
            Public || (caller.Person is not null && Roles.Contains(caller.Person.Role)
                && !(ApiOnly && !caller.ViaCookie)
                && (Schemes.Count == 0 || Schemes.Contains("Extensible") || Schemes.Contains(caller.Scheme)));

        public override string ToString() => Public ? "everyone" : $"{string.Join(", ", Roles)}{(Schemes.Count > 0 ? $" via {string.Join(", ", Schemes)}" : "")}";

        private static Expectation Unjudgeable(string problem) => new(false, new HashSet<Role>(), new HashSet<string>(), problem);
    }
}
