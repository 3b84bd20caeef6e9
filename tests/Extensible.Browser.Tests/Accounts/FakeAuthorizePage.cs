using System.Text.Encodings.Web;
using Extensible.Testing.Plugins.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Extensible.Browser.Tests.Accounts;

/// <summary>
/// The fake OAuth network's authorization page, in the test process: it shows who is signing in and an "Authorize"
/// link back to the host's callback with a code bound to the PKCE challenge and the state, as a network's page does.
/// </summary>
public sealed class FakeAuthorizePage : IAsyncDisposable
{
    public const string Login = "browser-bea";

    private WebApplication? _app;

    public async Task<Uri> StartAsync()
    {
        if (_app is null)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            _app = builder.Build();
            _app.MapGet("/authorize", (HttpRequest request) =>
            {
                var back = FakeNetworksPlugin.Authorize(new Uri(request.GetEncodedUrlSafe()), Login);
                var html = $"<!doctype html><title>Authorize</title><h1>Fake network</h1><p>Let Extensible post as @{Login}?</p><a id=\"authorize\" href=\"{HtmlEncoder.Default.Encode(back.AbsoluteUri)}\">Authorize</a>";
                return Results.Content(html, "text/html");
            });
            await _app.StartAsync();
        }

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

internal static class RequestUrls
{
    public static string GetEncodedUrlSafe(this HttpRequest request) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
}
