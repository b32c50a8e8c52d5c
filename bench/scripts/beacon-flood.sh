#!/usr/bin/env bash
# Beacon gateway throughput and decision latency against a real broker (see bench/beacon/RESULTS.md).
# Usage: bench/scripts/beacon-flood.sh [brokerUrl] [seconds] [rate|0=flood] [stores] [zones] [devices]
# Needs: beacon-gateway built (mvn -B -o -pl beacon-gateway package -DskipTests) and a broker (Mosquitto) at the URL.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/beacon/target"
mkdir -p "$out/classes"
(cd "$root" && mvn -B -q -o -pl beacon-gateway dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" \
    -Dmdep.includeScope=runtime >/dev/null)
cp="$root/beacon-gateway/target/classes:$(cat "$out/classpath.txt")"
javac -d "$out/classes" -cp "$cp" $(find "$root/bench/beacon/src" -name '*.java')
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$out/classes:$cp" dev.beckon.bench.beacon.BeaconFlood "$@"
