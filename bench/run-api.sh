#!/usr/bin/env bash
# API benchmark: pod-service create/get/update/list/watch figures beside raw redis-benchmark SET/GET on the
# same Redis, in one run. Everything listens on 127.0.0.1 and is stopped (by PID) at the end.
#   bench/run-api.sh [objects=5000] [clients=16] [watchers=1000]
# SERVER_JAVA_OPTS adds JVM options to pod-service (bench/profile-api.sh records a JFR profile with it);
# POD_SERVICE_JAR runs another build (an earlier commit's, for a before/after); WARMUP_SECONDS (120).
set -euo pipefail
cd "$(dirname "$0")/.."
OBJECTS=${1:-5000}
CLIENTS=${2:-16}
WATCHERS=${3:-1000}

[ -f pod-service/target/pod-service.jar ] && [ -f bench/target/bench.jar ] || ./mvnw -B -q -ntp -DskipTests package

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
REDIS_PORT=$(free_port)
API_PORT=$(free_port)
WORK=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# The same durability for both measurements: AOF with fsync every second, Redis's documented default.
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly yes --appendfsync everysec \
  --dir "$WORK" >"$WORK/redis.log" 2>&1 &
pids+=($!)
until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done

java -Xmx2g ${SERVER_JAVA_OPTS:-} -jar "${POD_SERVICE_JAR:-pod-service/target/pod-service.jar}" --server.address=127.0.0.1 --server.port="$API_PORT" \
  --spring.data.redis.port="$REDIS_PORT" --logging.level.root=WARN >"$WORK/pod-service.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$API_PORT/actuator/health" >/dev/null && break; sleep 0.1; done

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "== baseline: redis-benchmark on the same Redis ($CLIENTS clients, 100000 requests, 1 KiB values)"
redis-benchmark -h 127.0.0.1 -p "$REDIS_PORT" -c "$CLIENTS" -n 100000 -d 1024 -t set,get --csv \
  | tr -d '"' | awk -F, 'NR==1{printf "%-34s %10s %10s %10s\n","operation","ops/s","p50 ms","p99 ms"; next}
                              {printf "%-34s %10.0f %10s %10s\n","redis "$1,$2,$5,$7}'
echo "== pod-service ($OBJECTS objects, $CLIENTS clients, $WATCHERS watchers)"
java -cp bench/target/bench.jar:"$(cat bench/target/classpath.txt)" dev.berth.bench.ApiBenchmark \
  "http://127.0.0.1:$API_PORT" "$OBJECTS" "$CLIENTS" "$WATCHERS"
