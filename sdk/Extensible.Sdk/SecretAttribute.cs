namespace Extensible.Sdk;

/// <summary>
/// Marks a settings property as secret (an API key, a client secret, a webhook signing key): the host encrypts it at
/// rest, never shows it back in the console or the API, and keeps the stored value when a form leaves it empty.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class SecretAttribute : Attribute;
