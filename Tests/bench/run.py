#!/usr/bin/env python3
"""hubsite's build speed, measured side by side with Hugo and with cmark's own floor.

    python3 Tests/bench/run.py            (or: make bench)

Generates synthetic sites (1,000 and 10,000 ~6 KB Markdown pages with headings, paragraphs,
lists, links, emphasis and UK dates; and a site of 1,000 hub files), builds each with hubsite
(release) and with Debian's Hugo on the same Markdown and equivalent minimal templates, runs
alternating, and prints median wall time, peak RSS, pages/s and the hubsite/Hugo ratio, plus
two floors: cmark alone (parse + render on two threads, no templates or writing), and the floor of
hubsite's fixed dependencies (`depfloor/`: read, Yams, cmark, swift-mustache, write; nothing else).
Hugo is measured twice: with the output kinds hubsite has no equivalent of switched off (RSS,
sitemap, taxonomies: the ratios the targets use), and with its defaults, for reference. It ends
with the targets and whether this run met them. Ratios, not absolute times, are the result: the
machine is shared and noisy. Sites and outputs live in /dev/shm (tmpfs) when it exists: on this
machine's ext4, creating 10,000 folders right after deleting 10,000 costs seconds of kernel time
(ext4's recently-deleted inode search), the same for both tools, and would measure the disk.
"""
import argparse
import os
import pathlib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
HUBSITE = ROOT / ".build" / "release" / "hubsite"
WORDS = ("maths teaching mastery department lesson pupils fluency reasoning problem solving number "
         "fractions algebra geometry ratio proportion curriculum planning assessment variation "
         "representation structure coherence small steps practice hub specialist secondary school "
         "collaboration professional development evidence classroom journal").split()
REGIONS = ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
           "East of England", "London", "South East", "South West"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def sentence(rng, links, index):
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
    roll = rng.random()
    if roll < 0.15:
        words[3] = f"*{words[3]}*"
    elif roll < 0.25:
        words[5] = f"**{words[5]}**"
    elif roll < 0.40 and links:
        target = rng.randrange(links)
        words[4] = f"[{words[4]}](/pages/page-{target:05d}/)"
    elif roll < 0.45:
        words[2] = f"[{words[2]}](https://www.example.org/{words[2]})"
    elif roll < 0.52:
        words.insert(6, f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2024, 2027)}")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def page_markdown(rng, index, pages):
    parts = [f"---\ntitle: Page {index} about {rng.choice(WORDS)} and {rng.choice(WORDS)}\n---\n"]
    size = len(parts[0])
    section = 0
    while size < 6000:
        section += 1
        block = [f"\n## Section {section}: {rng.choice(WORDS)} {rng.choice(WORDS)}\n"]
        for _ in range(rng.randint(1, 3)):
            block.append("\n" + " ".join(sentence(rng, pages, index) for _ in range(rng.randint(2, 5))) + "\n")
        if rng.random() < 0.6:
            block.append("\n" + "".join(f"- {sentence(rng, pages, index)}\n" for _ in range(rng.randint(3, 6))))
        text = "".join(block)
        parts.append(text)
        size += len(text)
    return "".join(parts)


def hub_markdown(rng, index):
    areas = "".join(f"  - Area {rng.randint(1, 500)}\n" for _ in range(rng.randint(1, 5)))
    return (f"---\nname: Synthetic Hub {index:04d}\nregion: {rng.choice(REGIONS)}\nwebsite: https://hub{index}.example.org/\n"
            f"areas:\n{areas}events:\n  - date: {rng.randint(1, 28)} {rng.choice(MONTHS)} 2026\n    title: Information session\n---\n\n"
            + " ".join(sentence(rng, 0, index) for _ in range(6)) + "\n")


SHEET = """---
title: Benchmark sheet
---

## Who should apply?

### Essential

- Qualified Teacher Status

### Desirable

- Subject leader
"""


def write_sites(folder, pages, hubs):
    """One Markdown corpus, two sites: hubsite's and Hugo's, with equivalent minimal templates."""
    rng = random.Random(pages * 7 + hubs)
    hub_site, hugo = folder / "hubsite", folder / "hugo"
    for sub in ["content/pages", "content/hubs", "templates"]:
        (hub_site / sub).mkdir(parents=True, exist_ok=True)
    for sub in ["content/pages", "content/hubs", "layouts/_default"]:
        (hugo / sub).mkdir(parents=True, exist_ok=True)
    markdown_files = []
    for index in range(pages):
        text = page_markdown(rng, index, pages)
        for site in (hub_site, hugo):
            (site / "content/pages" / f"page-{index:05d}.md").write_text(text)
        markdown_files.append(hub_site / "content/pages" / f"page-{index:05d}.md")
    for index in range(hubs):
        text = hub_markdown(rng, index)
        (hub_site / "content/hubs" / f"hub-{index:04d}.md").write_text(text)
        (hugo / "content/hubs" / f"hub-{index:04d}.md").write_text(text.replace("areas:", "params_areas:", 1))
        markdown_files.append(hub_site / "content/hubs" / f"hub-{index:04d}.md")
    (hub_site / "site.yml").write_text("title: Benchmark\ncohort:\n  number: 11\n  year1: 2026/27\n"
                                       "  applications_open: 16 December 2025\n  applications_close: 23 April 2026\n")
    (hub_site / "content/index.md").write_text(SHEET)
    (hub_site / "content/accessibility.md").write_text("---\ntitle: Accessibility\n---\n\nChecked.\n")
    page = "<!DOCTYPE html>\n<html lang=\"{{lang}}\">\n<head><meta charset=\"utf-8\"><title>{{page.title}}</title></head>\n<body>\n<main>\n<h1>{{page.title}}</h1>\n{{{page.body}}}\n</main>\n</body>\n</html>\n"
    for name in ["page", "sheet", "hubs", "404"]:
        (hub_site / "templates" / f"{name}.mustache").write_text(page)
    (hub_site / "templates/hub.mustache").write_text(page.replace("{{page.title}}</h1>", "{{hub.name}}</h1>\n<p>{{hub.region}}</p>"))
    (hugo / "config.toml").write_text('baseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
                                      '[markup.goldmark.renderer]\nunsafe = false\n')
    # Hugo as it comes: also an RSS feed of every page, a sitemap and (empty) taxonomy pages.
    (hugo / "defaults.toml").write_text('baseURL = "/"\n[markup.goldmark.renderer]\nunsafe = false\n')
    hugo_page = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n<body>\n<main>\n<h1>{{ .Title }}</h1>\n{{ .Content }}\n</main>\n</body>\n</html>\n"
    for name in ["single", "list"]:
        (hugo / "layouts/_default" / f"{name}.html").write_text(hugo_page)
    (hugo / "layouts/index.html").write_text(hugo_page)
    return hub_site, hugo, markdown_files


def measure(command, out):
    """Wall time and peak RSS of one run of `command`, from wait4's own accounting."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{command[0]} failed: {process.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024  # MiB


def ensure_tools():
    if not shutil.which("hugo"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=True)
    if not HUBSITE.exists():
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "hubsite"], cwd=ROOT, check=True)
    floor = ROOT / ".build" / "cmark_floor"
    subprocess.run(["cc", "-O2", "-pthread", "-o", str(floor), str(ROOT / "Tests/bench/cmark_floor.c"), "-lcmark"], check=True)
    scratch = ROOT / ".build" / "depfloor"
    # Linked as hubsite is (see the Makefile), so that the two differ only in the work they do.
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--package-path", str(ROOT / "Tests/bench/depfloor"),
                    "--scratch-path", str(scratch)], check=True, stdout=subprocess.DEVNULL)
    return floor, scratch / "release" / "depfloor"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="runs per tool and site")
    args = parser.parse_args()
    floor_tool, deps_tool = ensure_tools()
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    print(f"hubsite (release) vs Hugo {hugo_version} vs cmark floor; {os.cpu_count()} cores; runs alternate; files in {'/dev/shm' if os.path.isdir('/dev/shm') else 'the temp folder'}\n")
    rows, results = [], {}
    scratch = "/dev/shm" if os.path.isdir("/dev/shm") else None
    with tempfile.TemporaryDirectory(dir=scratch) as tmp:
        for label, pages, hubs, runs in [("1k pages", 1000, 0, args.runs), ("10k pages", 10000, 0, args.runs), ("1k hubs", 0, 1000, args.runs)]:
            folder = pathlib.Path(tmp) / label.replace(" ", "-")
            hub_site, hugo, markdown = write_sites(folder, pages, hubs)
            count = pages + hubs
            tools = ["hubsite", "hugo", "hugo-dflt", "floor", "deps"]
            times = {tool: [] for tool in tools}
            memory = {tool: [] for tool in tools}
            for _ in range(runs):
                for tool, command in [
                    ("hubsite", [str(HUBSITE), "build", "--source", str(hub_site), "--output", str(folder / "out-hubsite")]),
                    ("hugo", ["hugo", "--quiet", "-s", str(hugo), "-d", str(folder / "out-hugo")]),
                    ("hugo-dflt", ["hugo", "--quiet", "-s", str(hugo), "--config", str(hugo / "defaults.toml"), "-d", str(folder / "out-hugo-dflt")]),
                    ("floor", [str(floor_tool)] + [str(f) for f in markdown]),
                    ("deps", [str(deps_tool), str(hub_site / "templates/page.mustache"), str(folder / "out-deps")] + [str(f) for f in markdown]),
                ]:
                    wall, rss = measure(command, folder / f"out-{tool}")
                    times[tool].append(wall)
                    memory[tool].append(rss)
            result = {tool: (statistics.median(times[tool]), max(memory[tool]), min(times[tool]), max(times[tool])) for tool in times}
            results[label] = result
            rows.append((label, count, result))
            shutil.rmtree(folder)

    # The spread of the runs says how far one run's ratios can be trusted on a noisy machine.
    print(f"{'site':<10} {'tool':<9} {'median s':>9} {'min-max s':>13} {'peak MiB':>9} {'pages/s':>9}")
    for label, count, result in rows:
        for tool, (wall, rss, fastest, slowest) in result.items():
            spread = f"{fastest:.3f}-{slowest:.3f}"
            print(f"{label:<10} {tool:<9} {wall:>9.3f} {spread:>13} {rss:>9.0f} {count / wall:>9.0f}")
        h, g, d, f, deps = (result[tool] for tool in ["hubsite", "hugo", "hugo-dflt", "floor", "deps"])
        print(f"{label:<10} ratios: hubsite/Hugo time {h[0] / g[0]:.3f}, memory {h[1] / g[1]:.3f}; hubsite/cmark floor {h[0] / f[0]:.2f}; "
              f"hubsite/dependency floor {h[0] / deps[0]:.2f}")
        print(f"{'':<10} for reference: hubsite/Hugo with its defaults {h[0] / d[0]:.3f}; "
              f"dependency floor/Hugo {deps[0] / g[0]:.3f}, dependency floor/cmark floor {deps[0] / f[0]:.2f}\n")

    real = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(10):
            real.append(measure([str(HUBSITE), "build", "--source", str(ROOT), "--output", str(pathlib.Path(tmp) / "public")],
                                pathlib.Path(tmp) / "public")[0])
    real_median = statistics.median(real)
    print(f"real site (sheet + hubs), whole process: median {real_median * 1000:.0f} ms over 10 runs\n")

    small, large = results["1k pages"], results["10k pages"]
    targets = [
        ("10k: hubsite time <= 0.15 x Hugo", large["hubsite"][0] <= 0.15 * large["hugo"][0], f"{large['hubsite'][0] / large['hugo'][0]:.3f}"),
        ("10k: hubsite peak RSS <= 0.1 x Hugo", large["hubsite"][1] <= 0.1 * large["hugo"][1], f"{large['hubsite'][1] / large['hugo'][1]:.3f}"),
        ("10k: hubsite within 2 x cmark floor", large["hubsite"][0] <= 2 * large["floor"][0], f"{large['hubsite'][0] / large['floor'][0]:.2f}"),
        ("1k: hubsite time <= 0.2 x Hugo", small["hubsite"][0] <= 0.2 * small["hugo"][0], f"{small['hubsite'][0] / small['hugo'][0]:.3f}"),
        ("real site build < 100 ms", real_median < 0.1, f"{real_median * 1000:.0f} ms"),
        ("linear: 10k <= 11 x 1k", large["hubsite"][0] <= 11 * small["hubsite"][0], f"{large['hubsite'][0] / small['hubsite'][0]:.1f} x"),
    ]
    for name, met, value in targets:
        print(f"[{'met' if met else 'MISSED'}] {name}: {value}")
    deps = large["deps"][0]
    print(f"\n10k: the dependency floor alone takes {deps / large['hugo'][0]:.3f} x Hugo's time and "
          f"{deps / large['floor'][0]:.2f} x the cmark floor; the time targets leave hubsite's own work what is left of "
          f"0.15 x Hugo ({max(0.0, 0.15 * large['hugo'][0] - deps):.3f} s) and 2 x the cmark floor ({max(0.0, 2 * large['floor'][0] - deps):.3f} s); "
          f"it takes {large['hubsite'][0] - deps:.3f} s")
    sys.exit(0 if all(met for _, met, _ in targets) else 1)


if __name__ == "__main__":
    main()
