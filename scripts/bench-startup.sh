#!/usr/bin/env bash
# Start-up of clouddemo's commands that do no cloud work, against `aws --version`, through the
# launcher (scripts/clouddemo: AppCDS on Java 17-24, the AOT cache on 25+): median of $RUNS runs,
# each command warmed once, untimed. Prints a Markdown table for docs/benchmarks.md.
#   RUNS=9 scripts/bench-startup.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
runs=${RUNS:-9}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export CLOUDDEMO_HOME="$home"
"$root"/scripts/clouddemo --version >/dev/null   # builds the distribution if needed, outside the timings

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)] / 1e9}'; }
time_of() {
  "$@" >/dev/null 2>&1 || true
  local s e out=""
  for _ in $(seq "$runs"); do
    s=$(now); "$@" >/dev/null 2>&1 || true; e=$(now)
    out+="$((e - s))"$'\n'
  done
  printf '%s' "$out" | median
}

echo "median of $runs runs; $(nproc) cores; $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1); $(aws --version 2>&1 | head -1); $(date -u +%F)"
echo
echo "| command | clouddemo (s) | aws --version (s) | ratio |"
echo "|---|---|---|---|"
ref=$(time_of aws --version)
for args in "--version" "envs" "providers" "--help"; do
  # shellcheck disable=SC2086
  t=$(time_of "$root"/scripts/clouddemo $args)
  echo "| \`clouddemo $args\` | $t | $ref | $(awk -v a="$t" -v b="$ref" 'BEGIN {printf "%.2f", a / b}') |"
done
