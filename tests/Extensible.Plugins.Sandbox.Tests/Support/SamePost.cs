using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Support;

/// <summary>Compares published posts by what they say (records compare their lists by reference).</summary>
public static class SamePost
{
    public static void Equal(PublishedPost? expected, PublishedPost? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.PlatformPostId, actual.PlatformPostId);
        Assert.Equal(expected.Url, actual.Url);
        Assert.Equal(expected.ThreadPostIds, actual.ThreadPostIds);
        Assert.Equal(expected.FirstCommentId, actual.FirstCommentId);
    }
}
