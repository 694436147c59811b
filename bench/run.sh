#!/usr/bin/env bash
# Runs CivicGrid's benchmarks on this machine and writes the figures to bench/results/.
# Needs the machine's PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) with PostGIS,
# which this script installs from Debian when missing (postgresql-15-postgis-3).
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=bench/results
mkdir -p "$RESULTS"

if ! dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15-postgis-3
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = 'civicgrid_bench'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "create database civicgrid_bench"

# compile only (no repackaging): the benchmarks run against the app's plain classes
mvn -q -B -Pbench -pl bench -am -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bench/target/classpath.txt"
CP="bench/target/classes:$(cat bench/target/classpath.txt)"

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(lscpu | sed -n 's/^Model name: *//p')"
  echo "java: $(java -version 2>&1 | head -1)"; echo "postgresql: $(psql -h 127.0.0.1 -U postgres -tAc 'select version()' | cut -c1-40)"
  echo "postgis: $(psql -h 127.0.0.1 -U postgres -d civicgrid_bench -tAc "select extversion from pg_extension where extname='postgis'" 2>/dev/null || echo 'installed on first run')"
} | tee "$RESULTS/machine.txt"

java -cp "$CP" org.openjdk.jmh.Main "${JMH_INCLUDE:-LocateBenchmark}" -rf json -rff "$RESULTS/locate.json" | tee "$RESULTS/locate.txt"
java -Xmx2g -XX:+UseParallelGC -cp "$CP" civicgrid.bench.TerritoryFootprint | tee "$RESULTS/footprint.txt"
# the closed loop against Flowable, then the queue and the intake over two million open cases
BENCH_THREADS=${BENCH_THREADS:-8} java -Xmx3g -cp "$CP" civicgrid.bench.LoopBenchmark | grep -E "reports/s|machine"
java -Xmx3g -cp "$CP" civicgrid.bench.QueueScaleBenchmark | grep -vE "^\s*$"
java -Xmx3g -cp "$CP" civicgrid.bench.IntakeBenchmark | grep -E "machine|reports/s|texts/s"
java -Xmx3g -cp "$CP" civicgrid.bench.MapPaintBenchmark | grep -E "machine|paint"
java -Xmx1g -cp "$CP" civicgrid.bench.ResponderProposalBenchmark | tee "$RESULTS/responders.txt"
# starting a 20-step plan: every task committed and on the street consoles' streams (writes bench/results/plan-start.txt)
java -Xmx2g -cp "$CP" civicgrid.bench.PlanStartBenchmark | grep -E "plan|committed|streams|yardstick"
java -Xmx3g -cp "$CP" civicgrid.bench.SseFanOutBenchmark | grep -E "consoles|round"
# scorecards of a district over a year of ~2M cases, cold and warm (bench/results/evaluation.txt)
java -Xmx2g -cp "$CP" civicgrid.bench.EvaluationBenchmark | grep -E "loaded|scorecards|machine"
# class discovery over 90 days of a district at ~5,500 cases a day (bench/results/class-discovery.txt)
java -Xmx2g -cp "$CP" civicgrid.bench.ClassDiscoveryBenchmark | grep -E "loaded|discovery|reading|machine"
# grid duty at city scale: one day planned for ~65,000 workers over 10 million residents, register search (bench/results/duty.txt)
java -Xmx2g -cp "$CP" civicgrid.bench.DutyBenchmark | grep -E "machine|setup|plan|search"
bench/start-time.sh | tee "$RESULTS/start-time.txt"
# kill -9 under load and restart, three times: nothing acknowledged lost, no duplicates (bench/results/crash-drill.txt)
bench/crash-drill.sh | grep -E "machine|round|result"
# sensing: 2 million devices in the in-process rule engine; MQTT end to end beside the brokers alone; reading → console
java -Xmx3g -XX:+UseParallelGC -cp "$CP" civicgrid.bench.RuleEngineBenchmark
java -Xmx2g -cp "$CP" civicgrid.bench.SensingMqttBenchmark | grep -vE "^\s*$|WARN|^\s+at "
