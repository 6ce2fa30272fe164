#!/usr/bin/env bash
# One command per benchmark: tools/bench.sh micro|standalone|distributed|dispatch|timer [--agents N] [--seconds S] ...
# standalone/distributed --rate R: calls arrive at R/s whatever the replies do (open loop) instead of N agents.
# Builds Release first (set BENCH_NO_BUILD=1 to skip); each run prints a markdown table and appends it
# to $BENCH_RESULTS (default under tools/TclHotline.Benchmarks/BenchmarkDotNet.Artifacts, ignored by git).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
what="${1:-}"
case "$what" in
  micro) projects=() ;;
  standalone) projects=(services/Standalone/TclHotline.Standalone) ;;
  distributed) projects=(services/Intake/TclHotline.Intake.Host services/Dispatch/TclHotline.Dispatch.Host
                         services/Sla/TclHotline.Sla.Host services/Complaints/TclHotline.Complaints.Host) ;;
  # dispatch: the dispatch module hosted in the benchmark process itself (built with it).
  dispatch) projects=() ;;
  timer) projects=(services/Sla/TclHotline.Sla.Host) ;;
  *) echo "usage: tools/bench.sh micro|standalone|distributed|dispatch|timer [--agents N] [--seconds S] [--engineers N] [--capacity N] [--rate R] [--pending N] [--burst N] [--arrivals N] [--warmup S] [--orders N]" >&2; exit 2 ;;
esac
if [[ "${BENCH_NO_BUILD:-}" != 1 ]]; then
  for p in "${projects[@]}" tools/TclHotline.Benchmarks; do
    dotnet build "$p" -c Release -v q -nologo | grep -E "error|Warn.*[1-9]" || true
  done
fi
# Kept out of git with the BenchmarkDotNet artifacts (ignored); docs/PERFORMANCE.md takes the figures.
export BENCH_RESULTS="${BENCH_RESULTS:-$root/tools/TclHotline.Benchmarks/BenchmarkDotNet.Artifacts/bench-results.md}"
mkdir -p "$(dirname "$BENCH_RESULTS")"
bench="tools/TclHotline.Benchmarks/bin/Release/net10.0/TclHotline.Benchmarks.dll"
if [[ "$what" == micro ]]; then
  # BenchmarkDotNet writes its artifacts to the current folder.
  cd "$root/tools/TclHotline.Benchmarks"
  exec dotnet "$root/$bench" "$@"
fi
exec dotnet "$bench" "$@"
