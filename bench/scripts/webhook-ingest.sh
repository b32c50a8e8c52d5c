#!/usr/bin/env bash
# Webhook-ingest load: Beckon's /webhooks/shopify/{shop} (signature, mapping, durable inbox with dedup) next to a bare
# JAX-RS endpoint deployed in the same Payara Micro (the ceiling). Loopback only, bounded in count and time.
# Usage: bench/scripts/webhook-ingest.sh [requests=20000] [concurrency=16] [shops=20]
# Build first: mvn -B package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
requests=${1:-20000}; concurrency=${2:-16}; shops=${3:-20}; port=8299
cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
java -cp "$cp" dev.beckon.bench.ingest.BareWar "$root/bench/target/bare.war" >/dev/null
dir=$(mktemp -d); token="bench-operator-token-$RANDOM$RANDOM"
( cd "$dir" && BECKON_ADMIN_TOKEN=$token BECKON_MQTT_PORT=$((port + 1000)) exec java -jar "$root/suite/target/beckon.jar" \
    --port "$port" --deploy "$root/bench/target/bare.war" >server.log 2>&1 ) &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
  kill -0 $pid 2>/dev/null || { echo "the suite exited; see $dir/server.log" >&2; exit 1; }
  sleep 0.5
done
run() { java -cp "$cp" dev.beckon.bench.ingest.WebhookIngestLoad base="http://127.0.0.1:$port" token="$token" \
          requests="$requests" concurrency="$concurrency" shops="$shops" "$@"; }
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
for warm in 1 2; do             # warm the server up on both paths, twice (the JIT compiles each; steady state is
  run target=bare >/dev/null    # what is compared)
  run target=beckon >/dev/null
done
run target=bare
run target=beckon
run target=bare
run target=beckon
run target=beckon journeys=off
