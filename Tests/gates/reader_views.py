"""What readers see in a browser: nothing cut off at phone widths, and pages that are true on the
day they are read.

- `hidden_text` finds text a reader cannot see without scrolling sideways: an element that
  scrolls or clips its content, or text that ends beyond the screen's edge. The screenshots
  gate runs it on every page at 320, 375 and 1280 px; it is first run on a page made to fail.
- `gate_as_of` builds a hub with everything real hub pages publish (two contacts, two documents,
  its own deadline at 5pm, an online session with a booking link) and reads it, with Chromium's
  clock set by the test, on several days: before applications open, during and after the
  session, a minute before and at the hub's deadline, and either side of the national deadline
  at midnight UK summer time. The page and its script must say what is true on each.
"""
import datetime
import pathlib
import subprocess
import tempfile
import zoneinfo

HERE = pathlib.Path(__file__).resolve().parent
LONDON = zoneinfo.ZoneInfo("Europe/London")

HIDDEN_TEXT = """
var found = [];
var width = document.documentElement.clientWidth;
document.querySelectorAll("body *").forEach(function (element) {
  var style = getComputedStyle(element);
  if (style.display === "none" || style.visibility === "hidden" || element.closest(".visually-hidden, [hidden]")) return;
  // Hidden for screen readers only (1px, clipped), as the stacked criteria table's headers are.
  var own = element.getBoundingClientRect();
  if (own.width <= 1 && own.height <= 1) return;
  var name = element.tagName.toLowerCase() + (element.className ? "." + String(element.className).split(" ")[0] : "");
  if (["auto", "scroll", "hidden", "clip"].indexOf(style.overflowX) !== -1 && element.scrollWidth > element.clientWidth + 1) {
    found.push(name + " hides " + (element.scrollWidth - element.clientWidth) + "px of its content sideways");
    return;
  }
  if (!element.children.length && element.textContent.trim()) {
    var box = element.getBoundingClientRect();
    // Wholly off the screen is the skip link's way of waiting for focus; partly off is cut text.
    var partly = box.right > width + 1 && box.left < width || box.left < -1 && box.right > 0;
    if (box.width > 0 && partly) found.push(name + " \\"" + element.textContent.trim().slice(0, 40) + "\\" runs off the screen");
  }
});
return found.slice(0, 5);
"""

# A page the check must fail on: a table in a box that scrolls sideways, as the criteria table once was.
CUT_TABLE = ("data:text/html,<meta name=viewport content='width=device-width'><div style='overflow-x:auto'>"
             "<table style='min-width:40em'><caption>Essential and desirable criteria for applicants</caption>"
             "<tr><td>Qualified teacher</td><td>Desirable column</td></tr></table></div>")


def hidden_text(driver):
    return driver.execute_script(HIDDEN_TEXT)


def check_can_fail(driver, set_width):
    set_width(driver, 375)
    driver.get(CUT_TABLE)
    return bool(hidden_text(driver))


def fake_clock(driver, moment):
    """From now on, pages in `driver` see `moment` (UK time) as the time; returns a handle to undo it."""
    millis = int(moment.replace(tzinfo=LONDON).timestamp() * 1000)
    script = ("(function () { var RealDate = Date, fixed = %d;"
              "function FakeDate() { if (!(this instanceof FakeDate)) return new RealDate(fixed).toString();"
              "  return arguments.length ? new (Function.prototype.bind.apply(RealDate, [null].concat([].slice.call(arguments))))() : new RealDate(fixed); }"
              "FakeDate.prototype = RealDate.prototype; FakeDate.now = function () { return fixed; };"
              "FakeDate.UTC = RealDate.UTC; FakeDate.parse = RealDate.parse; Date = FakeDate; })();") % millis
    return driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": script})["identifier"]


READ_PAGE = """
var text = function (nodes) { return Array.prototype.map.call(nodes, function (n) { return n.textContent.trim(); }); };
var status = document.querySelector(".key-dates__status");
var apply = document.querySelector(".apply-now");
var past = document.querySelector(".key-dates__past");
return {
  status: status ? status.textContent : null,
  apply: !!apply && !apply.hidden && apply.offsetParent !== null,
  coming: text(document.querySelectorAll(".key-dates > .key-dates__list dt")),
  past: past && !past.hidden ? text(past.querySelectorAll("dt")) : [],
};
"""

OPEN, NOT_YET, CLOSED = "Applications are open now.", "Applications are not open yet.", "Applications for this cohort have closed."
SESSION, VISIT = "Information session", "Visit a mastery lesson"

# (UK time, page, status, "Apply now" shown, hub events coming, hub events past newest first)
MOMENTS = [
    ("2025-12-10T12:00", "hubs/venn/", NOT_YET, False, [SESSION, VISIT], []),
    ("2026-01-09T16:30", "hubs/venn/", OPEN, True, [SESSION, VISIT], []),
    ("2026-01-09T17:00", "hubs/venn/", OPEN, True, [VISIT], [SESSION]),
    ("2026-03-13T16:59", "hubs/venn/", OPEN, True, [], [VISIT, SESSION]),
    ("2026-03-13T17:00", "hubs/venn/", CLOSED, False, [], [VISIT, SESSION]),
    ("2026-03-13T17:00", "", OPEN, True, None, None),
    ("2026-04-23T23:59", "", OPEN, True, None, None),
    ("2026-04-24T00:00", "", CLOSED, False, None, None),
]


def build_venn_site(folder, hubsite, site_with_one_hub):
    site = site_with_one_hub(folder, (HERE / "fixtures" / "venn-hub.md").read_text(), slug="venn")
    (site / "content" / "hubs" / "venn").mkdir()
    (site / "content" / "hubs" / "venn" / "application-form.pdf").write_bytes(b"%PDF-1.4\n" + bytes(245_751))
    with open(site / "site.yml", "a") as settings:
        settings.write("application_url: https://www.ncetm.example/apply\n")
    out = subprocess.run([hubsite, "build", "--source", str(site)], capture_output=True, text=True)
    return site, out


def gate_as_of(record, driver, hubsite, site_with_one_hub, static_server, set_width, screenshots):
    with tempfile.TemporaryDirectory() as folder:
        site, out = build_venn_site(folder, hubsite, site_with_one_hub)
        if out.returncode != 0:
            return record("as of", False, "the Venn hub did not build:\n" + out.stderr)
        html = (site / "public/hubs/venn/index.html").read_text()
        for needed in ('href="tel:+441234567890"', "(PDF, 240 KB)", 'href="https://www.eventbrite.example/e/123456"',
                       "5pm on 13 March 2026", '<div class="key-dates__past" hidden>'):
            if needed not in html:
                return record("as of", False, f"the built hub page lacks {needed!r}")
        wrong = []
        with static_server(site / "public") as base:
            set_width(driver, 1280)
            for when, page, status, apply, coming, past in MOMENTS:
                handle = fake_clock(driver, datetime.datetime.fromisoformat(when))
                try:
                    driver.get(f"{base}/{page}")
                    seen = driver.execute_script(READ_PAGE)
                finally:
                    driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": handle})
                hub_coming = [t for t in seen["coming"] if t in (SESSION, VISIT)]
                if seen["status"] != status or seen["apply"] != apply or (coming is not None and (hub_coming, seen["past"]) != (coming, past)):
                    wrong.append(f"/{page} as of {when}: {seen}")
            # Looked at: the hub at three widths, as of a day in its window before its session.
            handle = fake_clock(driver, datetime.datetime(2026, 1, 5, 10, 0))
            try:
                for width in (320, 375, 1280):
                    set_width(driver, width)
                    driver.get(f"{base}/hubs/venn/")
                    height = driver.execute_script("return document.documentElement.scrollHeight")
                    set_width(driver, width, min(max(height, 600), 12000))
                    driver.save_screenshot(str(screenshots / f"hub-venn-{width}.png"))
                    wrong += [f"/hubs/venn/ at {width}px: {problem}" for problem in hidden_text(driver)]
            finally:
                driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": handle})
    record("as of", not wrong, "; ".join(wrong) if wrong else
           f"the Venn hub (2 contacts, 2 documents, its own 5pm deadline, an online session with a booking link) read as of "
           f"{len(MOMENTS)} moments: status, Apply now and past events true on each, the sheet on the national window "
           f"at midnight UK summer time; screenshots hub-venn-320/375/1280.png")


def gate_print(record, driver, site, static_server):
    """The information sheet on A4 paper, as Chromium prints it: the publisher and the page's
    address on the last page, and no heading left alone at the foot of a page."""
    import base64
    import io
    import re
    import pypdf
    def page_texts():
        pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
        return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]

    def stranded(pages, headings):
        for number, text in enumerate(pages[:-1], start=1):
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            if lines and lines[-1] in headings:
                yield f"page {number} ends with the heading \"{lines[-1]}\""

    # The check must be able to fail: a page that leaves a heading at the foot of its first page.
    driver.get("data:text/html,<style>@page{size:A4;margin:18mm 16mm}p{margin:0}</style><div style='height:245mm'></div>"
               "<h2>Stranded heading</h2><p>" + "<br>".join(["A line of text"] * 40) + "</p>")
    if not list(stranded(page_texts(), ["Stranded heading"])):
        return record("print", False, "a heading left at a page's foot was not seen: the check cannot fail")
    with static_server(site) as base:
        driver.get(f"{base}/index.html")
        headings = driver.execute_script(
            "return Array.prototype.map.call(document.querySelectorAll('main h2, main h3'), function (h) { return h.textContent.trim(); });")
        pages = page_texts()
    problems = list(stranded(pages, headings))
    whole = re.sub(r"\s+", " ", " ".join(pages))
    for needed in ("Published by Maths Hubs and the NCETM.", f"This page: {base}/index.html"):
        if needed not in whole:
            problems.append(f"the printed sheet lacks \"{needed}\"")
    record("print", bool(pages) and not problems, "; ".join(problems) if problems else
           f"the sheet prints on {len(pages)} A4 pages with the publisher and its address, no heading alone at a page's foot")
