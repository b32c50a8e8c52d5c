#!/usr/bin/env bash
# Beacon gateway throughput and decision latency against a real broker (see docs/BENCHMARKS.md, "Beacon gateway").
# Usage: bench/scripts/beacon-flood.sh [brokerUrl] [seconds] [rate|0=flood] [stores] [zones] [devices]
# Needs: beacon-gateway built (mvn -B -o -pl beacon-gateway -am package -DskipTests) and a broker (Mosquitto) at the URL.
# Environment: BENCH_JAVA_OPTS      the gateway + bare subscriber JVM (default -Xmx512m)
#              BENCH_PUBLISHER_JAVA_OPTS  the publisher's own JVM (default -Xmx1g)
#              BENCH_GATEWAY_CLASSES      gateway classes to measure instead of beacon-gateway/target/classes
#                                         (e.g. a copy of an older build, to alternate before/after runs)
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
java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$out/classes:$cp" dev.beckon.bench.beacon.BeaconFlood "$@"
echo "load after:  $(cat /proc/loadavg)"
