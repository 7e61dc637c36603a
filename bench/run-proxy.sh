#!/usr/bin/env bash
# Service proxy benchmark: wrk against one nginx backend directly, through proxy-agent, and through HAProxy
# (mode tcp, round robin, the same single endpoint), in one run, with the same wrk settings; small responses
# and 1 MiB bodies. Addresses 127.0.0.55-57 only; everything started here is stopped by PID at the end.
#   bench/run-proxy.sh [duration=10s] [connections=16] [wrk threads=1]
# SERVER_JAVA_OPTS adds JVM options to pod-service and proxy-agent, AGENT_JAVA_OPTS to proxy-agent alone, API_JAVA_OPTS
# to pod-service alone
# (bench/run-defaults.sh runs them as ./berth does).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10s}
CONNECTIONS=${2:-16}
THREADS=${3:-1}
NODE=127.0.0.55      # proxy-agent's node address
BACKEND=127.0.0.56   # the "pod": nginx, keep-alive, sendfile
HAPROXY=127.0.0.57

for tool in wrk haproxy nginx redis-server curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y wrk haproxy nginx-light redis-server curl" >&2; exit 1; }
done
[ -f pod-service/target/pod-service.jar ] && [ -f proxy-agent/target/proxy-agent.jar ] \
  || ./mvnw -B -q -ntp -pl pod-service,proxy-agent -am -DskipTests package

free_port() { python3 -c 'import socket,sys; s=socket.socket(); s.bind((sys.argv[1],0)); print(s.getsockname()[1])' "$1"; }
WORK=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
await_http() { for _ in $(seq 1 1800); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no answer from $1" >&2; tail -n 5 "$WORK"/*.log >&2; exit 1; }

# The backend, one worker: the same for all three paths.
BACKEND_PORT=$(free_port $BACKEND)
mkdir -p "$WORK/www"
printf 'hello from berth\n' >"$WORK/www/small.txt"
head -c 1048576 /dev/zero >"$WORK/www/1m.bin"
cat >"$WORK/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000000;
  client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
  server { listen $BACKEND:$BACKEND_PORT; root $WORK/www; }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" &
pids+=($!)

# The API and proxy-agent, with one Service whose Endpoints name the backend.
REDIS_PORT=$(free_port 127.0.0.1)
API_PORT=$(free_port 127.0.0.1)
AGENT_PORT=$(free_port 127.0.0.1)
SERVICE_PORT=$(free_port $NODE)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$WORK/redis.log" 2>&1 &
pids+=($!)
java -Xmx512m ${SERVER_JAVA_OPTS:-} ${API_JAVA_OPTS:-} -jar pod-service/target/pod-service.jar --server.address=127.0.0.1 --server.port="$API_PORT" \
  --spring.data.redis.port="$REDIS_PORT" --logging.level.root=WARN >"$WORK/pod-service.log" 2>&1 &
pids+=($!)
java -Xmx256m ${SERVER_JAVA_OPTS:-} ${AGENT_JAVA_OPTS:-} -jar proxy-agent/target/proxy-agent.jar --server.address=127.0.0.1 --server.port="$AGENT_PORT" \
  --berth.proxy.node-address=$NODE --berth.proxy.api-server="http://127.0.0.1:$API_PORT" \
  --berth.proxy.io-threads="$(nproc)" --logging.level.root=WARN >"$WORK/proxy-agent.log" 2>&1 &
pids+=($!)
await_http "http://127.0.0.1:$API_PORT/actuator/health"
API="http://127.0.0.1:$API_PORT/api/v1/namespaces/default"
curl -sf -o /dev/null -H 'Content-Type: application/json' "$API/services" -d "{\"metadata\":{\"name\":\"bench\"},
  \"spec\":{\"selector\":{\"app\":\"bench\"},\"ports\":[{\"name\":\"http\",\"port\":$SERVICE_PORT,\"targetPort\":80}]}}"
curl -sf -o /dev/null -H 'Content-Type: application/json' "$API/endpoints" -d "{\"metadata\":{\"name\":\"bench\"},
  \"subsets\":[{\"addresses\":[{\"ip\":\"$BACKEND\"}],\"ports\":[{\"name\":\"http\",\"port\":$BACKEND_PORT}]}]}"

HAPROXY_PORT=$(free_port $HAPROXY)
cat >"$WORK/haproxy.cfg" <<CONF
global
  maxconn 4096
  nbthread $(nproc)
defaults
  mode tcp
  timeout connect 2s
  timeout client 60s
  timeout server 60s
listen bench
  bind $HAPROXY:$HAPROXY_PORT
  balance roundrobin
  server pod-1 $BACKEND:$BACKEND_PORT
CONF
haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
pids+=($!)

DIRECT="http://$BACKEND:$BACKEND_PORT"
AGENT="http://$NODE:$SERVICE_PORT"
PROXY="http://$HAPROXY:$HAPROXY_PORT"
await_http "$DIRECT/small.txt"
await_http "$AGENT/small.txt"
await_http "$PROXY/small.txt"

# One wrk run → "req/s p50 p99" (latencies as wrk prints them).
measure() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency "$2" | awk '
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /^Requests\/sec/ {rps=$2}
    /Socket errors|Non-2xx/ {err=err" "$0}
    END {printf "%12.0f %10s %10s%s\n", rps, p50, p99, (err ? "  !" err : "")}'
}

# Warm-up, not counted: the JIT compiles proxy-agent's hot path; the others get the same treatment.
for url in "$DIRECT" "$AGENT" "$PROXY"; do measure 5s "$url/small.txt" >/dev/null; done

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION, backend nginx (1 worker, keep-alive); proxies: $(nproc) threads each"
printf "%-13s %-9s %12s %10s %10s\n" "path" "body" "requests/s" "p50" "p99"
for body in small.txt 1m.bin; do
  label=$([ "$body" = small.txt ] && echo "17 B" || echo "1 MiB")
  for path in direct proxy-agent haproxy; do
    case $path in direct) url=$DIRECT ;; proxy-agent) url=$AGENT ;; haproxy) url=$PROXY ;; esac
    printf "%-13s %-9s %s\n" "$path" "$label" "$(measure "$DURATION" "$url/$body")"
  done
done
echo "== proxy-agent: $(curl -s "http://127.0.0.1:$AGENT_PORT/actuator/health" | grep -o '"transport":"[a-z]*"')"
