#!/usr/bin/env bash
# Runs every test from a fresh machine: installs what the tests need when missing (RabbitMQ server from the
# OS packages, Chromium for the board page, docker-compose to validate the compose file, python3-aiosmtpd as
# the notification tests' SMTP server), builds with
# warnings as errors, runs all test projects, and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
# A real SMTP server on loopback for the notification tests (aiosmtpd, run by the OS's own python3).
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from the OS packages..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "could not install ${need[*]}"; exit 1; }
fi

results=.ci/out/test-results
rm -rf "$results"; mkdir -p "$results"
dotnet build TclHotline.sln -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
# Style is checked by the tool, not by review: the tree must be as `dotnet format` leaves it under .editorconfig
# (whitespace, using order, code style). A difference counts as one failed check; `dotnet format TclHotline.sln` fixes it.
format_log="$results/format.log"
dotnet format TclHotline.sln --verify-no-changes --no-restore -v q >"$format_log" 2>&1 && format_failed=0 || format_failed=1
# One test project at a time (-m:1): the timer and fault tests measure seconds, and nine projects at once on
# two cores would make them measure the machine instead.
dotnet test TclHotline.sln --no-build -nologo -m:1 --logger "trx" --results-directory "$results" "$@"
status=$?
[ "$format_failed" -eq 0 ] || status=1

python3 - "$results" "$format_failed" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
failures = []
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    root = ET.parse(f).getroot()
    for r in root.iter("{%s}UnitTestResult" % ns["t"]):
        if r.get("outcome") not in ("Passed", "NotExecuted"):
            message = r.find("t:Output/t:ErrorInfo/t:Message", ns)
            failures.append((r.get("testName"), (message.text or "").strip() if message is not None else r.get("outcome")))
    c = root.find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
if sys.argv[2] == "1":
    failed += 1
    lines = open(sys.argv[1] + "/format.log", errors="replace").read().splitlines()
    failures.append(("dotnet format --verify-no-changes (run `dotnet format TclHotline.sln` to fix)", "\n".join(lines[:12])))
# The failed tests again, last, so that a CI log cut to its tail still names them and says why.
for name, message in failures:
    print(f"FAILED {name}\n  " + "\n  ".join(message.splitlines()[:12]))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
