using System.Net;

namespace Extensible.Host.Tests.Publishing.Media;

public sealed class the_media_room_uploads_and_serves_to_members(PublishingHost host) : IClassFixture<PublishingHost>
{
    [Fact]
    public async Task an_upload_in_the_room_shows_its_thumbnail_and_a_refusal_is_said_beside_the_upload()
    {
        var (_, workspaceId) = await host.OwnerAsync();
        using var console = await host.ConsoleClientAsync();
        var png = TestImages.Png(500, 250, shade: 40);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(png), "file", "banner.png" },
            { new ByteArrayContent("not an image <script>"u8.ToArray()), "file", "notes<b>.png" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/media?handler=Upload") { Content = form };
        request.Headers.Add("HX-Request", "true");

        using var response = await console.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(await host.Media.ListAsync(workspaceId), m => m.FileName == "banner.png");
        Assert.Contains($"/media/{item.Id}/thumbnail", html, StringComparison.Ordinal);
        Assert.Contains("banner.png was added.", html, StringComparison.Ordinal);
        Assert.Contains("notes&lt;b&gt;.png", html, StringComparison.Ordinal);
        Assert.Contains("is not an image or video the library accepts", html, StringComparison.Ordinal);
        Assert.DoesNotContain("notes<b>", html, StringComparison.Ordinal);

        using var thumbnail = await console.GetAsync($"/media/{item.Id}/thumbnail");
        Assert.Equal(("image/webp", "nosniff"), (thumbnail.Content.Headers.ContentType?.MediaType, thumbnail.Headers.GetValues("X-Content-Type-Options").Single()));
        using var file = await console.GetAsync($"/media/{item.Id}/file");
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("inline", "banner.png"), (file.Content.Headers.ContentDisposition?.DispositionType, file.Content.Headers.ContentDisposition?.FileName?.Trim('"')));
        Assert.Equal(png, await file.Content.ReadAsByteArrayAsync());

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Host.Address };
        using var refused = await anonymous.GetAsync($"/media/{item.Id}/file");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task the_picker_keeps_the_chosen_items_and_checks_the_new_one()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var chosen = (await host.Media.UploadAsync(workspaceId, "chosen.png", new MemoryStream(TestImages.Png(40, 40, shade: 41)), ownerId, PublishingHost.OwnerEmail)).Item;
        var other = (await host.Media.UploadAsync(workspaceId, "other.png", new MemoryStream(TestImages.Png(40, 40, shade: 42)), ownerId, PublishingHost.OwnerEmail)).Item;
        using var console = await host.ConsoleClientAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(chosen.Id.ToString()), "mediaIds" },
            { new ByteArrayContent(TestImages.Jpeg(60, 40, shade: 43)), "file", "fresh.jpg" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/media?handler=PickerUpload") { Content = form };
        request.Headers.Add("HX-Request", "true");

        using var response = await console.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        var fresh = Assert.Single(await host.Media.ListAsync(workspaceId), m => m.FileName == "fresh.jpg");
        Assert.Contains($"value=\"{chosen.Id}\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{fresh.Id}\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{other.Id}\" />", html, StringComparison.Ordinal);
    }
}
