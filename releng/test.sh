#!/usr/bin/env bash
# Runs the whole test suite: every OSGi test fragment inside Equinox (tycho-surefire), then the
# system tests that drive the built product (CLI and workbench under Xvfb).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/releng/setup-debian.sh"
# Java needs a UTF-8 locale to handle NFC/NFD file names from camera cards.
export LANG=C.UTF-8 LC_ALL=C.UTF-8
cd "$repo"
exec ./mvnw clean verify "$@"
