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
}
