using Extensible.Publishing.Posts;

namespace Extensible.Host.Tests.Publishing.Posts;

public sealed class partial_statuses_are_summarized_as_partial
{
    [Fact]
    public void two_published_and_one_failed_reads_as_partial_with_the_networks_message()
    {
        Assert.Equal("2 of 3 published, 1 failed: Text too long",
            PostStatuses.Summarize([("published", null), ("published", null), ("failed", "Text too long")]));
    }

    [Fact]
    public void statuses_in_between_are_counted_too()
    {
        Assert.Equal("1 of 3 published, 1 being published, 1 waiting to retry",
            PostStatuses.Summarize([("published", null), ("publishing", null), ("retrying", "rate limited")]));
        Assert.Equal("all 3 published", PostStatuses.Summarize([("published", null), ("published", null), ("published", null)]));
        Assert.Equal("draft", PostStatuses.Summarize([("draft", null), ("draft", null)]));
        Assert.Equal("all 2 published", PostStatuses.Summarize([("published", null), ("dropped", null), ("published", null)]));
    }
}
