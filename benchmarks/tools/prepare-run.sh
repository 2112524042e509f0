#!/usr/bin/env bash
# Untimed step before every timed run: PROJECT_DIR's outputs of the previous run go, and the inputs in DATA_DIR are
# read once so that every tool finds them in the page cache.
set -euo pipefail
rm -rf "$1/target/gpg" "$1/target/secure-build" "$1"/target/*.asc
cat "$2"/*.bin > /dev/null
