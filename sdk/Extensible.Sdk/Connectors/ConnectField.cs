namespace Extensible.Sdk.Connectors;

/// <summary>
/// A field the console asks for when connecting an account: an app password or token (<see cref="ConnectStart.Fields"/>),
/// or, before an OAuth connect starts, which server to sign in to (<see cref="PlatformProfile.ConnectFields"/>).
/// </summary>
/// <param name="Name">The field's key in <see cref="ConnectCompletion.Fields"/> (or <see cref="ConnectRequest.Fields"/>).</param>
/// <param name="Label">What the person reads.</param>
/// <param name="IsSecret"><see langword="true"/> for passwords and tokens: entered masked, never shown back.</param>
public sealed record ConnectField(string Name, string Label, bool IsSecret)
{
    /// <summary>
    /// <see langword="true"/> when the person may leave the field empty (a server address with a default): the host then
    /// leaves it out of <see cref="ConnectCompletion.Fields"/>. Fields are required unless marked optional.
    /// </summary>
    public bool IsOptional { get; init; }

    /// <summary>A line of help shown under the field (what to enter, what an empty optional field means); <see langword="null"/> for none.</summary>
    public string? Help { get; init; }
}
