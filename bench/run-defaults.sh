#!/usr/bin/env bash
# The API, scheduler and proxy benchmarks with the servers' JVMs run as ./berth runs them, once with the JVM
# options before issue 16 (and glibc's default malloc arenas) and once with ./berth's defaults
# (scripts/lib/java-options.sh), in one run. Shorter than the benchmarks' own defaults; the figures to compare
# are each pair of rows of the same benchmark. PAIRS (1) repeats the pair, in alternating order, and prints
# each row's means, to tell a difference from run-to-run noise; BENCHMARKS ("api scheduler proxy") chooses.
#   bench/run-defaults.sh [api objects=3000] [scheduler configuration=1000x10000] [proxy duration=10s]
set -euo pipefail
cd "$(dirname "$0")/.."
OBJECTS=${1:-3000}
SCHEDULER=${2:-1000x10000}
DURATION=${3:-10s}
source scripts/lib/java-options.sh
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
exec > >(tee "$LOG")

run() {
  local label=$1 options=$2 agent=$3 api=$4 scheduler=$5 arenas=$6
  echo "######## $label: $options, proxy-agent also: ${agent:-nothing}, pod-service also: ${api:-nothing}," \
    "scheduler also: ${scheduler:-nothing}, MALLOC_ARENA_MAX=$arenas"
  export SERVER_JAVA_OPTS=$options AGENT_JAVA_OPTS=$agent API_JAVA_OPTS=$api SCHEDULER_JAVA_OPTS=$scheduler \
    MALLOC_ARENA_MAX=$arenas
  for benchmark in ${BENCHMARKS:-api scheduler proxy}; do
    case $benchmark in
      api) WARMUP_SECONDS=${WARMUP_SECONDS:-30} WRK_SECONDS=${WRK_SECONDS:-10} bench/run-api.sh "$OBJECTS" 16 200 ;;
      scheduler) PLACEMENT=false bench/run-scheduler.sh "$SCHEDULER" ;;
      proxy) bench/run-proxy.sh "$DURATION" ;;
      *) echo "unknown benchmark: $benchmark" >&2; exit 2 ;;
    esac
  done
}

previous() { run previous "$BERTH_PREVIOUS_JAVA_OPTS" "" "" "" "$BERTH_PREVIOUS_MALLOC_ARENA_MAX"; }
current() {
  run current "$BERTH_DEFAULT_JAVA_OPTS" "$BERTH_DEFAULT_NODE_JAVA_OPTS" "$BERTH_DEFAULT_API_JAVA_OPTS" \
    "$BERTH_DEFAULT_SCHEDULER_JAVA_OPTS" "$BERTH_MALLOC_ARENA_MAX"
}
# Every other pair starts with the current options: the second run of a pair measured up to 15% slower
# whichever options it had.
for pair in $(seq 1 "${PAIRS:-1}"); do
  echo "######## pair $pair"
  if ((pair % 2)); then previous; current; else current; previous; fi
done
[ "${PAIRS:-1}" -lt 2 ] || { echo "######## means"; python3 bench/defaults-summary.py <"$LOG"; }
