// The reader's own time beside each time of the programme, when their zone
// is not the conference's. The page is right without it: every time is
// printed in the conference's zone, named, with its date.
(function () {
  "use strict";
  function offsetOf(text) {
    var match = /([+-])(\d\d):(\d\d)$/.exec(text);
    return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  }
  var format = new Intl.DateTimeFormat(undefined, {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
  });
  document.querySelectorAll(".pi-local[data-start]").forEach(function (slot) {
    var start = new Date(slot.dataset.start);
    var end = new Date(slot.dataset.end);
    if (-start.getTimezoneOffset() === offsetOf(slot.dataset.start)) {
      return;
    }
    slot.textContent = "Your time: " + (format.formatRange ? format.formatRange(start, end) : format.format(start));
    slot.hidden = false;
  });
})();
