using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Extensible.Browser.Tests.Support;

/// <summary>
/// One person's tab on the console: a browser context of its own (its own cookies) and one page. It writes down
/// everything the page should never do — log an error (a Content-Security-Policy violation is one), throw, or open a
/// dialog — for <see cref="AssertNothingWentWrong"/> to fail on.
/// </summary>
public sealed class ConsoleTab : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];
    private string? _confirm;

    private ConsoleTab(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console error: {message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => Record($"uncaught error: {error}");
        page.Dialog += (_, dialog) =>
        {
            if (dialog.Type == "confirm" && TakeConfirm(dialog.Message))
            {
                _ = dialog.AcceptAsync();
                return;
            }

            Record($"{dialog.Type} dialog: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
    }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>The header's live connection indicator (<c>data-state</c>: connecting, live, reconnecting, offline).</summary>
    public ILocator LiveState => Page.Locator("#live-state");

    /// <summary>The page's main content.</summary>
    public ILocator Main => Page.Locator("main");

    /// <summary>The rooms in the navigation.</summary>
    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Rooms" });

    /// <summary>What the page did wrong so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    internal static async Task<ConsoleTab> OpenAsync(IBrowser browser, Uri address, string? session)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), StorageState = session });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        return new ConsoleTab(context, page);
    }

    /// <summary>Opens <paramref name="path"/> and waits until the page has settled (its live connection is up).</summary>
    public async Task OpenAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Page.GotoAsync(path);
                break;
            }
            catch (Exception e) when (attempt < 5 && (e is TimeoutException
                || (e is PlaywrightException && (e.Message.Contains("interrupted by another navigation", StringComparison.Ordinal)
                    || e.Message.Contains("net::ERR_ABORTED", StringComparison.Ordinal)))))
            {
                // The open page reloaded itself at that moment (its person's rights changed or its session ended, so its
                // live connection was closed and it asks the server again, landing on the sign-in page; Chromium reports
                // an interruption or an aborted load, or never the first load's end): let that navigation finish, then
                // open the page again.
                await Page.WaitForLoadStateAsync(LoadState.Load);
            }
        }

        await SettleAsync();
    }

    /// <summary>
    /// Clicks the button named <paramref name="name"/> (in <paramref name="within"/>, else in the main content), which
    /// posts its form, and waits until the answer has replaced the page and settled.
    /// </summary>
    public async Task SubmitAsync(string name, ILocator? within = null)
    {
        // A mark on this document: the wait below ends only once another document has replaced it (a refused form
        // comes back at the same address, so the address does not tell).
        var document = Page.Locator("html[data-test-submitted]");
        await Page.Locator("html").EvaluateAsync("html => { html.dataset.testSubmitted = ''; }");
        await (within ?? Main).GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(document).ToHaveCountAsync(0);
        await SettleAsync();
    }

    /// <summary>Signs in on the sign-in page.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await OpenAsync("/account/login");
        await Main.GetByLabel("Email").FillAsync(email);
        await Main.GetByLabel("Password").FillAsync(password);
        await SubmitAsync("Sign in");
    }

    /// <summary>
    /// Lets <paramref name="form"/> post what the browser would refuse to (too long, not an email, empty), as a script
    /// or an old browser can: the server's checks are the ones that count.
    /// </summary>
    public static Task SkipBrowserChecksAsync(ILocator form) =>
        form.EvaluateAsync("""
            form => {
              form.noValidate = true;
              form.querySelectorAll('[maxlength], [required], [minlength]').forEach(field => {
                field.removeAttribute('maxlength');
                field.removeAttribute('minlength');
                field.removeAttribute('required');
              });
            }
            """);

    /// <summary>This tab's session (its cookies), for another tab of the same person (see <see cref="Chromium.OpenTabAsync"/>).</summary>
    public Task<string> SessionAsync() => _context.StorageStateAsync();

    /// <summary>
    /// Lets the page ask once for a confirmation that starts with <paramref name="question"/> (an <c>hx-confirm</c>), and
    /// answers yes; any other dialog is still a problem.
    /// </summary>
    public void ConfirmNext(string question)
    {
        lock (_problems)
        {
            _confirm = question;
        }
    }

    /// <summary>Fails with what the page did wrong: a console error, a CSP violation, an uncaught error, a dialog.</summary>
    public void AssertNothingWentWrong()
    {
        var problems = Problems;
        Assert.True(problems.Count == 0, $"The page at {Page.Url} reported:\n{string.Join('\n', problems)}");
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    // Judged by what the page shows, not by load events (seen to go missing after a post under load): a page is
    // there once its main content is, and a signed-in page has settled once its live connection is up.
    private async Task SettleAsync()
    {
        await Expect(Main).ToBeAttachedAsync();
        if (await LiveState.CountAsync() > 0)
        {
            await Expect(LiveState).ToHaveAttributeAsync("data-state", "live");
        }
    }

    private bool TakeConfirm(string message)
    {
        lock (_problems)
        {
            if (_confirm is not { } question || !message.StartsWith(question, StringComparison.Ordinal))
            {
                return false;
            }

            _confirm = null;
            return true;
        }
    }

    private void Record(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
