#!/usr/bin/env bash
# The whole test suite: installs what the tests need when it is missing (Debian packages: Chromium and
# its driver for the browser tests, CJK fonts for their screenshots, the Mosquitto binary that
# BrokerRestartTest restarts), then runs `mvn verify` (unit, PostgreSQL-backed, HTTP, MQTT, Kafka and
# headless-Chromium tests; PostgreSQL and the MQTT broker come embedded).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v psql >/dev/null || missing+=(postgresql-client)
fc-list 2>/dev/null | grep -qi "wqy\|noto sans cjk" || missing+=(fonts-wqy-zenhei)
[ -x /usr/sbin/mosquitto ] || command -v mosquitto >/dev/null || missing+=(mosquitto)
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

exec mvn -B -ntp verify "$@"
