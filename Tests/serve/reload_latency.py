#!/usr/bin/env python3
"""Time from a saved file to the reload event that `hubsite serve` sends to open pages.

Copies the site to a temporary folder, starts `hubsite serve --port 0` on it, listens to the
event stream as a page would, then saves content/index.md 20 times (a little apart, as a person
would) and measures from each save to its reload event. Prints the median and the spread.

    python3 Tests/serve/reload_latency.py --hubsite .build/release/hubsite [--edits 20]
"""
import argparse
import pathlib
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hubsite", default=str(ROOT / ".build" / "release" / "hubsite"))
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        site = pathlib.Path(tmp)
        shutil.copy(ROOT / "site.yml", site / "site.yml")
        shutil.copytree(ROOT / "content", site / "content")
        shutil.copytree(ROOT / "templates", site / "templates")
        server = subprocess.Popen([args.hubsite, "serve", "--source", str(site), "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            url = server.stdout.readline().strip()
            port = int(url.rstrip("/").rsplit(":", 1)[1])
            arrivals = []
            connected = threading.Event()

            def listen():
                sock = socket.create_connection(("127.0.0.1", port))
                sock.sendall(b"GET /__hubsite/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                buffer = b""
                while True:
                    data = sock.recv(4096)
                    if not data:
                        return
                    now = time.perf_counter()
                    buffer += data
                    if b": connected" in buffer:
                        connected.set()
                    while b"event: reload" in buffer:
                        arrivals.append(now)
                        buffer = buffer.split(b"event: reload", 1)[1]

            threading.Thread(target=listen, daemon=True).start()
            if not connected.wait(10):
                raise SystemExit("no event stream from the server")
            sheet = site / "content" / "index.md"
            original = sheet.read_text()
            latencies = []
            for edit in range(args.edits):
                before = len(arrivals)
                saved = time.perf_counter()
                sheet.write_text(original + f"\nEdit number {edit}.\n")
                deadline = time.time() + 10
                while len(arrivals) == before and time.time() < deadline:
                    time.sleep(0.001)
                if len(arrivals) == before:
                    raise SystemExit(f"edit {edit}: no reload event within 10 s")
                latencies.append((arrivals[before] - saved) * 1000)
                time.sleep(0.3)  # let the server settle, as between two real saves
        finally:
            server.terminate()
            server.wait(10)

    latencies.sort()
    print(f"save → reload event over {len(latencies)} edits: median {statistics.median(latencies):.0f} ms, "
          f"min {latencies[0]:.0f} ms, p90 {latencies[int(len(latencies) * 0.9) - 1]:.0f} ms, max {latencies[-1]:.0f} ms "
          f"(includes the 20 ms debounce that lets an editor finish saving)")


if __name__ == "__main__":
    main()
