#!/usr/bin/env bash
# Two builds (or two JVM option sets) of api-gateway side by side in front of one pod-service and one Redis:
# both warmed up, then h2load bursts of open-loop creates at one rate alternate between them (A, B, B, A, ...)
# and each gateway's CPU per request and latency are taken over all of its bursts. Bursts seconds apart see the
# same machine, so the difference is the builds', not the machine's drift.
#   bench/compare-gateway.sh A.jar B.jar [rate=1000] [rounds=6] [burst seconds=10] [warm-up seconds=180]
# OPTS_A / OPTS_B add JVM options to one gateway (the same jar twice compares the options). The warm-up is long
# because C2 keeps compiling the gateway's reactive chain for 2-3 minutes on two cores; the JIT's time during the
# bursts is printed so that a comparison still paying for it shows.
set -euo pipefail
cd "$(dirname "$0")/.."
JARS=("$1" "$2")
RATE=${3:-1000}
ROUNDS=${4:-6}
BURST=${5:-10}
WARM=${6:-180}
[ -f pod-service/target/pod-service.jar ] || ./mvnw -B -q -ntp -DskipTests package
command -v h2load >/dev/null || apt-get install -y -q nghttp2-client >/dev/null
source bench/lib/processes.sh
source bench/lib/gateway.sh
start_redis

gateway_credentials

API_PORT=$(free_port)
java -Xmx2g -jar pod-service/target/pod-service.jar --server.address=127.0.0.1 --server.port="$API_PORT" \
  --spring.data.redis.port="$REDIS_PORT" --logging.level.root=WARN >"$WORK/pod-service.log" 2>&1 &
pids+=($!)
SERVER_PID=$!
gateways=() ports=()
for i in 0 1; do
  port=$(free_port)
  opts=; [ "$i" = 0 ] && opts=${OPTS_A:-}; [ "$i" = 1 ] && opts=${OPTS_B:-}
  # shellcheck disable=SC2086
  start_gateway "${JARS[$i]}" "$port" "$API_PORT" "$WORK/api-gateway-$i.log" $opts
  gateways+=("$GATEWAY_PID")
  ports+=("$port")
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 600); do curl -skf "https://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 0.1; done
  curl -skf "https://127.0.0.1:$port/actuator/health" >/dev/null || { echo "a gateway did not start:" >&2; tail -n 30 "$WORK"/api-gateway-*.log >&2; exit 1; }
done
curl -sf -o /dev/null -H 'content-type: application/json' "http://127.0.0.1:$API_PORT/api/v1/namespaces" \
  -d '{"metadata":{"name":"compare"}}'
printf '{"apiVersion":"v1","kind":"Pod","metadata":{"generateName":"c-"},"spec":{"containers":[{"name":"c","image":"busybox"}]}}' \
  >"$WORK/pod.json"

load() { # gateway index, seconds, h2load log file
  h2load -t 1 -c 20 --rps $((RATE / 20)) -n $((RATE * $2)) -m 32 -d "$WORK/pod.json" -H 'content-type: application/json' \
    -H "authorization: Bearer $TOKEN" --log-file "$3" "https://127.0.0.1:${ports[$1]}/api/v1/namespaces/compare/pods" \
    >"$3.out" 2>&1
}
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
jit_seconds() { jstat -compiler "$1" | awk 'NR == 2 {print $4}'; }

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1); A: ${JARS[0]} ${OPTS_A:-}; B: ${JARS[1]} ${OPTS_B:-}"
echo "== warm-up: $WARM s per gateway at $RATE creates/s"
for i in 0 1; do load "$i" "$WARM" "$WORK/warm-$i.log"; done
declare -A cpu server jit
for i in 0 1; do jit[$i]=$(jit_seconds "${gateways[$i]}"); done
echo "== $ROUNDS rounds of $BURST s at $RATE creates/s (h2load, 20 TLS HTTP/2 connections), alternating A B B A"
for round in $(seq 1 "$ROUNDS"); do
  order=(0 1); [ $((round % 2)) -eq 0 ] && order=(1 0)
  for i in "${order[@]}"; do
    g=$(ticks "${gateways[$i]}") s=$(ticks "$SERVER_PID")
    load "$i" "$BURST" "$WORK/run-$i-$round.log"
    cpu[$i]=$(( ${cpu[$i]:-0} + $(ticks "${gateways[$i]}") - g ))
    server[$i]=$(( ${server[$i]:-0} + $(ticks "$SERVER_PID") - s ))
  done
done
printf '%-6s %8s %8s %8s %9s %7s %22s %24s %10s\n' build rate/s "p50 ms" "p99 ms" "p99.9 ms" errors \
  "gateway CPU ms/request" "pod-service CPU ms/request" "JIT s"
for i in 0 1; do
  cat "$WORK"/run-$i-*.log >"$WORK/all-$i.log"
  python3 - "$WORK/all-$i.log" "$((RATE * BURST * ROUNDS))" <<'EOF' | {
import sys
from collections import Counter
rows = [line.split("\t") for line in open(sys.argv[1]) if line.strip()]
durations = sorted(int(r[2]) / 1000 for r in rows)
errors = sum(n for s, n in Counter(r[1] for r in rows).items() if not s.startswith("2")) + int(sys.argv[2]) - len(rows)
pct = lambda p: durations[min(len(durations) - 1, int(len(durations) * p))]
print(f"{pct(0.5):8.1f} {pct(0.99):8.1f} {pct(0.999):9.1f} {errors:7d}")
EOF
    read -r p50 p99 p999 errors
    awk -v n=$((RATE * BURST * ROUNDS)) -v hz="$(getconf CLK_TCK)" -v g="${cpu[$i]}" -v s="${server[$i]}" \
      -v jit=$(awk -v a="${jit[$i]}" -v b="$(jit_seconds "${gateways[$i]}")" 'BEGIN {print b - a}') \
      -v name="$([ "$i" = 0 ] && echo A || echo B)" -v rate="$RATE" -v p50="$p50" -v p99="$p99" -v p999="$p999" \
      -v errors="$errors" 'BEGIN { printf "%-6s %8d %8.1f %8.1f %9.1f %7d %22.3f %24.3f %10.1f\n", name, rate, p50,
        p99, p999, errors, g * 1000 / hz / n, s * 1000 / hz / n, jit }'
  }
done
