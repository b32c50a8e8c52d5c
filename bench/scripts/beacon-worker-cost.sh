#!/usr/bin/env bash
# The beacon gateway ingest worker's own cost per message, without a broker (see docs/BENCHMARKS.md, "Beacon gateway").
# Usage: bench/scripts/beacon-worker-cost.sh [secondsPerPass] [passes] [stores] [zones] [devices]
# Needs: beacon-gateway built (mvn -B -o -pl beacon-gateway -am package -DskipTests).
# Environment: BENCH_JAVA_OPTS (default -Xmx512m), BENCH_GATEWAY_CLASSES as in beacon-flood.sh.
exec "$(dirname "$0")/beacon-run.sh" dev.beckon.bench.beacon.WorkerCost "$@"
