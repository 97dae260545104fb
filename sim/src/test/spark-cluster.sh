#!/usr/bin/env bash
# A real multi-process run of cowfleet on Spark, on this machine only: a Spark standalone master and two
# one-core workers bound to 127.0.0.1 (separate JVMs started from the Maven-resolved Spark jars; no Spark
# download, SPARK_HOME is a temporary directory), then the same cowfleet command with --engine spark
# against spark://127.0.0.1:PORT (cowfleet.jar shipped to the executors) and with --engine local; the
# machine-readable outputs (*.json but run-info.json, *.csv) must be byte-identical. The cluster is
# stopped on every exit, and each daemon lives at most 15 minutes whatever happens.
#   sim/src/test/spark-cluster.sh [COWFLEET ARGS...]
#   default: sweep scenarios/recycling.yaml --vary host.workers=32,40 --replications 2
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ "$#" -eq 0 ]; then
  set -- sweep scenarios/recycling.yaml --vary host.workers=32,40 --replications 2
fi
work="$(mktemp -d)"
pids=()
stop_cluster() {
  status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done   # timeout passes TERM on to java
  for _ in $(seq 30); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  if [ "$status" != 0 ]; then tail -n 20 "$work"/*.log 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop_cluster EXIT

echo "building cowfleet.jar and resolving Spark's class path" >&2
mvn -B -q -pl sim -am package -DskipTests \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/all.cp"
# Third-party jars only (what a Spark installation's jars/ holds); cowfleet's own code is not on the cluster.
spark_cp="$(tr ':' '\n' < "$work/all.cp" | grep -v '/target/' | paste -sd: -)"
flags="$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' sim/pom.xml)"

mkdir -p "$work/home/jars"
export SPARK_HOME="$work/home" SPARK_SCALA_VERSION=2.13 SPARK_DIST_CLASSPATH="$spark_cp"
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1

daemon() { # LOG [-Dprop=value ...] MAINCLASS ARGS...
  local log="$1"; shift
  # shellcheck disable=SC2086
  timeout --kill-after=10 900 java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 $flags \
      -cp "$spark_cp" "$@" > "$log" 2>&1 &
  pids+=("$!")
}
await() { # LOG PATTERN WHAT
  for _ in $(seq 900); do
    if grep -qE "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "$3 did not come up within 3 minutes" >&2
  return 1
}

# No REST submission server: it would take the fixed port 6066.
daemon "$work/master.log" -Dspark.master.rest.enabled=false org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port 0 --webui-port 0
await "$work/master.log" 'Starting Spark master at spark://' "the Spark master"
master="$(grep -oE 'spark://127\.0\.0\.1:[0-9]+' "$work/master.log" | head -n 1)"
for i in 1 2; do
  mkdir -p "$work/worker-$i"
  daemon "$work/worker-$i.log" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 \
      --webui-port 0 --cores 1 --memory 1g --work-dir "$work/worker-$i" "$master"
done
for i in 1 2; do await "$work/worker-$i.log" 'Successfully registered with master' "Spark worker $i"; done
echo "cluster up at $master" >&2

outputs() { (cd "$1" && find . -type f \( -name '*.json' -o -name '*.csv' \) ! -name run-info.json | sort); }
start=$SECONDS
# shellcheck disable=SC2086
timeout 900 java $flags -Dspark.executor.memory=512m -cp "sim/target/cowfleet.jar:$spark_cp" \
    dev.cowfleet.sim.cli.Main "$@" --engine spark --spark-master "$master" --out "$work/spark" --quiet
spark_seconds=$((SECONDS - start))
start=$SECONDS
timeout 900 java -jar sim/target/cowfleet.jar "$@" --engine local --threads 2 --out "$work/local" --quiet
local_seconds=$((SECONDS - start))

diff <(outputs "$work/local") <(outputs "$work/spark")
files="$(outputs "$work/local")"
[ -n "$files" ] || { echo "the command wrote no *.json or *.csv to compare" >&2; exit 1; }
while IFS= read -r file; do cmp "$work/local/$file" "$work/spark/$file"; done <<< "$files"
echo "byte-identical: $(wc -l <<< "$files") files ($(paste -sd' ' <<< "$files")); spark ${spark_seconds} s, local ${local_seconds} s"
