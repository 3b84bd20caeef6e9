using System.Net;
using System.Text;
using System.Text.Json;

namespace Extensible.Host.Tests.Api;

/// <summary>Raw HTTP calls with literal JSON, so the tests pin the wire format rather than a serializer's idea of it.</summary>
public static class ApiCalls
{
    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative));

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string json, string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, contentType) });

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) => client.SendJsonAsync(HttpMethod.Post, path, json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json) => client.SendJsonAsync(HttpMethod.Put, path, json);

    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string path) =>
        client.DeleteAsync(new Uri(path, UriKind.Relative));

    /// <summary>The body as JSON, after checking the status (with the body in the message when it differs).</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The fields named in a 400's problem details.</summary>
    public static async Task<string[]> ValidationErrorsAsync(this HttpResponseMessage response)
    {
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
