using System.Net;
using System.Text.Json;
using Extensible.Publishing.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Publishing.Media;

public sealed class media_is_served_to_its_workspace_and_signed_links_only(PublishingHost host) : IClassFixture<PublishingHost>
{
    [Fact]
    public async Task a_signed_link_serves_the_file_without_signing_in()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var png = TestImages.Png(300, 200, shade: 20);
        var item = (await host.Media.UploadAsync(workspaceId, "linked.png", new MemoryStream(png), ownerId, PublishingHost.OwnerEmail)).Item;
        using var anonymous = new HttpClient { BaseAddress = host.Host.Address };

        var link = host.Media.SignedUrl(item.Id, host.Host.Address);
        using var response = await anonymous.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task a_tampered_or_expired_link_serves_nothing()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var item = (await host.Media.UploadAsync(workspaceId, "private.png", new MemoryStream(TestImages.Png(50, 50, shade: 21)), ownerId, PublishingHost.OwnerEmail)).Item;
        var other = (await host.Media.UploadAsync(workspaceId, "other.png", new MemoryStream(TestImages.Png(50, 50, shade: 22)), ownerId, PublishingHost.OwnerEmail)).Item;
        var links = host.Services.GetRequiredService<MediaSignedUrls>();
        using var anonymous = new HttpClient { BaseAddress = host.Host.Address };
        var genuine = links.PathFor(item.Id, DateTimeOffset.UtcNow.AddMinutes(10)).Split('/');
        var later = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds();

        // Another item under the same signature, a later expiry under the same signature, a changed signature, an expired link.
        using var swapped = await anonymous.GetAsync($"/media/{other.Id}/{genuine[3]}/{genuine[4]}");
        using var stretched = await anonymous.GetAsync($"/media/{item.Id}/{later}/{genuine[4]}");
        using var altered = await anonymous.GetAsync($"/media/{item.Id}/{genuine[3]}/{genuine[4][..^4]}AAAA");
        using var expired = await anonymous.GetAsync(links.PathFor(item.Id, DateTimeOffset.UtcNow.AddSeconds(-1)));

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Gone],
            [swapped.StatusCode, stretched.StatusCode, altered.StatusCode, expired.StatusCode]);
        foreach (var refused in new[] { swapped, stretched, altered, expired })
        {
            Assert.NotEqual("image/png", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task another_workspaces_media_cannot_be_reached()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var item = (await host.Media.UploadAsync(workspaceId, "ours.png", new MemoryStream(TestImages.Png(60, 60, shade: 23)), ownerId, PublishingHost.OwnerEmail)).Item;
        var elsewhere = await host.People.CreateWorkspaceAsync("Elsewhere", ownerId, PublishingHost.OwnerEmail);
        using var client = await host.ApiClientAsync(ownerId, elsewhere);

        Assert.Null(await host.Media.GetAsync(elsewhere, item.Id));
        Assert.Null(await host.Media.OpenReadAsync(elsewhere, item.Id));
        await Assert.ThrowsAsync<MediaRefusedException>(() => host.Media.ToAttachmentsAsync(elsewhere, [item.Id]));
        await Assert.ThrowsAsync<MediaRefusedException>(() => host.Media.SetAltTextAsync(elsewhere, item.Id, "mine now", ownerId, PublishingHost.OwnerEmail));
        Assert.False(await host.Media.DeleteAsync(elsewhere, item.Id, ownerId, PublishingHost.OwnerEmail));
        foreach (var path in new[] { $"/api/v1/media/{item.Id}", $"/api/v1/media/{item.Id}/content", $"/api/v1/media/{item.Id}/thumbnail" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var list = await client.GetAsync("/api/v1/media");
        Assert.Equal("[]", await list.Content.ReadAsStringAsync());
        Assert.NotNull(await host.Media.GetAsync(workspaceId, item.Id));
    }

    [Fact]
    public async Task the_api_uploads_lists_describes_and_deletes()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        using var client = await host.ApiClientAsync(ownerId, workspaceId);
        var jpeg = TestImages.Jpeg(1200, 900, shade: 24);

        using var created = await client.PostAsync("/api/v1/media", refused_uploads_store_nothing.Form("launch.JPG", jpeg, "image/png"));
        using var again = await client.PostAsync("/api/v1/media", refused_uploads_store_nothing.Form("launch-again.jpg", jpeg));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var media = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("media");
        var id = media.GetProperty("id").GetGuid();
        Assert.Equal(("image/jpeg", 1200, 900, TestImages.Sha256(jpeg)),
            (media.GetProperty("contentType").GetString(), media.GetProperty("width").GetInt32(), media.GetProperty("height").GetInt32(), media.GetProperty("sha256").GetString()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var reused = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.True(reused.GetProperty("reused").GetBoolean());
        Assert.Equal(id, reused.GetProperty("media").GetProperty("id").GetGuid());

        using var content = await client.GetAsync($"/api/v1/media/{id}/content");
        Assert.Equal("image/jpeg", content.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", content.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(jpeg, await content.Content.ReadAsByteArrayAsync());

        using var described = await client.PutAsync($"/api/v1/media/{id}/alt-text",
            new StringContent("""{"altText":"Our new product on the launch stage"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, described.StatusCode);
        Assert.Equal("Our new product on the launch stage", (await host.Media.GetAsync(workspaceId, id))!.AltText);

        using var tooLong = await client.PutAsync($"/api/v1/media/{id}/alt-text",
            new StringContent($$"""{"altText":"{{new string('a', 1501)}}"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        using var listed = await client.GetAsync("/api/v1/media");
        Assert.Contains(JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);

        using var deleted = await client.DeleteAsync($"/api/v1/media/{id}");
        using var gone = await client.GetAsync($"/api/v1/media/{id}");
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (deleted.StatusCode, gone.StatusCode));
    }
}
