// The Compose room: an account's variant panel shows while the account is picked.
(function () {
  'use strict';

  const form = document.getElementById('compose-form');
  if (!form) return;

  function sync() {
    form.querySelectorAll('input[data-account-choice]').forEach(function (box) {
      const panel = form.querySelector('[data-variant-for="' + box.value + '"]');
      if (panel) panel.hidden = !box.checked;
    });
  }

  // Nothing on its way is cut off: a draft save or a check still waiting for its answer finishes before the form is
  // sent (leaving the page would abort it), and no new one starts once sending has begun.
  const inFlight = new Set();
  let deferred = null;
  let leaving = false;
  document.addEventListener('htmx:beforeRequest', function (event) {
    if (leaving || deferred) {
      event.preventDefault();
      return;
    }
    inFlight.add(event.detail.xhr);
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    inFlight.delete(event.detail.xhr);
    if (deferred && inFlight.size === 0) {
      const submitter = deferred.submitter;
      deferred = null;
      form.requestSubmit(submitter);
    }
  });
  form.addEventListener('submit', function (event) {
    if (inFlight.size === 0) {
      leaving = true;
      return;
    }
    event.preventDefault();
    deferred = { submitter: event.submitter && event.submitter.form === form ? event.submitter : null };
  });

  // Media uploaded inside the post's picker joins every account's list too, unchecked, in the library's order (the
  // picker answers with the whole library; the lists were rendered before the upload). Built with DOM calls and
  // textContent only: a file name is whatever the uploader called the file.
  function addUploadedMedia() {
    const picked = Array.from(form.querySelectorAll('#media-picker input[name="mediaIds"]'));
    form.querySelectorAll('ul[data-variant-media]').forEach(function (list) {
      let previous = null;
      picked.forEach(function (box) {
        let item = list.querySelector('li[data-media="' + CSS.escape(box.value) + '"]');
        if (!item) {
          const nameOf = box.closest('li') && box.closest('li').querySelector('.media-name');
          const name = nameOf ? nameOf.textContent : box.value;
          const id = 'variant-media-' + list.dataset.variantMedia + '-' + box.value.replace(/-/g, '');
          item = document.createElement('li');
          item.dataset.media = box.value;
          const input = document.createElement('input');
          input.type = 'checkbox';
          input.id = id;
          input.name = list.dataset.field;
          input.value = box.value;
          input.setAttribute('aria-label', name + ' for ' + list.dataset.handle);
          const label = document.createElement('label');
          label.htmlFor = id;
          label.setAttribute('aria-hidden', 'true');
          label.textContent = name;
          item.append(input, label);
          list.insertBefore(item, previous ? previous.nextSibling : list.firstChild);
        }
        previous = item;
      });
    });
  }

  // After any swap (the picker is swapped whole, outerHTML): adding is idempotent and the lists are short.
  document.addEventListener('htmx:afterSettle', addUploadedMedia);

  form.addEventListener('change', function (event) {
    if (event.target instanceof HTMLInputElement && event.target.hasAttribute('data-account-choice')) sync();
  });
  sync();
})();
