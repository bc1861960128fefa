#!/usr/bin/env bash
# make fuzz: each libFuzzer target for FUZZ_SECONDS (default 600, the issue's 10 minutes), with
# AddressSanitizer (and its leak checker). Crashes land in Tests/fuzz/findings/ and fail the run;
# turn each into a regression test (Tests/HubSiteTests/FuzzRegressionTests.swift).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-600}"
# SwiftPM instruments C targets for coverage; the Swift code needs -sanitize=fuzzer itself.
swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -sanitize-coverage=edge,trace-pc-guard,trace-cmp --scratch-path ../../.build-fuzz 2>&1 | tail -1
binary=../../.build-fuzz/release/hubsite-fuzz
mkdir -p findings work
status=0
for target in front-matter markdown template; do
  mkdir -p "work/$target"
  echo "== $target for ${seconds}s"
  if ! HUBSITE_FUZZ_TARGET=$target "$binary" "work/$target" "corpus/$target" -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="findings/$target-" -print_final_stats=1 \
      > "work/$target.log" 2>&1; then
    status=1
    echo "FAILED: see Tests/fuzz/work/$target.log and Tests/fuzz/findings/"
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov: " "work/$target.log" | tail -3
done
exit $status
