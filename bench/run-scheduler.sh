#!/usr/bin/env bash
# Scheduler benchmark: pods/s created→bound and p50/p99 latency through the real API (Redis + pod-service +
# scheduling-service, hollow nodes), for each NODESxPODS configuration on a fresh cluster, then pure placement
# decisions/s (JMH) at 5,000 nodes. Everything listens on 127.0.0.1 and is stopped (by PID) at the end.
#   bench/run-scheduler.sh [configurations="1000x10000 5000x30000"] [clients=16]
# SERVER_JAVA_OPTS adds JVM options to pod-service and the scheduler (bench/run-defaults.sh runs them as ./berth does),
# API_JAVA_OPTS to pod-service alone;
# SCHEDULER_JAVA_OPTS to the scheduler alone (its ./berth options, or a profiler); WARMUP_SECONDS (60) of batches of pods
# created, bound and deleted before the measured ones. SCHEDULER_JAR and POD_SERVICE_JAR run other builds of the scheduler and the API server (an earlier commit's, for a
# before/after).
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIGS=${1:-"1000x10000 5000x30000"}
CLIENTS=${2:-16}

[ -f pod-service/target/pod-service.jar ] && [ -f scheduling-service/target/scheduling-service-exec.jar ] \
  && [ -f bench/target/bench.jar ] || ./mvnw -B -q -ntp -pl pod-service,bench -am -DskipTests package

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
WORK=$(mktemp -d)
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }
trap 'stop_all; [ -n "${KEEP_LOGS:-}" ] && echo "logs kept in $WORK" || rm -rf "$WORK"' EXIT
wait_http() { for _ in $(seq 1 900); do curl -sf "$1" >/dev/null && return 0; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }
CP="bench/target/bench.jar:$(cat bench/target/classpath.txt)"

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average$(uptime | sed "s/.*load average//"); client, API server, scheduler and Redis share them"
for config in $CONFIGS; do
  NODES=${config%x*}; PODS=${config#*x}
  REDIS_PORT=$(free_port); API_PORT=$(free_port); SCHED_PORT=$(free_port)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly yes --appendfsync everysec \
    --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  pids+=($!)
  until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done
  java -Xmx3g ${SERVER_JAVA_OPTS:-} ${API_JAVA_OPTS:-} -jar "${POD_SERVICE_JAR:-pod-service/target/pod-service.jar}" --server.address=127.0.0.1 --server.port="$API_PORT" \
    --spring.data.redis.port="$REDIS_PORT" --logging.level.root=WARN >"$WORK/pod-service.log" 2>&1 &
  pids+=($!)
  wait_http "http://127.0.0.1:$API_PORT/actuator/health"
  java -Xmx2g ${SERVER_JAVA_OPTS:-} ${SCHEDULER_JAVA_OPTS:-} -jar "${SCHEDULER_JAR:-scheduling-service/target/scheduling-service-exec.jar}" --server.address=127.0.0.1 \
    --server.port="$SCHED_PORT" --spring.data.redis.port="$REDIS_PORT" \
    --berth.scheduler.api-server="http://127.0.0.1:$API_PORT" >"$WORK/scheduler.log" 2>&1 &
  pids+=($!)
  wait_http "http://127.0.0.1:$SCHED_PORT/actuator/health"

  echo "== $NODES hollow nodes, $PODS pods, $CLIENTS creating clients"
  java -Xmx1g -cp "$CP" dev.berth.bench.SchedulerBenchmark "http://127.0.0.1:$API_PORT" "$NODES" "$PODS" "$CLIENTS"
  curl -s "http://127.0.0.1:$SCHED_PORT/actuator/prometheus" \
    | grep -E '^berth_scheduler_attempts_total' | sed 's/^/   scheduler: /'
  grep 'Bound .* pods/s' "$WORK/scheduler.log" | tail -3 | sed 's/^.*Bound/   scheduler log: Bound/'
  stop_all
done

# PLACEMENT=false skips it (bench/run-defaults.sh: it runs in this JVM, not in the servers).
[ "${PLACEMENT:-true}" = true ] || exit 0
echo "== pure placement decisions/s (JMH, the scheduler's pipeline in-process, 5,000 nodes x 6 pods)"
java -cp "$CP" org.openjdk.jmh.Main PlacementBenchmark -foe true ${JMH_ARGS:-} 2>&1 \
  | awk '/^Benchmark/{p=1} p'
