#!/usr/bin/env python3
"""make stress: `hubsite serve` under load and abuse, on loopback only, bounded in time.

1. wrk: 30 s at 64 connections over every page of the site while content/index.md is edited
   every second (so the site is rebuilt under load). Promise: no socket errors, no non-2xx.
2. Memory: the server's RSS after the load is within 10% of its RSS after a warm-up.
3. Abuse: 1,000 malformed requests, 200 oversized-header requests, and 50 clients sending one
   byte a second; meanwhile ordinary requests must keep being answered quickly. The server is
   alive at the end.
4. Idle flood: 19,000 connections that send nothing or half a request. Ordinary requests are
   still answered meanwhile, and the server has closed the idle ones within its 10 s timeout.
5. 404s on a 50,000-page site: an unknown address is answered at least half as fast as a page.
Prints the figures and exits non-zero if any promise is broken.
"""
import os
import pathlib
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
HUBSITE = os.environ.get("HUBSITE", str(ROOT / ".build" / "release" / "hubsite"))
SECONDS = int(os.environ.get("STRESS_SECONDS", "30"))
failures = []


def rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def raw(port, data, timeout=5):
    """Sends bytes, returns the status code of the answer (0 if none)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        try:
            answer = sock.recv(256)
        except socket.timeout:
            return 0
    match = re.match(rb"HTTP/1\.1 (\d+)", answer)
    return int(match.group(1)) if match else 0


def timed_get(port, path="/"):
    start = time.perf_counter()
    status = raw(port, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    return status, (time.perf_counter() - start) * 1000


def wrk_run(port, paths, seconds, folder):
    script = folder / "paths.lua"
    script.write_text("local paths = {" + ",".join(f'"{p}"' for p in paths) + "}\nlocal i = 0\n"
                      "request = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n")
    out = subprocess.run(["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency", "-s", str(script), f"http://127.0.0.1:{port}/"],
                         capture_output=True, text=True, timeout=seconds + 60)
    return out.stdout


def idle_flood(port, count=19_000):
    flood = []
    started = time.perf_counter()
    for index in range(count):
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            break
        if index % 2:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0")
        flood.append(sock)
    opened = time.perf_counter() - started
    answers = [timed_get(port) for _ in range(20)]
    ok = sum(1 for status, _ in answers if status == 200)
    worst = max(ms for _, ms in answers)
    time.sleep(12)
    closed = 0
    for sock in flood:
        sock.setblocking(False)
        try:
            closed += sock.recv(1, socket.MSG_PEEK) == b""
        except (BlockingIOError, OSError):
            pass
        sock.close()
    print(f"idle flood: {len(flood)} connections opened in {opened:.1f} s; meanwhile {ok}/20 requests answered 200, "
          f"slowest {worst:.0f} ms; 12 s later the server had closed {closed} of them")
    if len(flood) < count * 0.9:
        failures.append(f"only {len(flood)} of {count} idle connections could be opened")
    if ok != 20 or worst > 2000:
        failures.append("the preview stopped answering under an idle flood")
    if closed < len(flood) * 0.99:
        failures.append(f"the server kept {len(flood) - closed} idle connections past its timeout")


def not_found_rate(tmp, pages=50_000):
    """A 404 costs no more than a page: nothing walks every file of a large site to answer it."""
    site = tmp / "large"
    shutil.copytree(ROOT / "templates", site / "templates")
    shutil.copy(ROOT / "site.yml", site / "site.yml")
    shutil.copytree(ROOT / "content", site / "content")
    for index in range(pages):
        folder = site / "content" / "pages" / f"{index // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page-{index}.md").write_text(f"---\ntitle: Page {index}\n---\n\nSome text for page {index}.\n")
    server = subprocess.Popen([HUBSITE, "serve", "--source", str(site), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(server.stdout.readline().strip().rstrip("/").rsplit(":", 1)[1])
        rates = {}
        for name, path in (("page", "/pages/07/page-7000/"), ("404", "/pages/07/no-such-page/")):
            out = subprocess.run(["wrk", "-t2", "-c16", "-d10s", f"http://127.0.0.1:{port}{path}"],
                                 capture_output=True, text=True, timeout=70).stdout
            match = re.search(r"Requests/sec:\s+([\d.]+)", out)
            rates[name] = float(match.group(1)) if match else 0.0
        ratio = rates["404"] / rates["page"] if rates["page"] else 0
        print(f"{pages:,}-page site: a page {rates['page']:.0f} requests/s, a 404 {rates['404']:.0f} requests/s ({ratio:.2f} x)")
        if ratio < 0.5:
            failures.append(f"a 404 is answered at {ratio:.2f} x the rate of a page (at least 0.5 expected)")
    finally:
        server.terminate()
        server.wait(10)


def main():
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = pathlib.Path(tmp) / "site"
        site.mkdir()
        shutil.copy(ROOT / "site.yml", site / "site.yml")
        shutil.copytree(ROOT / "content", site / "content")
        shutil.copytree(ROOT / "templates", site / "templates")
        server = subprocess.Popen([HUBSITE, "serve", "--source", str(site), "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            port = int(server.stdout.readline().strip().rstrip("/").rsplit(":", 1)[1])
            paths = ["/", "/accessibility/", "/hubs/", "/style.css", "/site.js", "/key-dates.ics"] + \
                    [f"/hubs/{p.stem}/" for p in sorted((site / "content" / "hubs").glob("*.md"))]
            wrk_run(port, paths, 5, pathlib.Path(tmp))  # warm-up: allocator pools, NIO buffers
            before = rss_kib(server.pid)

            stop = threading.Event()
            edits = [0]

            def edit():
                sheet = site / "content" / "index.md"
                original = sheet.read_text()
                while not stop.wait(1.0):
                    edits[0] += 1
                    sheet.write_text(original + f"\nEdited under load, {edits[0]} times.\n")
                sheet.write_text(original)

            editor = threading.Thread(target=edit)
            editor.start()
            report = wrk_run(port, paths, SECONDS, pathlib.Path(tmp))
            stop.set()
            editor.join()
            time.sleep(1.5)
            after = rss_kib(server.pid)

            rate = re.search(r"Requests/sec:\s+([\d.]+)", report)
            latency = dict(re.findall(r"\s+(50|75|90|99)%\s+([\d.]+\w+)", report))
            errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", report)
            non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", report)
            total = re.search(r"(\d+) requests in", report)
            print(f"wrk {SECONDS} s, 64 connections, {len(paths)} paths, {edits[0]} edits during the run:")
            print(f"  {total.group(1) if total else '?'} requests, {rate.group(1) if rate else '?'} requests/s, "
                  f"latency p50 {latency.get('50')}, p90 {latency.get('90')}, p99 {latency.get('99')}")
            print(f"  socket errors: {errors.groups() if errors else 'none'}; non-2xx: {non2xx.group(1) if non2xx else 0}")
            if errors and any(int(n) for n in errors.groups()):
                failures.append("socket errors under load")
            if non2xx and int(non2xx.group(1)):
                failures.append("non-2xx answers for existing pages")
            growth = (after - before) / before * 100
            print(f"  server RSS after warm-up {before / 1024:.1f} MiB, after the run {after / 1024:.1f} MiB ({growth:+.1f}%)")
            if growth > 10:
                failures.append(f"memory grew {growth:.1f}% (more than 10%)")

            # Abuse, with ordinary requests timed meanwhile.
            slow = []
            for _ in range(50):
                sock = socket.create_connection(("127.0.0.1", port))
                sock.sendall(b"GET / HTTP/1.1\r\n")
                slow.append(sock)
            drip = threading.Event()

            def dribble():
                while not drip.wait(1.0):
                    for sock in slow:
                        try:
                            sock.sendall(b"X")
                        except OSError:
                            pass

            dripper = threading.Thread(target=dribble)
            dripper.start()
            rng = random.Random(8)
            statuses = {}
            for _ in range(1000):
                junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 300)))
                code = raw(port, junk + b"\r\n\r\n")
                statuses[code] = statuses.get(code, 0) + 1
            big = {}
            for _ in range(200):
                code = raw(port, b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n")
                big[code] = big.get(code, 0) + 1
            ordinary = [timed_get(port, p) for p in paths * 3]
            drip.set()
            dripper.join()
            for sock in slow:
                sock.close()
            worst = max(ms for _, ms in ordinary)
            ok = sum(1 for status, _ in ordinary if status == 200)
            print(f"abuse: 1000 malformed requests answered {dict(sorted(statuses.items()))} (0 = connection closed); "
                  f"200 oversized-header requests answered {dict(sorted(big.items()))}; 50 one-byte-a-second clients held open")
            print(f"  meanwhile {ok}/{len(ordinary)} ordinary requests answered 200, slowest {worst:.0f} ms")
            if ok != len(ordinary) or worst > 2000:
                failures.append("ordinary requests starved during abuse")
            if any(code == 200 for code in statuses):
                failures.append("a malformed request was answered 200")
            if timed_get(port)[0] != 200 or server.poll() is not None:
                failures.append("the server did not survive")
            idle_flood(port)
            if timed_get(port)[0] != 200 or server.poll() is not None:
                failures.append("the server did not survive the idle flood")
        finally:
            server.terminate()
            server.wait(10)
        not_found_rate(pathlib.Path(tmp))
    for failure in failures:
        print("BROKEN:", failure)
    print(f"{8 - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
