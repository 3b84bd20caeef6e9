using Extensible.Sdk.Connectors;

namespace Extensible.Sdk.Tests.Connectors;

public sealed class counting_text_length
{
    [Fact]
    public void graphemes_count_a_family_emoji_as_one()
    {
        Assert.Equal(3, TextLength.Count("a👨‍👩‍👧b", LengthCounting.Graphemes));
        Assert.Equal(10, TextLength.Count("a👨‍👩‍👧b", LengthCounting.Utf16));
    }

    [Fact]
    public void links_count_23_where_networks_shorten_them()
    {
        const string Text = "Read https://example.com/a/very/long/path/that/goes/on?and=on now";

        Assert.Equal(5 + 23 + 4, TextLength.Count(Text, LengthCounting.CodePointsLinksAs23));
        Assert.Equal(5 + 23 + 4, TextLength.Count(Text, LengthCounting.XWeighted));
    }

    [Fact]
    public void x_weighs_cjk_and_emoji_two()
    {
        Assert.Equal(2 + 2 + 2 + 1, TextLength.Count("日本😀!", LengthCounting.XWeighted));
    }
}
