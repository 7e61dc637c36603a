#!/usr/bin/env bash
# Two builds of pod-service side by side, interleaved: each on its own Redis, both warmed up, then short wrk
# bursts alternate between them (A, B, B, A, ...) and each build's server CPU per operation is summed over its
# bursts. The machine's speed drifts by 15-30% over minutes here; bursts seconds apart see the same machine,
# so the difference between the builds is not the drift's. Two JVMs of the same code still differ by up to
# 10-15% here (JIT and heap states): a difference smaller than that needs repeating.
#   bench/compare-api.sh A.jar B.jar [rounds=4] [burst seconds=5] [warm-up seconds=60]
# Rows: create pod, get pod, update pod (GET+PUT pair), as bench/run-api.sh's wrk rows (16 connections).
# SERVER_JAVA_OPTS adds JVM options to both; OPTS_A and OPTS_B replace them for one build (the same jar twice
# with different options compares the options); JAVA_A and JAVA_B name the java binary of each (another JDK).
set -euo pipefail
cd "$(dirname "$0")/.."
JARS=("$1" "$2")
ROUNDS=${3:-4}
BURST=${4:-5}
WARM=${5:-60}
source bench/lib/processes.sh
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null

urls=() servers=()
top=$WORK
for i in 0 1; do
  WORK=$top/$i && mkdir -p "$WORK" && start_redis && WORK=$top   # each Redis its own directory (AOF)
  port=$(free_port)
  opts=${SERVER_JAVA_OPTS:-}; [ "$i" = 0 ] && opts=${OPTS_A:-$opts}; [ "$i" = 1 ] && opts=${OPTS_B:-$opts}
  java=java; [ "$i" = 0 ] && java=${JAVA_A:-java}; [ "$i" = 1 ] && java=${JAVA_B:-java}
  # shellcheck disable=SC2086
  "$java" -Xmx2g $opts -jar "${JARS[$i]}" --server.address=127.0.0.1 --server.port="$port" \
    --spring.data.redis.port="$REDIS_PORT" --logging.level.root=WARN >"$WORK/server-$i.log" 2>&1 &
  pids+=($!)
  servers+=($!)
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 0.1; done
  base="http://127.0.0.1:$port/api/v1"
  curl -sf -XPOST -H 'Content-Type: application/json' "$base/namespaces" \
    -d '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench-wrk"}}' >/dev/null
  curl -sf -XPOST -H 'Content-Type: application/json' "$base/namespaces/bench-wrk/pods" -d '{"apiVersion":"v1",
    "kind":"Pod","metadata":{"name":"read-me"},"spec":{"containers":[{"name":"c","image":"busybox"}]}}' >/dev/null
  # A watcher keeps the watch cache and its event reader running, as in a cluster.
  curl -sN "$base/namespaces/bench-watch/pods?watch=true" >/dev/null &
  pids+=($!)
  urls+=("$base/namespaces/bench-wrk/pods")
done

load() { # build index, operation, seconds
  case $2 in
    create) wrk -t1 -c16 -d"$3s" -s bench/wrk/create.lua "${urls[$1]}" ;;
    get) wrk -t1 -c16 -d"$3s" "${urls[$1]}/read-me" ;;
    update) wrk -t16 -c16 -d"$3s" -s bench/wrk/update.lua "${urls[$1]}" ;;
  esac
}
echo "== warm-up: ${WARM} s per build (creates, gets, updates)"
for i in 0 1; do for op in create get update; do load "$i" "$op" $((WARM / 3)) >/dev/null; done; done

declare -A ops ticks
echo "== $ROUNDS rounds of ${BURST} s bursts per operation and build, alternating A B B A"
for round in $(seq 1 "$ROUNDS"); do
  order=(0 1); [ $((round % 2)) -eq 0 ] && order=(1 0)
  for op in create get update; do
    for i in "${order[@]}"; do
      before=$(awk '{print $14+$15}' "/proc/${servers[$i]}/stat")
      out=$(load "$i" "$op" "$BURST")
      after=$(awk '{print $14+$15}' "/proc/${servers[$i]}/stat")
      n=$(echo "$out" | awk '/requests in/ {print $1}')
      if echo "$out" | grep -q Non-2xx; then echo "build $i $op: $(echo "$out" | grep Non-2xx)" >&2; fi
      ops[$i,$op]=$(( ${ops[$i,$op]:-0} + n ))
      ticks[$i,$op]=$(( ${ticks[$i,$op]:-0} + after - before ))
    done
  done
done
hz=$(getconf CLK_TCK)
printf "%-24s %14s %14s %14s %14s %8s\n" operation "A req/s" "A CPU ms/op" "B req/s" "B CPU ms/op" "B/A CPU"
for op in create get update; do
  per=1; [ "$op" = update ] && per=2
  awk -v op="$op" -v per="$per" -v hz="$hz" -v secs=$((ROUNDS * BURST)) \
      -v na="${ops[0,$op]}" -v ta="${ticks[0,$op]}" -v nb="${ops[1,$op]}" -v tb="${ticks[1,$op]}" 'BEGIN {
    ca = ta * 1000 / hz / (na / per); cb = tb * 1000 / hz / (nb / per)
    printf "%-24s %14.0f %14.3f %14.0f %14.3f %7.0f%%\n", op (per == 2 ? " (GET+PUT)" : ""), na / per / secs, ca,
      nb / per / secs, cb, (cb / ca - 1) * 100 }'
done
