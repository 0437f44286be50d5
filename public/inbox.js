// Keeps an open inbox page current (the list and a lead's page; see src/server/inbox/live.rs).
// - The server says over /inbox/events when the inbox moved (a lead arrived or changed on any
//   instance); the page then fetches itself again and swaps in each part marked data-live,
//   except a part holding a field that is focused or being edited, which waits for the next time.
// - The reply-by countdowns tick every second from the server's time.
// - The tab's title counts the leads waiting as new and the answers waiting on us.
// Without JavaScript none of this runs and the page is simply reloaded by hand.
(function () {
  "use strict";
  var frame = document.querySelector("[data-live-revision]");
  if (!frame || !window.EventSource || !window.fetch || !window.DOMParser) return;

  var revision = frame.getAttribute("data-live-revision");
  var baseTitle = document.title.replace(/^\(\d+\) /, "");
  // Seconds to add to this computer's clock to get the server's.
  var skew = Number(frame.getAttribute("data-live-now")) - Date.now() / 1000;
  var fetching = false;
  var again = false;
  var waiting = false;

  // "3 h 20 min", "45 min", "2 d 4 h"; under a minute "40 s" (as the server writes them).
  function span(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var minutes = Math.floor(seconds / 60);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor(minutes / 60) % 24;
    var mins = minutes % 60;
    if (days === 0 && hours === 0) return mins === 0 ? seconds + " s" : mins + " min";
    if (days === 0) return hours + " h " + mins + " min";
    return days + " d " + hours + " h";
  }

  function tick() {
    var now = Date.now() / 1000 + skew;
    document.querySelectorAll("[data-countdown][data-due]").forEach(function (badge) {
      var left = Number(badge.getAttribute("data-due")) - now;
      var warn = Number(badge.getAttribute("data-warn"));
      var tone, label;
      if (left <= 0) {
        tone = "overdue";
        label = "Overdue by " + span(-left);
      } else if (left < warn) {
        tone = "soon";
        label = "Reply soon: " + span(left) + " left";
      } else {
        tone = "on-track";
        label = "On track: " + span(left) + " left";
      }
      if (badge.getAttribute("data-countdown") !== tone) badge.setAttribute("data-countdown", tone);
      if (badge.textContent !== label) badge.textContent = label;
    });
  }

  // Whether swapping this part would take something from the person at the keyboard.
  function inUse(part) {
    var active = document.activeElement;
    if (active && active !== document.body && part.contains(active) && active.matches("input, select, textarea")) {
      return true;
    }
    var fields = part.querySelectorAll("input, textarea, select");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (field.type === "hidden") continue;
      if (field.tagName === "SELECT") {
        for (var j = 0; j < field.options.length; j++) {
          if (field.options[j].selected !== field.options[j].defaultSelected) return true;
        }
      } else if (field.type === "checkbox" || field.type === "radio") {
        if (field.checked !== field.defaultChecked) return true;
      } else if (field.value !== field.defaultValue) {
        return true;
      }
    }
    return false;
  }

  function swap(fresh) {
    waiting = false;
    document.querySelectorAll("[data-live]").forEach(function (part) {
      var name = part.getAttribute("data-live");
      var next = fresh.querySelector('[data-live="' + name + '"]');
      if (!next) return;
      if (inUse(part)) {
        waiting = true;
        return;
      }
      part.replaceWith(document.adoptNode(next));
    });
    tick();
  }

  function ended() {
    if (document.querySelector("[data-live-ended]")) return;
    var note = document.createElement("p");
    note.setAttribute("role", "status");
    note.setAttribute("data-live-ended", "");
    note.className = "mt-4 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-100";
    note.textContent = "Your session has ended, so this page no longer updates itself. Reload it to log in again.";
    frame.insertBefore(note, frame.children[1] || null);
  }

  function refresh() {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    fetch(location.href, { credentials: "same-origin", cache: "no-store", headers: { "X-Inbox-Refresh": "1" } })
      .then(function (response) {
        if (response.redirected && new URL(response.url).pathname === "/inbox/login") {
          ended();
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html) swap(new DOMParser().parseFromString(html, "text/html"));
      })
      .catch(function () {})
      .then(function () {
        fetching = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  var events = new EventSource("/inbox/events");
  events.addEventListener("inbox", function (message) {
    var pulse = JSON.parse(message.data);
    var waiting = (pulse.new_leads || 0) + (pulse.answers_waiting || 0);
    document.title = (waiting > 0 ? "(" + waiting + ") " : "") + baseTitle;
    if (pulse.revision !== revision) {
      revision = pulse.revision;
      refresh();
    }
  });
  events.addEventListener("error", function () {
    // A stream the server refused (the session is over) is not tried again by the browser.
    if (events.readyState === EventSource.CLOSED) ended();
  });
  // A part that was in use when the inbox moved is brought up to date once it is left.
  document.addEventListener("focusout", function () {
    if (waiting) setTimeout(refresh, 0);
  });
  tick();
  setInterval(tick, 1000);
})();
