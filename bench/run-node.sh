#!/usr/bin/env bash
# Pod startup benchmark: create -> Running (seen through a watch) for pods bound to one node-agent, one after
# another and in a burst, beside `docker run -d` of the same image on the same engine, in one run.
# Redis, pod-service and the node-agent listen on 127.0.0.1 and are stopped (by PID) at the end; the
# containers of this run are removed.
#   bench/run-node.sh [sequential=100] [burst=30]
set -euo pipefail
cd "$(dirname "$0")/.."
SEQUENTIAL=${1:-100}
BURST=${2:-30}

[ -f pod-service/target/pod-service.jar ] && [ -f node-agent/target/node-agent.jar ] && [ -f bench/target/bench.jar ] \
  || ./mvnw -B -q -ntp -DskipTests package
docker image inspect busybox:latest >/dev/null 2>&1 || scripts/images/build-test-images.sh

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
REDIS_PORT=$(free_port)
API_PORT=$(free_port)
AGENT_PORT=$(free_port)
NODE="bench-node-$RANDOM"
WORK=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ids=$(docker ps -aq --filter "label=berth.node.name=$NODE")
  [ -z "$ids" ] || docker rm -f $ids >/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
pids+=($!)
until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done

java -Xmx1g -jar pod-service/target/pod-service.jar --server.address=127.0.0.1 --server.port="$API_PORT" \
  --spring.data.redis.port="$REDIS_PORT" --logging.level.root=WARN >"$WORK/pod-service.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$API_PORT/actuator/health" >/dev/null && break; sleep 0.1; done

java -Xmx1g -jar node-agent/target/node-agent.jar --server.address=127.0.0.1 --server.port="$AGENT_PORT" \
  --berth.node.node-name="$NODE" --berth.node.api-server="http://127.0.0.1:$API_PORT" \
  --logging.level.root=WARN >"$WORK/node-agent.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$API_PORT/api/v1/nodes/$NODE" | grep -q '"type":"Ready","status":"True"\|"status":"True","type":"Ready"' && break
  sleep 0.1
done

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(docker version --format 'docker {{.Server.Version}}')"
java -cp bench/target/bench.jar:"$(cat bench/target/classpath.txt)" dev.berth.bench.PodStartupBenchmark \
  "http://127.0.0.1:$API_PORT" "$NODE" "$SEQUENTIAL" "$BURST"
