namespace Extensible.Sdk.Connectors;

/// <summary>A field the console asks for when connecting an account without OAuth.</summary>
/// <param name="Name">The field's key in <see cref="ConnectCompletion.Fields"/>.</param>
/// <param name="Label">What the person reads.</param>
/// <param name="IsSecret"><see langword="true"/> for passwords and tokens: entered masked, never shown back.</param>
public sealed record ConnectField(string Name, string Label, bool IsSecret);
