#!/usr/bin/env bash
# Times `java -jar suite/target/beckon.jar` from launch to /health/ready = 200, on fresh data folders.
# Usage: bench/scripts/boot-time.sh [runs=3] [port=8199]   (build first: mvn -B package -DskipTests)
set -euo pipefail
runs=${1:-3}; port=${2:-8199}
jar=$(cd "$(dirname "$0")/../.." && pwd)/suite/target/beckon.jar
[ -f "$jar" ] || { echo "no $jar: run 'mvn -B package -DskipTests' first" >&2; exit 1; }
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  start=$(date +%s%N)
  ( cd "$dir" && BECKON_MQTT_PORT=$((port + 1000)) exec java -jar "$jar" --port "$port" >boot.log 2>&1 ) &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "run $i: the suite exited; see $dir/boot.log" >&2; exit 1; }
    sleep 0.2
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rss_kb=$(ps -o rss= -p "$(pgrep -f "beckon.jar --port $port" | head -1)")
  echo "run $i: ready in ${ready_ms} ms, RSS $((rss_kb / 1024)) MB, load $(cut -d' ' -f1 /proc/loadavg)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
done
