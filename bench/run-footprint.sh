#!/usr/bin/env bash
# Footprint of a local cluster, for two configurations in the same run: `previous` (the JVM options before
# issue 16, no class-data sharing) and `current` (./berth's defaults). For each: the time from `./berth up`
# to every component healthy (median of `runs`, 1 node, and once with 3 nodes), then the resident memory of
# each process once `pods` busybox pods run (a replication controller). Stops each cluster (./berth down).
#   bench/run-footprint.sh [pods=30] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
PODS=${1:-30}
RUNS=${2:-3}
trap './berth down >/dev/null 2>&1 || true' EXIT

source scripts/lib/java-options.sh
declare -A CONFIGS=(
  [previous]="BERTH_JAVA_OPTS='$BERTH_PREVIOUS_JAVA_OPTS' BERTH_NODE_JAVA_OPTS='' BERTH_API_JAVA_OPTS='' BERTH_SCHEDULER_JAVA_OPTS='' BERTH_CDS=false MALLOC_ARENA_MAX=$BERTH_PREVIOUS_MALLOC_ARENA_MAX"
  [current]=""
)

# up_seconds NODES: seconds from ./berth up to all healthy (the cluster stays up).
up_seconds() {
  local started=$SECONDS
  ./berth up --nodes "$1" >/dev/null
  echo $((SECONDS - started))
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

pods_running() {
  cat <<YAML | ./berth apply -f - >/dev/null
apiVersion: v1
kind: ReplicationController
metadata: {name: footprint}
spec:
  replicas: $PODS
  selector: {app: footprint}
  template:
    metadata: {labels: {app: footprint}}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: main
        image: busybox:latest
        imagePullPolicy: Never
        command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
YAML
  local deadline=$((SECONDS + 600))
  until [ "$(./berth get pods -l app=footprint --no-headers 2>/dev/null | grep -c ' Running ')" -eq "$PODS" ]; do
    [ $SECONDS -lt $deadline ] || { echo "pods not Running within 600 s" >&2; exit 1; }
    sleep 2
  done
}

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
for config in previous current; do
  eval "export ${CONFIGS[$config]:-BERTH_CDS=true}"
  # A first start after a build trains the class-data archives; it is not one of the measured starts.
  ./berth up --nodes 1 >/dev/null && ./berth down >/dev/null
  times=()
  for _ in $(seq 1 "$RUNS"); do
    times+=("$(up_seconds 1)")
    ./berth down >/dev/null
  done
  three=$(up_seconds 3)
  ./berth down >/dev/null

  up_seconds 1 >/dev/null
  pods_running
  echo "== $config: ${CONFIGS[$config]:-./berth defaults}"
  echo "./berth up (1 node) to all healthy: median $(median "${times[@]}") s of ${times[*]}; --nodes 3: $three s"
  printf '%-22s %10s\n' component "RSS MiB"
  total=0 node=0
  for pidfile in .berth/pids/*.pid; do
    name=$(basename "$pidfile" .pid)
    mib=$(rss "$(cat "$pidfile")")
    total=$((total + mib))
    [[ $name != *-agent-* ]] || node=$((node + mib))
    printf '%-22s %10s\n' "$name" "$mib"
  done
  mib=$(rss "$(cat .berth/redis/redis.pid)")
  total=$((total + mib))
  printf '%-22s %10s\n' redis "$mib" "node (agents)" "$node" total "$total"
  ./berth down >/dev/null
  unset BERTH_JAVA_OPTS BERTH_NODE_JAVA_OPTS BERTH_API_JAVA_OPTS BERTH_SCHEDULER_JAVA_OPTS BERTH_CDS MALLOC_ARENA_MAX
done
