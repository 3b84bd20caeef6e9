using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Extensible.Host.Tests.Api;
using Extensible.Host.Tests.Console;
using Extensible.Testing;

namespace Extensible.Host.Tests.Plugins;

/// <summary>
/// A plugin upload the server cannot use — an archive with a file and a folder of one name, a body cut off mid-way —
/// is refused with its reason (400 through the API, a message on the upload page) and leaves no staging file behind.
/// </summary>
public sealed class plugin_uploads_leave_nothing_behind(ApiHost api) : IClassFixture<ApiHost>
{
    private string Staging => Path.Combine(api.PluginsPath, ".staging");

    [Theory]
    [InlineData("lib", "lib/a.dll")]
    [InlineData("lib/a.dll", "lib")]
    [InlineData("lib/", "LIB")]
    public async Task the_api_refuses_a_file_and_a_folder_of_one_name(string first, string second)
    {
        using var client = api.Client(ApiHost.OwnerToken);
        var content = new ByteArrayContent(Clash(first, second));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");

        using var response = await client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), content);

        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("both as a file and as a folder", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Empty(StagingEntries());
    }

    [Fact]
    public async Task the_upload_page_refuses_a_file_and_a_folder_of_one_name()
    {
        using var browser = new ConsoleBrowser(api.Host.Address);
        await browser.SignInAsync(api, ApiHost.OwnerEmail);
        var (_, token) = await browser.PageAsync("/plugins");
        using var form = new MultipartFormDataContent { { new StringContent(token!), "__RequestVerificationToken" }, { new ByteArrayContent(Clash("lib", "lib/a.dll")), "archive", "clash.zip" } };

        using var response = await browser.SendAsync(HttpMethod.Post, "/plugins?handler=Upload", form, contentType: null, headerToken: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("both as a file and as a folder", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(StagingEntries());
    }

    [Fact]
    public async Task an_upload_cut_off_without_a_content_length_leaves_no_staging_file()
    {
        var before = StagingEntries().Count;
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(api.Host.Address.Host, api.Host.Address.Port);
            var stream = socket.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST /api/v1/plugins HTTP/1.1\r\nHost: {api.Host.Address.Authority}\r\nAuthorization: Bearer {ApiHost.OwnerToken}\r\n" +
                "Content-Type: application/zip\r\nTransfer-Encoding: chunked\r\n\r\n"));
            // One whole chunk of a "zip" that never ends: the server is staging it when the client goes away.
            await stream.WriteAsync(Encoding.ASCII.GetBytes("10000\r\n"));
            await stream.WriteAsync(new byte[0x10000]);
            await stream.WriteAsync("\r\n"u8.ToArray());
            await stream.FlushAsync();
            await Eventually.HoldsAsync(() => StagingEntries().Count > before, "the upload is being staged");
            socket.Client.Close(0);
        }

        await Eventually.HoldsAsync(() => StagingEntries().Count == before, "the staging file of the cut-off upload is removed");
    }

    private List<string> StagingEntries() => Directory.Exists(Staging) ? [.. Directory.EnumerateFileSystemEntries(Staging)] : [];

    // A plugin.json and two entries whose names make a file and a folder of one name.
    private static byte[] Clash(string first, string second)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "plugin.json", first, second })
            {
                using var entry = zip.CreateEntry(name).Open();
                if (!name.EndsWith('/'))
                {
                    entry.Write(name == "plugin.json" ? """{"id":"acme.clash","name":"Clash","version":"1.0.0","sdk":"^1.0","entry":"acme.clash.dll"}"""u8 : [1, 2, 3]);
                }
            }
        }

        return buffer.ToArray();
    }
}
