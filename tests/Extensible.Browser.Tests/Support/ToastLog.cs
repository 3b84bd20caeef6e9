using Microsoft.Playwright;

namespace Extensible.Browser.Tests.Support;

/// <summary>
/// Every toast a page shows, written down as it arrives: toasts fade after a few seconds, so what the page showed is
/// read from this log rather than from the page at the end.
/// </summary>
public static class ToastLog
{
    /// <summary>Starts the log on the open page (Playwright's script, which the page's CSP does not apply to).</summary>
    public static Task StartAsync(IPage page) => page.EvaluateAsync("""
        () => {
          window.testToasts = [];
          new MutationObserver(changes => changes.forEach(change => change.addedNodes.forEach(node => {
            if (node instanceof HTMLElement) {
              (node.matches('.toast') ? [node] : [...node.querySelectorAll('.toast')])
                .forEach(toast => window.testToasts.push(toast.querySelector('.toast-message').textContent.trim()));
            }
          }))).observe(document.getElementById('toasts'), { childList: true, subtree: true });
        }
        """);

    /// <summary>The toasts shown since <see cref="StartAsync"/>, in order.</summary>
    public static Task<string[]> ReadAsync(IPage page) => page.EvaluateAsync<string[]>("() => window.testToasts");
}
