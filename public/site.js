// Progressive enhancement only: every page works without this file.
// Says whether applications are open today, from the reader's own clock.
(function () {
  "use strict";
  var windowText = document.querySelector(".key-dates__window");
  if (!windowText) return;
  var opens = windowText.getAttribute("data-opens");
  var closes = windowText.getAttribute("data-closes");
  var now = new Date();
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
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
