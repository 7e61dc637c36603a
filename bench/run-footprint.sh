#!/usr/bin/env bash
# Footprint of a local cluster: time from `./berth up` to every component healthy, then the resident memory
# of each process once 30 pods run (an RC of busybox pods), beside k3s's published profile. Stops the
# cluster (./berth down) at the end.
#   bench/run-footprint.sh [pods=30]
set -euo pipefail
cd "$(dirname "$0")/.."
PODS=${1:-30}
trap './berth down >/dev/null 2>&1 || true' EXIT

started=$SECONDS
./berth up --nodes 1 >/dev/null
up=$((SECONDS - started))

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
deadline=$((SECONDS + 600))
until [ "$(./berth get pods -l app=footprint --no-headers 2>/dev/null | grep -c ' Running ')" -eq "$PODS" ]; do
  [ $SECONDS -lt $deadline ] || { echo "pods not Running within 600 s" >&2; exit 1; }
  sleep 2
done

rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), JAVA_OPTS ${BERTH_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k}"
echo "./berth up (1 node) to all healthy: ${up} s; $PODS pods Running"
printf '%-22s %10s\n' component "RSS MiB"
total=0
for pidfile in .berth/pids/*.pid; do
  name=$(basename "$pidfile" .pid)
  mib=$(rss "$(cat "$pidfile")")
  total=$((total + mib))
  printf '%-22s %10s\n' "$name" "$mib"
done
mib=$(rss "$(cat .berth/redis/redis.pid)")
total=$((total + mib))
printf '%-22s %10s\n' redis "$mib"
printf '%-22s %10s\n' total "$total"
