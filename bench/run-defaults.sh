#!/usr/bin/env bash
# The API, scheduler and proxy benchmarks with the servers' JVMs run as ./berth runs them: first with the JVM
# options before issue 16 (and glibc's default malloc arenas), then with ./berth's defaults
# (scripts/lib/java-options.sh), in one run. Shorter than the benchmarks' own defaults; the figures to compare
# are each pair of rows of the same benchmark.
#   bench/run-defaults.sh [api objects=3000] [scheduler configuration=1000x10000] [proxy duration=10s]
set -euo pipefail
cd "$(dirname "$0")/.."
OBJECTS=${1:-3000}
SCHEDULER=${2:-1000x10000}
DURATION=${3:-10s}
source scripts/lib/java-options.sh

run() {
  local label=$1 options=$2 agent=$3 arenas=$4
  echo "######## $label: $options, proxy-agent also: ${agent:-nothing}, MALLOC_ARENA_MAX=$arenas"
  export SERVER_JAVA_OPTS=$options AGENT_JAVA_OPTS=$agent MALLOC_ARENA_MAX=$arenas
  WARMUP_SECONDS=${WARMUP_SECONDS:-30} WRK_SECONDS=${WRK_SECONDS:-10} bench/run-api.sh "$OBJECTS" 16 200
  PLACEMENT=false bench/run-scheduler.sh "$SCHEDULER"
  bench/run-proxy.sh "$DURATION"
}

run previous "$BERTH_PREVIOUS_JAVA_OPTS" "" "$BERTH_PREVIOUS_MALLOC_ARENA_MAX"
run current "$BERTH_DEFAULT_JAVA_OPTS" "$BERTH_DEFAULT_NODE_JAVA_OPTS" "$BERTH_MALLOC_ARENA_MAX"
