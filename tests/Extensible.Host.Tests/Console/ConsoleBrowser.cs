using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Extensible.Host.Tests.Api;

namespace Extensible.Host.Tests.Console;

/// <summary>
/// The console as a browser without script sees it: keeps its cookies (session, antiforgery, workspace), follows no
/// redirects, and posts forms with the page's antiforgery token, as a field or — for htmx — as the header.
/// </summary>
public sealed class ConsoleBrowser : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _client;
    private readonly Uri _address;

    private static int _visitors;

    /// <summary>A browser on a loopback address of its own (127.0.0.2, .3, …), so per-address rate limits (sign-in) count it alone.</summary>
    public ConsoleBrowser(Uri address)
    {
        _address = address;
        var source = new IPAddress([127, 0, 0, (byte)(2 + (Interlocked.Increment(ref _visitors) % 250))]);
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = _cookies,
            UseCookies = true,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        }) { BaseAddress = address };
    }

    /// <summary>Signs in as <paramref name="email"/> with a fresh session (see <see cref="ApiHost.SessionCookieAsync"/>).</summary>
    public async Task SignInAsync(ApiHost api, string email)
    {
        var cookie = await api.SessionCookieAsync(email);
        var separator = cookie.IndexOf('=', StringComparison.Ordinal);
        _cookies.Add(_address, new Cookie(cookie[..separator], cookie[(separator + 1)..], "/"));
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => _client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));

    /// <summary>The page's HTML and the token its forms post with; fails unless it answers 200.</summary>
    public async Task<(string Html, string? Token)> PageAsync(string pathAndQuery)
    {
        using var response = await GetAsync(pathAndQuery);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {pathAndQuery} answered {(int)response.StatusCode} {response.Headers.Location}");
        return (html, HtmlForm.AntiforgeryToken(html));
    }

    /// <summary>Posts urlencoded <paramref name="fields"/> (the token added as a field) to <paramref name="action"/>.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var all = fields.ToList();
        if (token is not null && all.All(f => f.Key != "__RequestVerificationToken"))
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        var body = string.Join('&', all.Select(f => $"{Encode(f.Key)}={Encode(f.Value)}"));
        return SendAsync(HttpMethod.Post, action, new ByteArrayContent(Encoding.ASCII.GetBytes(body)), "application/x-www-form-urlencoded", null);
    }

    /// <summary>Sends <paramref name="content"/> as it is, with the token as the htmx header when given.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string action, HttpContent? content, string? contentType, string? headerToken, bool htmx = false)
    {
        var request = new HttpRequestMessage(method, new Uri(action, UriKind.Relative)) { Content = content };
        if (content is not null && contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (headerToken is not null)
        {
            request.Headers.Add(Admin.AdminExtensions.AntiforgeryHeader, headerToken);
        }

        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
        }

        return _client.SendAsync(request);
    }

    /// <summary>Percent-encodes the UTF-8 bytes of <paramref name="text"/> (a lone surrogate becomes U+FFFD, as in a browser).</summary>
    public static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    /// <summary>Percent-encodes bytes as they are, valid UTF-8 or not.</summary>
    public static string Encode(byte[] bytes)
    {
        var encoded = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    public void Dispose() => _client.Dispose();
}
