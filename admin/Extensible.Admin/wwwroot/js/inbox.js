// The Inbox room: files live pushes into place (rows into the list, a thread's parts over the ones shown), opens threads
// beside the list (the address keeps ?thread= so a reload shows it), tells the hub who is in a thread and typing, and the
// keyboard: j/k select, Enter/o open, r reply, e resolve, a assign to me. Pushes never touch the reply box or any field.
(function () {
  'use strict';

  const inbox = document.getElementById('inbox');
  const arrivals = document.getElementById('inbox-arrivals');
  if (!inbox || !arrivals) return;
  const panel = document.getElementById('inbox-thread');
  const me = inbox.dataset.me;
  const typingEvery = 2000;

  function rowsList() { return document.getElementById('inbox-rows'); }
  function list() { return document.getElementById('inbox-list'); }
  function openThread() { return panel ? panel.querySelector('.inbox-thread-panel') : null; }

  // The element with this id that the page shows (not the one just arrived).
  function shown(id, except) {
    const all = document.querySelectorAll('#' + CSS.escape(id));
    for (let i = 0; i < all.length; i++) {
      if (all[i] !== except && !arrivals.contains(all[i])) return all[i];
    }
    return null;
  }

  function fileRow(row) {
    const rows = rowsList();
    const existing = rows ? shown(row.getAttribute('id'), row) : null;
    const live = list() && list().dataset.liveInsert === 'true';
    if (existing) {
      // The moderator's selection and ticks stay with the row.
      if (existing.classList.contains('is-selected')) row.classList.add('is-selected');
      const tick = existing.querySelector('.inbox-select');
      const newTick = row.querySelector('.inbox-select');
      if (tick && newTick) newTick.checked = tick.checked;
      if (live && Number(row.dataset.last) > Number(existing.dataset.last)) {
        existing.remove();
        rows.prepend(row);
      } else {
        existing.replaceWith(row);
      }
    } else if (rows && live) {
      rows.prepend(row);
      const empty = document.getElementById('inbox-empty');
      if (empty) empty.remove();
    } else {
      const news = document.getElementById('inbox-news');
      if (news) news.hidden = false;
      row.remove();
    }
  }

  function file(part) {
    if (part.classList.contains('inbox-row')) {
      fileRow(part);
      return;
    }
    // getAttribute, not .id: a form's "id" property is its field named "id".
    const id = part.getAttribute('id');
    const target = id ? shown(id, part) : null;
    if (target) {
      target.replaceWith(part);
      if (part.classList.contains('inbox-presence')) hideSelf(part);
    } else {
      part.remove();
    }
  }

  function hideSelf(presence) {
    presence.querySelectorAll('.inbox-viewer').forEach(function (viewer) { viewer.hidden = viewer.dataset.user === me; });
  }

  new MutationObserver(function () {
    Array.prototype.slice.call(arrivals.children).forEach(function (part) {
      file(part);
      // htmx wires swapped content only when it settles (a few ms later): a key pressed at once must find its buttons live.
      if (part.isConnected && window.htmx) htmx.process(part);
    });
  }).observe(arrivals, { childList: true });

  // --- Opening a thread beside the list ---
  let current = null;

  function hub(method) {
    const live = window.extensibleLive;
    if (!live || !live.isConnected()) return;
    live.invoke.apply(null, arguments).catch(function (error) { console.warn('inbox: ' + method + ' failed', error); });
  }

  function announce() {
    const open = openThread();
    if (current && (!open || open.dataset.thread !== current)) hub('LeaveThread', current);
    current = open ? open.dataset.thread : null;
    if (current) hub('ThreadPresence', current, false);
  }

  // The selected thread, by id: it stays selected when the list is fetched again (a filter, a reconnect).
  let selectedThread = null;

  function select(row, focus) {
    if (!row) return;
    document.querySelectorAll('.inbox-row.is-selected').forEach(function (r) { r.classList.remove('is-selected'); });
    row.classList.add('is-selected');
    selectedThread = row.dataset.thread;
    row.scrollIntoView({ block: 'nearest' });
    if (focus) {
      const link = row.querySelector('.inbox-row-link');
      if (link) link.focus({ preventScroll: true });
    }
  }

  function open(key, push) {
    if (!panel || !window.htmx) return;
    const url = new URL(window.location.href);
    url.searchParams.set('thread', key);
    url.searchParams.delete('handler');
    htmx.ajax('GET', '?handler=Thread&id=' + encodeURIComponent(key), { target: panel, swap: 'innerHTML' }).then(function () {
      if (push) window.history.pushState({ inbox: true }, '', url);
      const row = document.getElementById('inbox-row-' + key);
      if (row) select(row, false);
    });
  }

  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    const opener = target.closest('[data-open-thread]');
    if (opener) {
      event.preventDefault();
      open(opener.getAttribute('data-open-thread'), true);
      return;
    }
    if (target.closest('[data-close-thread]')) {
      event.preventDefault();
      const url = new URL(window.location.href);
      url.searchParams.delete('thread');
      window.history.pushState({ inbox: true }, '', url);
      panel.innerHTML = '';
      announce();
    }
  });

  window.addEventListener('popstate', function () { window.location.reload(); });

  document.body.addEventListener('htmx:afterSettle', function (event) {
    if (event.detail.target === panel) announce();
    const again = selectedThread && document.getElementById('inbox-row-' + selectedThread);
    if (again && !again.classList.contains('is-selected')) again.classList.add('is-selected');
  });
  // A sent bulk action clears the ticks; the rows change as the pushes arrive.
  document.body.addEventListener('htmx:afterRequest', function (event) {
    const form = event.detail.elt instanceof Element ? event.detail.elt.closest('#inbox-bulk') : null;
    if (form && event.detail.successful) document.querySelectorAll('.inbox-select:checked').forEach(function (c) { c.checked = false; });
  });

  // The hub is told who is here on every (re)connect; after a reconnect the list and the open thread are fetched again
  // (what was pushed meanwhile is lost), without touching the reply box.
  document.body.addEventListener('console:connected', function () {
    const open = openThread();
    current = open ? open.dataset.thread : null;
    if (current) hub('ThreadPresence', current, false);
  });
  if (window.extensibleLive && window.extensibleLive.isConnected()) announce();

  document.body.addEventListener('console:reconnected', function () {
    htmx.ajax('GET', window.location.href, { target: '#inbox-list', select: '#inbox-list', swap: 'outerHTML' });
    const open = openThread();
    if (!open) return;
    fetch('?handler=Thread&id=' + encodeURIComponent(open.dataset.thread), { headers: { 'HX-Request': 'true' } })
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (html) {
        if (!html) return;
        const fresh = document.createElement('template');
        fresh.innerHTML = html;
        ['-state', '-items'].forEach(function (suffix) {
          const part = fresh.content.getElementById('inbox-thread-' + open.dataset.thread + suffix);
          if (part) arrivals.appendChild(part);
        });
        if (window.htmx) htmx.process(panel);
      });
  });

  // Typing in the reply box: the hub hears of it at most every two seconds; "is replying" ends by itself on the server.
  let lastTyping = 0;
  document.addEventListener('input', function (event) {
    const box = event.target instanceof Element ? event.target.closest('[data-reply-box]') : null;
    if (!box || !current) return;
    const now = Date.now();
    if (now - lastTyping < typingEvery) return;
    lastTyping = now;
    hub('ThreadPresence', current, true);
  });

  // --- Keyboard ---
  function isTyping(element) {
    if (!(element instanceof Element)) return false;
    return element.isContentEditable || element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
  }

  function move(step) {
    const rows = Array.prototype.slice.call(document.querySelectorAll('#inbox-rows .inbox-row'));
    if (rows.length === 0) return;
    const at = rows.findIndex(function (r) { return r.classList.contains('is-selected'); });
    const next = at < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, at + step));
    select(rows[next], true);
  }

  function press(key) {
    const open = openThread();
    const button = open ? open.querySelector('[data-key="' + key + '"]') : null;
    if (button) button.click();
  }

  // "g" starts the console's room shortcuts (console.js): the key after it is theirs, not the inbox's.
  let afterG = false;

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (document.querySelector('dialog[open]')) return;
    if (afterG) { afterG = false; return; }
    if (event.key === 'g') { afterG = true; return; }
    const selected = document.querySelector('#inbox-rows .inbox-row.is-selected');
    switch (event.key) {
      case 'j': event.preventDefault(); move(1); break;
      case 'k': event.preventDefault(); move(-1); break;
      case 'o':
      case 'Enter':
        if (selected && !(event.target instanceof Element && event.target.closest('a, button'))) {
          event.preventDefault();
          open(selected.dataset.thread, true);
        }
        break;
      case 'r': {
        const box = document.querySelector('#inbox-thread [data-reply-box]');
        if (box) { event.preventDefault(); box.focus(); }
        break;
      }
      case 'e': event.preventDefault(); press('resolve'); break;
      case 'a': event.preventDefault(); press('assign-me'); break;
    }
  });
})();
