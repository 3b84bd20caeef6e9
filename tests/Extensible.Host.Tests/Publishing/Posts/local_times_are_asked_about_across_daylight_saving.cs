using Extensible.Publishing.Posts;
using Extensible.Publishing.Scheduling;

namespace Extensible.Host.Tests.Publishing.Posts;

public sealed class local_times_are_asked_about_across_daylight_saving
{
    private static readonly TimeZoneInfo Paris = ScheduleTime.FindZone("Europe/Paris");
    private static readonly TimeZoneInfo NewYork = ScheduleTime.FindZone("America/New_York");

    [Fact]
    public void half_past_two_on_the_spring_forward_day_in_paris_does_not_exist_and_is_asked_about()
    {
        var question = Assert.Throws<LocalTimeQuestionException>(() => ScheduleTime.ToInstant(new DateTime(2027, 3, 28, 2, 30, 0), Paris));

        Assert.StartsWith("02:30 on 2027-03-28 does not exist in Europe/Paris", question.Message, StringComparison.Ordinal);
        Assert.EndsWith("01:30 or 03:30?", question.Message, StringComparison.Ordinal);
        Assert.Equal(["01:30", "03:30"], question.Choices.Select(c => c.Label));
        Assert.Equal(DateTimeOffset.Parse("2027-03-28T00:30:00Z"), question.Choices[0].Instant);
        Assert.Equal(DateTimeOffset.Parse("2027-03-28T01:30:00Z"), question.Choices[1].Instant);
    }

    [Fact]
    public void half_past_one_on_the_fall_back_day_in_new_york_happens_twice_and_is_asked_about()
    {
        var question = Assert.Throws<LocalTimeQuestionException>(() => ScheduleTime.ToInstant(new DateTime(2027, 11, 7, 1, 30, 0), NewYork));

        Assert.Contains("01:30 on 2027-11-07 happens twice in America/New_York", question.Message, StringComparison.Ordinal);
        Assert.Contains("the first (-04:00, summer time) or the second (-05:00, standard time)?", question.Message, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.FromHours(-4), TimeSpan.FromHours(-5)], question.Choices.Select(c => c.Offset!.Value));
    }

    [Fact]
    public void an_explicit_offset_picks_one_occurrence_of_a_time_that_happens_twice()
    {
        var local = new DateTime(2027, 11, 7, 1, 30, 0);

        Assert.Equal(DateTimeOffset.Parse("2027-11-07T05:30:00Z"), ScheduleTime.ToInstant(local, NewYork, TimeSpan.FromHours(-4)));
        Assert.Equal(DateTimeOffset.Parse("2027-11-07T06:30:00Z"), ScheduleTime.ToInstant(local, NewYork, TimeSpan.FromHours(-5)));
        var wrong = Assert.Throws<LocalTimeQuestionException>(() => ScheduleTime.ToInstant(local, NewYork, TimeSpan.FromHours(-6)));
        Assert.StartsWith("-06:00 is neither occurrence.", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void paris_in_the_fall_back_hour_is_asked_about_with_its_own_offsets()
    {
        var question = Assert.Throws<LocalTimeQuestionException>(() => ScheduleTime.ToInstant(new DateTime(2027, 10, 31, 2, 30, 0), Paris));

        Assert.Contains("the first (+02:00, summer time) or the second (+01:00, standard time)?", question.Message, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.Parse("2027-10-31T01:30:00Z"), ScheduleTime.ToInstant(new DateTime(2027, 10, 31, 2, 30, 0), Paris, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void nine_in_the_morning_stays_nine_in_the_morning_across_the_change()
    {
        Assert.Equal(DateTimeOffset.Parse("2027-03-27T08:00:00Z"), ScheduleTime.ToInstant(new DateTime(2027, 3, 27, 9, 0, 0), Paris));
        Assert.Equal(DateTimeOffset.Parse("2027-03-28T07:00:00Z"), ScheduleTime.ToInstant(new DateTime(2027, 3, 28, 9, 0, 0), Paris));
        Assert.Equal(DateTimeOffset.Parse("2027-11-06T13:00:00Z"), ScheduleTime.ToInstant(new DateTime(2027, 11, 6, 9, 0, 0), NewYork));
        Assert.Equal(DateTimeOffset.Parse("2027-11-07T14:00:00Z"), ScheduleTime.ToInstant(new DateTime(2027, 11, 7, 9, 0, 0), NewYork));
        Assert.Equal(new DateTime(2027, 3, 28, 9, 0, 0), ScheduleTime.ToLocal(DateTimeOffset.Parse("2027-03-28T07:00:00Z"), Paris));
    }

    [Fact]
    public void an_offset_that_contradicts_an_ordinary_time_is_refused_rather_than_obeyed()
    {
        var refused = Assert.Throws<PostValidationException>(() => ScheduleTime.ToInstant(new DateTime(2027, 7, 1, 9, 0, 0), Paris, TimeSpan.FromHours(1)));
        Assert.Equal("offset", Assert.Single(refused.Errors).Key);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public void an_unknown_zone_is_refused_in_words(string zone)
    {
        var refused = Assert.Throws<PostValidationException>(() => ScheduleTime.FindZone(zone));
        Assert.Contains("IANA", Assert.Single(refused.Errors["timeZone"]), StringComparison.Ordinal);
    }
}
