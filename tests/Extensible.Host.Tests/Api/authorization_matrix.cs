using System.Net;
using System.Text;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Extensible.Admin.Shell;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Extensible.Host.Tests.Api;

/// <summary>
/// Every endpoint the host maps — read from its routing table, so new endpoints and pages are covered the day they
/// are added — and every page handler (a console form's action), called anonymously and by each role (and by a server
/// operator), with an API token and with a session cookie. What each caller may do is derived from the one declaration
/// of who may do what: the policies an endpoint or handler names (<c>[AllowAnonymous]</c>, <c>[Authorize(Policy)]</c>),
/// <see cref="Policies.Rules"/> and each role's <see cref="Capabilities"/>; a refusal is 401/403 or, for pages, a
/// redirect to the sign-in or access-denied page. What the declaration itself says is pinned in words by
/// <see cref="who_may_do_what_is_declared_once"/>.
/// </summary>
public sealed class authorization_matrix(ApiHost api, ITestOutputHelper output) : IClassFixture<ApiHost>
{
    private static readonly Role[] AllRoles = [Role.Owner, Role.Admin, Role.Editor, Role.Moderator, Role.Analyst];

    private readonly Dictionary<Caller, Credential> _credentials = [];
    private readonly Dictionary<Guid, ConsoleToken> _consoleTokens = [];

    [Fact]
    public async Task every_endpoint_allows_exactly_the_callers_its_declaration_names()
    {
        var callers = await CallersAsync();
        var endpoints = EndpointsToCall();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/v1/me");
        output.WriteLine($"{"endpoint",-70} {"allowed",-50} {string.Join(' ', callers)}");
        var failures = new List<string>();
        var calls = 0;
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : HttpMethods.Get;
            calls += await CallAsync($"{method} {endpoint.RoutePattern.RawText}", endpoint, Expectation.Of(endpoint), callers,
                (path, caller) => RequestAsync(method, path, caller), failures);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls went wrong:\n{string.Join('\n', failures)}");
        Assert.True(calls >= 11 * callers.Count, $"Only {calls} calls were made.");
    }

    [Fact]
    public async Task every_page_handler_allows_exactly_the_callers_its_declaration_names()
    {
        var callers = (await CallersAsync()).Where(c => c.Person is null || c.ViaCookie).ToList();
        var failures = new List<string>();
        var handlers = 0;
        foreach (var endpoint in EndpointsToCall().Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null))
        {
            var page = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>()!;
            foreach (var handler in page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
            {
                handlers++;
                await CallAsync($"POST {endpoint.RoutePattern.RawText}?handler={handler.Name}", endpoint,
                    Expectation.Of(endpoint, HandlerAuthorization.PoliciesOf(handler.MethodInfo)), callers,
                    (path, caller) => FormPostAsync(handler.Name is null ? path : $"{path}?handler={handler.Name}", caller), failures);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} handler calls went wrong:\n{string.Join('\n', failures)}");
        Assert.True(handlers >= 20, $"Only {handlers} page handlers were found.");
    }

    // Calls one endpoint (or handler) as every caller and judges each answer; returns how many calls were made.
    private async Task<int> CallAsync(string name, RouteEndpoint endpoint, Expectation expectation, IReadOnlyList<Caller> callers,
        Func<string, Caller, Task<HttpRequestMessage>> request, List<string> failures)
    {
        if (expectation.Problem is { } problem)
        {
            failures.Add($"{name}: {problem}");
            return 0;
        }

        using var client = api.Client();
        var outcomes = new List<int>();
        foreach (var caller in callers)
        {
            var path = await PathAsync(endpoint.RoutePattern, caller);
            if (path is null)
            {
                failures.Add($"{name}: the matrix does not know what to put in its route parameters; teach PathAsync.");
                break;
            }

            using var sent = await request(path, caller);
            using var response = await client.SendAsync(sent);
            outcomes.Add((int)response.StatusCode);
            Judge(name, sent.RequestUri!.OriginalString, caller, expectation, response, failures);
        }

        output.WriteLine($"{name,-70} {expectation,-50} {string.Join(' ', outcomes)}");
        return outcomes.Count;
    }

    [Fact]
    public void who_may_do_what_is_declared_once()
    {
        // The declaration in words: widening a policy or a role fails here, and the matrix above follows it everywhere.
        var table = Policies.Rules.Keys.Order(StringComparer.Ordinal).Select(policy =>
            $"{policy}: {string.Join(", ", AllRoles.Where(r => Policies.Allows(policy, Capabilities.Of(r))))}"
            + $" | operator only: {!AllRoles.Any(r => Policies.Allows(policy, Capabilities.Of(r))) && Policies.Allows(policy, Capabilities.Server.ToHashSet())}");
        Assert.Equal(
        [
            "compose: Owner, Admin, Editor | operator only: False",
            "create-workspace:  | operator only: True",
            "manage-people: Owner, Admin | operator only: False",
            "manage-workspace: Owner, Admin | operator only: False",
            "member: Owner, Admin, Editor, Moderator, Analyst | operator only: False",
            "moderate: Owner, Admin, Moderator | operator only: False",
            "operate-server:  | operator only: True",
            "signed-in: Owner, Admin, Editor, Moderator, Analyst | operator only: False",
            "view-plugins: Owner, Admin | operator only: False",
        ], table);
        // Roles are sets, not a ladder: Editor and Moderator hold different rights, and neither covers the other.
        Assert.False(Capabilities.Covers(Role.Editor, Role.Moderator));
        Assert.False(Capabilities.Covers(Role.Moderator, Role.Editor));
        Assert.Equal(Role.Analyst, Capabilities.Meet(Role.Editor, Role.Moderator));
    }

    // Anonymous; the operator who set the server up (an Owner); an Owner who is no operator; each other role — each by token and by cookie.
    private async Task<List<Caller>> CallersAsync()
    {
        var callers = new List<Caller> { new(null, ViaCookie: false) };
        foreach (var (person, isOperator) in new List<(Person, bool)> { (api.Owner, true), (await api.AddMemberAsync(Role.Owner), false) }
            .Concat(await Task.WhenAll(AllRoles.Where(r => r != Role.Owner).Select(async r => (await api.AddMemberAsync(r), false)))))
        {
            callers.Add(new Caller(person, ViaCookie: false, isOperator));
            callers.Add(new Caller(person, ViaCookie: true, isOperator));
        }

        return callers;
    }

    private static void Judge(string name, string path, Caller caller, Expectation expectation, HttpResponseMessage response, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var refused = status is 401 or 403 || (!expectation.Public && IsRedirectToSignIn(response));
        var allowed = expectation.Allows(caller);
        if (allowed && refused)
        {
            failures.Add($"{name} ({path}) refused {caller} with {status} {response.Headers.Location}, but its declaration allows them.");
        }
        else if (!allowed && !refused)
        {
            failures.Add($"UNEXPECTED ALLOW: {name} ({path}) answered {caller} with {status}, but its declaration allows only {expectation}.");
        }
        else if (status == 500)
        {
            failures.Add($"{name} ({path}) failed with 500 for {caller}.");
        }
        else if (status == 400 && caller.ViaCookie && path.Contains("handler=", StringComparison.Ordinal) && allowed)
        {
            // Antiforgery refusals are 400s: the matrix must send valid tokens, or it judges nothing.
            failures.Add($"{name} ({path}) answered {caller} with 400: check the matrix's antiforgery token.");
        }
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

    // A challenge sends to sign-in with a ReturnUrl; signing out sends there without one, and is no refusal.
    private static bool IsRedirectToSignIn(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location
        && new Uri(new Uri("http://host"), location) is var target
        && (target.AbsolutePath == "/account/denied" || (target.AbsolutePath == "/account/login" && target.Query.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase)));

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
            var (id, token) = await api.NewTokenAsync(person, serverCapabilities: caller.IsOperator ? Capabilities.Server : []);
            fresh = new Credential(id, token);
        }

        _credentials[caller] = fresh;
        return fresh;
    }

    // An empty form with the caller's antiforgery token (valid for any page of theirs: tokens are per person, not per page).
    private async Task<HttpRequestMessage> FormPostAsync(string path, Caller caller)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        var fields = new Dictionary<string, string>();
        if (caller.Person is not null)
        {
            var credential = await CredentialAsync(caller);
            var token = await ConsoleTokenAsync(caller.Person, credential);
            fields["__RequestVerificationToken"] = token.RequestToken;
            request.Headers.Add("Cookie", $"{credential.Secret}; {token.Cookie}");
        }

        request.Content = new FormUrlEncodedContent(fields);
        return request;
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
        // Someone who operates nothing: allowed callers get 400 and nothing is changed.
        ("operators", _) => (await api.AddMemberAsync(Role.Analyst)).UserId.ToString(),
        // Another token of the caller's own (the owner's for anonymous callers), so revoking it harms nothing.
        ("tokens", _) => (await api.NewTokenAsync(caller.Person ?? api.Owner)).Id.ToString(),
        // Another session of the caller's own (the owner's for anonymous callers), so ending it harms nothing.
        ("sessions", _) => (await api.SessionAsync((caller.Person ?? api.Owner).Email)).SessionId.ToString(),
        ("reset", _) => "matrix-probe",
        ("invitations", _) => await api.People.InviteAsync(api.WorkspaceId, $"matrix-{Guid.NewGuid():N}@example.com", Role.Analyst, Role.Owner, ApiHost.OwnerEmail),
        // A plugin id nobody has: allowed callers get 404 and nothing is changed.
        ("plugins", _) => "matrix-probe",
        // An account nobody has (allowed callers get 404), a network nobody runs (400), a callback with no state (refused, nothing stored).
        ("accounts", _) => Guid.NewGuid().ToString(),
        ("apps", _) => "matrix-probe",
        // A post (and a target) nobody has: allowed callers get 404 and nothing is changed.
        ("posts", _) => Guid.NewGuid().ToString(),
        ("targets", _) => Guid.NewGuid().ToString(),
        ("callback", _) => "matrix-probe",
        // An inbox thread or kept delivery nobody has: allowed callers get 404 (or 400 for the body) and nothing is changed.
        ("threads", _) => Guid.NewGuid().ToString(),
        ("deliveries", _) => Guid.NewGuid().ToString(),
        // Media nobody has: allowed callers get 404 and nothing is changed; a signed link that expired long ago gets 410.
        ("media", _) => Guid.NewGuid().ToString(),
        // An item and a saved reply nobody has: allowed callers get 404 and nothing is changed.
        ("items", _) => "matrix-probe",
        ("saved-replies", _) => Guid.NewGuid().ToString(),
        // A webhook of a network nobody runs, for an account nobody has: refused without storing anything.
        ("webhooks", _) => "matrix-probe",
        (_, "accountId") => Guid.NewGuid().ToString(),
        (_, "expires") => "1",
        (_, "signature") => "matrix-probe",
        (_, "documentName") => "v1",
        _ when parameter.IsCatchAll => "matrix-probe",
        _ when parameter.Default is { } value => value.ToString(),
        _ => null,
    };

    private sealed record Credential(Guid Id, string Secret);

    private sealed record Caller(Person? Person, bool ViaCookie, bool IsOperator = false)
    {
        public string Scheme => ViaCookie ? "Cookies" : "ApiToken";

        // What the person holds: their role's capabilities, and the server's when they operate it (tokens are made with all of them).
        public IReadOnlySet<string> Capabilities =>
            Person is null ? new HashSet<string>()
            : Extensible.People.Capabilities.Of(Person.Role).Concat(IsOperator ? Extensible.People.Capabilities.Server : []).ToHashSet(StringComparer.Ordinal);

        public override string ToString() => Person is null ? "anonymous" : $"{(IsOperator ? "Operator+" : "")}{Person.Role} ({(ViaCookie ? "session cookie" : "API token")})";
    }

    /// <summary>Who an endpoint's (or handler's) declaration lets in.</summary>
    private sealed record Expectation(bool Public, IReadOnlyList<string> Policies, IReadOnlySet<string> Schemes, string? Problem)
    {
        // API tokens authenticate the API only; the console's pages and hub take the session cookie.
        public bool ApiOnly { get; init; }

        public static Expectation Of(RouteEndpoint endpoint, IReadOnlyList<string>? handlerPolicies = null)
        {
            var metadata = endpoint.Metadata;
            if (metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                return new Expectation(true, [], new HashSet<string>(), null);
            }

            if (metadata.GetOrderedMetadata<AuthorizationPolicy>().Count > 0 || metadata.GetOrderedMetadata<IAuthorizationRequirementData>().Count > 0)
            {
                return Unjudgeable("it carries an inline policy; declare it in Policies.Rules and name it instead.");
            }

            var authorize = metadata.GetOrderedMetadata<IAuthorizeData>();
            if (authorize.Any(a => !string.IsNullOrEmpty(a.Roles)))
            {
                return Unjudgeable("[Authorize(Roles = …)] checks ASP.NET roles, which Extensible does not use; name a policy.");
            }

            var policies = authorize.Select(a => a.Policy).OfType<string>().Concat(handlerPolicies ?? []).Distinct().ToList();
            if (policies.FirstOrDefault(p => !Extensible.People.Policies.Rules.ContainsKey(p)) is { } unknown)
            {
                return Unjudgeable($"the policy '{unknown}' is not declared in Policies.Rules.");
            }

            var schemes = authorize.SelectMany(a => (a.AuthenticationSchemes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet();
            return new Expectation(false, policies, schemes, null) { ApiOnly = !endpoint.RoutePattern.RawText!.TrimStart('/').StartsWith("api", StringComparison.Ordinal) };
        }

        public bool Allows(Caller caller) =>
            Public || (caller.Person is not null && Policies.All(p => Extensible.People.Policies.Allows(p, caller.Capabilities))
                && !(ApiOnly && !caller.ViaCookie)
                && (Schemes.Count == 0 || Schemes.Contains("Extensible") || Schemes.Contains(caller.Scheme)));

        public override string ToString() => Public ? "everyone" : $"{(Policies.Count == 0 ? "signed in" : string.Join(" + ", Policies))}{(Schemes.Count > 0 ? $" via {string.Join(", ", Schemes)}" : "")}";

        private static Expectation Unjudgeable(string problem) => new(false, [], new HashSet<string>(), problem);
    }
}
