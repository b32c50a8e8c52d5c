#!/usr/bin/env bash
# The beacon gateway ingest worker's own cost per message, without a broker (see docs/BENCHMARKS.md, "Beacon gateway").
# Usage: bench/scripts/beacon-worker-cost.sh [secondsPerPass] [passes] [stores] [zones] [devices]
# Needs: beacon-gateway built (mvn -B -o -pl beacon-gateway -am package -DskipTests).
# Environment: BENCH_JAVA_OPTS (default -Xmx512m), BENCH_GATEWAY_CLASSES as in beacon-flood.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/beacon/target"
mkdir -p "$out/classes"
(cd "$root" && mvn -B -q -o -pl beacon-gateway dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" \
    -Dmdep.includeScope=runtime >/dev/null)
gateway="${BENCH_GATEWAY_CLASSES:-$root/beacon-gateway/target/classes}"
cp="$gateway:$(cat "$out/classpath.txt")"
javac -d "$out/classes" -cp "$cp" $(find "$root/bench/beacon/src" -name '*.java')
echo "gateway classes: $gateway"
echo "load before: $(cat /proc/loadavg)"
java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$out/classes:$cp" dev.beckon.bench.beacon.WorkerCost "$@"
echo "load after:  $(cat /proc/loadavg)"
