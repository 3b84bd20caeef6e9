// The console's frame: antiforgery for htmx, the navigation menu on narrow screens, keyboard shortcuts, toasts.
// Loaded from a file (the Content-Security-Policy allows no inline script); markup opts in with data-* attributes.
(function () {
  'use strict';

  const body = document.body;
  // Styles may hide what only matters without script (the workspace switcher's button).
  document.documentElement.classList.add('js');
  const tokenMeta = document.querySelector('meta[name="request-verification-token"]');

  // Antiforgery: every htmx request carries the page's request token as a header (Razor Pages validate it on POST).
  body.addEventListener('htmx:configRequest', function (event) {
    if (tokenMeta && tokenMeta.content) {
      event.detail.headers['RequestVerificationToken'] = tokenMeta.content;
    }
  });

  // A session that ended answers htmx with 401: reload, so the server sends the sign-in page.
  body.addEventListener('htmx:responseError', function (event) {
    const status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (status === 401) {
      window.location.reload();
    } else if (status === 403) {
      showToast('You may not do that in this workspace.', 'error');
    } else if (status >= 500) {
      showToast('The server could not do that (' + status + '). Try again.', 'error');
    }
    // Other answers (422 and friends) belong to the form that asked; it handles them.
  });
  body.addEventListener('htmx:sendError', function () {
    showToast('The server cannot be reached. Check the connection and try again.', 'error');
  });

  // Forms marked data-submit-on-change submit as soon as a choice is made (the workspace switcher).
  document.addEventListener('change', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    const form = target ? target.closest('form[data-submit-on-change]') : null;
    if (form instanceof HTMLFormElement) {
      form.requestSubmit();
    }
  });

  // --- Navigation menu (narrow screens) ---
  const navToggle = document.getElementById('nav-toggle');
  const nav = document.getElementById('console-nav');

  function setNavOpen(open) {
    if (!navToggle || !nav) return;
    navToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    nav.dataset.open = open ? 'true' : 'false';
  }

  if (navToggle && nav) {
    navToggle.addEventListener('click', function () {
      setNavOpen(navToggle.getAttribute('aria-expanded') !== 'true');
    });
  }

  // --- Dialogs: <button data-open-dialog="id"> opens <dialog id="id"> ---
  function openDialog(id) {
    const dialog = document.getElementById(id);
    if (dialog && typeof dialog.showModal === 'function' && !dialog.open) {
      dialog.showModal();
    }
  }

  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const opener = target.closest('[data-open-dialog]');
    if (opener) {
      openDialog(opener.getAttribute('data-open-dialog'));
      return;
    }
    const dismiss = target.closest('[data-dismiss="toast"]');
    if (dismiss) {
      const toast = dismiss.closest('.toast');
      if (toast) toast.remove();
    }
  });

  // --- Keyboard shortcuts: "?" lists them; "g" then a letter goes to the room whose link says so (data-shortcut). ---
  let pendingPrefix = null;
  let prefixTimer = 0;

  function isTyping(element) {
    if (!(element instanceof Element)) return false;
    return element.isContentEditable || element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
  }

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (document.querySelector('dialog[open]')) return;

    if (event.key === 'Escape') {
      setNavOpen(false);
      return;
    }

    if (pendingPrefix) {
      const combination = pendingPrefix + ' ' + event.key.toLowerCase();
      pendingPrefix = null;
      window.clearTimeout(prefixTimer);
      const link = document.querySelector('a[data-shortcut="' + CSS.escape(combination) + '"]');
      if (link) {
        event.preventDefault();
        link.click();
      }
      return;
    }

    if (event.key === '?') {
      event.preventDefault();
      openDialog('shortcuts');
    } else if (event.key === 'g') {
      pendingPrefix = 'g';
      prefixTimer = window.setTimeout(function () { pendingPrefix = null; }, 1500);
    }
  });

  // --- Toasts: whatever lands in #toasts (from htmx responses or live pushes) fades after a while; errors stay. ---
  const toasts = document.getElementById('toasts');
  const toastLifetime = 8000;

  function scheduleRemoval(toast) {
    if (!(toast instanceof HTMLElement) || !toast.classList.contains('toast') || toast.dataset.kind === 'error') return;
    window.setTimeout(function () {
      // Keep a toast the pointer or the keyboard is on; check again later.
      if (toast.matches(':hover, :focus-within')) {
        scheduleRemoval(toast);
      } else {
        toast.remove();
      }
    }, toastLifetime);
  }

  function showToast(message, kind) {
    if (!toasts) return;
    const toast = document.createElement('div');
    toast.className = 'toast';
    toast.dataset.kind = kind || 'info';
    if (kind === 'error') toast.setAttribute('role', 'alert');
    const text = document.createElement('p');
    text.className = 'toast-message';
    text.textContent = message;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'toast-dismiss';
    close.dataset.dismiss = 'toast';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    toast.append(text, close);
    toasts.append(toast);
  }

  if (toasts) {
    new MutationObserver(function (records) {
      records.forEach(function (record) { record.addedNodes.forEach(scheduleRemoval); });
    }).observe(toasts, { childList: true });
    toasts.querySelectorAll('.toast').forEach(scheduleRemoval);
  }

  // For other scripts (live.js): show a toast from the browser itself.
  window.extensibleConsole = Object.freeze({ showToast: showToast });
})();
