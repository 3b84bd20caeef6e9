using Microsoft.Playwright;

namespace Extensible.Browser.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright's bundled driver: its headless shell (the package
/// <c>chromium-headless-shell</c>, the build Playwright itself runs headless tests with, about a third of the full
/// browser's CPU on these pages), else the full browser (<c>chromium</c>) headless. Playwright never downloads a browser
/// here: tests/run installs the system's package. One for the whole test process (<see cref="SharedAsync"/>), closed when the
/// process exits: starting Playwright's driver and a browser per test class cost more CPU than the tests' own pages on two
/// cores. Each <see cref="ConsoleTab"/> is a context of its own (cookies, storage, cache), so classes stay apart.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private static readonly Lazy<Task<Chromium>> Shared = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Where Debian's chromium-headless-shell package puts the shell.</summary>
    public const string HeadlessShellPath = "/usr/bin/chromium-headless-shell";

    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string BrowserPath = "/usr/bin/chromium";

    /// <summary>The one the tests run: the headless shell when it is installed, else the full browser.</summary>
    public static string ExecutablePath => File.Exists(HeadlessShellPath) ? HeadlessShellPath : BrowserPath;

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>
    /// The test process's browser, started by the first class that asks; a class whose start failed (Chromium missing,
    /// say) fails every class after it the same way.
    /// </summary>
    public static Task<Chromium> SharedAsync() => Shared.Value;

    private static async Task<Chromium> StartSharedAsync()
    {
        var chromium = await LaunchAsync();
        // Closed with the process, after every class; Playwright's driver would also close it when the process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => chromium.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        return chromium;
    }

    // Fails with what to do when Chromium is not installed.
    private static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {HeadlessShellPath} or {BrowserPath}: run ./tests/run, which installs it, or apt-get install chromium-headless-shell.");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // Two cores run the host, PostgreSQL, Chromium and other test processes at once: give pages time.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A new tab on the console at <paramref name="address"/>, with cookies of its own: a person of their own, or the
    /// same person again when given another tab's <see cref="ConsoleTab.SessionAsync"/>.
    /// </summary>
    public Task<ConsoleTab> OpenTabAsync(Uri address, string? session = null) => ConsoleTab.OpenAsync(_browser, address, session);

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
