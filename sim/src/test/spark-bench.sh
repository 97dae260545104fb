#!/usr/bin/env bash
# Benchmark of the Spark engine (not part of the build): the same CPU-bound task list on the local
# engine (1 and 2 threads) and on a loopback Spark standalone cluster (master + 2 workers x 1 core,
# all on 127.0.0.1, from the Maven-resolved Spark jars), for 8, 32 and 128 tasks by default.
#   sim/src/test/spark-bench.sh [TASK_COUNT ...]      (-Dcustomers=N in BENCH_OPTS sets the task size)
set -euo pipefail
cd "$(dirname "$0")/../../.."
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q -pl sim -am test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
# The same JVM flags as the tests (Spark on Java 17), read from sim/pom.xml.
flags="$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' sim/pom.xml)"
# shellcheck disable=SC2086
java -Xmx2g $flags ${BENCH_OPTS:-} \
    -cp "sim/target/test-classes:sim/target/classes:$(cat "$classpath_file")" \
    dev.cowfleet.sim.exec.spark.SparkEngineBenchmark "$@"
