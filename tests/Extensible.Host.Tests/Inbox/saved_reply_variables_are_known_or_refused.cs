using Extensible.Inbox.SavedReplies;

namespace Extensible.Host.Tests.Inbox;

public sealed class saved_reply_variables_are_known_or_refused
{
    private static readonly SavedReplyValues Values = new("Ada", "@ada", "Acme", "@acme", "Sam", "Mastodon");

    [Theory]
    [InlineData("Hi {author.name}, {me.name} from {account.name} ({account.handle}) on {network} for {author.handle}", "Hi Ada, Sam from Acme (@acme) on Mastodon for @ada")]
    [InlineData("Smile :-{ and {} and { author.name } stay", "Smile :-{ and {} and { author.name } stay")]
    [InlineData("{author.name}{author.name}", "AdaAda")]
    public void known_variables_are_filled_and_other_braces_are_text(string text, string filled)
    {
        Assert.Null(SavedReplyTemplate.Check(text));
        Assert.Equal(new FilledReply(filled, []).Text, SavedReplyTemplate.Fill(text, Values).Text);
    }

    [Theory]
    [InlineData("Your order {order.id}", "{order.id}")]
    [InlineData("Hi {Author.Name}", "{Author.Name}")]
    [InlineData("Hi {author}", "{author}")]
    public void an_unknown_variable_is_refused_by_name_with_the_known_ones(string text, string unknown)
    {
        var problem = SavedReplyTemplate.Check(text);

        Assert.NotNull(problem);
        Assert.Contains(unknown, problem, StringComparison.Ordinal);
        Assert.Contains("{author.name}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void a_missing_value_stays_as_a_blank_the_reply_must_fill()
    {
        var filled = SavedReplyTemplate.Fill("Hi {author.name}, on {network}.", Values with { AuthorName = "  ", Network = null });

        Assert.Equal("Hi {author.name}, on {network}.", filled.Text);
        Assert.Equal(["author.name", "network"], filled.Missing);
        Assert.Equal(["author.name", "network"], SavedReplyTemplate.Blanks(filled.Text));
        Assert.Empty(SavedReplyTemplate.Blanks("Hi Ada, {order.id} and :-{"));
    }

    [Fact]
    public void a_strangers_value_is_one_line_and_cut_between_characters()
    {
        var name = "Eve\r\n\u0007Mallory" + new string('x', 186) + "😀😀";

        var filled = SavedReplyTemplate.Fill("{author.name}", Values with { AuthorName = name }).Text;

        Assert.StartsWith("Eve   Mallory", filled, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', filled);
        Assert.True(filled.Length <= SavedReplyTemplate.MaxValueLength);
        // The emoji would straddle the 200th character: it is left out whole.
        Assert.Equal(199, filled.Length);
        Assert.False(char.IsHighSurrogate(filled[^1]));
    }
}
