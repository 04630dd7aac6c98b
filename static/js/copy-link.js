// "Copy link" beside a read-only link ([data-copy-link]: the field, its button,
// a live region for the answer). Without this file, or where the browser has no
// Clipboard API (an insecure page, an old browser), the button stays hidden and
// the link is selected and copied by hand.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  var boxes = document.querySelectorAll("[data-copy-link]");
  Array.prototype.forEach.call(boxes, function (box) {
    var field = box.querySelector("input");
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    function announce(text) {
      // Emptied first, so that a second copy is announced again.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = text;
      }, 50);
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(
        function () {
          announce(box.getAttribute("data-copied"));
        },
        function () {
          field.focus();
          field.select();
          announce(box.getAttribute("data-failed"));
        }
      );
    });
  });
})();
