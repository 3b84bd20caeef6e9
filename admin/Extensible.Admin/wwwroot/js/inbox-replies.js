// The reply box's saved replies: the picker opens below the box (its button, or Ctrl+/ in the box; htmx fetches it
// filled for the thread), filters as one types, moves with the arrow keys, and inserts the chosen text at the caret
// without touching what was typed around it.
// A variable the thread had no value for stays as written ({author.name}) and is selected, so the moderator types over it.
(function () {
  'use strict';

  const focused = new WeakSet();
  const blank = /\{[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*\}/;

  function formOf(element) { return element instanceof Element ? element.closest('form.inbox-reply') : null; }
  function boxOf(form) { return form ? form.querySelector('[data-reply-box]') : null; }
  function choices(picker) {
    return Array.prototype.slice.call(picker.querySelectorAll('.saved-reply-choice')).filter(function (c) { return !c.closest('li').hidden; });
  }

  function close(form, focusBox) {
    const slot = form.querySelector('[data-saved-reply-slot]');
    const opener = form.querySelector('[data-saved-reply-open]');
    if (slot) slot.innerHTML = '';
    if (opener) opener.setAttribute('aria-expanded', 'false');
    if (focusBox && boxOf(form)) boxOf(form).focus();
  }

  function insert(choice) {
    const form = formOf(choice);
    const box = boxOf(form);
    if (!box) return;
    const text = choice.dataset.savedReplyText || '';
    // Never focused: the moderator has no caret yet, so the text goes at the end.
    const start = focused.has(box) ? box.selectionStart : box.value.length;
    const end = focused.has(box) ? box.selectionEnd : box.value.length;
    const before = box.value.slice(0, start);
    const after = box.value.slice(end);
    const space = before.length > 0 && !/\s$/.test(before) ? ' ' : '';
    box.value = before + space + text + after;
    close(form, true);
    const from = before.length + space.length;
    const found = text.match(blank);
    if (choice.dataset.missing && found) {
      box.setSelectionRange(from + found.index, from + found.index + found[0].length);
    } else {
      box.setSelectionRange(from + text.length, from + text.length);
    }
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }

  document.addEventListener('focusin', function (event) {
    if (event.target instanceof Element && event.target.matches('[data-reply-box]')) focused.add(event.target);
  });

  document.addEventListener('htmx:afterSwap', function (event) {
    const slot = event.target instanceof Element ? event.target.closest('[data-saved-reply-slot]') : null;
    if (!slot) return;
    const form = formOf(slot);
    const opener = form ? form.querySelector('[data-saved-reply-open]') : null;
    if (opener) opener.setAttribute('aria-expanded', 'true');
    const filter = slot.querySelector('[data-saved-reply-filter]');
    if (filter) filter.focus();
  });

  document.addEventListener('input', function (event) {
    const filter = event.target instanceof Element ? event.target.closest('[data-saved-reply-filter]') : null;
    if (!filter) return;
    const picker = filter.closest('[data-saved-reply-picker]');
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    picker.querySelectorAll('[data-saved-reply-match]').forEach(function (item) {
      const match = item.dataset.savedReplyMatch + ' ' + (item.querySelector('.saved-reply-choice').dataset.savedReplyText || '').toLowerCase();
      item.hidden = !words.every(function (w) { return match.indexOf(w) >= 0; });
      if (!item.hidden) shown++;
    });
    const none = picker.querySelector('[data-saved-reply-none]');
    if (none) none.hidden = shown > 0;
  });

  document.addEventListener('click', function (event) {
    const choice = event.target instanceof Element ? event.target.closest('.saved-reply-choice') : null;
    if (choice) { event.preventDefault(); insert(choice); }
  });

  // Ctrl+/ (⌘/ on a Mac) in the reply box opens the saved replies, the caret staying where it is for the insert.
  document.addEventListener('keydown', function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.key !== '/' || !(event.target instanceof Element) || !event.target.matches('[data-reply-box]')) return;
    const opener = formOf(event.target) ? formOf(event.target).querySelector('[data-saved-reply-open]') : null;
    if (!opener) return;
    event.preventDefault();
    opener.click();
  });

  document.addEventListener('keydown', function (event) {
    const picker = event.target instanceof Element ? event.target.closest('[data-saved-reply-picker]') : null;
    if (!picker) return;
    const list = choices(picker);
    const at = list.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close(formOf(picker), true);
    } else if (event.key === 'ArrowDown' && list.length > 0) {
      event.preventDefault();
      list[Math.min(list.length - 1, at + 1)].focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (at <= 0) picker.querySelector('[data-saved-reply-filter]').focus();
      else list[at - 1].focus();
    } else if (event.key === 'Enter' && event.target.matches('[data-saved-reply-filter]')) {
      // Enter in the filter takes the first match (and never submits the reply).
      event.preventDefault();
      if (list.length > 0) insert(list[0]);
    }
  });
})();
