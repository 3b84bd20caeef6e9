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

  form.addEventListener('change', function (event) {
    if (event.target instanceof HTMLInputElement && event.target.hasAttribute('data-account-choice')) sync();
  });
  sync();
})();
