using System.Net;
using Extensible.Sdk.Testing.Http;

namespace Extensible.Sdk.Tests.Harness;

public sealed class scripting_http
{
    [Fact]
    public async Task queued_answers_are_used_once_in_order_and_routes_answer_every_time()
    {
        using var handler = new ScriptedHttpHandler();
        using var http = new HttpClient(handler);
        handler.Respond(HttpMethod.Get, "/health", HttpStatusCode.OK, """{"ok":true}""")
            .Enqueue(HttpStatusCode.Created, """{"n":1}""")
            .Enqueue(HttpStatusCode.Accepted);

        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync(new Uri("https://a.test/x"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(new Uri("https://a.test/y"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("https://a.test/health?probe=1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("https://b.test/health"))).StatusCode);

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(0, handler.PendingResponses);
        handler.VerifyAllResponsesUsed();
    }

    [Fact]
    public async Task a_request_nothing_answers_fails_and_is_reported()
    {
        using var handler = new ScriptedHttpHandler();
        using var http = new HttpClient(handler);
        handler.Expect(HttpMethod.Get, "https://a.test/me", HttpStatusCode.OK);

        var unexpected = await Assert.ThrowsAsync<UnexpectedRequestException>(() => http.DeleteAsync(new Uri("https://a.test/me")));

        Assert.Contains("expected GET https://a.test/me", unexpected.Message, StringComparison.Ordinal);
        Assert.Equal(["DELETE https://a.test/me"], handler.UnexpectedRequests);
        Assert.Throws<InvalidOperationException>(handler.VerifyAllResponsesUsed);
    }

    [Fact]
    public void an_answer_never_asked_for_fails_verification()
    {
        using var handler = new ScriptedHttpHandler();
        handler.Enqueue(HttpStatusCode.OK);

        var left = Assert.Throws<InvalidOperationException>(handler.VerifyAllResponsesUsed);

        Assert.Contains("never asked for", left.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_queued_failure_is_thrown_to_the_caller()
    {
        using var handler = new ScriptedHttpHandler();
        using var http = new HttpClient(handler);
        handler.EnqueueFailure(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("https://a.test/")));
    }

    [Fact]
    public async Task unscripted_requests_go_on_to_a_real_handler_and_scripts_still_come_first()
    {
        using var network = new AnsweringHandler(HttpStatusCode.NoContent);
        using var handler = new ScriptedHttpHandler().ForwardUnscriptedTo(network);
        using var http = new HttpClient(handler);
        handler.Enqueue(HttpStatusCode.TooManyRequests);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync(new Uri("https://a.test/first"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync(new Uri("https://a.test/second"), new StringContent("body"))).StatusCode);

        Assert.Equal(["https://a.test/second"], network.Received);
        Assert.Equal("body", handler.Requests[1].Body);
        Assert.Empty(handler.UnexpectedRequests);
        handler.VerifyAllResponsesUsed();
    }

    private sealed class AnsweringHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public List<string> Received { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Received.Add(request.RequestUri!.ToString());
            return Task.FromResult(new HttpResponseMessage(status));
        }
    }
}
