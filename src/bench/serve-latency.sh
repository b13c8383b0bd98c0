#!/usr/bin/env bash
# Edit-to-reload latency of `clinicbake serve` on a synthetic site (see ServeLatency.java).
#   bash src/bench/serve-latency.sh 1000 [edits] [article|template]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
exec java --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.base/java.io=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" org.clinicbake.bench.ServeLatency "$@"
