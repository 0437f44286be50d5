// The page script (under 1 kB as sent), loaded with `defer`: works the theme switch in the header
// (a toggle button, pressed while the page is dark) and a result's "Copy link" and "Print"
// buttons. No page needs the wasm bundle for these. What must happen before the first paint (the
// chosen theme) is inlined in the head from src/components/before_paint.js.
(function () {
  var root = document.documentElement;
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
  // Copies the absolute address of the button's path and says how it went in the status beside it.
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
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-theme-toggle],[data-copy-link],[data-print]");
    if (!target) return;
    if (target.hasAttribute("data-theme-toggle")) toggleTheme();
    else if (target.hasAttribute("data-copy-link")) copyLink(target);
    else window.print();
  });
  show();
  if (system && system.addEventListener) system.addEventListener("change", show);
})();
