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

    [Fact]
    public void a_limit_says_what_is_left_and_whether_a_text_fits()
    {
        var x = new TextLimit(280, LengthCounting.XWeighted);
        var link = "https://example.com/" + new string('a', 300);

        Assert.Equal(23, x.Count(link));
        Assert.Equal(257, x.Remaining(link));
        Assert.True(x.Allows(link));
        Assert.False(x.Allows(new string('日', 141)));
        Assert.True(x.Allows(new string('日', 140)));
    }
}
