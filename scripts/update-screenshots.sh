#!/bin/sh
# Copies the screenshots of the last browser-test run (app/target/screenshots, written by
# `mvn verify`) over the ones the README shows (docs/screenshots). Run it on purpose, then commit.
set -eu
cd "$(dirname "$0")/.."
if ! ls app/target/screenshots/*.png >/dev/null 2>&1; then
    echo "No screenshots in app/target/screenshots: run the browser tests first (mvn verify)." >&2
    exit 1
fi
cp app/target/screenshots/*.png docs/screenshots/
echo "Copied $(ls app/target/screenshots/*.png | wc -l) screenshots to docs/screenshots/."
