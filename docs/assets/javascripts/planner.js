// The programme's planner: a star on each session (kept in this browser, per
// edition), My schedule (the starred sessions in time order, overlaps, an
// .ics of them with the site's own UIDs, a link that carries the list), the
// schedule's filters (kept in the address), what is on now and next during the
// edition's days, and the offline copy (sw.js). The pages are complete
// without it: it only adds controls, in room the head kept for them
// (overrides/main.html). No Intl, no long task: a few loops over the page.
(function () {
  "use strict";
  var root = document.documentElement;
  var script = document.currentScript;
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  // Storage ----------------------------------------------------------------
  // One key per edition, versioned: {"version": 1, "starred": [slug, ...]}.
  // What is stored is never trusted: anything else reads as nothing starred.
  // Where storage is refused (private browsing, blocked), the stars last the visit.
  var VERSION = 1;
  var memory = {};
  function storage() {
    try {
      var store = window.localStorage, probe = "pi-probe";
      store.setItem(probe, probe);
      store.removeItem(probe);
      return store;
    } catch (refused) {
      return null;
    }
  }
  var store = storage();
  function key(edition) {
    return "pycon-india:" + edition + ":starred:v" + VERSION;
  }
  function clean(list) {
    var seen = {}, out = [];
    (Array.isArray(list) ? list : []).forEach(function (slug) {
      if (typeof slug === "string" && slug.length < 200 && SLUG.test(slug) && !seen[slug] && out.length < 1000) {
        seen[slug] = true;
        out.push(slug);
      }
    });
    return out;
  }
  function load(edition) {
    var text = null;
    try {
      text = store ? store.getItem(key(edition)) : memory[key(edition)];
    } catch (e) { /* refused since: as if empty */ }
    try {
      var data = JSON.parse(text);
      return data && data.version === VERSION ? clean(data.starred) : [];
    } catch (corrupt) {
      return [];
    }
  }
  function save(edition, list) {
    var text = JSON.stringify({version: VERSION, starred: clean(list)});
    memory[key(edition)] = text;
    if (store) {
      try {
        store.setItem(key(edition), text);
      } catch (full) {
        store = null;  // full or refused now: keep the rest of the visit in memory
      }
    }
  }

  // Times ------------------------------------------------------------------
  function times(item) {  // [start, end] in ms, from the data or the item's two <time>s
    if (item.dataset.start) {
      return [Date.parse(item.dataset.start), Date.parse(item.dataset.end)];
    }
    var found = item.querySelectorAll(".pi-when time[datetime]");
    return [Date.parse(found[0].getAttribute("datetime")), Date.parse(found[1].getAttribute("datetime"))];
  }
  function titleOf(item) {
    var title = item.querySelector(".pi-session__title");
    return item.dataset.title || (title ? title.textContent.trim() : item.dataset.slug);
  }
  function liveDays() {
    return root.classList.contains("pi-live-days");
  }

  // Stars ------------------------------------------------------------------
  var stars = [];  // every star button on the page
  var listeners = [];  // called after any star changes
  function setStar(edition, slug, on) {
    var list = load(edition).filter(function (s) { return s !== slug; });
    if (on) {
      list.push(slug);
    }
    save(edition, list);
    refresh(edition);
  }
  function refresh(edition) {
    var list = load(edition);
    stars.forEach(function (button) {
      button.setAttribute("aria-pressed", String(list.indexOf(button.dataset.slug) >= 0));
      button.firstChild.textContent = list.indexOf(button.dataset.slug) >= 0 ? "\u2605" : "\u2606";
    });
    listeners.forEach(function (listener) { listener(list); });
  }
  // A star set in another tab shows here too.
  window.addEventListener("storage", function (event) {
    var edition = /^pycon-india:(\d+):starred:v/.exec(event.key || "");
    if (edition && stars.length) {
      refresh(edition[1]);
    }
  });
  function addStar(item, edition) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "pi-star";
    button.dataset.slug = item.dataset.slug;
    button.setAttribute("aria-label", "Star " + titleOf(item));
    button.setAttribute("aria-pressed", "false");
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = "\u2606";
    button.appendChild(icon);
    var title = item.querySelector(".pi-session__title");  // read after the title it is for
    if (!title) {  // a session's page: the word too, as its name begins
      button.appendChild(document.createTextNode(" Star"));
    }
    button.addEventListener("click", function () {
      setStar(edition, item.dataset.slug, button.getAttribute("aria-pressed") !== "true");
    });
    item.insertBefore(button, title ? title.nextSibling : item.firstChild);
    stars.push(button);
  }

  // What is on now and next ------------------------------------------------
  function markNow(items) {
    var now = Date.now(), next = Infinity;
    if (!liveDays()) {  // outside the edition's days: nothing to mark, nothing to read
      return;
    }
    items.forEach(function (item) {
      var span = times(item);
      if (span[0] > now && span[0] < next) {
        next = span[0];
      }
    });
    items.forEach(function (item) {
      var span = times(item), mark = item.querySelector(".pi-now-mark");
      var state = span[0] <= now && now < span[1] ? "now" : span[0] === next ? "next" : "";
      item.classList.toggle("pi-is-now", state === "now");
      item.classList.toggle("pi-is-next", state === "next");
      if (!state) {
        if (mark) {
          mark.remove();
        }
        return;
      }
      if (!mark) {
        mark = document.createElement("span");
        mark.className = "pi-now-mark";
        item.appendChild(mark);
      }
      mark.textContent = state === "now" ? "On now" : "Next";
    });
  }
  function inWords(ms) {
    var minutes = Math.ceil(ms / 60000), hours = Math.floor(minutes / 60), days = Math.floor(hours / 24);
    if (days >= 1) {
      return days + (days === 1 ? " day" : " days");
    }
    return (hours ? hours + " h " : "") + (minutes % 60 ? minutes % 60 + " min" : "");
  }

  // The schedule -----------------------------------------------------------
  function schedule(planner, done) {
    var edition = planner.dataset.edition;
    var form = planner.querySelector(".pi-filters");
    var shown = planner.querySelector(".pi-shown");
    var items = Array.prototype.slice.call(document.querySelectorAll(".pi-day .pi-session"));
    // The stars a few at a time, each batch in an idle moment: no long task on a slow phone.
    var starred = items.filter(function (item) { return item.dataset.slug; }), at = 0;
    (function batch() {
      starred.slice(at, at += 16).forEach(function (item) { addStar(item, edition); });
      if (at < starred.length) {
        idle(batch);
      } else {
        refresh(edition);
        done();
      }
    })();
    var params = new URLSearchParams(location.search);
    ["stage", "type", "level"].forEach(function (name) {
      var field = form.elements[name];
      if (field && params.get(name)) {
        field.value = params.get(name);  // an unknown value leaves the select at "Every …"
      }
    });
    form.elements.starred.checked = params.get("starred") === "1";
    function chosen() {
      var out = {};
      ["stage", "type", "level"].forEach(function (name) {
        if (form.elements[name] && form.elements[name].value) {
          out[name] = form.elements[name].value;
        }
      });
      if (form.elements.starred.checked) {
        out.starred = "1";
      }
      return out;
    }
    function apply(announce) {
      var filters = chosen(), mine = load(edition), count = 0;
      items.forEach(function (item) {
        var data = item.dataset;
        var show = (!filters.stage || data.stage === filters.stage || data.stage === "all") &&
          (!filters.type || data.type === filters.type) && (!filters.level || data.level === filters.level) &&
          (!filters.starred || mine.indexOf(data.slug) >= 0);
        item.hidden = !show;
        count += show ? 1 : 0;
      });
      document.querySelectorAll(".pi-day .pi-slot").forEach(function (slot) {
        slot.hidden = !slot.querySelector(".pi-session:not([hidden])");
      });
      var query = new URLSearchParams(filters).toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
      if (announce || query) {
        shown.textContent = count === items.length ? "Showing all " + count + " sessions." :
          "Showing " + count + " of " + items.length + " sessions.";
      }
    }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    listeners.push(function () {
      if (form.elements.starred.checked) {
        apply(true);
      }
    });
    if (location.search) {  // else the full schedule, as it came
      apply(false);
    }
    var jump = planner.querySelector(".pi-jump");
    jump.addEventListener("click", function () {
      var target = document.querySelector(".pi-day .pi-is-now:not([hidden])") ||
        document.querySelector(".pi-day .pi-is-next:not([hidden])");
      if (!target) {
        shown.textContent = "Nothing more is on today.";
        return;
      }
      target.tabIndex = -1;
      target.scrollIntoView({block: "center"});
      target.focus({preventScroll: true});
    });
    function tick() {
      markNow(items);
      if (liveDays()) {
        setTimeout(tick, 30000);
      }
    }
    tick();
  }

  // A session's page ---------------------------------------------------------
  function sessionLine(line) {
    var edition = line.dataset.edition;
    if (line.dataset.slug) {
      addStar(line, edition);
      refresh(edition);
    }
    var status = line.querySelector(".pi-live-status");
    function tick() {
      var span = times(line), now = Date.now();
      if (!liveDays()) {
        return;
      }
      status.textContent = now < span[0] ? "Starts in " + inWords(span[0] - now) :
        now < span[1] ? "On now" : "This session is over";
      setTimeout(tick, 30000);
    }
    tick();
  }

  // My schedule --------------------------------------------------------------
  function ics(items, name) {
    function utc(ms) {
      return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    }
    function text(value) {
      return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
    }
    function fold(line) {  // lines of at most 75 characters, continued with a space
      var out = line.slice(0, 75);
      for (var at = 75; at < line.length; at += 74) {
        out += "\r\n " + line.slice(at, at + 74);
      }
      return out;
    }
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//PyCon India//My schedule//EN", "CALSCALE:GREGORIAN",
      "X-WR-CALNAME:" + text("My schedule, " + name)];
    items.forEach(function (item) {
      var span = times(item), link = item.querySelector(".pi-session__title a");
      lines.push("BEGIN:VEVENT", "UID:" + item.dataset.uid, "DTSTAMP:" + utc(Date.now()), "DTSTART:" + utc(span[0]),
        "DTEND:" + utc(span[1]), "SUMMARY:" + text(titleOf(item)),
        "LOCATION:" + text(item.querySelector(".pi-stage-name").textContent + ", " + name),
        "URL:" + link.href, "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }
  function mySchedule(box) {
    var edition = box.dataset.edition;
    var items = Array.prototype.slice.call(box.querySelectorAll(".pi-mine__list > li"));
    var summary = box.querySelector(".pi-mine__summary");
    var overlap = box.querySelector(".pi-overlap");
    var actions = box.querySelector(".pi-mine__actions");
    var share = box.querySelector(".pi-share");
    var keep = box.querySelector(".pi-keep");
    var emptyText = summary.innerHTML;
    var fromLink = /(?:^#|&)starred=([^&]*)/.exec(location.hash);
    var shared = fromLink ? clean(decodeURIComponent(fromLink[1]).split(",")) : null;
    items.forEach(function (item) {
      addStar(item, edition);
    });
    function show(list) {
      var chosen = items.filter(function (item) { return list.indexOf(item.dataset.slug) >= 0; });
      items.forEach(function (item) {
        item.hidden = chosen.indexOf(item) < 0;
        var note = item.querySelector(".pi-overlaps-note");
        if (note) {
          note.remove();
        }
      });
      var pairs = [];
      chosen.forEach(function (a, i) {
        chosen.slice(i + 1).forEach(function (b) {
          if (times(b)[0] < times(a)[1] && times(a)[0] < times(b)[1]) {
            pairs.push([a, b]);
          }
        });
      });
      pairs.forEach(function (pair) {
        [0, 1].forEach(function (i) {
          var note = document.createElement("p");
          note.className = "pi-overlaps-note";
          note.textContent = "Overlaps with " + titleOf(pair[1 - i]);
          pair[i].appendChild(note);
        });
      });
      overlap.hidden = !pairs.length;
      overlap.textContent = pairs.length ? (pairs.length === 1 ? "Two of these sessions overlap: " :
        pairs.length + " pairs of these sessions overlap: ") +
        pairs.map(function (pair) { return titleOf(pair[0]) + " and " + titleOf(pair[1]); }).join("; ") + "." : "";
      actions.hidden = !chosen.length;
      keep.hidden = !shared;
      if (!chosen.length) {
        summary.innerHTML = shared ? "The link names no session of this edition." : emptyText;
      } else {
        summary.textContent = (shared ? "A list shared by link: " : "You have starred ") + chosen.length +
          (chosen.length === 1 ? " session" : " sessions") + ", in time order.";
      }
      var slugs = chosen.map(function (item) { return item.dataset.slug; });
      share.href = location.pathname + "#starred=" + slugs.join(",");
      box.chosen = chosen;
    }
    box.querySelector(".pi-ics").addEventListener("click", function () {
      var blob = new Blob([ics(box.chosen, box.dataset.name)], {type: "text/calendar"});
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "my-schedule-" + edition + ".ics";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
    keep.addEventListener("click", function () {
      save(edition, clean(load(edition).concat(shared)));
      shared = null;
      history.replaceState(history.state, "", location.pathname);
      refresh(edition);
    });
    listeners.push(function (list) { show(shared || list); });
    refresh(edition);
  }

  // Offline: the site's own worker keeps what this page needs, network first ----
  function offline() {
    if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol) || !script) {
      return;
    }
    navigator.serviceWorker.register(new URL(script.dataset.worker, location.href).href).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var here = location.origin + location.pathname;
      var used = performance.getEntriesByType("resource").map(function (entry) { return entry.name; });
      // and, at the venue, the pages of the reader's starred sessions and My schedule
      var edition = (document.querySelector("[data-edition]") || {dataset: {}}).dataset.edition;
      var mine = edition ? load(edition) : [];
      document.querySelectorAll(".pi-session[data-slug] .pi-session__title a").forEach(function (link) {
        if (mine.indexOf(link.closest(".pi-session").dataset.slug) >= 0) {
          used.push(link.href);
        }
      });
      var myPage = document.querySelector(".pi-planner__bar a");
      if (mine.length && myPage) {
        used.push(myPage.href);
      }
      registration.active.postMessage({keep: [here].concat(used)});
    }).catch(function () { /* no offline copy: the site works as before */ });
  }

  // Everything it adds has its room already, so it waits for the page to be idle: the
  // first paint and the reader's first taps come before it (no long task on a slow phone).
  function idle(work) {
    (window.requestIdleCallback || function (callback) { setTimeout(callback, 1); })(work, {timeout: 1000});
  }
  function plan() {
    var planner = document.querySelector(".pi-planner");
    var line = document.querySelector(".pi-planner-line");
    var mine = document.querySelector(".pi-mine");
    var ready = function () {
      root.classList.add("pi-planned");  // what the browser tests wait for
    };
    if (line) {
      sessionLine(line);
    }
    if (mine) {
      mySchedule(mine);
    }
    if (planner) {
      schedule(planner, ready);
    } else {
      ready();
    }
  }
  // A filtered view opened from its address is filtered at once, before the full schedule is seen.
  if (/[?&](stage|type|level|starred)=/.test(location.search)) {
    plan();
  } else {
    idle(plan);
  }
  window.addEventListener("load", function () { idle(offline); });
})();
