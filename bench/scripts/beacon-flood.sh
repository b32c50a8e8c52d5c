#!/usr/bin/env bash
# Beacon gateway throughput and decision latency against a real broker (see docs/BENCHMARKS.md, "Beacon gateway").
# Usage: bench/scripts/beacon-flood.sh [brokerUrl] [seconds] [rate|0=flood] [stores] [zones] [devices]
# Needs: beacon-gateway built (mvn -B -o -pl beacon-gateway -am package -DskipTests) and a broker (Mosquitto) at the URL.
# Environment: BENCH_JAVA_OPTS      the gateway + bare subscriber JVM (default -Xmx512m)
#              BENCH_PUBLISHER_JAVA_OPTS  the publisher's own JVM (default -Xmx1g)
#              BENCH_GATEWAY_CLASSES      gateway classes to measure instead of beacon-gateway/target/classes
#                                         (e.g. a copy of an older build, to alternate before/after runs)
exec "$(dirname "$0")/beacon-run.sh" dev.beckon.bench.beacon.BeaconFlood "$@"
