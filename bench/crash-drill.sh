#!/usr/bin/env bash
# The crash drill: the packaged jar takes reports at full speed, is killed with kill -9 mid-stream
# and restarted with the same command, DRILL_ROUNDS times; counts lost acknowledged reports and
# duplicates on replayed idempotency keys (both must be 0) and verifies the audit chain.
# Figures: bench/results/crash-drill.txt. Exit status 0 only when every round passes.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl app -DskipTests package
mvn -q -B -Pbench -pl bench -am -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bench/target/classpath.txt"
DRILL_JAR=${DRILL_JAR:-$(ls app/target/civicgrid-*.jar | head -1)} \
  java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" civicgrid.bench.CrashDrill
