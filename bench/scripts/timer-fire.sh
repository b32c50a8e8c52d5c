#!/usr/bin/env bash
# Issue 4's speed target: N pending timers (abandoned-checkout runs waiting on their SMS step) in PostgreSQL, then
# fire them through the engine as the suite drives it, to a local Twilio stand-in. Drops its schema at the end.
# Usage: bench/scripts/timer-fire.sh [key=value ...]   e.g. count=50000   count=1000000 ramp=2000   workers=2
#   keys: count url user shops ramp passes batch poll workers pool keep chunk stall for (see MillionTimers' Javadoc)
# BENCH_JAVA_OPTS adds JVM options, e.g. BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/t.jfr
# Build first: mvn -B -pl bench -am install -DskipTests  (the engine runs from proactive-engine/target/classes;
# PostgreSQL at 127.0.0.1:5432, database test, trust auth)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cp="$root/bench/target/classes:$root/proactive-engine/target/classes:$(cat "$root/bench/target/classpath.txt")"
exec java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "$cp" dev.beckon.bench.timers.MillionTimers "$@"
