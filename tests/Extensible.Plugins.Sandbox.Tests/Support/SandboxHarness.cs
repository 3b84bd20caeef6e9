using Extensible.Sdk.Testing;

namespace Extensible.Plugins.Sandbox.Tests.Support;

/// <summary>The sandbox plugin in the SDK's plugin harness, under its real id.</summary>
public static class SandboxHarness
{
    public const string PluginId = "extensible.sandbox";

    /// <summary>A harness for the sandbox with <paramref name="settings"/> (its defaults when not given).</summary>
    public static PluginHarness Create(SandboxSettings? settings = null) => PluginHarness.Create<SandboxPlugin>(settings, PluginId);
}
