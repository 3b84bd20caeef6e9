// The Calendar room: drag a scheduled post to another day or hour (the server decides; a refused move leaves it where it
// was and a toast says why), keep pushed chips in time order and under the page's filters, refresh open details.
(function () {
  'use strict';

  const calendar = document.getElementById('calendar');
  if (!calendar) return;
  const details = document.getElementById('cal-details');

  function passes(chip) {
    const account = calendar.dataset.filterAccount;
    const network = calendar.dataset.filterNetwork;
    const status = calendar.dataset.filterStatus;
    const has = function (list, value) { return (' ' + (list || '') + ' ').indexOf(' ' + value + ' ') >= 0; };
    return (!account || has(chip.dataset.accounts, account))
      && (!network || has(chip.dataset.networks, network))
      && (!status || has(chip.dataset.chips, status));
  }

  const from = Number(calendar.dataset.from);
  const to = Number(calendar.dataset.to);
  const zone = calendar.dataset.zone;
  const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone || 'UTC' });

  // A pushed chip arrives in the hidden holder: file it into the cell of its instant, or the drafts, or drop it.
  function file(chip) {
    const post = chip.dataset.post || chip.dataset.gone;
    // The chip shown before (any cell) gives way to the one that arrived.
    calendar.querySelectorAll('.cal-post').forEach(function (old) {
      if (old !== chip && old.dataset.post === post && !old.closest('#cal-arrivals')) old.remove();
    });
    if (chip.dataset.gone) { chip.remove(); return; }
    const due = Number(chip.dataset.due);
    if (!chip.dataset.due) {
      const drafts = document.getElementById('cal-drafts');
      if (drafts) drafts.appendChild(chip); else chip.remove();
      return;
    }
    if (!(due >= from && due < to)) { chip.remove(); return; }
    let best = null;
    calendar.querySelectorAll('.cal-cell[data-from]').forEach(function (cell) {
      const start = Number(cell.dataset.from);
      if (start <= due && (!best || start > Number(best.dataset.from))) best = cell;
    });
    if (!best) { chip.remove(); return; }
    const time = chip.querySelector('.cal-post-time');
    if (time) time.textContent = timeFormat.format(new Date(due * 1000));
    best.appendChild(chip);
  }

  function tidy() {
    const arrivals = document.getElementById('cal-arrivals');
    if (arrivals) Array.prototype.slice.call(arrivals.children).forEach(file);
    calendar.querySelectorAll('.cal-post').forEach(function (chip) { chip.hidden = !passes(chip); });
    calendar.querySelectorAll('.cal-cell').forEach(function (cell) {
      const chips = Array.prototype.slice.call(cell.children);
      chips.sort(function (a, b) { return (Number(a.dataset.due) || 0) - (Number(b.dataset.due) || 0); });
      chips.forEach(function (chip) { cell.appendChild(chip); });
    });
  }

  // The details load one at a time, from the details panel itself (live pushes replace the chips, and htmx aborts a
  // request whose element is gone), and never while a button inside them (Retry, a decision) waits for its answer: the
  // last wanted post loads once the panel is free, so it ends showing the latest state and nothing is ever aborted.
  let loading = false;
  const waiting = new Set();
  let wanted = null;
  function busyInside() {
    // A button that left the page (another answer replaced the panel) no longer waits for anything.
    waiting.forEach(function (element) { if (!element.isConnected) waiting.delete(element); });
    return waiting.size > 0;
  }
  function loadDetails(post) {
    if (!details || !post) return;
    wanted = post;
    if (loading || busyInside()) return;
    loading = true;
    const id = wanted;
    wanted = null;
    htmx.ajax('GET', '?handler=Details&id=' + encodeURIComponent(id), { source: details, target: details, swap: 'innerHTML' })
      .finally(function () {
        loading = false;
        if (wanted) loadDetails(wanted);
      });
  }

  if (details) {
    details.addEventListener('htmx:beforeRequest', function (event) {
      if (event.target !== details) waiting.add(event.target);
    });
    details.addEventListener('htmx:afterRequest', function (event) {
      if (event.target === details) return;
      waiting.delete(event.target);
      if (wanted) loadDetails(wanted);
    });
  }

  document.body.addEventListener('htmx:oobAfterSwap', function () {
    // A pushed chip of the post whose details are open: show its details as they are now.
    const open = details && details.querySelector('.cal-detail');
    const arrivals = document.getElementById('cal-arrivals');
    const arrived = open && arrivals && arrivals.querySelector('.cal-post[data-post="' + open.dataset.post + '"]');
    tidy();
    if (arrived) loadDetails(open.dataset.post);
  });

  document.addEventListener('click', function (event) {
    const opener = event.target instanceof Element ? event.target.closest('[data-open-details]') : null;
    if (opener) loadDetails(opener.dataset.openDetails);
  });

  document.addEventListener('click', function (event) {
    const close = event.target instanceof Element ? event.target.closest('[data-close-details]') : null;
    if (close && details) details.innerHTML = '';
  });

  if (calendar.dataset.mayMove !== 'true') return;

  document.addEventListener('dragstart', function (event) {
    const chip = event.target instanceof Element ? event.target.closest('.cal-post[draggable="true"]') : null;
    if (!chip) return;
    event.dataTransfer.setData('text/plain', chip.dataset.post);
    event.dataTransfer.effectAllowed = 'move';
    chip.classList.add('cal-dragging');
  });
  document.addEventListener('dragend', function (event) {
    if (event.target instanceof Element) event.target.classList.remove('cal-dragging');
  });
  document.addEventListener('dragover', function (event) {
    const cell = event.target instanceof Element ? event.target.closest('[data-drop-date]') : null;
    if (!cell) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    cell.classList.add('cal-drop');
  });
  document.addEventListener('dragleave', function (event) {
    const cell = event.target instanceof Element ? event.target.closest('[data-drop-date]') : null;
    if (cell) cell.classList.remove('cal-drop');
  });
  document.addEventListener('drop', function (event) {
    const cell = event.target instanceof Element ? event.target.closest('[data-drop-date]') : null;
    if (!cell) return;
    event.preventDefault();
    cell.classList.remove('cal-drop');
    const post = event.dataTransfer.getData('text/plain');
    if (!post) return;
    const values = { id: post, date: cell.dataset.dropDate };
    if (cell.dataset.dropHour) values.hour = cell.dataset.dropHour;
    htmx.ajax('POST', '?handler=Move', { values: values, target: details, swap: 'innerHTML' });
  });
})();
