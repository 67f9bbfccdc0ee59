#!/usr/bin/env bash
# Runs labs for a class: one isolated run per student — environments lab-<student>-…, a state
# folder and a report of its own — then `clouddemo lab clean` for every student, which proves by
# tag search that nothing of the class is left. Exits non-zero when a student's run failed or
# something is left.
#
#   scripts/labs/run-class.sh [--students "alice bob" | --count N] [--out DIR] [clouddemo lab run options…] LAB…
#
#   scripts/labs/run-class.sh --count 3 --local 01 02          # students s1 s2 s3, on the emulators
#   scripts/labs/run-class.sh --students "ana ben" --all --local --out class-reports
#
# Students run one after another (set PARALLEL=1 to start them all at once). CLOUDDEMO names the
# clouddemo launcher to use (default: scripts/clouddemo of this checkout, which builds it first).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
clouddemo=${CLOUDDEMO:-"$root/scripts/clouddemo"}

students=""
out="class-reports"
clean_scope=()
run_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --students) students="$2"; shift 2 ;;
    --count)
      case "$2" in ''|*[!0-9]*) echo "run-class.sh: --count needs a number, not '$2'" >&2; exit 2 ;; esac
      students=$(seq -f 's%g' 1 "$2" | tr '\n' ' '); shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --local) clean_scope+=(--local); run_args+=(--local); shift ;;
    -p|--provider) clean_scope+=(-p "$2"); run_args+=(-p "$2"); shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) run_args+=("$1"); shift ;;
  esac
done
if [ -z "${students// /}" ]; then
  echo "run-class.sh: name the students (--students \"alice bob\") or how many (--count N)" >&2
  exit 2
fi

mkdir -p "$out"
failed=()
pids=()
for student in $students; do
  mkdir -p "$out/$student"
  run=("$clouddemo" lab run --student "$student" --state-dir "$out/$student/state" \
       --report "$out/$student" "${run_args[@]}")
  echo "run-class.sh: student $student: ${run[*]}" >&2
  if [ "${PARALLEL:-0}" = "1" ]; then
    "${run[@]}" > "$out/$student/transcript.txt" 2> "$out/$student/progress.txt" &
    pids+=("$!:$student")
  elif ! "${run[@]}" > "$out/$student/transcript.txt" 2> "$out/$student/progress.txt"; then
    failed+=("$student")
  fi
done
for entry in "${pids[@]}"; do
  wait "${entry%%:*}" || failed+=("${entry#*:}")
done

# Whatever happened above (a failed or interrupted run destroys its own; this is the proof).
left=0
for student in $students; do
  if ! "$clouddemo" lab clean --state-dir "$out/$student/state" "${clean_scope[@]}" \
       > "$out/$student/clean.txt" 2>> "$out/$student/progress.txt"; then
    left=1
    echo "run-class.sh: student $student: clean-up left something: see $out/$student/clean.txt" >&2
  fi
done

for student in $students; do
  echo "$student: $(tail -n 2 "$out/$student/transcript.txt" | head -n 1)"
done
echo "Reports: $out/<student>/report.html; nothing of the class is left$([ "$left" = 0 ] || echo ' — EXCEPT as said above')."
if [ "${#failed[@]}" -gt 0 ]; then
  echo "run-class.sh: failed: ${failed[*]} (see $out/<student>/transcript.txt)" >&2
  exit 1
fi
exit "$left"
