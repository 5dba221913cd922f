// The reader's own time beside each time of the programme, when their zone
// is not the conference's: "Your time: Thu 16 Sep, 20:30–23:00 UTC−10",
// written as the page writes the conference's times. The page is right
// without it: every time is printed in the conference's zone, named, with its
// date. Plain Date arithmetic, no Intl: starting Intl's formatters cost a slow
// phone a long task before the first slot was filled.
(function () {
  "use strict";
  var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function day(d) {
    return DAYS[d.getDay()] + " " + d.getDate() + " " + MONTHS[d.getMonth()];
  }
  function clock(d) {
    return two(d.getHours()) + ":" + two(d.getMinutes());
  }
  function offset(minutes) {  // "UTC", "UTC−10", "UTC+5:30"
    var whole = Math.abs(minutes);
    if (!whole) {
      return "UTC";
    }
    return "UTC" + (minutes < 0 ? "\u2212" : "+") + Math.floor(whole / 60) + (whole % 60 ? ":" + two(whole % 60) : "");
  }
  function written(text) {  // the offset a time of the page is written with, in minutes
    var match = /([+-])(\d\d):(\d\d)$/.exec(text);
    return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  }
  // Each empty slot follows the times it is for: <span class="pi-when"><time>…</time>–<time>…</time></span>.
  document.querySelectorAll(".pi-when + .pi-local").forEach(function (slot) {
    var times = slot.previousElementSibling.querySelectorAll("time[datetime]");
    var writtenStart = times[0].getAttribute("datetime");
    var start = new Date(writtenStart);
    var end = new Date(times[1].getAttribute("datetime"));
    var mine = -start.getTimezoneOffset();
    if (mine === written(writtenStart)) {
      return;
    }
    var sameDay = start.toDateString() === end.toDateString();
    slot.textContent = "Your time: " + day(start) + ", " + clock(start) + "\u2013" +
      (sameDay ? "" : day(end) + ", ") + clock(end) + " " + offset(mine);
    slot.hidden = false;
  });
})();
