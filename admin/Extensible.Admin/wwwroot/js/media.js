// The Media room: an alt text someone is typing survives live updates of the library. Before a live update replaces the
// items, the alt texts with unsaved changes (and the one with focus, with its caret) are noted; after it, they are put
// back into the new boxes of the same items. An item removed meanwhile takes its unsaved text with it.
(function () {
  'use strict';

  const itemsId = 'media-items';
  let kept = null;

  document.addEventListener('htmx:beforeSwap', function (event) {
    const target = event.detail && event.detail.target;
    if (!target || target.id !== itemsId) return;
    kept = [];
    target.querySelectorAll('.media-alt textarea').forEach(function (box) {
      const focused = document.activeElement === box;
      if (focused || box.value !== box.defaultValue) {
        kept.push({ id: box.id, value: box.value, focused: focused, start: box.selectionStart, end: box.selectionEnd });
      }
    });
  });

  document.addEventListener('htmx:afterSwap', function (event) {
    const target = event.detail && event.detail.target;
    if (!kept || !target || target.id !== itemsId) return;
    kept.forEach(function (box) {
      const now = document.getElementById(box.id);
      if (!now) return;
      now.value = box.value;
      if (box.focused) {
        now.focus();
        now.setSelectionRange(box.start, box.end);
      }
    });
    kept = null;
  });
})();
