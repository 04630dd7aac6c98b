// The header's "My account" menu is a <details> disclosure and works without
// this file; here it also closes with Escape (focus back on its button) and
// when the visitor clicks or tabs elsewhere.
(function () {
  "use strict";
  var menus = document.querySelectorAll("[data-account-menu]");
  Array.prototype.forEach.call(menus, function (menu) {
    var toggle = menu.querySelector("summary");
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        toggle.focus();
      }
    });
    menu.addEventListener("focusout", function (event) {
      if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) {
        menu.open = false;
      }
    });
    document.addEventListener("click", function (event) {
      if (menu.open && !menu.contains(event.target)) {
        menu.open = false;
      }
    });
  });
})();
