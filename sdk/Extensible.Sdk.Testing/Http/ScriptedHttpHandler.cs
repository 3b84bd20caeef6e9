using System.Net;
using System.Text;

namespace Extensible.Sdk.Testing.Http;

/// <summary>
/// The HTTP handler behind the harness's <see cref="HttpClient"/>: it answers from a script instead of the network and
/// records every request. Queued answers (<see cref="Enqueue(HttpStatusCode, string?, Action{HttpResponseMessage}?)"/>,
/// <see cref="Expect"/>) are used once each, in order; routes (<see cref="Respond(HttpMethod, string, Func{HttpRequestMessage, HttpResponseMessage})"/>)
/// answer every matching request. A request neither answers fails with <see cref="UnexpectedRequestException"/>, unless
/// <see cref="ForwardUnscriptedTo"/> sends such requests on to a real network (a local test network).
/// </summary>
public sealed class ScriptedHttpHandler : HttpMessageHandler
{
    private readonly Lock gate = new();
    private readonly Queue<ScriptedResponse> queue = new();
    private readonly List<ScriptedResponse> routes = [];
    private readonly List<RecordedRequest> requests = [];
    private readonly List<string> unexpected = [];
    private HttpMessageInvoker? network;

    /// <summary>Every request received so far, oldest first (unexpected ones included).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>The requests no script answered, described as <c>METHOD URL</c>.</summary>
    public IReadOnlyList<string> UnexpectedRequests
    {
        get
        {
            lock (gate)
            {
                return [.. unexpected];
            }
        }
    }

    /// <summary>Queued answers not used yet.</summary>
    public int PendingResponses
    {
        get
        {
            lock (gate)
            {
                return queue.Count;
            }
        }
    }

    /// <summary>Answers every request with <paramref name="method"/> to <paramref name="url"/>.</summary>
    /// <param name="method">The method to match.</param>
    /// <param name="url">An absolute URL or a path (<c>/api/v1/statuses</c>); include a query to match it too, else any query matches.</param>
    /// <param name="respond">Makes the answer (a new one each call).</param>
    /// <returns>This handler, to chain calls.</returns>
    public ScriptedHttpHandler Respond(HttpMethod method, string url, Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentNullException.ThrowIfNull(respond);
        lock (gate)
        {
            routes.Add(new ScriptedResponse(method, url, respond));
        }

        return this;
    }

    /// <summary>Answers every request with <paramref name="method"/> to <paramref name="url"/> with a status and an optional JSON body.</summary>
    /// <param name="method">The method to match.</param>
    /// <param name="url">An absolute URL or a path.</param>
    /// <param name="status">The status to answer.</param>
    /// <param name="json">The JSON body, if any.</param>
    /// <returns>This handler, to chain calls.</returns>
    public ScriptedHttpHandler Respond(HttpMethod method, string url, HttpStatusCode status, string? json = null) =>
        Respond(method, url, _ => Answer(status, json));

    /// <summary>Queues an answer for the next request, whatever it is.</summary>
    /// <param name="status">The status to answer.</param>
    /// <param name="json">The JSON body, if any.</param>
    /// <param name="configure">Adjusts the answer (headers such as <c>Retry-After</c>).</param>
    /// <returns>This handler, to chain calls.</returns>
    public ScriptedHttpHandler Enqueue(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null) =>
        Queue(new ScriptedResponse(null, null, _ => Configured(Answer(status, json), configure)));

    /// <summary>Queues an answer made from the request, for the next request whatever it is.</summary>
    /// <param name="respond">Makes the answer.</param>
    /// <returns>This handler, to chain calls.</returns>
    public ScriptedHttpHandler Enqueue(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        return Queue(new ScriptedResponse(null, null, respond));
    }

    /// <summary>Queues a transport failure (a timeout is a <see cref="TaskCanceledException"/>, a refused connection an <see cref="HttpRequestException"/>).</summary>
    /// <param name="exception">What the call throws.</param>
    /// <returns>This handler, to chain calls.</returns>
    public ScriptedHttpHandler EnqueueFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Queue(new ScriptedResponse(null, null, _ => throw exception));
    }

    /// <summary>Queues an answer that only the next request may use, and only if it has this method and URL; any other request then fails.</summary>
    /// <param name="method">The method the next request must have.</param>
    /// <param name="url">An absolute URL or a path the next request must have.</param>
    /// <param name="status">The status to answer.</param>
    /// <param name="json">The JSON body, if any.</param>
    /// <param name="configure">Adjusts the answer.</param>
    /// <returns>This handler, to chain calls.</returns>
    public ScriptedHttpHandler Expect(HttpMethod method, string url, HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(url);
        return Queue(new ScriptedResponse(method, url, _ => Configured(Answer(status, json), configure)));
    }

    /// <summary>
    /// Sends every request that no queued answer or route takes to <paramref name="handler"/> instead of failing it: a
    /// real handler (<see cref="SocketsHttpHandler"/>) pointed at a test network that runs on this machine. Such
    /// requests are recorded in <see cref="Requests"/> like the others; queued answers and routes still come first, so
    /// a test can make one call fail on purpose. The caller keeps ownership of <paramref name="handler"/>.
    /// </summary>
    /// <param name="handler">The handler that reaches the network.</param>
    /// <returns>This handler, to chain calls.</returns>
    public ScriptedHttpHandler ForwardUnscriptedTo(HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (gate)
        {
            network = new HttpMessageInvoker(handler, disposeHandler: false);
        }

        return this;
    }

    /// <summary>Fails when a queued answer was never used or a request was unexpected (plugins may swallow the exception; this does not).</summary>
    /// <exception cref="InvalidOperationException">Describing what is left or what was unexpected.</exception>
    public void VerifyAllResponsesUsed()
    {
        lock (gate)
        {
            if (unexpected.Count > 0)
            {
                throw new InvalidOperationException($"The plugin sent requests the test did not script: {string.Join("; ", unexpected)}.");
            }

            if (queue.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{queue.Count} scripted answer(s) were never asked for: {string.Join("; ", queue.Select(q => q.Describe()))}.");
            }
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        var uri = request.RequestUri ?? new Uri("http://localhost/");

        ScriptedResponse? chosen;
        string? expectedInstead = null;
        HttpMessageInvoker? forward = null;
        lock (gate)
        {
            requests.Add(new RecordedRequest(request.Method, uri, headers, body));
            if (queue.TryPeek(out var next) && next.Matches(request))
            {
                chosen = queue.Dequeue();
            }
            else
            {
                chosen = routes.LastOrDefault(route => route.Matches(request));
                expectedInstead = chosen is null && next is not null ? next.Describe() : null;
            }

            if (chosen is null && network is not null)
            {
                forward = network;
            }
            else if (chosen is null)
            {
                unexpected.Add($"{request.Method} {uri}");
            }
        }

        if (forward is not null)
        {
            return await forward.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (chosen is null)
        {
            throw new UnexpectedRequestException(expectedInstead is null
                ? $"The plugin sent {request.Method} {uri}, which the test did not script."
                : $"The plugin sent {request.Method} {uri}; the script expected {expectedInstead} next.");
        }

        var response = chosen.Respond(request);
        response.RequestMessage ??= request;
        return response;
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string? json) => new(status)
    {
        Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
    };

    private static HttpResponseMessage Configured(HttpResponseMessage response, Action<HttpResponseMessage>? configure)
    {
        configure?.Invoke(response);
        return response;
    }

    private ScriptedHttpHandler Queue(ScriptedResponse response)
    {
        lock (gate)
        {
            queue.Enqueue(response);
        }

        return this;
    }
}
