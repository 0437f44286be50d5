// The one script every page runs, inlined in its head (see src/app.rs).
(function () {
  var root = document.documentElement;
  // Before the first paint: mark that scripts run, apply a theme the visitor chose earlier.
  root.classList.add("js");
  try {
    var chosen = localStorage.getItem("theme");
    if (chosen === "dark" || chosen === "light") root.setAttribute("data-theme", chosen);
  } catch (e) {}
  var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function dark() {
    var theme = root.getAttribute("data-theme");
    return theme ? theme === "dark" : !!(system && system.matches);
  }
  function show() {
    var switches = document.querySelectorAll("[data-theme-toggle]");
    for (var i = 0; i < switches.length; i++) switches[i].setAttribute("aria-pressed", dark() ? "true" : "false");
  }
  function toggleTheme() {
    var next = dark() ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try {
      localStorage.setItem("theme", next);
    } catch (e) {}
    show();
  }
  // Copies the button's path as an absolute address; the status beside it says how it went.
  function copyLink(button) {
    var status = button.parentNode.querySelector("[role=status]");
    function say(attribute) {
      if (status) status.textContent = button.getAttribute(attribute);
    }
    var url = new URL(button.getAttribute("data-copy-link"), location.href).href;
    if (!navigator.clipboard) return say("data-blocked");
    navigator.clipboard.writeText(url).then(function () {
      say("data-copied");
    }, function () {
      say("data-blocked");
    });
  }
  // The theme switch and the copy and print buttons, whenever they are clicked.
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-theme-toggle],[data-copy-link],[data-print]");
    if (!target) return;
    if (target.hasAttribute("data-theme-toggle")) toggleTheme();
    else if (target.hasAttribute("data-copy-link")) copyLink(target);
    else window.print();
  });
  // The booking page writes times in the visitor's zone: on a first visit, without a zone
  // chosen in its address, the browser says which zone that is.
  function guessZone() {
    var form = document.querySelector("form[data-zone-guess]");
    if (!form || /[?&]zone=/.test(location.search)) return;
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (!zone || zone === form.elements.zone.value) return;
      // What else the address says (a call just cancelled) stays.
      var query = new URLSearchParams(location.search);
      query.set("zone", zone);
      location.replace(location.pathname + "?" + query.toString());
    } catch (e) {}
  }
  document.addEventListener("DOMContentLoaded", show);
  document.addEventListener("DOMContentLoaded", guessZone);
  if (system && system.addEventListener) system.addEventListener("change", show);
})();
