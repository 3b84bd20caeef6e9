using Extensible.Plugins.Mastodon.Instances;

namespace Extensible.Plugins.Mastodon.Tests.Publishing;

public sealed class statuses_are_counted_as_mastodon_counts_them
{
    [Theory]
    [InlineData("Hello", 23, 5)]
    [InlineData("👩‍👩‍👧", 23, 5)]
    [InlineData("See https://example.org/a/very/long/path?with=query", 23, 27)]
    [InlineData("See https://example.org/a/very/long/path?with=query", 30, 34)]
    [InlineData("Hi @alice@mastodon.example and @bob", 23, 18)]
    [InlineData("mail me at someone@example.org", 23, 30)]
    public void links_count_as_the_instance_reserves_and_remote_mentions_as_their_local_part(string text, int charactersPerUrl, int expected) =>
        Assert.Equal(expected, StatusLength.Count(text, charactersPerUrl));
}
