using System.Net;
using Extensible.Host.Tests.Api;
using Extensible.Host.Tests.Console;

namespace Extensible.Host.Tests.Publishing.Console;

/// <summary>
/// The calendar's date comes from the address bar: a first or last day of the calendar itself (year 1, year 9999) has no
/// Monday before it or month after it to show, and once answered 500 (found by the fuzz test). A date outside the years a
/// post can be scheduled in shows this month instead.
/// </summary>
public sealed class the_calendar_shows_only_dates_it_can_page_around(ApiHost api) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("month", "0001-01-01")]
    [InlineData("week", "0001-01-01")]
    [InlineData("month", "9999-12-31")]
    [InlineData("week", "9999-12-31")]
    [InlineData("week", "9999-12-27")]
    [InlineData("month", "1969-12-31")]
    [InlineData("week", "2200-01-01")]
    public async Task a_date_at_the_calendars_ends_shows_this_month_instead(string view, string date)
    {
        using var browser = new ConsoleBrowser(api.Host.Address);
        await browser.SignInAsync(api, ApiHost.OwnerEmail);

        using var response = await browser.GetAsync($"/calendar?view={view}&date={date}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var title = Title(html);
        Assert.DoesNotContain(date[..4], title, StringComparison.Ordinal);
        Assert.Contains(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)[..3], title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_date_well_inside_the_calendar_is_shown_as_asked()
    {
        using var browser = new ConsoleBrowser(api.Host.Address);
        await browser.SignInAsync(api, ApiHost.OwnerEmail);

        var (html, _) = await browser.PageAsync("/calendar?view=month&date=1970-03-15");

        Assert.Equal("March 1970", Title(html));
    }

    private static string Title(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<h2 id=\"calendar-title\"[^>]*>([^<]*)</h2>").Groups[1].Value;
}
