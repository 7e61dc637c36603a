#!/usr/bin/env bash
# API benchmark: pod-service create/get/update/list/watch figures beside raw redis-benchmark SET/GET on the
# same Redis, in one run. Everything listens on 127.0.0.1 and is stopped (by PID) at the end.
#   bench/run-api.sh [objects=5000] [clients=16] [watchers=1000]
# SERVER_JAVA_OPTS and then API_JAVA_OPTS add JVM options to pod-service (bench/profile-api.sh records a JFR
# profile with the first);
# POD_SERVICE_JAR runs another build (an earlier commit's, for a before/after); WARMUP_SECONDS (120);
# WRK_SECONDS (20): each wrk row's duration.
set -euo pipefail
cd "$(dirname "$0")/.."
OBJECTS=${1:-5000}
CLIENTS=${2:-16}
WATCHERS=${3:-1000}

[ -f pod-service/target/pod-service.jar ] && [ -f bench/target/bench.jar ] || ./mvnw -B -q -ntp -DskipTests package

source bench/lib/processes.sh
# The same durability for both measurements: the Redis-benchmark baseline runs on the API's own Redis.
start_redis
API_PORT=$(free_port)

command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null

java -Xmx2g ${SERVER_JAVA_OPTS:-} ${API_JAVA_OPTS:-} -jar "${POD_SERVICE_JAR:-pod-service/target/pod-service.jar}" --server.address=127.0.0.1 --server.port="$API_PORT" \
  --spring.data.redis.port="$REDIS_PORT" --logging.level.root=WARN >"$WORK/pod-service.log" 2>&1 &
pids+=($!)
SERVER_PID=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$API_PORT/actuator/health" >/dev/null && break; sleep 0.1; done

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "== baseline: redis-benchmark on the same Redis ($CLIENTS clients, 100000 requests, 1 KiB values)"
redis-benchmark -h 127.0.0.1 -p "$REDIS_PORT" -c "$CLIENTS" -n 100000 -d 1024 -t set,get --csv \
  | tr -d '"' | awk -F, 'NR==1{printf "%-34s %10s %10s %10s\n","operation","ops/s","p50 ms","p99 ms"; next}
                              {printf "%-34s %10.0f %10s %10s\n","redis "$1,$2,$5,$7}'
echo "== pod-service ($OBJECTS objects, $CLIENTS clients, $WATCHERS watchers)"
SERVER_PID=$SERVER_PID CLK_TCK=$(getconf CLK_TCK) \
  java -cp bench/target/bench.jar:"$(cat bench/target/classpath.txt)" dev.berth.bench.ApiBenchmark \
  "http://127.0.0.1:$API_PORT" "$OBJECTS" "$CLIENTS" "$WATCHERS"

# The same three requests from wrk, a C client like redis-benchmark: the Java client above spends a large
# share of the two cores itself, so these rows are the server's cost (its CPU per request from /proc).
echo "== pod-service through wrk ($CLIENTS connections, ${WRK_SECONDS:-20} s each, after the warm-up above)"
URL="http://127.0.0.1:$API_PORT/api/v1/namespaces/bench-wrk/pods"
curl -sf -XPOST -H 'Content-Type: application/json' "http://127.0.0.1:$API_PORT/api/v1/namespaces" \
  -d '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench-wrk"}}' >/dev/null
curl -sf -XPOST -H 'Content-Type: application/json' "$URL" -d '{"apiVersion":"v1","kind":"Pod",
  "metadata":{"name":"read-me"},"spec":{"containers":[{"name":"c","image":"busybox"}]}}' >/dev/null
cpu_ticks() { awk '{print $14+$15}' "/proc/$SERVER_PID/stat"; }
wrk_row() { # label, requests per operation, wrk arguments...
  local label=$1 per=$2; shift 2
  local before after out
  before=$(cpu_ticks)
  out=$(wrk --latency -d"${WRK_SECONDS:-20}s" "$@")
  after=$(cpu_ticks)
  echo "$out" | awk -v label="$label" -v per="$per" -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    /requests in/ {n=$1} /Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2}
    /Non-2xx/ {bad=$NF}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    END { printf "%-34s %10.0f %10.2f %10.2f   server CPU %.3f ms/op%s\n", label, rps/per, ms(p50), ms(p99),
            ticks*1000/hz/(n/per), bad ? "  (" bad " non-2xx!)" : "" }'
}
printf "%-34s %10s %10s %10s\n" operation ops/s "p50 ms" "p99 ms"
wrk_row "create pod (wrk)" 1 -t1 -c"$CLIENTS" -s bench/wrk/create.lua "$URL"
wrk_row "get pod (wrk)" 1 -t1 -c"$CLIENTS" "$URL/read-me"
# p50/p99 of this row are per request (a GET or a PUT), ops/s counts GET+PUT pairs.
wrk_row "update pod, GET+PUT (wrk)" 2 -t"$CLIENTS" -c"$CLIENTS" -s bench/wrk/update.lua "$URL"
