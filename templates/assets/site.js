// Progressive enhancement only: every page works without this file.
// The reader's own day, as YYYY-MM-DD like the pages' datetime attributes.
function readerToday() {
  "use strict";
  var now = new Date();
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
}

// Says whether applications are open today, from the reader's own clock.
(function () {
  "use strict";
  var windowText = document.querySelector(".key-dates__window");
  if (!windowText) return;
  var opens = windowText.getAttribute("data-opens");
  var closes = windowText.getAttribute("data-closes");
  var today = readerToday();
  var status = document.createElement("p");
  status.className = "key-dates__status";
  if (today < opens) {
    status.textContent = "Applications are not open yet.";
  } else if (today <= closes) {
    status.textContent = "Applications are open now.";
  } else {
    status.textContent = "Applications for this cohort have closed.";
  }
  windowText.parentNode.insertBefore(status, windowText);
})();

// A hub's events that have passed by the reader's clock move to its "Past events" list, newest first.
(function () {
  "use strict";
  var past = document.querySelector(".key-dates__past");
  if (!past) return;
  var today = readerToday();
  var list = past.querySelector("dl");
  var coming = Array.prototype.slice.call(document.querySelectorAll(".key-dates__list [data-event-date]"))
    .filter(function (item) { return !past.contains(item) && item.getAttribute("data-event-date") < today; });
  coming.forEach(function (item) { list.insertBefore(item, list.firstChild); });
  if (coming.length) past.hidden = false;
})();

// The hub finder's search box: filters the grouped list by hub name or area as you type.
// Without JavaScript the box stays hidden and the full list works as it is.
(function () {
  "use strict";
  var box = document.querySelector(".hub-search");
  if (!box) return;
  var input = box.querySelector("input");
  var status = box.querySelector(".hub-search__status");
  var items = Array.prototype.slice.call(document.querySelectorAll(".hub-list__item"));
  var regions = Array.prototype.slice.call(document.querySelectorAll(".region"));
  box.hidden = false;
  input.addEventListener("input", function () {
    var query = input.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (item) {
      var match = !query || item.getAttribute("data-search").indexOf(query) !== -1;
      item.hidden = !match;
      if (match) shown += 1;
    });
    regions.forEach(function (region) {
      region.hidden = !!query && !region.querySelector(".hub-list__item:not([hidden])");
    });
    status.textContent = query ? shown + (shown === 1 ? " hub matches" : " hubs match") + " \u201c" + input.value.trim() + "\u201d" : "";
  });
})();
