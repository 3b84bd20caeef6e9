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

  form.addEventListener('change', function (event) {
    if (event.target instanceof HTMLInputElement && event.target.hasAttribute('data-account-choice')) sync();
  });
  sync();
})();
