// The site's offline copy, for the venue: the current edition's pages (its
// schedule, sessions, speakers, My schedule) and the site's assets they use,
// once visited. Network first, so a new build's pages replace the kept ones
// as soon as the reader is online again: the copy answers only when the
// network does not. Served from the site's root folder, its scope; registered
// by assets/javascripts/planner.js as sw.js?edition=<current year>.
"use strict";
var CACHE = "pi-offline-v1";
var BASE = new URL("./", self.location.href).pathname;  // the site's root folder
var EDITION = new URL(self.location.href).searchParams.get("edition");

function kept(url) {  // what the copy holds: the current edition's pages and the site's assets
  return url.origin === self.location.origin && !!EDITION &&
    (url.pathname.indexOf(BASE + EDITION + "/") === 0 || url.pathname.indexOf(BASE + "assets/") === 0);
}

function address(url) {  // one entry per page, whatever its query (the filters) or fragment
  return url.origin + url.pathname;
}

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () { return self.clients.claim(); }));
});

// Revalidated with the server (no-cache), never taken from the browser's cache unasked: never a stale schedule.
function fromNetwork(url, event) {
  return fetch(url, {cache: "no-cache", credentials: "same-origin"}).then(function (response) {
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(url, copy); }));
    }
    return response;
  });
}

self.addEventListener("fetch", function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== "GET" || !kept(url)) {
    return;
  }
  event.respondWith(fromNetwork(address(url), event).then(function (response) {
    return response.redirected ? Response.redirect(response.url, 302) : response;
  }).catch(function () {
    return caches.match(address(url)).then(function (kept) { return kept || Response.error(); });
  }));
});

// A page the worker did not see load (the first visit) names itself and what it used.
self.addEventListener("message", function (event) {
  var urls = event.data && Array.isArray(event.data.keep) ? event.data.keep : [];
  event.waitUntil(Promise.all(urls.map(function (text) {
    try {
      var url = new URL(text);
    } catch (bad) {
      return null;
    }
    return kept(url) ? fromNetwork(address(url), event).catch(function () {}) : null;
  })));
});
