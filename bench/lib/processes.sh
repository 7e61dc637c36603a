# shellcheck shell=bash
# What the benchmark scripts share: free loopback ports, a work directory, and the processes they start
# (add each PID to `pids`), stopped by PID, with the directory removed, when the script exits.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WORK=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# A Redis on a free port (REDIS_PORT) with AOF and fsync every second, Redis's documented default durability.
start_redis() {
  REDIS_PORT=$(free_port)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly yes --appendfsync everysec \
    --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  pids+=($!)
  until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done
}
