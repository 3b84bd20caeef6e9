using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Extensible.Host.Tests.Api;
using Extensible.Host.Tests.Console;
using Extensible.People;
using Extensible.Plugins;
using Extensible.Testing.Plugins;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Extensible.Host.Tests.Fuzz;

/// <summary>
/// Thousands of generated inputs against every API endpoint and every console form and page — found from the routing
/// table and the pages' own HTML, so new ones are covered the day they are added — and not one 5xx. The owner calls
/// (every check passes, so the input reaches the code behind it). The seed is printed; set EXTENSIBLE_FUZZ_SEED to
/// replay a run. The sign-out form is left out: it ends the session the rest of the run needs (and takes no input).
/// </summary>
public sealed class no_input_makes_the_server_fail(ApiHost api, ITestOutputHelper output) : IClassFixture<ApiHost>, IAsyncLifetime
{
    // Kestrel's default MaxRequestLineSize (8 KB): a longer method, address and query is refused before the body is read.
    private const int KestrelRequestLineLimit = 8 * 1024 - 32;

    private const int InputsPerBody = 150;
    private const int InputsPerEndpoint = 25;
    private const int InputsPerForm = 40;
    private const int QueriesPerPage = 8;

    // Different API tokens, because the API's rate limit counts per token.
    private const int Tokens = 8;

    private static readonly string[] QueryNames = ["returnUrl", "ReturnUrl", "handler", "id", "before", "type", "user", "limit", "page", "q", "secret", "workspaceId", "userId"];

    private static readonly SemaphoreSlim Installing = new(1, 1);

    private readonly int _seed = int.TryParse(Environment.GetEnvironmentVariable("EXTENSIBLE_FUZZ_SEED"), out var seed) ? seed : Random.Shared.Next();

    private Person _sacrificial = null!;

    public async Task InitializeAsync()
    {
        output.WriteLine($"Seed: {_seed} (EXTENSIBLE_FUZZ_SEED={_seed} replays this run)");
        await Installing.WaitAsync();
        try
        {
            // A plugin with settings of every kind, so that its settings form and endpoints take input.
            if (api.Host.Services.GetRequiredService<IPluginCatalog>().Find(GreeterPlugin.Id) is null)
            {
                await api.Host.Services.GetRequiredService<IPluginAdministration>().InstallAsync(new MemoryStream(GreeterPlugin.Build().Archive()), "tests");
            }
        }
        finally
        {
            Installing.Release();
        }

        // Someone the generated input may remove, demote or sign out: never the owner.
        _sacrificial = await api.AddMemberAsync(Role.Editor);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task no_api_endpoint_answers_generated_input_with_a_5xx()
    {
        var fuzz = new FuzzInput(_seed);
        var tokens = new List<string>();
        for (var i = 0; i < Tokens; i++)
        {
            tokens.Add((await api.NewTokenAsync(api.Owner, serverCapabilities: Capabilities.Server)).Token);
        }

        var spareToken = (await api.NewTokenAsync(api.Owner)).Id;
        var spareSession = (await api.SessionAsync(ApiHost.OwnerEmail)).SessionId;
        var endpoints = Endpoints().Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal) || !IsPage(e) && !e.RoutePattern.RawText.StartsWith("/hubs", StringComparison.Ordinal)).ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/v1/plugins/{id}/settings");

        using var client = api.Client();
        var run = new Run(output);
        var clock = Stopwatch.StartNew();
        foreach (var endpoint in endpoints)
        {
            var method = Method(endpoint);
            var properties = BodyProperties(endpoint);
            var queries = QueryParameters(endpoint);
            var installs = endpoint.RoutePattern.RawText == "/api/v1/plugins" && method == "POST";
            // Bodies go to the endpoints that read one. One that reads none (enable, disable) answers before a big body is
            // sent, and Kestrel then closes the connection under it: the client sees a reset, not an answer.
            var takesBody = installs || endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null;
            var inputs = takesBody ? InputsPerBody : InputsPerEndpoint;
            output.WriteLine($"{method} {endpoint.RoutePattern.RawText}: {inputs} inputs; body [{string.Join(", ", properties)}], query [{string.Join(", ", queries)}]");
            for (var i = 0; i < inputs; i++)
            {
                var path = Path(endpoint.RoutePattern, (previous, name) => fuzz.Parameter(GoodApiValue(method, endpoint.RoutePattern.RawText!, previous, name, spareToken, spareSession)));
                var query = Query(fuzz, queries);
                var token = tokens[run.Count % tokens.Count];
                byte[]? bytes = null;
                string? contentType = null;
                string? body = null;
                if (takesBody)
                {
                    bytes = installs && fuzz.Chance(0.8) ? fuzz.Upload() : fuzz.JsonBody(properties);
                    contentType = fuzz.Chance(0.9) ? (installs ? "application/zip" : "application/json") : fuzz.Pick<string?>(["text/plain", "application/json; charset=utf-16", "application/x-www-form-urlencoded", "application/zip", "multipart/form-data; boundary=x", null]);
                    body = $"[{contentType}] {FuzzInput.Preview(Encoding.UTF8.GetString(bytes))}";
                }

                // A new message per attempt: the run sends again once when a connection was reset under the request.
                HttpRequestMessage Request()
                {
                    var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path + query, UriKind.Relative));
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    if (bytes is not null)
                    {
                        request.Content = new ByteArrayContent(bytes);
                        if (contentType is not null)
                        {
                            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                        }
                    }

                    return request;
                }

                using var response = await run.SendAsync(() => client.SendAsync(Request()), $"{method} {FuzzInput.Preview(path + query)} {body}",
                    overlongRequestLine: (path + query).Length > KestrelRequestLineLimit);
            }
        }

        output.WriteLine($"API: {run.Summary(clock.Elapsed)}");
        run.AssertNoFailures(_seed);
        Assert.True(run.Count >= 1000, $"Only {run.Count} inputs were sent.");
        Assert.True(run.Count429 < run.Count / 10, $"{run.Count429} of {run.Count} calls were rate-limited: the run tested the limiter, not the endpoints.");
        // The run kept its footing: the owner is still the owner.
        Assert.Contains(await api.Directory.WorkspacesOfAsync(api.Owner.UserId), w => w.WorkspaceId == api.WorkspaceId && w.Role == Role.Owner);
    }

    [Fact]
    public async Task no_console_form_or_page_answers_generated_input_with_a_5xx()
    {
        var fuzz = new FuzzInput(_seed);
        using var browser = new ConsoleBrowser(api.Host.Address);
        await browser.SignInAsync(api, ApiHost.OwnerEmail);
        var pages = Endpoints().Where(IsPage).Select(e => e.RoutePattern).DistinctBy(p => p.RawText).ToList();
        Assert.Contains(pages, p => p.RawText == "plugins/{id}/settings");
        var names = QueryNames.Concat(PageParameterNames()).Distinct(StringComparer.Ordinal).ToList();

        var run = new Run(output);
        var clock = Stopwatch.StartNew();
        var forms = 0;
        foreach (var pattern in pages)
        {
            var page = Path(pattern, (_, name) => name == "id" ? GreeterPlugin.Id : "fuzz-probe");

            // The page's query string.
            for (var i = 0; i < QueriesPerPage; i++)
            {
                var url = page + Query(fuzz, names);
                using var response = await run.SendAsync(() => browser.GetAsync(url), $"GET {FuzzInput.Preview(url)}");
                if (response is not null)
                {
                    await KeepSignedInAsync(browser, response, run);
                }
            }

            // Its forms, each posted with the page's antiforgery token.
            using (var first = await browser.GetAsync(page))
            {
                if (first.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }
            }

            var (html, token) = await browser.PageAsync(page);
            var found = HtmlForm.Parse(html, new Uri(api.Host.Address, page))
                .Where(f => f.Method == "POST" && !f.Action.StartsWith("/account/logout", StringComparison.OrdinalIgnoreCase))
                .DistinctBy(f => $"{f.Action.Split('&')[0]} {string.Join(',', f.Fields.Select(x => x.Name))}")
                .ToList();
            foreach (var form in found)
            {
                forms++;
                for (var i = 0; i < InputsPerForm; i++)
                {
                    var (send, input) = Post(browser, fuzz, form, token);
                    using var response = await run.SendAsync(send, $"{form} {input}");
                    if (response is not null && await KeepSignedInAsync(browser, response, run))
                    {
                        // The antiforgery token belongs to the session: the new session needs the page's new one.
                        (_, token) = await browser.PageAsync(page);
                    }
                }
            }
        }

        output.WriteLine($"Console: {pages.Count} pages, {forms} forms; {run.Summary(clock.Elapsed)}");
        run.AssertNoFailures(_seed);
        Assert.True(forms >= 15, $"Only {forms} forms were found.");
        Assert.True(run.Count >= 800, $"Only {run.Count} inputs were sent.");
        // Most posts reach their handler: a run refused wholesale (a stale antiforgery token) tests nothing.
        Assert.True(run.Count400 < run.Count / 4, $"{run.Count400} of {run.Count} inputs were refused with 400.");
        Assert.Contains(await api.Directory.WorkspacesOfAsync(api.Owner.UserId), w => w.WorkspaceId == api.WorkspaceId && w.Role == Role.Owner);
    }

    // A generated input may end the session (revoking the current session, say): sign in again and go on.
    private async Task<bool> KeepSignedInAsync(ConsoleBrowser browser, HttpResponseMessage response, Run run)
    {
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase) != true
            || response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase) == true)
        {
            return false;
        }

        run.SignIns++;
        await browser.SignInAsync(api, ApiHost.OwnerEmail);
        return true;
    }

    // The request to send (built now, so the seed decides it) and what it holds, for the failure message.
    private (Func<Task<HttpResponseMessage>> Send, string Input) Post(ConsoleBrowser browser, FuzzInput fuzz, HtmlForm form, string? token)
    {
        var action = form.Htmx ? FuzzQuery(fuzz, form.Action) : fuzz.Chance(0.1) ? FuzzQuery(fuzz, form.Action) : form.Action;
        var fields = new List<KeyValuePair<string, string>>();
        HtmlField? file = null;
        foreach (var field in form.Fields)
        {
            if (field.Kind == "file")
            {
                file = field;
                continue;
            }

            if (field.Name == "__RequestVerificationToken")
            {
                fields.Add(new(field.Name, field.Value));
                continue;
            }

            if (fuzz.Chance(0.1))
            {
                continue;
            }

            var value = fuzz.Chance(0.3) ? field.Value : field.Choices.Count > 0 && fuzz.Chance(0.3) ? fuzz.Pick(field.Choices) : fuzz.Text();
            fields.Add(new(field.Name, value == api.Owner.UserId.ToString() ? _sacrificial.UserId.ToString() : value));
        }

        if (fuzz.Chance(0.2))
        {
            fields.Add(new(fuzz.Pick(QueryNames), fuzz.Text()));
        }

        if (fuzz.Chance(0.1) && fields.Count > 0)
        {
            fields.Add(fuzz.Pick(fields));
        }

        var input = string.Join('&', fields.Where(f => f.Key != "__RequestVerificationToken").Select(f => $"{f.Key}={FuzzInput.Preview(f.Value)}"));
        if (form.Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }

            if (file is not null && fuzz.Chance(0.9))
            {
                var name = fuzz.Pick(["plugin.zip", "x.txt", "../../evil.zip", "a b.ZIP", "é.zip", ".zip"]);
                multipart.Add(new ByteArrayContent(fuzz.Upload()), file.Name, name);
                input += $" +file {name}";
            }

            return (() => browser.SendAsync(HttpMethod.Post, action, multipart, contentType: null, headerToken: null), $"{action} {input}");
        }

        // Urlencoded, as a browser sends it, or with bytes that are not UTF-8 in a value.
        var body = string.Join('&', fields.Select(f => $"{ConsoleBrowser.Encode(f.Key)}={(fuzz.Chance(0.05) && f.Key != "__RequestVerificationToken" ? ConsoleBrowser.Encode(new byte[] { 0xFF, 0xC3, 0x28 }) : ConsoleBrowser.Encode(f.Value))}"));
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        return (() => browser.SendAsync(HttpMethod.Post, action, content, "application/x-www-form-urlencoded", form.Htmx ? token : null, htmx: form.Htmx), $"{action} {input}");
    }

    // Keeps the page handler's name most of the time; every other query value is generated.
    private static string FuzzQuery(FuzzInput fuzz, string action)
    {
        var question = action.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return action;
        }

        var pairs = action[(question + 1)..].Split('&').Select(pair => pair.Split('=', 2)).Select(pair =>
            pair[0] == "handler" && fuzz.Chance(0.9) ? $"{pair[0]}={(pair.Length > 1 ? pair[1] : "")}" : $"{pair[0]}={ConsoleBrowser.Encode(fuzz.Text())}");
        return $"{action[..question]}?{string.Join('&', pairs)}";
    }

    private static string Query(FuzzInput fuzz, IReadOnlyList<string> names)
    {
        var pairs = names.Where(_ => fuzz.Chance(0.4)).Select(name => $"{ConsoleBrowser.Encode(name)}={ConsoleBrowser.Encode(fuzz.Text())}").ToList();
        if (fuzz.Chance(0.1))
        {
            pairs.Add($"{ConsoleBrowser.Encode(fuzz.Text())}={ConsoleBrowser.Encode(new byte[] { 0xFF, 0xFE })}");
        }

        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    // Real values for the API's route parameters (so input reaches real data), never ones that would lock the run out:
    // the owner is never the target, and only spare tokens, sessions and members are deleted.
    private string? GoodApiValue(string method, string route, string? previous, string name, Guid spareToken, Guid spareSession) => (previous, name) switch
    {
        ("workspaces", _) => api.WorkspaceId.ToString(),
        ("members", _) => _sacrificial.UserId.ToString(),
        ("tokens", _) => spareToken.ToString(),
        ("sessions", _) => spareSession.ToString(),
        ("plugins", _) when method == "DELETE" || route.EndsWith("/disable", StringComparison.Ordinal) => null,
        ("plugins", _) => GreeterPlugin.Id,
        (_, "documentName") => "v1",
        _ => null,
    };

    private List<RouteEndpoint> Endpoints() =>
    [
        .. api.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true)
            .DistinctBy(e => (e.RoutePattern.RawText, Method(e))),
    ];

    private static bool IsPage(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    private static string Method(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : HttpMethods.Get;

    // The JSON members of the endpoint's request type; for a settings object, the Greeter's settings.
    private static List<string> BodyProperties(RouteEndpoint endpoint)
    {
        var type = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (type is null || type.IsAssignableTo(typeof(System.Collections.IDictionary)))
        {
            return ["Greeting", "RepeatTimes", "Shout", "Tone", "ApiKey", "name", "role"];
        }

        return [.. type.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];
    }

    // Simple parameters of the handler that are not in the route: its query string.
    private static List<string> QueryParameters(RouteEndpoint endpoint)
    {
        var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        var names = handler?.GetParameters()
            .Where(p => p.Name is not null && !route.Contains(p.Name) && IsSimple(p.ParameterType))
            .Select(p => p.Name!)
            .ToList() ?? [];
        return [.. names, "limit", "id"];
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(decimal) || type == typeof(DateTimeOffset);
    }

    // Every handler parameter and bound property of the console's pages.
    private static IEnumerable<string> PageParameterNames()
    {
        var models = typeof(Admin.AdminExtensions).Assembly.GetTypes().Where(t => t.IsAssignableTo(typeof(PageModel)));
        foreach (var model in models)
        {
            foreach (var handler in model.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name.StartsWith("On", StringComparison.Ordinal)))
            {
                foreach (var parameter in handler.GetParameters().Where(p => IsSimple(p.ParameterType)))
                {
                    yield return parameter.Name!;
                }
            }

            foreach (var property in model.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null))
            {
                yield return property.Name;
            }
        }
    }

    private static string Path(RoutePattern pattern, Func<string?, string, string> value)
    {
        var path = new StringBuilder();
        string? previous = null;
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => ConsoleBrowser.Encode(value(previous, parameter.Name)),
                    _ => "",
                });
            }

            if (text.Length > 0)
            {
                path.Append('/').Append(text);
            }

            previous = segment.Parts.OfType<RoutePatternLiteralPart>().LastOrDefault()?.Content;
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>What a run sent and got back: every 5xx with the input that caused it.</summary>
    private sealed class Run(ITestOutputHelper output)
    {
        private readonly List<string> _failures = [];
        private readonly Dictionary<int, int> _statuses = [];

        public int Count { get; private set; }

        public int Count429 => _statuses.GetValueOrDefault(429);

        public int Count400 => _statuses.GetValueOrDefault(400);

        public int SignIns { get; set; }

        /// <summary>Sends, records the answer and returns it; a dropped connection is recorded as a failure (and gives null).</summary>
        public async Task<HttpResponseMessage?> SendAsync(Func<Task<HttpResponseMessage>> send, string input, bool overlongRequestLine = false)
        {
            HttpResponseMessage response;
            try
            {
                response = await send();
            }
            catch (HttpRequestException e) when (overlongRequestLine && e.InnerException is IOException)
            {
                // Kestrel refuses a request line over its limit (414) at once and closes the connection without reading the
                // body: a client still writing a large body sees the connection drop instead of the answer. That is the refusal.
                Count++;
                _statuses[414] = _statuses.GetValueOrDefault(414) + 1;
                return null;
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ResponseEnded)
            {
                // A pooled connection the server closed after answering an earlier request early (before reading its body)
                // can end under the next one. Sent again on a fresh connection, a server that really fails still shows.
                return await SendAgainAsync(send, input);
            }
            catch (HttpRequestException e)
            {
                Count++;
                _failures.Add($"no answer ({e.Message} {e.InnerException?.Message}) for {input}");
                return null;
            }

            await RecordAsync(response, input);
            return response;
        }

        private async Task<HttpResponseMessage?> SendAgainAsync(Func<Task<HttpResponseMessage>> send, string input)
        {
            HttpResponseMessage response;
            try
            {
                response = await send();
            }
            catch (HttpRequestException e)
            {
                Count++;
                _failures.Add($"no answer, twice ({e.Message} {e.InnerException?.Message}) for {input}");
                return null;
            }

            await RecordAsync(response, input);
            return response;
        }

        private async Task RecordAsync(HttpResponseMessage response, string input)
        {
            Count++;
            var status = (int)response.StatusCode;
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                var text = await response.Content.ReadAsStringAsync();
                _failures.Add($"{status} for {input}\n    answer: {FuzzInput.Preview(text)}");
            }
        }

        public string Summary(TimeSpan elapsed) =>
            $"{Count} inputs in {elapsed.TotalSeconds:F1} s; statuses {string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; {SignIns} re-sign-ins";

        public void AssertNoFailures(int seed)
        {
            foreach (var failure in _failures.Take(30))
            {
                output.WriteLine(failure);
            }

            Assert.True(_failures.Count == 0, $"Seed {seed}: {_failures.Count} of {Count} inputs got a 5xx. First ones:\n{string.Join('\n', _failures.Take(10))}");
        }
    }
}
