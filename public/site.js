// Progressive enhancement only: every page works without this file.
// The reader's clock as UK time, "YYYY-MM-DDTHH:MM" like the pages' data-opens, data-closes and
// data-event-ends: the programme's dates and times are UK dates and times, wherever it is read.
function readerNow() {
  "use strict";
  var parts = {};
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date())
      .forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute;
  } catch (error) {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) + "T" + pad(now.getHours()) + ":" + pad(now.getMinutes());
  }
}

// Says whether applications are open now, by the reader's clock, and shows "Apply now" while they are.
(function () {
  "use strict";
  var windowText = document.querySelector(".key-dates__window");
  if (!windowText) return;
  var opens = windowText.getAttribute("data-opens");
  var closes = windowText.getAttribute("data-closes");
  var now = readerNow();
  var status = document.createElement("p");
  status.className = "key-dates__status";
  var open = opens <= now && now < closes;
  if (now < opens) {
    status.textContent = "Applications are not open yet.";
  } else if (open) {
    status.textContent = "Applications are open now.";
  } else {
    status.textContent = "Applications for this cohort have closed.";
  }
  windowText.parentNode.insertBefore(status, windowText);
  var apply = document.querySelector(".apply-now");
  if (apply) apply.hidden = !open;
})();

// A hub's events are listed in date order; those over by the reader's clock go to "Past events",
// newest first, and back again should the clock say otherwise.
(function () {
  "use strict";
  var past = document.querySelector(".key-dates__past");
  if (!past) return;
  var now = readerNow();
  var upcoming = document.querySelector(".key-dates__list");
  var pastList = past.querySelector("dl");
  var items = Array.prototype.slice.call(document.querySelectorAll(".key-dates__list > .key-dates__item"));
  var ended = function (item) { var ends = item.getAttribute("data-event-ends"); return !!ends && ends <= now; };
  var byDate = function (a, b) {
    var first = a.querySelector("time").getAttribute("datetime"), second = b.querySelector("time").getAttribute("datetime");
    return first < second ? -1 : first > second ? 1 : 0;
  };
  var coming = items.filter(function (item) { return !ended(item); }).sort(byDate);
  var over = items.filter(ended).sort(byDate).reverse();
  coming.forEach(function (item) { upcoming.appendChild(item); });
  over.forEach(function (item) { pastList.appendChild(item); });
  past.hidden = over.length === 0;
})();

// On paper, the page's own address under the publisher's name, where the site has no base_url to write it.
(function () {
  "use strict";
  var address = document.querySelector(".print-source__address[hidden]");
  if (!address || !/^https?:$/.test(window.location.protocol)) return;
  address.textContent = " This page: " + window.location.href.split("#")[0];
  address.hidden = false;
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
