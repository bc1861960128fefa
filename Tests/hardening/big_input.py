#!/usr/bin/env python3
"""Very large input: a 20 MB Markdown page and a page that is one 5 MB line.

    python3 Tests/hardening/big_input.py --hubsite .build/debug/hubsite

Each is added to a copy of the real site and built as a whole process. Promises: the build
succeeds with a warning about the page's size (not a crash, not a hang: a 10-minute timeout
stands for "hangs"), the page holds all of the text (its last heading or word is there), and
peak memory stays within 50 times the input (cmark alone needs about 25). Prints time and peak memory; exits non-zero if a
promise is broken. Run by `make test` (a gate) and `make stress`.
"""
import argparse
import os
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
MEMORY_FACTOR = 50  # cmark alone peaks at about 25 x on the one-line page


def big_page(megabytes):
    """Headings, paragraphs with every inline kind, lists, dates and variables, until the size is reached."""
    rng = random.Random(20)
    words = ("maths teaching mastery *emphasis* **strong** [a link](/accessibility/) `code` "
             "{{cohort.number}} 16 December 2025 fluency reasoning").split(" ")
    parts, size, section = [], 0, 0
    while size < megabytes * 1024 * 1024:
        section += 1
        block = (f"## Section {section}\n\n" + " ".join(rng.choice(words) for _ in range(120))
                 + f"\n\n- item one\n- item two, 1 May 2026\n\n")
        parts.append(block)
        size += len(block)
    return "---\ntitle: Big page\n---\n\n" + "".join(parts), f"Section {section}"


def one_line(megabytes):
    rng = random.Random(5)
    words = "maths *emphasis* [link](/accessibility/) `code` 16 December 2025 teaching".split(" ")
    line, size = [], 0
    while size < megabytes * 1024 * 1024:
        word = rng.choice(words)
        line.append(word)
        size += len(word) + 1
    line.append("THE-END")
    return "---\ntitle: One line\n---\n\n" + " ".join(line) + "\n", "THE-END"


def run_case(hubsite, name, text, marker):
    with tempfile.TemporaryDirectory() as tmp:
        site = pathlib.Path(tmp) / "site"
        site.mkdir()
        for part in ["site.yml", "content", "templates"]:
            source = ROOT / part
            (shutil.copytree if source.is_dir() else shutil.copy)(source, site / part)
        (site / "content" / f"{name}.md").write_text(text)
        log = pathlib.Path(tmp) / "log"
        started = time.perf_counter()
        with open(log, "w") as output:
            process = subprocess.Popen([hubsite, "build", "--source", str(site), "--output", str(site / "public")],
                                       stdout=output, stderr=subprocess.STDOUT)
            # A build that has not finished after 10 minutes hangs.
            timer = threading.Timer(600, process.kill)
            timer.start()
            _, status, usage = os.wait4(process.pid, 0)
            timer.cancel()
        wall = time.perf_counter() - started
        peak_mib = usage.ru_maxrss / 1024
        said = log.read_text(errors="replace")
        problems = []
        if status != 0:
            problems.append(f"{name}: build failed or was killed (status {status}): {said[-1500:]}")
        else:
            page = (site / "public" / name / "index.html").read_text()
            if marker not in page:
                problems.append(f"{name}: the page lacks its end ({marker!r}): text was lost")
            if "MB: a page this large loads slowly" not in said:
                problems.append(f"{name}: no warning about the page's size")
        input_mib = len(text.encode()) / 2**20
        if peak_mib > MEMORY_FACTOR * input_mib:
            problems.append(f"{name}: peak memory {peak_mib:.0f} MiB is more than {MEMORY_FACTOR} x the {input_mib:.0f} MiB input")
        print(f"{name}: {input_mib:.1f} MiB of Markdown built in {wall:.1f} s, peak memory {peak_mib:.0f} MiB"
              f" ({peak_mib / input_mib:.0f} x the input)", flush=True)
        return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hubsite", default=str(ROOT / ".build" / "debug" / "hubsite"))
    args = parser.parse_args()
    hubsite = str(pathlib.Path(args.hubsite).resolve())
    problems = []
    for name, (text, marker) in [("one-line", one_line(5)), ("big", big_page(20))]:
        problems += run_case(hubsite, name, text, marker)
    for problem in problems:
        print("FAILED:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
