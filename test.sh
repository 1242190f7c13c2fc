#!/usr/bin/env bash
# Runs every test: installs what the tests need on a fresh Debian machine (Chromium for the browser
# tests), builds, runs `dotnet test` on the solution, and prints a closing "N passed, N failed" line.
# Benchmarks are left out (run them with: dotnet test Ocma.Tests --filter Category=Benchmark).
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_UI_LANGUAGE=en
started=$SECONDS

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's chromium for the browser tests"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null \
    || { echo "could not install chromium (apt-get install chromium)"; exit 1; }
fi
chromium --version 2>/dev/null | head -1

dotnet restore Ocma.sln || exit 1
dotnet build Ocma.sln --no-restore -c Debug || exit 1
echo "== built in $((SECONDS - started)) s"

rm -rf TestResults TestResults.log
rc=0
run_pass() { # name, filter, then optional VAR=value environment
  local name=$1 filter=$2; shift 2
  echo "== $name"
  env "$@" dotnet test Ocma.sln --no-build --filter "$filter" --logger "trx" --results-directory TestResults 2>&1 | tee -a TestResults.log
  local status=${PIPESTATUS[0]}
  [ "$status" -eq 0 ] || rc=$status
}
fast="Category!=Benchmark&Category!=Crash&FullyQualifiedName!~Ocma.Tests.E2E"
run_pass "fast tests" "$fast"
run_pass "crash and restart tests" "Category=Crash"
# Again with every test clock 28 years behind the machine's: a mix of Ocma's clock and the system clock fails here.
run_pass "fast tests, test clocks 28 years from today" "$fast" OCMA_TEST_CLOCK_SHIFT_YEARS=-28
# Browser journeys last, so the heavy crash and fault tests never share the two cores with Chromium.
run_pass "browser journeys" "FullyQualifiedName~Ocma.Tests.E2E"

read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' TestResults.log \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
echo "== finished in $((SECONDS - started)) s; screenshots in TestResults/screenshots"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$rc" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "no test ran"; exit 1; fi
exit "$rc"
