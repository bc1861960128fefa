#!/usr/bin/env bash
# make fuzz: the three libFuzzer targets side by side, each for FUZZ_SECONDS (default 600, the
# issue's 10 minutes), with AddressSanitizer and its leak checker. Run together they finish in
# about FUZZ_SECONDS plus the build, well under 20 minutes.
#
# Seeds: corpus/<target> (typical input) and regressions/<target> (hostile input and past
# findings). A crash, leak or timeout is written to findings/ AND copied into
# regressions/<target>/, where `make test` (FuzzRegressionTests) replays it: the finding stays a
# failing test until it is fixed. Commit the copied file with the fix.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-600}"
# SwiftPM instruments C targets for coverage; the Swift code needs -sanitize=fuzzer itself. The
# targets (Sources/hubsite-fuzz/FuzzTargets.swift, a link to the test target's file) reach the
# library's internal stages with @testable import, which -enable-testing allows in a release build.
swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
  --scratch-path ../../.build-fuzz 2>&1 | tail -1
binary=../../.build-fuzz/release/hubsite-fuzz
export LSAN_OPTIONS="suppressions=$PWD/lsan-suppressions.txt"
targets=(front-matter markdown template)
mkdir -p findings work
started=$(date +%s)
pids=()
for target in "${targets[@]}"; do
  mkdir -p "work/$target" "regressions/$target"
  echo "== $target: ${seconds}s"
  HUBSITE_FUZZ_TARGET=$target "$binary" "work/$target" "corpus/$target" "regressions/$target" -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="findings/$target-" -print_final_stats=1 \
      > "work/$target.log" 2>&1 &
  pids+=($!)
done
status=0
for index in "${!targets[@]}"; do
  target=${targets[$index]}
  if ! wait "${pids[$index]}"; then
    status=1
    echo "FAILED: $target (see Tests/fuzz/work/$target.log)"
  fi
done
for index in "${!targets[@]}"; do
  target=${targets[$index]}
  for finding in findings/"$target"-*; do
    [ -e "$finding" ] || continue
    cp "$finding" "regressions/$target/"
    echo "finding: Tests/fuzz/$finding, copied to Tests/fuzz/regressions/$target/ for make test"
    status=1
  done
  execs=$(grep -oE "stat::number_of_executed_units: +[0-9]+" "work/$target.log" | grep -oE "[0-9]+$" || echo "?")
  cov=$(grep -oE "cov: [0-9]+ ft: [0-9]+" "work/$target.log" | tail -1 || echo "cov: ?")
  peak=$(grep -oE "stat::peak_rss_mb: +[0-9]+" "work/$target.log" | grep -oE "[0-9]+$" || echo "?")
  echo "$target: ${seconds}s, $execs executions, $cov, peak ${peak} MB"
done
echo "fuzzing finished in $(( $(date +%s) - started )) s: $([ $status = 0 ] && echo "no crash, leak or timeout" || echo "FINDINGS, see above")"
exit $status
