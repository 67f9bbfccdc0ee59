#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs the local emulators it needs (into
# ~/.cache/clouddemo/emulators), then runs unit tests, emulator integration tests and the CLI
# end-to-end tests. Tests start their own emulator processes on free loopback ports.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

scripts/emulators.sh install localstack ministack moto

# Every listed emulator must be present: a missing one fails the run instead of skipping tests.
export CLOUDDEMO_REQUIRE_EMULATORS="${CLOUDDEMO_REQUIRE_EMULATORS:-localstack,ministack,moto}"
exec mvn -B -ntp verify "$@"
