#!/usr/bin/env bash
# Gateway benchmark: pods created at fixed rates (open loop) straight to pod-service and through api-gateway
# (TLS, a bearer token, its authorization, rate limiter and circuit breaker on the path), in one run, against
# one pod-service and one Redis. Everything listens on 127.0.0.1 and is stopped (by PID) at the end.
#   bench/run-gateway.sh [rates=500,1000,2000] [seconds=10] [warm-up seconds=90, at the first rate]
# SERVER_JAVA_OPTS / GATEWAY_JAVA_OPTS add JVM options to pod-service / api-gateway.
# CLIENT=h2load drives the load with h2load (nghttp2, C) instead of the Java client: the creates are then
# named by the server (generateName) and the client takes a small share of the two cores; its rows are steady
# runs (connections opened first, Redis's AOF rewritten before them; see below).
set -euo pipefail
cd "$(dirname "$0")/.."
RATES=${1:-500,1000,2000}
SECONDS_EACH=${2:-10}
WARMUP=${3:-90}

[ -f pod-service/target/pod-service.jar ] && [ -f api-gateway/target/api-gateway.jar ] && [ -f bench/target/bench.jar ] \
  || ./mvnw -B -q -ntp -DskipTests package

source bench/lib/processes.sh
source bench/lib/gateway.sh
start_redis
API_PORT=$(free_port)
GATEWAY_PORT=$(free_port)

gateway_credentials

# h2load's HTTP/1.1 parser (nghttp2 1.52) fails every response without a reason phrase, which Tomcat never
# sends: with h2load, pod-service also offers cleartext HTTP/2 (prior knowledge), and h2load uses that.
[ "${CLIENT:-java}" = h2load ] && SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:-} -Dserver.http2.enabled=true"
java -Xmx2g ${SERVER_JAVA_OPTS:-} -jar pod-service/target/pod-service.jar --server.address=127.0.0.1 \
  --server.port="$API_PORT" --spring.data.redis.port="$REDIS_PORT" --logging.level.root=WARN \
  >"$WORK/pod-service.log" 2>&1 &
pids+=($!)
SERVER_PID=$!
# shellcheck disable=SC2086
start_gateway api-gateway/target/api-gateway.jar "$GATEWAY_PORT" "$API_PORT" "$WORK/api-gateway.log" ${GATEWAY_JAVA_OPTS:-}
healthy() {
  curl -sf "http://127.0.0.1:$API_PORT/actuator/health" >/dev/null \
    && curl -sf --cacert "$WORK/gateway.crt" "https://127.0.0.1:$GATEWAY_PORT/actuator/health" >/dev/null
}
for _ in $(seq 1 600); do healthy && break; sleep 0.1; done
healthy || { echo "pod-service or api-gateway did not become healthy:" >&2; for log in "$WORK"/*.log; do tail -n 20 "$log" >&2; done; exit 1; }

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "== open-loop creates (${CLIENT:-java} client): rates $RATES/s, $SECONDS_EACH s each, after $WARMUP s at the first rate on each path"
if [ "${CLIENT:-java}" = h2load ]; then
  command -v h2load >/dev/null || apt-get install -y -q nghttp2-client >/dev/null
  RUN=$(date +%s)
  for ns in direct gateway; do
    curl -sf -o /dev/null -H 'content-type: application/json' "http://127.0.0.1:$API_PORT/api/v1/namespaces" \
      -d "{\"metadata\":{\"name\":\"open-$ns-$RUN\"}}"
  done
  # 20 HTTP/2 connections on each path, up to 32 streams on each. h2load counts a request's latency from
  # when it starts, which is when it is due unless all of its connection's streams are busy. Each run opens
  # its connections and sends at the rate for CONNECTED seconds before it measures: the rate is steady then.
  # Counted in, the connections' TLS handshakes and first streams were most of the p99 at 500/s (150 ms).
  CLIENTS=20 CONNECTED=2
  printf '{"apiVersion":"v1","kind":"Pod","metadata":{"generateName":"ol-"},"spec":{"containers":[{"name":"c","image":"busybox"}]}}' \
    >"$WORK/pod.json"
  load() { # path rate seconds log [seconds before measuring]
    local path=$1 rate=$2 seconds=$3 log=$4 warm=${5:-0} url options
    if [ "$path" = direct ]; then
      url="http://127.0.0.1:$API_PORT/api/v1/namespaces/open-direct-$RUN/pods"; options=(-m 32)
    else
      url="https://127.0.0.1:$GATEWAY_PORT/api/v1/namespaces/open-gateway-$RUN/pods"
      options=(-m 32 -H "authorization: Bearer $TOKEN")
    fi
    [ "$warm" -gt 0 ] && options+=(--warm-up-time "$warm")
    h2load -t 1 -c "$CLIENTS" --rps $((rate / CLIENTS)) -D "$seconds" "${options[@]}" \
      -d "$WORK/pod.json" -H 'content-type: application/json' --log-file "$log" "$url" >"$log.out" 2>&1
  }
  for path in direct gateway; do load "$path" "${RATES%%,*}" "$WARMUP" "$WORK/warm-$path.log"; done
  # Redis rewrites its AOF in a child process whenever the file has doubled since the last rewrite. These runs
  # only add pods, so a rewrite used to fall into a measured run, where the child took one of the two cores
  # for ~8 s and both paths stalled for up to a second. The store is rewritten once here, after the warm-up,
  # and the next automatic rewrite is put off to 4x the size (Redis's default: 2x), out of this benchmark's
  # reach; a row still says so if a rewrite overlapped it.
  aof() { redis-cli -p "$REDIS_PORT" info persistence | tr -d '\r' | awk -F: -v f="$1" '$1 == f {print $2}'; }
  redis-cli -p "$REDIS_PORT" config set auto-aof-rewrite-percentage 300 >/dev/null
  redis-cli -p "$REDIS_PORT" bgrewriteaof >/dev/null
  for _ in $(seq 1 600); do
    [ "$(aof aof_rewrite_in_progress)$(aof aof_rewrite_scheduled)" = 00 ] && break
    sleep 0.2
  done
  echo "(CPU: milliseconds of pod-service's and then the gateway's CPU per request, from /proc; in brackets the kernel's share)"
  printf '%-34s %8s %8s %8s %8s %8s %8s %7s\n' "create pod, open loop" rate/s done/s "p50 ms" "p99 ms" "p99.9 ms" \
    "max ms" errors
  ticks() { awk '{print $14+$15, $15}' "/proc/$1/stat"; }
  run=0
  for rate in ${RATES//,/ }; do
    run=$((run + 1))
    for path in direct gateway; do
      server=$(ticks "$SERVER_PID") gateway=$(ticks "$GATEWAY_PID") rewrites=$(aof aof_rewrites)
      out=$WORK/$path-$run
      load "$path" "$rate" "$SECONDS_EACH" "$out.log" "$CONNECTED"
      # The CPU is over everything the run sent, the seconds before measuring too.
      echo "$server $gateway $(ticks "$SERVER_PID") $(ticks "$GATEWAY_PID")" \
        | awk -v n=$((rate * (SECONDS_EACH + CONNECTED))) \
        -v hz="$(getconf CLK_TCK)" '{ ms = 1000 / hz / n
          printf "CPU ms/request: pod-service %.3f (%.0f%%), gateway %.3f (%.0f%%)\n", ($5 - $1) * ms,
            ($5 > $1 ? 100 * ($6 - $2) / ($5 - $1) : 0), ($7 - $3) * ms, ($7 > $3 ? 100 * ($8 - $4) / ($7 - $3) : 0) }' \
        >"$out.cpu"
      label="$path ($(grep -o 'Application protocol: .*' "$out.log.out" | cut -d' ' -f3))"
      [ "$path" = gateway ] && label="gateway (TLS, token, ${label#gateway (}"
      python3 bench/h2load-summary.py "$label" "$rate" "$out.log" "$out.log.out"
      sed 's/^/    /' "$out.cpu"
      [ "$(aof aof_rewrites)$(aof aof_rewrite_in_progress)" = "${rewrites}0" ] \
        || echo "    (Redis rewrote its AOF during this run)"
    done
  done
else
  java -cp bench/target/bench.jar:"$(cat bench/target/classpath.txt)" dev.berth.bench.OpenLoopBenchmark \
    "http://127.0.0.1:$API_PORT" "https://127.0.0.1:$GATEWAY_PORT" "$TOKEN" "$WORK/gateway.crt" \
    "$RATES" "$SECONDS_EACH" "$WARMUP"
fi
# What went wrong inside the gateway, if anything (its log is removed with the work directory).
grep -E " (WARN|ERROR) " "$WORK/api-gateway.log" | grep -v SpringDoc | sed -E 's/^.* (WARN|ERROR) [0-9]+ --- (\[[^]]*\] *)*/\1 /' \
  | cut -c1-220 | sort | uniq -c | sort -rn | head -8 | sed 's/^/== gateway log: /' || true
