#!/usr/bin/env bash
# Runs tests as if it were HH:MM in Changsha (Asia/Shanghai) today, to show the suite does not depend on the
# hour it runs at:  tools/test-at.sh 21:56 tests/TclHotline.Dispatch.Tests --filter "FullyQualifiedName~Rule02"
# Everything after HH:MM goes to `dotnet test`. The clock is moved by libfaketime with a RELATIVE offset in
# seconds: with an absolute "@time" every child process (test host, service processes, RabbitMQ) would restart
# the fake clock at that instant and the processes would disagree about the time.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || ! [[ "$1" =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]]; then
  echo "usage: $0 HH:MM [dotnet test arguments...]   (HH:MM is Changsha time, Asia/Shanghai)" >&2
  exit 2
fi
at="$1"; shift

if ! command -v faketime >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq faketime >/dev/null \
    || { echo "could not install faketime" >&2; exit 1; }
fi

# Build on the real clock, so no MSBuild node or compiler server outlives this run on a fake one; the first
# argument names the project or solution when it is not an option.
no_build=0
for arg in "$@"; do [ "$arg" = "--no-build" ] && no_build=1; done
if [ $no_build -eq 0 ]; then
  target=()
  if [ $# -gt 0 ] && [[ "$1" != -* ]]; then target=("$1"); fi
  dotnet build "${target[@]}" -nologo -clp:ErrorsOnly
fi

today=$(TZ=Asia/Shanghai date +%F)
offset=$(( $(date -d "TZ=\"Asia/Shanghai\" $today $at" +%s) - $(date +%s) ))
sign="+"; [ $offset -lt 0 ] && sign=""
echo "Changsha time for this run: $(TZ=Asia/Shanghai faketime -f "$sign$offset" date '+%F %H:%M:%S %Z') (offset $sign$offset s)"

# Nothing started here is reused by later builds. (The monotonic clock moves by the same offset: leaving it
# real makes vstest give up on its test host at once.)
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
[ $no_build -eq 0 ] && set -- "$@" --no-build
exec faketime -f "$sign$offset" dotnet test "$@"
