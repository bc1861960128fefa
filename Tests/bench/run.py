#!/usr/bin/env python3
"""hubsite's build speed, measured side by side with Hugo and with cmark's own floor.

    python3 Tests/bench/run.py            (or: make bench)

Generates sites of 1,000 and 10,000 ~6 KB Markdown pages with real variety (headings, paragraphs,
lists, ordered lists, quotes, emphasis, links between pages and out, UK dates, the cohort's
variables, text with & and <), and one of 1,000 hubs, beside the real site's own content,
site.yml and templates, and builds each with hubsite (release) and with Debian's Hugo on the same
Markdown, Hugo with layouts that make the same pages as hubsite's templates (Tests/bench/hugo/:
head with Open Graph, header, breadcrumbs, headings with self-links, footer; the run prints Hugo's
page size over hubsite's, which must stay within 15 %). Every site is measured on this machine's
real disk (under .build/, where users build) and on tmpfs (/dev/shm). Runs alternate between the
tools; it prints median wall time, peak RSS, pages/s, hubsite against Hugo and against two floors:
hubsite's fixed dependencies doing the same reading, parsing, templating and writing
(`depfloor/`: read, Yams, cmark, swift-mustache rendering the site's own page template, write;
its pages too must stay within 15 % of hubsite's size) and cmark alone (parse + render on two
threads). It ends with the targets and whether this run met them. Ratios, not absolute times, are
the result: the machine is shared and noisy. First builds: each output folder (and hubsite's
previous site beside it) is deleted before a run, outside the timing, the same for both tools.
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
        words.insert(6, f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2025, 2027)}")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def page_markdown(rng, index, pages):
    parts = [f"---\ntitle: Page {index} about {rng.choice(WORDS)} and {rng.choice(WORDS)}\n---\n",
             "\nFor cohort {{cohort.number}}, starting in {{cohort.year1}}: costs & benefits of < 3 hours a week.\n"]
    size = len(parts[0])
    section = 0
    while size < 6000:
        section += 1
        block = [f"\n## Section {section}: {rng.choice(WORDS)} {rng.choice(WORDS)}\n"]
        for _ in range(rng.randint(1, 3)):
            block.append("\n" + " ".join(sentence(rng, pages, index) for _ in range(rng.randint(2, 5))) + "\n")
        roll = rng.random()
        if roll < 0.5:
            block.append("\n" + "".join(f"- {sentence(rng, pages, index)}\n" for _ in range(rng.randint(3, 6))))
        elif roll < 0.7:
            block.append("\n" + "".join(f"{n}. {sentence(rng, pages, index)}\n" for n in range(1, rng.randint(3, 6))))
        elif roll < 0.8:
            block.append(f"\n> {sentence(rng, pages, index)}\n")
        text = "".join(block)
        parts.append(text)
        size += len(text)
    return "".join(parts)


def hub_markdown(rng, index):
    areas = "".join(f"  - Area {rng.randint(1, 500)}\n" for _ in range(rng.randint(1, 5)))
    return (f"---\nname: Synthetic Hub {index:04d}\nregion: {rng.choice(REGIONS)}\nwebsite: https://hub{index}.example.org/\n"
            f"areas:\n{areas}events:\n  - date: {rng.randint(1, 28)} {rng.choice(MONTHS)} 2026\n    title: Information session\n---\n\n"
            + " ".join(sentence(rng, 0, index) for _ in range(6)) + "\n")


def write_sites(folder, pages, hubs):
    """One Markdown corpus, two sites: hubsite's with the real site's templates, site.yml and
    content beside the generated pages, and Hugo's with layouts that make the same pages."""
    rng = random.Random(pages * 7 + hubs)
    hub_site, hugo = folder / "hubsite", folder / "hugo"
    shutil.copytree(ROOT / "templates", hub_site / "templates")
    shutil.copytree(ROOT / "content", hub_site / "content")
    shutil.copy(ROOT / "site.yml", hub_site / "site.yml")
    for sub in ["content/pages", "content/hubs"]:
        (hub_site / sub).mkdir(parents=True, exist_ok=True)
    for sub in ["content/pages", "content/hubs"]:
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
    # Hugo's layouts make the page hubsite's templates make (Tests/bench/hugo/).
    shutil.copytree(ROOT / "Tests/bench/hugo", hugo, dirs_exist_ok=True)
    return hub_site, hugo, markdown_files


def measure(command, out, fresh=True):
    """Wall time and peak RSS of one run of `command`, from wait4's own accounting. `fresh`
    deletes the output first, and what hubsite keeps beside it: a first build for every tool."""
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
        for sibling in out.parent.glob(f".{out.name}.*"):
            shutil.rmtree(sibling, ignore_errors=True)
    # Messages go to a file: a pipe nobody reads until the end fills up and stops the build.
    with tempfile.TemporaryFile() as messages:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=messages)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if status != 0:
            messages.seek(0)
            raise SystemExit(f"{command[0]} failed: {messages.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024  # MiB


def ensure_tools():
    if not shutil.which("hugo"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=True)
    # Also makes .build/jemalloc.o, which the dependency floor is linked with too.
    subprocess.run([str(ROOT / ".ci/release-build")], cwd=ROOT, check=True)
    floor = ROOT / ".build" / "cmark_floor"
    subprocess.run(["cc", "-O2", "-pthread", "-o", str(floor), str(ROOT / "Tests/bench/cmark_floor.c"), "-lcmark"], check=True)
    scratch = ROOT / ".build" / "depfloor"
    # Linked as hubsite is (.ci/release-build), so that the two differ only in the work they do.
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--package-path", str(ROOT / "Tests/bench/depfloor"),
                    "--scratch-path", str(scratch), "-Xlinker", str(ROOT / ".build/jemalloc.o")], check=True, stdout=subprocess.DEVNULL)
    return floor, scratch / "release" / "depfloor"


FLOOR = ROOT / ".build" / "cmark_floor"
DEPS = ROOT / ".build" / "depfloor" / "release" / "depfloor"


SITES = [("1k pages", 1000, 0), ("10k pages", 10000, 0), ("1k hubs", 0, 1000)]


def bench_site(folder, pages, hubs, runs, tools):
    """Median, peak RSS, fastest and slowest run of each tool on one generated site."""
    hub_site, hugo, markdown = write_sites(folder, pages, hubs)
    commands = {
        "hubsite": [str(HUBSITE), "build", "--source", str(hub_site), "--output", str(folder / "out-hubsite")],
        "hugo": ["hugo", "--quiet", "-s", str(hugo), "-d", str(folder / "out-hugo")],
        "floor": [str(FLOOR)] + [str(f) for f in markdown],
        "deps": [str(DEPS), str(hub_site), str(folder / "out-deps")] + [str(f) for f in markdown],
    }
    times = {tool: [] for tool in tools}
    memory = {tool: [] for tool in tools}
    for _ in range(runs):
        for tool in tools:
            wall, rss = measure(commands[tool], folder / f"out-{tool}")
            times[tool].append(wall)
            memory[tool].append(rss)
    sizes = {"hugo": page_sizes(folder / "out-hubsite", folder / "out-hugo", ["pages/*/index.html", "hubs/hub-*/index.html"]),
             "deps": page_sizes(folder / "out-hubsite", folder / "out-deps", ["page-*/index.html"])}
    shutil.rmtree(folder)
    return {tool: (statistics.median(times[tool]), max(memory[tool]), min(times[tool]), max(times[tool])) for tool in times}, sizes


def page_sizes(hubsite_out, other_out, patterns):
    """Another tool's generated pages' mean size over hubsite's, for plain pages then hubs: the
    two do the same work only when they make pages of the same size. `patterns` finds the other's
    (the dependency floor writes its pages flat, and only plain pages are its measure)."""
    ratios = []
    for ours_pattern, pattern in zip(["pages/*/index.html", "hubs/hub-*/index.html"], patterns):
        ours = [p.stat().st_size for p in hubsite_out.glob(ours_pattern)]
        theirs = [p.stat().st_size for p in other_out.glob(pattern)]
        if ours and theirs:
            ratios.append(statistics.mean(theirs) / statistics.mean(ours))
    return ratios


def print_table(where, rows):
    print(f"{where}:")
    print(f"{'site':<10} {'tool':<9} {'median s':>9} {'min-max s':>13} {'peak MiB':>9} {'pages/s':>9}")
    for label, count, (result, sizes) in rows:
        for tool, (wall, rss, fastest, slowest) in result.items():
            spread = f"{fastest:.3f}-{slowest:.3f}"
            print(f"{label:<10} {tool:<9} {wall:>9.3f} {spread:>13} {rss:>9.0f} {count / wall:>9.0f}")
        h, g, f, deps = (result[tool] for tool in ["hubsite", "hugo", "floor", "deps"])
        print(f"{label:<10} ratios: hubsite/Hugo (same pages) time {h[0] / g[0]:.3f}, memory {h[1] / g[1]:.3f}; "
              f"hubsite/dependency floor {h[0] / deps[0]:.2f}; hubsite/cmark floor {h[0] / f[0]:.2f}; "
              f"page size / hubsite's: Hugo {', '.join(f'{r:.2f}' for r in sizes['hugo'])}, "
              f"dependency floor {', '.join(f'{r:.2f}' for r in sizes['deps'])}")
    print()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="runs per tool and site")
    args = parser.parse_args()
    ensure_tools()
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    print(f"hubsite (release) vs Hugo {hugo_version} vs cmark floor; {os.cpu_count()} cores; runs alternate\n")
    disk = ROOT / ".build" / "bench"
    shutil.rmtree(disk, ignore_errors=True)
    disk.mkdir(parents=True)
    places = [("real disk", f"real disk ({filesystem(disk)}, .build/bench)", disk, ["hubsite", "hugo", "floor", "deps"])]
    if os.path.isdir("/dev/shm"):
        places.append(("tmpfs", "tmpfs (/dev/shm)", pathlib.Path("/dev/shm"), ["hubsite", "hugo", "floor", "deps"]))
    results = {}
    for key, where, parent, tools in places:
        rows = []
        with tempfile.TemporaryDirectory(dir=parent) as tmp:
            for label, pages, hubs in SITES:
                result = bench_site(pathlib.Path(tmp) / label.replace(" ", "-"), pages, hubs, args.runs, tools)
                rows.append((label, pages + hubs, result))
                results[(key, label)] = result
        print_table(where, rows)

    real = []
    with tempfile.TemporaryDirectory(dir=disk) as tmp:
        for _ in range(10):
            real.append(measure([str(HUBSITE), "build", "--source", str(ROOT), "--output", str(pathlib.Path(tmp) / "public")],
                                pathlib.Path(tmp) / "public")[0])
    real_median = statistics.median(real)
    print(f"real site (sheet + hubs), whole process, on the disk: median {real_median * 1000:.0f} ms over 10 runs\n")

    def time(key, site, tool="hubsite"):
        return results[(key, site)][0][tool][0]

    def ratio(key, site, field=0, than="hugo"):
        result = results[(key, site)][0]
        return result["hubsite"][field] / result[than][field]
    sizes = {tool: [r for key in results for r in results[key][1][tool]] for tool in ["hugo", "deps"]}
    targets = [
        ("disk 10k: hubsite time <= 0.3 x Hugo making the same pages", ratio("real disk", "10k pages") <= 0.3,
         f"{ratio('real disk', '10k pages'):.3f}"),
        ("disk 10k: hubsite peak RSS <= 0.1 x Hugo", ratio("real disk", "10k pages", 1) <= 0.1, f"{ratio('real disk', '10k pages', 1):.3f}"),
        ("disk: 1k hubs <= 2 x 1k pages", time("real disk", "1k hubs") <= 2 * time("real disk", "1k pages"),
         f"{time('real disk', '1k hubs') / time('real disk', '1k pages'):.2f} x"),
        ("real site, whole process <= 50 ms", real_median <= 0.05, f"{real_median * 1000:.0f} ms"),
        ("Hugo's pages within 15 % of hubsite's size", all(0.85 <= r <= 1.15 for r in sizes["hugo"]), ", ".join(f"{r:.2f}" for r in sizes["hugo"])),
        ("the dependency floor's pages within 15 % of hubsite's size", all(0.85 <= r <= 1.15 for r in sizes["deps"]),
         ", ".join(f"{r:.2f}" for r in sizes["deps"])),
    ]
    if ("tmpfs", "10k pages") in results:
        targets[1:1] = [
            ("tmpfs 10k: hubsite time <= 0.2 x Hugo making the same pages", ratio("tmpfs", "10k pages") <= 0.2,
             f"{ratio('tmpfs', '10k pages'):.3f}"),
            ("tmpfs 10k: hubsite time <= 2.5 x the dependency floor", ratio("tmpfs", "10k pages", than="deps") <= 2.5,
             f"{ratio('tmpfs', '10k pages', than='deps'):.2f}"),
            ("tmpfs: 1k hubs <= 2 x 1k pages", time("tmpfs", "1k hubs") <= 2 * time("tmpfs", "1k pages"),
             f"{time('tmpfs', '1k hubs') / time('tmpfs', '1k pages'):.2f} x"),
        ]
    for name, met, value in targets:
        print(f"[{'met' if met else 'MISSED'}] {name}: {value}")
    shutil.rmtree(disk, ignore_errors=True)
    sys.exit(0 if all(met for _, met, _ in targets) else 1)


def filesystem(path):
    """The file system type of the folder `path`, from /proc/mounts (the longest matching mount)."""
    best, kind = "", "unknown"
    for line in pathlib.Path("/proc/mounts").read_text().splitlines():
        mount, fstype = line.split()[1], line.split()[2]
        if str(path).startswith(mount) and len(mount) > len(best):
            best, kind = mount, fstype
    return kind


if __name__ == "__main__":
    main()
