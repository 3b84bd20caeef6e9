using Extensible.Publishing.Media;
using Extensible.Sdk.Connectors;

namespace Extensible.Host.Tests.Publishing.Media;

public sealed class media_fits_each_network_or_says_why
{
    private static readonly MediaLimits Limits = new()
    {
        MaxItems = 2,
        MaxImageBytes = 1_000_000,
        MaxVideoBytes = 10_000_000,
        MaxVideoDuration = TimeSpan.FromSeconds(60),
        ContentTypes = ["image/jpeg", "image/png", "video/mp4"],
    };

    [Fact]
    public void items_within_the_limits_raise_nothing()
    {
        Assert.Empty(MediaLibrary.CheckAgainst(Limits, [Item("a.png", "image/png", 500_000), Item("b.mp4", "video/mp4", 5_000_000, TimeSpan.FromSeconds(30))]));
        Assert.Empty(MediaLibrary.CheckAgainst(MediaLimits.None, []));
    }

    [Fact]
    public void each_problem_is_said_per_item_in_words()
    {
        var gif = Item("party.gif", "image/gif", 1000);
        var big = Item("poster.png", "image/png", 3_000_000);
        var longVideo = Item("talk.mp4", "video/mp4", 5_000_000, TimeSpan.FromMinutes(3));

        var problems = MediaLibrary.CheckAgainst(Limits, [gif, big, longVideo]);

        Assert.Equal(
        [
            (null, "This network takes at most 2 media items per post; this one has 3."),
            (gif.Id, "party.gif: image/gif is not accepted here (it takes image/jpeg, image/png, video/mp4)."),
            (big.Id, "poster.png is too large here: 2.9 MB, and this network takes images up to 976.6 KB."),
            (longVideo.Id, "talk.mp4 is too long here: 3 min 0 s, and this network takes videos up to 1 min 0 s."),
        ], problems.Select(p => (p.MediaId, p.Message)));
    }

    [Fact]
    public void a_network_without_media_says_so()
    {
        var problem = Assert.Single(MediaLibrary.CheckAgainst(MediaLimits.None, [Item("a.png", "image/png", 10)]));
        Assert.Equal("This network takes no media: remove the images and videos for it.", problem.Message);
    }

    private static MediaItem Item(string name, string type, long length, TimeSpan? duration = null) => new()
    {
        Id = Guid.NewGuid(),
        WorkspaceId = Guid.NewGuid(),
        FileName = name,
        ContentType = type,
        Length = length,
        Sha256 = "",
        Duration = duration,
        CreatedBy = Guid.NewGuid(),
        Created = DateTimeOffset.UtcNow,
    };
}
