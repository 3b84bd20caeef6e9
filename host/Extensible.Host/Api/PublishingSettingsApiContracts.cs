namespace Extensible.Host.Api;

/// <summary>The time zones of publishing.</summary>
/// <param name="TimeZone">The workspace's zone: schedules are chosen in it unless another is named.</param>
/// <param name="PersonalTimeZone">The caller's own display zone here; null when they follow the workspace's.</param>
/// <param name="DisplayTimeZone">The zone the caller sees times in.</param>
public sealed record PublishingSettingsResponse(string TimeZone, string? PersonalTimeZone, string DisplayTimeZone);

/// <summary>A time zone to set.</summary>
/// <param name="TimeZone">An IANA zone id (<c>Europe/Paris</c>); for the personal zone, null or empty follows the workspace's again.</param>
public sealed record TimeZoneRequest(string? TimeZone);
