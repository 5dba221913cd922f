// The reader's own time beside each time of the programme, when their zone
// is not the conference's. The page is right without it: every time is
// printed in the conference's zone, named, with its date. Sessions of a slot
// share their times, so each pair is formatted once; the slots are filled a
// few at a time, so that a slow phone is never kept busy for long.
(function () {
  "use strict";
  function offsetOf(text) {
    var match = /([+-])(\d\d):(\d\d)$/.exec(text);
    return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  }
  var format = new Intl.DateTimeFormat(undefined, {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
  });
  var done = {};
  function yours(startText, endText) {
    var key = startText + endText;
    if (!(key in done)) {
      var start = new Date(startText);
      var end = new Date(endText);
      done[key] = -start.getTimezoneOffset() === offsetOf(startText) ? null
        : "Your time: " + (format.formatRange ? format.formatRange(start, end) : format.format(start));
    }
    return done[key];
  }
  var slots = Array.prototype.slice.call(document.querySelectorAll(".pi-local[data-start]"));
  function fill() {
    slots.splice(0, 12).forEach(function (slot) {
      var text = yours(slot.dataset.start, slot.dataset.end);
      if (text) {
        slot.textContent = text;
        slot.hidden = false;
      }
    });
    if (slots.length) {
      setTimeout(fill, 0);
    }
  }
  fill();
})();
