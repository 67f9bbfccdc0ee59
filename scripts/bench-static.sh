#!/usr/bin/env bash
# Benchmark: clouddemo's static-site deploy against the cloud's own sync tool, side by side in one
# run, on the same local emulator: `aws s3 sync` on the AWS emulators, `gcloud storage rsync` on
# fake-gcs-server (Google Cloud Storage). For each site size it generates a site, then for each tool times: the first
# upload, a redeploy with no change, and a redeploy with 10 changed files. Each figure is the
# median of $RUNS runs; each tool is warmed once, untimed, first. Also times `clouddemo --version`
# beside the tool's `--version`, and reports clouddemo's peak memory (maximum resident set size).
#
#   scripts/bench-static.sh [localstack|ministack|moto|fake-gcs-server]      (default localstack)
#
#   SIZES="1000 10000"  site sizes in files (10,000 also gets three 20 MB files)   RUNS=5
#   JAVA_HOME           the JDK clouddemo runs on (the launcher picks its start-up from it)
#
# Prints a Markdown table to paste into docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
emulator=${1:-localstack}
RUNS=${RUNS:-5}
SIZES=${SIZES:-1000 10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

export CLOUDDEMO_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
provider=aws tool="aws s3 sync"
case "$emulator" in
  localstack) port=${CLOUDDEMO_LOCALSTACK_PORT:-4566} ;;
  ministack) port=${CLOUDDEMO_MINISTACK_PORT:-4567} ;;
  moto) port=${CLOUDDEMO_MOTO_PORT:-5000} ;;
  fake-gcs-server) port=${CLOUDDEMO_FAKE_GCS_SERVER_PORT:-4443} provider=gcp tool="gcloud storage rsync" ;;
  *) echo "usage: $0 [localstack|ministack|moto|fake-gcs-server]" >&2; exit 2 ;;
esac
endpoint="http://127.0.0.1:$port"
if [ "$provider" = aws ]; then
  export AWS_ENDPOINT_URL="$endpoint"
  ref_create() { aws s3api create-bucket --bucket "$1" >/dev/null; }
  ref_sync() { aws s3 sync "$1" "s3://$2" --only-show-errors; }
  ref_remove() { aws s3 rb "s3://$1" --force >/dev/null; }
  ref_warm() { aws s3 ls >/dev/null; }
  ref_version() { aws --version; }
else
  # gcloud on the emulator as the tests run it: its own configuration folder, no credentials
  export CLOUDSDK_CONFIG="$work/gcloud" CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE="$endpoint/storage/v1/" \
    CLOUDSDK_AUTH_DISABLE_CREDENTIALS=true CLOUDSDK_CORE_PROJECT=bench CLOUDSDK_CORE_CHECK_GCE_METADATA=false \
    CLOUDSDK_CORE_DISABLE_USAGE_REPORTING=true CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK=true \
    CLOUDSDK_CORE_DISABLE_PROMPTS=true
  ref_create() { gcloud storage buckets create "gs://$1" --quiet >/dev/null 2>&1; }
  ref_sync() { gcloud storage rsync "$1" "gs://$2" --recursive --quiet >/dev/null 2>&1; }
  # (untimed clean-up; fake-gcs-server fails gcloud's recursive removal of the bucket itself)
  ref_remove() { gcloud storage rm "gs://$1/**" --quiet >/dev/null 2>&1 || true; gcloud storage buckets delete "gs://$1" --quiet >/dev/null 2>&1 || true; }
  ref_warm() { gcloud storage buckets list --quiet >/dev/null 2>&1 || true; }
  ref_version() { gcloud --version; }
fi
scripts/emulators.sh start "$emulator" >&2   # reuses it when already running; left running afterwards

scripts/clouddemo --version >/dev/null   # builds the distribution if needed, outside the timings

now() { date +%s%N; }
elapsed() { echo "scale=3; ($2 - $1) / 1000000000" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A t

make_site() { # files → $work/site-<files>
  local files=$1 site="$work/site-$1" i f
  mkdir -p "$site/assets" "$site/pages"
  echo '<!doctype html><title>bench</title><h1>bench</h1>' > "$site/index.html"
  for i in $(seq 1 $((files - 1))); do
    if (( i % 3 == 0 )); then f="$site/assets/file-$i.css"; else f="$site/pages/page-$i.html"; fi
    head -c $(( (i % 7 + 1) * 1024 )) /dev/urandom | base64 > "$f"
  done
  if (( files >= 10000 )); then
    for i in 1 2 3; do head -c $((20 * 1024 * 1024)) /dev/urandom > "$site/assets/video-$i.bin"; done
  fi
  echo "$site"
}
touch_ten() { for i in 3 6 9 12 15 18 21 24 27 30; do echo "/* changed $2 */" >> "$1/assets/file-$i.css"; done; }
deploy() { scripts/clouddemo deploy -p "$provider" -m static --local --env "$1" --source "$2" >/dev/null 2>&1; }
peak_kb() { # the maximum resident set size of one clouddemo deploy, in KB
  /usr/bin/time -f %M -o "$work/rss" scripts/clouddemo deploy -p "$provider" -m static --local --env "$1" --source "$2" >/dev/null 2>&1
  tail -1 "$work/rss"
}

wait_for_archive() { # the launcher writes its start-up archive in the background after a first deploy
  local i f
  for i in $(seq 1 600); do
    for f in "$XDG_CACHE_HOME"/clouddemo/cds/*.jsa "$XDG_CACHE_HOME"/clouddemo/cds/*.aot; do
      if [ -f "$f" ]; then return; fi
    done
    sleep 0.2
  done
  echo "bench-static: no start-up archive after 120 s: timing without one" >&2
}

bench_size() {
  local files=$1 site run env s e bucket
  site=$(make_site "$files")
  # warm each tool once, untimed (the launcher records its start-up archive on a first deploy)
  deploy "bench-warm-$files" "$site"; scripts/clouddemo destroy --env "bench-warm-$files" --yes >/dev/null 2>&1
  wait_for_archive
  ref_warm
  for run in $(seq 1 "$RUNS"); do
    env="bench-$files-$run"
    s=$(now); deploy "$env" "$site"; e=$(now); t[cd_first_$files]+="$(elapsed "$s" "$e") "
    s=$(now); deploy "$env" "$site"; e=$(now); t[cd_none_$files]+="$(elapsed "$s" "$e") "
    touch_ten "$site" "cd-$run"
    s=$(now); deploy "$env" "$site"; e=$(now); t[cd_ten_$files]+="$(elapsed "$s" "$e") "
    t[cd_rss_$files]+="$(peak_kb "$env" "$site") "
    scripts/clouddemo destroy --env "$env" --yes >/dev/null 2>&1

    bucket="bench-sync-$files-$run-$RANDOM"
    ref_create "$bucket"
    s=$(now); ref_sync "$site" "$bucket"; e=$(now); t[ref_first_$files]+="$(elapsed "$s" "$e") "
    s=$(now); ref_sync "$site" "$bucket"; e=$(now); t[ref_none_$files]+="$(elapsed "$s" "$e") "
    touch_ten "$site" "ref-$run"
    s=$(now); ref_sync "$site" "$bucket"; e=$(now); t[ref_ten_$files]+="$(elapsed "$s" "$e") "
    ref_remove "$bucket"
  done
  rm -rf "$site"
}

for files in $SIZES; do bench_size "$files"; done
for run in $(seq 1 "$RUNS"); do
  s=$(now); "$root"/scripts/clouddemo --version >/dev/null; e=$(now); t[cd_version]+="$(elapsed "$s" "$e") "
  s=$(now); ref_version >/dev/null 2>&1; e=$(now); t[ref_version]+="$(elapsed "$s" "$e") "
done

m() { tr ' ' '\n' <<<"${t[$1]}" | grep -v '^$' | median; }
most() { tr ' ' '\n' <<<"${t[$1]}" | grep -v '^$' | sort -n | tail -1; }
ratio() { echo "scale=2; $(m "$1") / $(m "$2")" | bc; }
java_used=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)
echo "Emulator: $emulator ($endpoint); median of $RUNS runs; $(nproc) cores; $java_used; $(ref_version 2>&1 | head -1); $(date -u +%F)"
echo
echo "| site | step | clouddemo (s) | $tool (s) | ratio |"
echo "|---|---|---|---|---|"
for files in $SIZES; do
  echo "| $files files | first upload | $(m cd_first_$files) | $(m ref_first_$files) | $(ratio cd_first_$files ref_first_$files) |"
  echo "| | no change | $(m cd_none_$files) | $(m ref_none_$files) | $(ratio cd_none_$files ref_none_$files) |"
  echo "| | 10 changed | $(m cd_ten_$files) | $(m ref_ten_$files) | $(ratio cd_ten_$files ref_ten_$files) |"
  echo "| | clouddemo peak memory | $(( $(most cd_rss_$files) / 1024 )) MB | | |"
done
echo "| — | \`--version\` | $(m cd_version) | $(m ref_version) | $(ratio cd_version ref_version) |"
