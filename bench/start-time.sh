#!/usr/bin/env bash
# Time from `java -jar` to /actuator/health UP: first start (imports the territory) and a
# restart on the imported database (what an operator sees every morning).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl app -DskipTests package
JAR=$(ls app/target/civicgrid-*.jar | head -1)
DATA=$(mktemp -d)
PORT=18181

start_and_time() {
  local t0 t1
  t0=$(date +%s.%N)
  CIVICGRID_MQTT_EMBEDDED_PORT=0 CIVICGRID_DB_EMBEDDED_DATA_DIR="$DATA/pg" java -jar "$JAR" --server.port=$PORT > "$DATA/app.log" 2>&1 &
  local pid=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q UP; do
    sleep 0.1
    kill -0 $pid 2>/dev/null || { echo "app died, see $DATA/app.log"; exit 1; }
  done
  t1=$(date +%s.%N)
  echo "$1: $(echo "$t1 - $t0" | bc) s to health UP"
  kill $pid; wait $pid 2>/dev/null || true
}

start_and_time "first start (generates and imports the territory)"
start_and_time "restart on the imported database"
start_and_time "restart on the imported database (again)"
rm -rf "$DATA"
