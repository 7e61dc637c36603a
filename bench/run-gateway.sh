#!/usr/bin/env bash
# Gateway benchmark: pods created at fixed rates (open loop) straight to pod-service and through api-gateway
# (TLS, a bearer token, its authorization, rate limiter and circuit breaker on the path), in one run, against
# one pod-service and one Redis. Everything listens on 127.0.0.1 and is stopped (by PID) at the end.
#   bench/run-gateway.sh [rates=500,1000,2000] [seconds=10] [warm-up seconds=90, at the first rate]
# SERVER_JAVA_OPTS / GATEWAY_JAVA_OPTS add JVM options to pod-service / api-gateway.
set -euo pipefail
cd "$(dirname "$0")/.."
RATES=${1:-500,1000,2000}
SECONDS_EACH=${2:-10}
WARMUP=${3:-90}

[ -f pod-service/target/pod-service.jar ] && [ -f api-gateway/target/api-gateway.jar ] && [ -f bench/target/bench.jar ] \
  || ./mvnw -B -q -ntp -DskipTests package

source bench/lib/processes.sh
start_redis
API_PORT=$(free_port)
GATEWAY_PORT=$(free_port)

# The gateway's certificate and one admin token, as ./berth makes them.
keytool -genkeypair -alias gateway -keyalg EC -dname CN=berth -ext san=ip:127.0.0.1 -validity 2 \
  -storetype PKCS12 -keystore "$WORK/gateway.p12" -storepass changeit >/dev/null 2>&1
keytool -exportcert -rfc -alias gateway -keystore "$WORK/gateway.p12" -storepass changeit \
  -file "$WORK/gateway.crt" >/dev/null 2>&1
TOKEN=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' '# token,user,uid,"groups"' "$TOKEN,admin,uid-admin,\"system:masters\"" >"$WORK/tokens.csv"

java -Xmx2g ${SERVER_JAVA_OPTS:-} -jar pod-service/target/pod-service.jar --server.address=127.0.0.1 \
  --server.port="$API_PORT" --spring.data.redis.port="$REDIS_PORT" --logging.level.root=WARN \
  >"$WORK/pod-service.log" 2>&1 &
pids+=($!)
# The rate limit is raised out of the way: this measures the path, not the limiter's refusals.
java -Xmx2g ${GATEWAY_JAVA_OPTS:-} -jar api-gateway/target/api-gateway.jar --server.address=127.0.0.1 \
  --server.port="$GATEWAY_PORT" --server.ssl.key-store="$WORK/gateway.p12" --server.ssl.key-store-password=changeit \
  --server.ssl.key-store-type=PKCS12 --spring.data.redis.port="$REDIS_PORT" \
  --berth.gateway.token-file="$WORK/tokens.csv" --berth.gateway.backend-secret=bench \
  --berth.rate-limit.requests-per-second=1000000 --berth.rate-limit.burst=1000000 \
  "--spring.cloud.discovery.client.simple.instances.pod-service[0].uri=http://127.0.0.1:$API_PORT" \
  --logging.level.root=WARN >"$WORK/api-gateway.log" 2>&1 &
pids+=($!)
healthy() {
  curl -sf "http://127.0.0.1:$API_PORT/actuator/health" >/dev/null \
    && curl -sf --cacert "$WORK/gateway.crt" "https://127.0.0.1:$GATEWAY_PORT/actuator/health" >/dev/null
}
for _ in $(seq 1 600); do healthy && break; sleep 0.1; done
healthy || { echo "pod-service or api-gateway did not become healthy:" >&2; for log in "$WORK"/*.log; do tail -n 20 "$log" >&2; done; exit 1; }

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "== open-loop creates: rates $RATES/s, $SECONDS_EACH s each, after $WARMUP s at the first rate on each path"
java -cp bench/target/bench.jar:"$(cat bench/target/classpath.txt)" dev.berth.bench.OpenLoopBenchmark \
  "http://127.0.0.1:$API_PORT" "https://127.0.0.1:$GATEWAY_PORT" "$TOKEN" "$WORK/gateway.crt" \
  "$RATES" "$SECONDS_EACH" "$WARMUP"
# What went wrong inside the gateway, if anything (its log is removed with the work directory).
grep -E " (WARN|ERROR) " "$WORK/api-gateway.log" | sed -E 's/^.* (WARN|ERROR) /\1 /' | cut -c1-220 | sort | uniq -c \
  | sort -rn | head -5 | sed 's/^/== gateway log: /' || true
