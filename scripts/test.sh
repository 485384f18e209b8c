#!/usr/bin/env bash
# `npm test`: everything that can run on a fresh machine, in the order a failure is cheapest to find.
#
#   lint → typecheck → unit → integration (PGlite) → integration (PostgreSQL, when TEST_DATABASE_URL
#   is set) → crash test (kill -9 on PGlite) → client build → end-to-end (Playwright, Debian chromium)
#
# Every stage runs even after an earlier one failed, so one CI run shows every failure; the script
# exits non-zero if any stage failed. Options (after `npm test --`):
#   --fail-fast            stop at the first failing stage
#   --skip a,b             skip stages by name: lint typecheck unit integration postgres crash build e2e
#   --crash-rounds N       rounds of the crash test (default 20, the requirement's minimum)
set -euo pipefail
export TZ=UTC

cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail_fast=0
skip=","
crash_rounds=20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --fail-fast) fail_fast=1 ;;
    --skip) skip=",${2:?--skip needs a list},"; shift ;;
    --skip=*) skip=",${1#--skip=}," ;;
    --crash-rounds) crash_rounds="${2:?--crash-rounds needs a number}"; shift ;;
    --crash-rounds=*) crash_rounds="${1#--crash-rounds=}" ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "scripts/test.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

reports="$(mktemp -d)"
trap 'rm -rf "$reports"' EXIT

stage_names=()
stage_results=()
stage_seconds=()
failed=0

# Counts of individual tests, summed over the stages that report them (vitest and Playwright JSON,
# crash-test rounds), for the closing "N passed, N failed" line.
tests_passed=0
tests_failed=0
tests_skipped=0

now() { date +%s; }

header() {
  echo
  echo "════════════════════════════════════════════════════════════════════════"
  echo "▶ $1"
  echo "════════════════════════════════════════════════════════════════════════"
}

record() { # name result seconds
  stage_names+=("$1")
  stage_results+=("$2")
  stage_seconds+=("$3")
  if [[ "$2" == FAILED ]]; then
    failed=$((failed + 1))
  fi
}

# Adds the counts of a vitest JSON report to the totals; silent when there is none.
count_report() { # kind file
  [[ -s "$2" ]] || return 0
  local counts
  counts="$(node -e '
    const [kind, file] = process.argv.slice(1);
    try {
      const r = JSON.parse(require("fs").readFileSync(file, "utf8"));
      console.log(r.numPassedTests ?? 0, r.numFailedTests ?? 0, (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0));
    } catch { console.log("0 0 0"); }
  ' "$1" "$2")"
  local p f s
  read -r p f s <<<"$counts"
  tests_passed=$((tests_passed + p))
  tests_failed=$((tests_failed + f))
  tests_skipped=$((tests_skipped + s))
}

# run_stage name "title" command...
run_stage() {
  local name="$1" title="$2"
  shift 2
  if [[ "$skip" == *",$name,"* ]]; then
    header "$title — skipped (--skip $name)"
    record "$name" skipped 0
    return 0
  fi
  if [[ $fail_fast -eq 1 && $failed -gt 0 ]]; then
    record "$name" "not run" 0
    return 0
  fi
  header "$title"
  local start status=0
  start="$(now)"
  "$@" || status=$?
  local took=$(($(now) - start))
  if [[ $status -eq 0 ]]; then
    echo "✔ $title (${took}s)"
    record "$name" passed "$took"
  else
    echo "✘ $title failed with exit code $status (${took}s)"
    record "$name" FAILED "$took"
  fi
}

# vitest with its usual output plus a JSON report for the closing count.
vitest_json() { # report-name project [extra vitest args...]
  local report="$reports/$1.json" project="$2"
  shift 2
  local status=0
  npx vitest run --project "$project" --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
  count_report vitest "$report"
  return $status
}

stage_unit() { vitest_json unit unit --passWithNoTests; }

stage_integration_pglite() {
  # Without TEST_DATABASE_URL the test harness gives every file its own in-memory PGlite.
  local saved="${TEST_DATABASE_URL-}" had=${TEST_DATABASE_URL+1} status=0
  unset TEST_DATABASE_URL
  vitest_json integration-pglite integration || status=$?
  if [[ -n "$had" ]]; then export TEST_DATABASE_URL="$saved"; fi
  return $status
}

stage_integration_postgres() {
  echo "TEST_DATABASE_URL=${TEST_DATABASE_URL%%@*}@… (each test file creates and drops its own database)"
  vitest_json integration-postgres integration
}

stage_crash() {
  local log="$reports/crash.log" status=0
  npm run --silent test:crash -- --rounds "$crash_rounds" 2>&1 | tee "$log" || status=$?
  local line p f
  line="$(grep -E '^crash-test rounds: [0-9]+ ok, [0-9]+ failed' "$log" | tail -1 || true)"
  if [[ -n "$line" ]]; then
    read -r p f < <(sed -E 's/^crash-test rounds: ([0-9]+) ok, ([0-9]+) failed.*/\1 \2/' <<<"$line")
    tests_passed=$((tests_passed + p))
    tests_failed=$((tests_failed + f))
  fi
  return $status
}

stage_build() { npm run --silent build:client; }

stage_e2e() {
  if [[ ! -x /usr/bin/chromium ]]; then
    echo "End-to-end tests need Debian's chromium at /usr/bin/chromium (Playwright never downloads browsers here)."
    echo "Install it with:  apt-get install -y --no-install-recommends chromium"
    return 1
  fi
  local config
  config="$(ls playwright.config.* 2>/dev/null | head -1 || true)"
  if [[ -z "$config" ]]; then
    echo "No playwright.config.* yet: no end-to-end suite to run."
    return 0
  fi
  # The config's reporters stay as they are (list, plus html in CI); the closing count is read from
  # the list reporter's summary lines ("  25 passed (1.2m)", "  1 failed", "  2 skipped", "  1 flaky").
  local log="$reports/e2e.log" status=0
  npx playwright test 2>&1 | tee "$log" || status=$?
  # Playwright prints each count on its own line; a count can appear once per category.
  local n word
  while read -r n word _; do
    case "$word" in
      passed | flaky) tests_passed=$((tests_passed + n)) ;;
      failed) tests_failed=$((tests_failed + n)) ;;
      skipped | did) tests_skipped=$((tests_skipped + n)) ;;
    esac
  done < <(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +[0-9]+ (passed|failed|flaky|skipped|did not run)( |$)' || true)
  return $status
}

suite_start="$(now)"
echo "Lotse test suite — $(node --version), TZ=$TZ, $(nproc) cores${CI:+, CI}"

run_stage lint "Lint (eslint, --max-warnings 0)" npm run --silent lint
run_stage typecheck "Type check (tsc --noEmit)" npm run --silent typecheck
run_stage unit "Unit tests (vitest, project unit)" stage_unit
run_stage integration "Integration tests on PGlite (vitest, project integration)" stage_integration_pglite
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  run_stage postgres "Integration tests on PostgreSQL (TEST_DATABASE_URL)" stage_integration_postgres
else
  header "Integration tests on PostgreSQL — skipped: TEST_DATABASE_URL is not set (.ci/run sets it)"
  record postgres "skipped (no TEST_DATABASE_URL)" 0
fi
run_stage crash "Crash test: kill -9 during writes on PGlite, $crash_rounds rounds" stage_crash
run_stage build "Client build (vite)" stage_build
run_stage e2e "End-to-end tests (Playwright, Debian chromium)" stage_e2e

total=$(($(now) - suite_start))
header "Summary"
for i in "${!stage_names[@]}"; do
  printf '  %-12s %-32s %5ss\n' "${stage_names[$i]}" "${stage_results[$i]}" "${stage_seconds[$i]}"
done
echo "  total time ${total}s; stages failed: $failed"
if [[ $tests_skipped -gt 0 ]]; then
  echo "tests: $tests_passed passed, $tests_failed failed, $tests_skipped skipped"
else
  echo "tests: $tests_passed passed, $tests_failed failed"
fi
if [[ $failed -gt 0 ]]; then
  exit 1
fi
