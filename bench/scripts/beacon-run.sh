#!/usr/bin/env bash
# Compiles bench/beacon against the beacon gateway's classes and runs one of its mains; used by beacon-flood.sh and
# beacon-worker-cost.sh. Usage: bench/scripts/beacon-run.sh <main class> [arguments...]
# Environment: BENCH_JAVA_OPTS (default -Xmx512m), BENCH_GATEWAY_CLASSES (default beacon-gateway/target/classes).
set -euo pipefail
main="$1"
shift
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
java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$out/classes:$cp" "$main" "$@"
echo "load after:  $(cat /proc/loadavg)"
