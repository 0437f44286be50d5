(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var chosen = localStorage.getItem("theme");
    if (chosen === "dark" || chosen === "light") root.setAttribute("data-theme", chosen);
  } catch (e) {}
})();
