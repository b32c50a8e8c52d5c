#!/usr/bin/env bash
# Range-serving throughput and latency of Beckon's video streaming code next to nginx serving the same 720p MP4
# in the same run (nginx is the ceiling; target >= 0.7x its throughput), plus the wall time of the upload transcode
# and of the burned-in render of a 20 s 720p clip, with Beckon's own ffmpeg commands.
#
# Beckon side: RangeRequest + ResponseHeaders + LocalFileStorage (the classes the suite's /v/{token}/video.mp4
# endpoint uses) on the JDK's HTTP server, without Payara/JAX-RS around them.
# With SUITE=1 also the real endpoint: the suite (suite/target/beckon.jar, Payara Micro) is started, the clip is
# uploaded through the merchant API, transcoded, linked, and /v/{token}/video.mp4 is loaded like the others.
# Needs: a JDK 17, ffmpeg and nginx (Debian packages), and the module built: mvn -B -pl video-messages -am package -DskipTests
# (SUITE=1: mvn -B install -DskipTests, which builds suite/target/beckon.jar)
#
# Usage: bench/scripts/video-range.sh [clients=16] [seconds=15] [chunk_bytes=262144]
#        ENCODE_RUNS=1 bench/scripts/video-range.sh   (fewer timed encodes; the first one also makes the served file)
#        ROUNDS=4 ...   (rounds of every server, default 2)
#        SUITE=1 ENCODE_RUNS=1 bench/scripts/video-range.sh 8 10   (adds the suite's own endpoint)
#        SUITE_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/suite.jfr' SUITE=1 ...   (JVM options of the suite only)
#        ACCEL=1 SUITE=1 ENCODE_RUNS=1 bench/scripts/video-range.sh   (the suite behind the front nginx of
#          docs/VIDEO-FRONT-NGINX.md, run from docs/nginx/beckon-video-front.conf: the suite checks a token at most
#          every 5 s, nginx sends the bytes; beckon.video.accel-redirect; adds a "front" row)
set -euo pipefail
CLIENTS=${1:-16}
SECONDS_PER_RUN=${2:-15}
CHUNK=${3:-262144}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CLASSES="$ROOT/video-messages/target/classes"
LOAD="$ROOT/bench/src/main/java/dev/beckon/bench/video/VideoRangeLoad.java"
[ -d "$CLASSES/dev/beckon/video/streaming" ] || { echo "build first: mvn -B -pl video-messages -am package -DskipTests" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "ffmpeg missing (apt-get install ffmpeg)" >&2; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx missing (apt-get install nginx)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/beckon-video-bench.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(ffmpeg -version | head -1 | cut -d' ' -f1-3), $($NGINX -v 2>&1)"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# A realistic "upload": 20 s 1280x720 30 fps with motion and noise, ~8 Mbit/s, and a tone.
ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=duration=20:size=1280x720:rate=30,noise=alls=12:allf=t" \
  -f lavfi -i "sine=frequency=440:duration=20" -c:v libx264 -preset veryfast -b:v 8M -pix_fmt yuv420p \
  -c:a aac -shortest "$WORK/upload.mp4"

cat > "$WORK/EncodeTiming.java" <<'JAVA'
import dev.beckon.video.transcode.FfmpegCommand;
import dev.beckon.video.transcode.ProcessRunner;
import dev.beckon.video.transcode.SystemProcessRunner;
import dev.beckon.video.upload.VideoContainer;
import java.nio.file.*;
import java.time.Duration;

public class EncodeTiming {
    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        FfmpegCommand.Builder b = FfmpegCommand.using(Path.of("/usr/bin/ffmpeg"), Duration.ofMinutes(10));
        Files.writeString(dir.resolve("name.txt"), "Thank you, Zoë!");
        FfmpegCommand[] commands = {
            b.webSafeMp4(dir.resolve("upload.mp4"), VideoContainer.MP4, dir.resolve("web.mp4"), Duration.ofMinutes(3)),
            b.personalised(dir.resolve("web.mp4"), dir.resolve("name.txt"),
                Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"), dir.resolve("render.mp4"))};
        for (int run = 1; run <= Integer.parseInt(a[1]); run++) {
            for (FfmpegCommand c : commands) {
                long t = System.nanoTime();
                ProcessRunner.Outcome o = new SystemProcessRunner().run(c.args(), Duration.ofMinutes(5));
                double s = (System.nanoTime() - t) / 1e9;
                System.out.printf("encode=%s run=%d wall_s=%.2f outcome=%s bytes=%d%n", c.purpose(), run, s,
                    o instanceof ProcessRunner.Exited e ? "exit " + e.exitCode() : "killed", Files.size(c.output()));
            }
        }
    }
}
JAVA
echo "== transcode (upload -> web-safe 720p MP4) and burned-in render, 20 s 720p, Beckon's commands"
java -cp "$CLASSES" "$WORK/EncodeTiming.java" "$WORK" "${ENCODE_RUNS:-3}"
echo "== load after encodes: $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$WORK/www"
cp "$WORK/web.mp4" "$WORK/www/video.mp4"
SIZE=$(stat -c %s "$WORK/www/video.mp4")

cat > "$WORK/RangeServer.java" <<'JAVA'
import com.sun.net.httpserver.*;
import dev.beckon.video.storage.*;
import dev.beckon.video.streaming.*;
import java.io.*;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.file.*;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;

public class RangeServer {
    public static void main(String[] a) throws Exception {
        LocalFileStorage storage = LocalFileStorage.at(Path.of(a[0]));
        PutOutcome.Stored stored;
        try (InputStream in = Files.newInputStream(Path.of(a[1]))) {
            stored = (PutOutcome.Stored) storage.put(in, Long.MAX_VALUE);
        }
        Representation video = new Representation(stored.size(), EntityTag.strong(stored.sha256()), Instant.now());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(a[2])), 256);
        server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(a[3])));
        server.createContext("/video.mp4", exchange -> {
            try (exchange) {
                Headers rq = exchange.getRequestHeaders();
                HttpMethod method = "HEAD".equals(exchange.getRequestMethod()) ? HttpMethod.HEAD : HttpMethod.GET;
                RangeDecision d = new RangeRequest(method, rq.getFirst("Range"), rq.getFirst("If-Range")).evaluate(video);
                Headers rs = exchange.getResponseHeaders();
                ResponseHeaders.of(d, video).forEach((k, v) -> { if (!k.equals(ResponseHeaders.CONTENT_LENGTH)) rs.set(k, v); });
                rs.set("Content-Type", "video/mp4");
                boolean body = method.sendsContent() && d.contentLength() > 0;
                exchange.sendResponseHeaders(d.status(), body ? d.contentLength() : -1);
                if (body) {
                    long start = d instanceof RangeDecision.Partial p ? p.start() : 0;
                    try (VideoSlice slice = storage.open(stored.key(), start, d.contentLength()).orElseThrow();
                         OutputStream out = exchange.getResponseBody()) {
                        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(256 * 1024);
                        while (slice.channel().read(buffer.clear()) > 0) {
                            out.write(buffer.array(), 0, buffer.position());
                        }
                    } catch (IOException clientWentAway) {
                        // a cancelled seek
                    }
                }
            }
        });
        server.start();
        System.out.println("ready");
    }
}
JAVA
BECKON_PORT=$(free_port)
java -Xmx256m -cp "$CLASSES" "$WORK/RangeServer.java" "$WORK/store" "$WORK/www/video.mp4" "$BECKON_PORT" 32 \
  > "$WORK/beckon.log" 2>&1 &
PIDS+=($!)

NGINX_PORT=$(free_port)
SUITE_PORT=$(free_port)
FRONT_PORT=$(free_port)
ACCEL_PREFIX=/beckon-video-files
FRONT_SERVER=""
if [ "${ACCEL:-0}" = 1 ]; then
  # the front server of docs/VIDEO-FRONT-NGINX.md (docs/nginx/beckon-video-front.conf), pointed at the suite below
  # and its storage root: nginx asks the suite about a token at most every 5 s and sends every range itself
  FRONT_SERVER=$(sed -e "s|@LISTEN@|127.0.0.1:$FRONT_PORT|; s|@BECKON@|127.0.0.1:$SUITE_PORT|; s|@OBJECTS@|$WORK/suite/data/videos/objects|g; s|@CACHE@|$WORK/nginx/checks|" \
    "$ROOT/docs/nginx/beckon-video-front.conf")
fi
mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx/nginx.conf" <<CONF
user $(id -un) $(id -gn);
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { video/mp4 mp4; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
$FRONT_SERVER
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' 2>"$WORK/nginx/logs/stderr.log" &
PIDS+=($!)

for i in $(seq 1 100); do grep -q ready "$WORK/beckon.log" 2>/dev/null && break; sleep 0.2; done
for i in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/video.mp4" && break; sleep 0.2; done
SUITE_URL=""
if [ "${SUITE:-0}" = 1 ]; then
  [ -f "$ROOT/suite/target/beckon.jar" ] || { echo "build the suite first: mvn -B install -DskipTests" >&2; exit 1; }
  ADMIN="bench-operator-token-$RANDOM$RANDOM$RANDOM"
  mkdir -p "$WORK/suite"
  if [ "${ACCEL:-0}" = 1 ]; then export BECKON_VIDEO_ACCEL_REDIRECT=$ACCEL_PREFIX; fi
  ( cd "$WORK/suite" && BECKON_ADMIN_TOKEN=$ADMIN BECKON_DATA_DIR="$WORK/suite/data" BECKON_MQTT_PORT=$(free_port) \
      exec java ${SUITE_JAVA_OPTS:-} -jar "$ROOT/suite/target/beckon.jar" --port "$SUITE_PORT" >server.log 2>&1 ) &
  PIDS+=($!)
  for i in $(seq 1 360); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SUITE_PORT/health/ready")" = 200 ] && break
    sleep 0.5
  done
  json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
  SHOP=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d '{"platform":"shopify","domain":"bench.myshopify.com","webhookSecret":"bench"}' "http://127.0.0.1:$SUITE_PORT/api/shops")
  SHOP_ID=$(echo "$SHOP" | json id); KEY=$(echo "$SHOP" | json apiKey)
  API="http://127.0.0.1:$SUITE_PORT/api/shops/$SHOP_ID"
  VIDEO_ID=$(curl -sf -H "Authorization: Bearer $KEY" -F "file=@$WORK/upload.mp4;type=video/mp4" "$API/videos" | json id)
  for i in $(seq 1 240); do
    [ "$(curl -sf -H "Authorization: Bearer $KEY" "$API/videos/$VIDEO_ID" | json state)" = ready ] && break
    sleep 0.5
  done
  TOKEN=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{"firstName":"Zoë"}' \
    "$API/videos/$VIDEO_ID/links" | json token)
  SUITE_URL="http://127.0.0.1:$SUITE_PORT/v/$TOKEN/video.mp4"
  if [ "${ACCEL:-0}" = 1 ]; then
    # the suite itself answers with no body now: only the front server serves the video
    FRONT_URL="http://127.0.0.1:$FRONT_PORT/v/$TOKEN/video.mp4"
    SUITE_URL=""
  fi
  SUITE_SIZE=$(curl -sI "${FRONT_URL:-$SUITE_URL}" | tr -d '\r' | awk 'tolower($1)=="content-length:" {print $2}')
  echo "== suite: Payara Micro on port $SUITE_PORT, its own transcode of the upload is $SUITE_SIZE bytes"
  if [ -n "${FRONT_URL:-}" ]; then
    # through the front server, the bytes must be the suite's stored transcode, range for range
    curl -s -H 'Range: bytes=1000000-1262143' "$FRONT_URL" -o "$WORK/front.part"
    python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); f=open(sys.argv[2],"rb"); f.seek(1000000); sys.exit(0 if d==f.read(262144) else 1)' \
      "$WORK/front.part" "$(find "$WORK/suite/data/videos/objects" -type f -size "${SUITE_SIZE}c" | head -1)" \
      || { echo "front server answered other bytes than the stored file" >&2; exit 1; }
    echo "== front: nginx on port $FRONT_PORT, X-Accel-Redirect to $ACCEL_PREFIX/ (a 256 KiB range matched the stored file)"
    # a token Beckon does not know is Beckon's own 404 page through the front server, never a file
    BAD=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$FRONT_PORT/v/no-such-token/video.mp4")
    [ "$BAD" = 404 ] || { echo "front server answered $BAD for an unknown token (expected 404)" >&2; exit 1; }
    echo "== front headers: $(curl -s -D - -o /dev/null -H 'Range: bytes=0-1' "$FRONT_URL" | tr -d '\r' | grep -i -E '^(HTTP|content-range|content-type|cache-control|x-robots|x-accel)' | tr '\n' ' ')"
  fi
fi

echo "== probe: Beckon $(curl -s -o /dev/null -w '%{http_code} %{size_download}B' -H 'Range: bytes=0-1' "http://127.0.0.1:$BECKON_PORT/video.mp4"), nginx $(curl -s -o /dev/null -w '%{http_code} %{size_download}B' -H 'Range: bytes=0-1' "http://127.0.0.1:$NGINX_PORT/video.mp4")"

echo "== range load: $CLIENTS clients, ${SECONDS_PER_RUN}s each (after 2 s warm-up), ${CHUNK}-byte random ranges of a $SIZE-byte file"
for round in $(seq 1 "${ROUNDS:-2}"); do
  echo "beckon round=$round $(java "$LOAD" "http://127.0.0.1:$BECKON_PORT/video.mp4" "$SIZE" "$CLIENTS" "$SECONDS_PER_RUN" "$CHUNK") load=$(cut -d' ' -f1 /proc/loadavg)"
  echo "nginx  round=$round $(java "$LOAD" "http://127.0.0.1:$NGINX_PORT/video.mp4" "$SIZE" "$CLIENTS" "$SECONDS_PER_RUN" "$CHUNK") load=$(cut -d' ' -f1 /proc/loadavg)"
  if [ -n "$SUITE_URL" ]; then
    echo "suite  round=$round $(java "$LOAD" "$SUITE_URL" "$SUITE_SIZE" "$CLIENTS" "$SECONDS_PER_RUN" "$CHUNK") load=$(cut -d' ' -f1 /proc/loadavg)"
  fi
  if [ -n "${FRONT_URL:-}" ]; then
    echo "front  round=$round $(java "$LOAD" "$FRONT_URL" "$SUITE_SIZE" "$CLIENTS" "$SECONDS_PER_RUN" "$CHUNK") load=$(cut -d' ' -f1 /proc/loadavg)"
  fi
done
