using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Extensible.Publishing.Media;

namespace Extensible.Host.Tests.Publishing.Media;

public sealed class refused_uploads_store_nothing(SmallMediaLimitsHost fixture) : IClassFixture<SmallMediaLimitsHost>
{
    private PublishingHost Host => fixture.Host;

    [Fact]
    public async Task a_file_over_the_configured_limit_is_refused_with_the_limit_in_words()
    {
        var (ownerId, workspaceId) = await Host.OwnerAsync();
        var large = TestImages.Png(400, 400, shade: 7);
        Assert.True(large.Length > 20_000, $"The test image is only {large.Length} bytes.");
        var before = await Host.MediaStoredAsync(workspaceId);

        var refused = await Assert.ThrowsAsync<MediaRefusedException>(() =>
            Host.Media.UploadAsync(workspaceId, "poster.png", new MemoryStream(large), ownerId, PublishingHost.OwnerEmail));

        Assert.Equal("'poster.png' is too large: the most accepted for an image is 19.5 KB.", refused.Message);
        Assert.Equal(before, await Host.MediaStoredAsync(workspaceId));
    }

    [Fact]
    public async Task the_api_refuses_an_oversized_upload_with_a_problem_naming_the_file_field()
    {
        var (ownerId, workspaceId) = await Host.OwnerAsync();
        using var client = await Host.ApiClientAsync(ownerId, workspaceId);
        var before = await Host.MediaStoredAsync(workspaceId);

        using var response = await client.PostAsync("/api/v1/media", Form("poster.png", TestImages.Png(400, 400, shade: 8)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"file\"", body, StringComparison.Ordinal);
        Assert.Contains("too large", body, StringComparison.Ordinal);
        Assert.Equal(before, await Host.MediaStoredAsync(workspaceId));
    }

    [Fact]
    public async Task a_decompression_bomb_is_refused_from_its_header_without_decoding()
    {
        var (ownerId, workspaceId) = await Host.OwnerAsync();
        var bomb = TestImages.Bomb(30_000, 30_000);
        Assert.True(bomb.Length < 20_000, $"The bomb is {bomb.Length} bytes.");
        var before = await Host.MediaStoredAsync(workspaceId);

        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<MediaRefusedException>(() =>
            Host.Media.UploadAsync(workspaceId, "innocent.png", new MemoryStream(bomb), ownerId, PublishingHost.OwnerEmail));
        clock.Stop();

        // Decoding 900 megapixels would take gigabytes and seconds; the header alone says no.
        Assert.Equal("The image declares 30000 × 30000 pixels (900 megapixels); the most accepted is 1 megapixels.", refused.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Refusing took {clock.Elapsed}.");
        Assert.Equal(before, await Host.MediaStoredAsync(workspaceId));
    }

    [Fact]
    public async Task the_api_refuses_a_text_file_named_png()
    {
        var (ownerId, workspaceId) = await Host.OwnerAsync();
        using var client = await Host.ApiClientAsync(ownerId, workspaceId);
        var before = await Host.MediaStoredAsync(workspaceId);

        using var response = await client.PostAsync("/api/v1/media", Form("notes.png", "just some words"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not an image or video the library accepts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await Host.MediaStoredAsync(workspaceId));
    }

    internal static MultipartFormDataContent Form(string fileName, byte[] bytes, string contentType = "application/octet-stream")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
