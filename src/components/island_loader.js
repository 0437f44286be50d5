// Wakes the islands once the browser is idle: loads the bundle, then hands each island its
// element. The site's islands take no children, so each is woken on its own, in page order.
(function (loader, bundle) {
  function wake() {
    import(loader).then(function (m) {
      m.default({ module_or_path: bundle }).then(function () {
        m.hydrate();
        var islands = document.querySelectorAll("leptos-island");
        for (var i = 0; i < islands.length; i++) {
          var island = m[islands[i].dataset.component];
          if (island) island(islands[i]);
        }
      });
    });
  }
  if ("requestIdleCallback" in window) requestIdleCallback(wake);
  else wake();
})
