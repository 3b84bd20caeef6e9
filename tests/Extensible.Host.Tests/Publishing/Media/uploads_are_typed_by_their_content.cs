using Extensible.Publishing.Media;

namespace Extensible.Host.Tests.Publishing.Media;

public sealed class uploads_are_typed_by_their_content(PublishingHost host) : IClassFixture<PublishingHost>
{
    [Fact]
    public async Task a_png_is_stored_with_its_checksum_dimensions_and_a_thumbnail()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var png = TestImages.Png(640, 480, shade: 1);

        var upload = await host.Media.UploadAsync(workspaceId, "sunset.png", new MemoryStream(png), ownerId, PublishingHost.OwnerEmail);

        Assert.False(upload.Reused);
        var item = upload.Item;
        Assert.Equal(("sunset.png", "image/png", (long)png.Length, TestImages.Sha256(png), 640, 480),
            (item.FileName, item.ContentType, item.Length, item.Sha256, item.Width!.Value, item.Height!.Value));
        await using (var stored = await host.Media.OpenReadAsync(workspaceId, item.Id))
        {
            using var copy = new MemoryStream();
            await stored!.CopyToAsync(copy);
            Assert.Equal(png, copy.ToArray());
        }

        await using var thumbnail = await host.Media.OpenThumbnailAsync(workspaceId, item.Id);
        Assert.NotNull(thumbnail);
        Assert.Equal((320, 240), TestImages.Dimensions(thumbnail!));
        Assert.Contains(await host.Media.ListAsync(workspaceId), m => m.Id == item.Id);
    }

    [Fact]
    public async Task a_photo_stored_turned_is_measured_and_thumbnailed_upright()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var jpeg = TestImages.TurnedJpeg(80, 40);

        var item = (await host.Media.UploadAsync(workspaceId, "held-upright.jpg", new MemoryStream(jpeg), ownerId, PublishingHost.OwnerEmail)).Item;

        // Stored 80 × 40 with its left half red; shown a quarter turn clockwise: 40 × 80, the red half on top.
        Assert.Equal((40, 80), (item.Width!.Value, item.Height!.Value));
        await using (var thumbnail = await host.Media.OpenThumbnailAsync(workspaceId, item.Id))
        {
            Assert.Equal((40, 80), TestImages.Dimensions(thumbnail!));
        }

        await using (var thumbnail = await host.Media.OpenThumbnailAsync(workspaceId, item.Id))
        {
            var top = TestImages.ColourAt(thumbnail!, 0.5, 0.1);
            Assert.True(top.Red > 200 && top.Blue < 60, $"the top is red, not {top}");
        }

        await using (var thumbnail = await host.Media.OpenThumbnailAsync(workspaceId, item.Id))
        {
            var bottom = TestImages.ColourAt(thumbnail!, 0.5, 0.9);
            Assert.True(bottom.Blue > 200 && bottom.Red < 60, $"the bottom is blue, not {bottom}");
        }
    }

    [Fact]
    public async Task a_jpeg_is_stored_as_a_jpeg_and_reaches_the_publisher_as_an_attachment()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var jpeg = TestImages.Jpeg(800, 600, shade: 2);

        var item = (await host.Media.UploadAsync(workspaceId, "team.jpeg", new MemoryStream(jpeg), ownerId, PublishingHost.OwnerEmail)).Item;
        await host.Media.SetAltTextAsync(workspaceId, item.Id, "  The team at the harbour  ", ownerId, PublishingHost.OwnerEmail);

        Assert.Equal(("team.jpeg", "image/jpeg", 800, 600), (item.FileName, item.ContentType, item.Width!.Value, item.Height!.Value));
        var attachment = Assert.Single(await host.Media.ToAttachmentsAsync(workspaceId, [item.Id]));
        Assert.Equal(("team.jpeg", "image/jpeg", (long)jpeg.Length, "The team at the harbour"), (attachment.FileName, attachment.ContentType, attachment.Length, attachment.AltText));
        await using var opened = await attachment.OpenAsync(CancellationToken.None);
        using var copy = new MemoryStream();
        await opened.CopyToAsync(copy);
        Assert.Equal(jpeg, copy.ToArray());
    }

    [Fact]
    public async Task a_png_named_jpg_is_stored_as_a_png()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var png = TestImages.Png(64, 64, shade: 3);

        var item = (await host.Media.UploadAsync(workspaceId, "holiday.jpg", new MemoryStream(png), ownerId, PublishingHost.OwnerEmail)).Item;

        Assert.Equal(("image/png", "holiday.png"), (item.ContentType, item.FileName));
    }

    [Fact]
    public async Task a_text_file_named_png_is_refused_and_nothing_is_stored()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var before = await host.MediaStoredAsync(workspaceId);

        var refused = await Assert.ThrowsAsync<MediaRefusedException>(() =>
            host.Media.UploadAsync(workspaceId, "logo.png", new MemoryStream("<svg onload=alert(1)>not an image</svg>"u8.ToArray()), ownerId, PublishingHost.OwnerEmail));

        Assert.Contains("not an image or video the library accepts", refused.Message, StringComparison.Ordinal);
        Assert.Contains("read from the content, not from the name", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await host.MediaStoredAsync(workspaceId));
    }

    [Fact]
    public async Task a_damaged_image_is_refused_and_nothing_is_stored()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var png = TestImages.Png(200, 200, shade: 4);
        var before = await host.MediaStoredAsync(workspaceId);

        var refused = await Assert.ThrowsAsync<MediaRefusedException>(() =>
            host.Media.UploadAsync(workspaceId, "cut.png", new MemoryStream(png[..40]), ownerId, PublishingHost.OwnerEmail));

        Assert.Contains("cannot be read", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await host.MediaStoredAsync(workspaceId));
    }

    [Fact]
    public async Task the_same_file_uploaded_twice_is_one_item()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var png = TestImages.Png(120, 90, shade: 5);
        var first = await host.Media.UploadAsync(workspaceId, "chart.png", new MemoryStream(png), ownerId, PublishingHost.OwnerEmail);
        var stored = await host.MediaStoredAsync(workspaceId);

        var second = await host.Media.UploadAsync(workspaceId, "chart-copy.png", new MemoryStream(png), ownerId, PublishingHost.OwnerEmail);

        Assert.True(second.Reused);
        Assert.Equal(first.Item.Id, second.Item.Id);
        Assert.Equal(stored, await host.MediaStoredAsync(workspaceId));
    }

    [Fact]
    public async Task a_deleted_item_leaves_the_library_and_its_bytes_go_when_no_post_uses_them()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var png = TestImages.Png(100, 100, shade: 6);
        var item = (await host.Media.UploadAsync(workspaceId, "old.png", new MemoryStream(png), ownerId, PublishingHost.OwnerEmail)).Item;

        Assert.True(await host.Media.DeleteAsync(workspaceId, item.Id, ownerId, PublishingHost.OwnerEmail));

        Assert.Null(await host.Media.GetAsync(workspaceId, item.Id));
        Assert.DoesNotContain(await host.Media.ListAsync(workspaceId), m => m.Id == item.Id);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from publishing_media_blobs where workspace_id = $1 and sha256 = $2", workspaceId, item.Sha256));
        Assert.False(await host.Media.DeleteAsync(workspaceId, item.Id, ownerId, PublishingHost.OwnerEmail));
    }
}
