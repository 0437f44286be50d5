// Runs before the first paint: marks that scripts run and applies a theme chosen earlier. Then
// works the theme switch in the header (a toggle button: pressed while the page is dark).
(function () {
  var root = document.documentElement;
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
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("[data-theme-toggle]")) return;
    var next = dark() ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try {
      localStorage.setItem("theme", next);
    } catch (e) {}
    show();
  });
  document.addEventListener("DOMContentLoaded", show);
  if (system && system.addEventListener) system.addEventListener("change", show);
})();
