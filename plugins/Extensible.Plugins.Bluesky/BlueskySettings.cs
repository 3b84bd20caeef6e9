using System.ComponentModel.DataAnnotations;
using Extensible.Plugins.Bluesky.Sessions;

namespace Extensible.Plugins.Bluesky;

/// <summary>Server-wide settings of the Bluesky connector.</summary>
public sealed class BlueskySettings : IValidatableObject
{
    /// <summary>The AppView Bluesky's own PDSes proxy <c>app.bsky.*</c> calls to.</summary>
    public const string BlueskyAppView = "did:web:api.bsky.app#bsky_appview";

    /// <summary>The PDS an account signs in to when the person leaves the PDS field empty.</summary>
    [Display(Name = "Default PDS", Description = "Where accounts sign in when no PDS address is entered while connecting: https://bsky.social for Bluesky's own hosting.")]
    [Required]
    [StringLength(300)]
    public string DefaultPds { get; set; } = "https://bsky.social";

    /// <summary>
    /// The <c>atproto-proxy</c> header sent with <c>app.bsky.*</c> calls (the AppView's DID and service id); empty to send
    /// none and let the PDS pick its configured AppView.
    /// </summary>
    [Display(Name = "AppView (atproto-proxy header)", Description = "Sent as the atproto-proxy header on app.bsky.* calls: did:web:api.bsky.app#bsky_appview for Bluesky's AppView, your network's own AppView DID on a private network, or empty to send no header.")]
    [StringLength(300)]
    public string? AppViewProxy { get; set; } = BlueskyAppView;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PdsAddress.Problem(DefaultPds) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(DefaultPds)]);
        }

        if (!string.IsNullOrWhiteSpace(AppViewProxy) && !AppViewProxyHeader.IsValid(AppViewProxy.Trim()))
        {
            yield return new ValidationResult("The AppView must be a DID followed by a service id, like did:web:api.bsky.app#bsky_appview.", [nameof(AppViewProxy)]);
        }
    }
}
