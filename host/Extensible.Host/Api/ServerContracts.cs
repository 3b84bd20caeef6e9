using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Extensible.Host.Api;

/// <summary>A server operator.</summary>
/// <param name="UserId">Their account's id.</param>
/// <param name="Email">Their email.</param>
/// <param name="DisplayName">Their name.</param>
public sealed record OperatorResponse(Guid UserId, string Email, string DisplayName);

/// <summary>Someone with an account to make a server operator.</summary>
/// <param name="Email">Their account's email.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record NameOperatorRequest([property: Description("The email of an existing account.")] string? Email);
