// The check-in screen keeps itself current: every few seconds it asks the
// server for the QR code of the moment and the count of people checked in
// ([data-checkin-screen] holds the address). Without this file the page
// reloads itself (a <noscript> refresh).
(function () {
  "use strict";
  var screen = document.querySelector("[data-checkin-screen]");
  if (!screen || !window.fetch) {
    return;
  }
  var url = screen.getAttribute("data-checkin-screen");
  var qr = screen.querySelector("[data-checkin-qr]");
  var present = screen.querySelector("[data-checkin-present]");
  var registered = screen.querySelector("[data-checkin-registered]");
  var spoken = screen.querySelector("[data-checkin-spoken]");
  var closed = screen.querySelector("[data-checkin-open]");
  var shownUrl = "";
  function refresh() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (state) {
        if (state.url !== shownUrl) {
          // Our own server's SVG, made by the qrcode package.
          qr.innerHTML = state.svg;
          shownUrl = state.url;
        }
        present.textContent = state.present;
        registered.textContent = state.registered;
        if (spoken) {
          spoken.textContent = state.spoken_code;
        }
        if (closed) {
          closed.hidden = state.open;
        }
      })
      .catch(function () {
        // A lost connection: the next round tries again.
      });
  }
  window.setInterval(refresh, 5000);
})();
