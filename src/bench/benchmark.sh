#!/usr/bin/env bash
# Bakes synthetic sites of the given sizes in fresh JVMs and prints a table (see Benchmark.java).
#   bash src/bench/benchmark.sh 100 1000 10000 [--runs 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" org.clinicbake.bench.Benchmark "$@"
