#!/usr/bin/env bash
# Benchmark: clouddemo's static-site deploy against `aws s3 sync`, side by side in one run, on the
# same local emulator. Generates a 1,000-file site, then for each tool times: the first upload, a
# redeploy with no change, and a redeploy with 10 changed files. Each figure is the median of
# $RUNS runs. Also times `clouddemo --version` beside `aws --version`.
#
#   scripts/bench-static.sh [localstack|ministack|moto]      (default localstack)
#
# Prints a Markdown table to paste into docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
emulator=${1:-localstack}
RUNS=${RUNS:-3}
FILES=${FILES:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

export CLOUDDEMO_HOME="$work/state"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
case "$emulator" in
  localstack) port=${CLOUDDEMO_LOCALSTACK_PORT:-4566} ;;
  ministack) port=${CLOUDDEMO_MINISTACK_PORT:-4567} ;;
  moto) port=${CLOUDDEMO_MOTO_PORT:-5000} ;;
  *) echo "usage: $0 [localstack|ministack|moto]" >&2; exit 2 ;;
esac
endpoint="http://127.0.0.1:$port"
export AWS_ENDPOINT_URL="$endpoint"
scripts/emulators.sh start "$emulator" >&2   # reuses it when already running; left running afterwards

scripts/clouddemo --version >/dev/null   # builds the distribution if needed, outside the timings

site="$work/site"
mkdir -p "$site/assets" "$site/pages"
echo '<!doctype html><title>bench</title><h1>bench</h1>' > "$site/index.html"
for i in $(seq 1 $((FILES - 1))); do
  if (( i % 3 == 0 )); then f="$site/assets/file-$i.css"; else f="$site/pages/page-$i.html"; fi
  head -c $(( (i % 7 + 1) * 1024 )) /dev/urandom | base64 > "$f"
done

# one untimed run first: it records the launcher's AppCDS archive, as any first run on a machine does
scripts/clouddemo plan -p aws -m static --local --env bench-warm --source "$site" >/dev/null 2>&1 || true

now() { date +%s%N; }
elapsed() { echo "scale=3; ($2 - $1) / 1000000000" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
touch_ten() { for i in 3 6 9 12 15 18 21 24 27 30; do echo "/* changed $1 */" >> "$site/assets/file-$i.css"; done; }

declare -A t
for run in $(seq 1 "$RUNS"); do
  env="bench-$run"
  s=$(now); scripts/clouddemo deploy -p aws -m static --local --env "$env" --source "$site" >/dev/null 2>&1; e=$(now)
  t[cd_first]+="$(elapsed "$s" "$e") "
  s=$(now); scripts/clouddemo deploy -p aws -m static --local --env "$env" --source "$site" >/dev/null 2>&1; e=$(now)
  t[cd_none]+="$(elapsed "$s" "$e") "
  touch_ten "cd-$run"
  s=$(now); scripts/clouddemo deploy -p aws -m static --local --env "$env" --source "$site" >/dev/null 2>&1; e=$(now)
  t[cd_ten]+="$(elapsed "$s" "$e") "
  scripts/clouddemo destroy --env "$env" --yes >/dev/null 2>&1

  bucket="bench-sync-$run-$RANDOM"
  aws s3api create-bucket --bucket "$bucket" >/dev/null
  s=$(now); aws s3 sync "$site" "s3://$bucket" --only-show-errors; e=$(now)
  t[aws_first]+="$(elapsed "$s" "$e") "
  s=$(now); aws s3 sync "$site" "s3://$bucket" --only-show-errors; e=$(now)
  t[aws_none]+="$(elapsed "$s" "$e") "
  touch_ten "aws-$run"
  s=$(now); aws s3 sync "$site" "s3://$bucket" --only-show-errors; e=$(now)
  t[aws_ten]+="$(elapsed "$s" "$e") "
  aws s3 rb "s3://$bucket" --force >/dev/null
done

for run in $(seq 1 "$RUNS"); do
  s=$(now); "$root"/scripts/clouddemo --version >/dev/null; e=$(now); t[cd_version]+="$(elapsed "$s" "$e") "
  s=$(now); aws --version >/dev/null 2>&1; e=$(now); t[aws_version]+="$(elapsed "$s" "$e") "
done

m() { tr ' ' '\n' <<<"${t[$1]}" | grep -v '^$' | median; }
ratio() { echo "scale=2; $(m "$1") / $(m "$2")" | bc; }
cat <<TABLE
Emulator: $emulator ($endpoint); $FILES files; median of $RUNS runs; $(nproc) cores; $(date -u +%F)

| step | clouddemo (s) | aws s3 sync (s) | ratio |
|---|---|---|---|
| first upload | $(m cd_first) | $(m aws_first) | $(ratio cd_first aws_first) |
| redeploy, no change | $(m cd_none) | $(m aws_none) | $(ratio cd_none aws_none) |
| redeploy, 10 files changed | $(m cd_ten) | $(m aws_ten) | $(ratio cd_ten aws_ten) |
| \`--version\` start-up | $(m cd_version) | $(m aws_version) | $(ratio cd_version aws_version) |
TABLE
