#!/usr/bin/env bash
# Starts and stops the local distributed run N times in a row with every core kept busy, and says how many
# starts came all the way up: the check that the broker start (pid file, Erlang cookie) has no race that a
# slow machine exposes.
#
#   deploy/local/start-repeatedly.sh [--runs N] [--load-per-core K] [--no-build]
#     --runs N           starts to try (default 10)
#     --load-per-core K  busy-loop processes per core during the runs (default 1)
#     --no-build         skip building the hosts (start.sh builds them before the first run otherwise)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"

RUNS=10
LOAD=1
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
    --load-per-core) LOAD="${2:?--load-per-core needs a number}"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)"; exit 2 ;;
  esac
done

burners=()
stop_load() { for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null; done; burners=(); }
trap 'stop_load; "$here/stop.sh" >/dev/null 2>&1' EXIT

if [ "$BUILD" -eq 1 ]; then
  for entry in "${SERVICES[@]}"; do
    read -r name _ _ <<<"$entry"
    dotnet build "$ROOT/services/$name/TclHotline.$name.Host" -nologo -v q -clp:ErrorsOnly || exit 1
  done
fi

for _ in $(seq $(( $(nproc) * LOAD ))); do
  ( while :; do :; done ) &
  burners+=($!)
done
echo "load: ${#burners[@]} busy loops on $(nproc) cores"

up=0
for run in $(seq "$RUNS"); do
  started=$SECONDS
  if output="$("$here/start.sh" --no-build 2>&1)"; then
    up=$((up + 1))
    echo "run $run: all up in $((SECONDS - started)) s ($(grep -c '(ready)' <<<"$output") instances ready)"
  else
    echo "run $run: FAILED after $((SECONDS - started)) s"
    sed 's/^/    /' <<<"$output" | tail -n 30
  fi
  "$here/stop.sh" >/dev/null 2>&1
done
stop_load
echo "$up of $RUNS starts all up"
[ "$up" -eq "$RUNS" ]
