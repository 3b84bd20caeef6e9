using Extensible.People;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Browser.Tests.Support;

/// <summary>A console that nobody has set up yet: the first run, with its setup link.</summary>
public sealed class UnclaimedConsole : ConsoleFixture
{
    /// <summary>The path of this run's setup link, as the host prints it.</summary>
    public string SetupLink => $"/setup?token={Uri.EscapeDataString(Host.Services.GetRequiredService<SetupToken>().Value)}";
}
