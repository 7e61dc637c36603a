#!/usr/bin/env bash
# Records where pod-service spends its CPU under bench/run-api.sh's load: a JFR recording (profile settings)
# of the whole run, then the hottest methods (top frames) and the hottest Berth/Spring/Jackson frames anywhere
# on the stack, from the execution samples.
#   bench/profile-api.sh [objects=3000] [clients=16] [watchers=200]   (recording: bench/target/api.jfr)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$PWD/bench/target/api.jfr
mkdir -p bench/target
rm -f "$OUT"
SERVER_JAVA_OPTS="-XX:FlightRecorderOptions:stackdepth=1024 -XX:StartFlightRecording=settings=profile,filename=$OUT,dumponexit=true" \
  bench/run-api.sh "${1:-3000}" "${2:-16}" "${3:-200}"
# The recording is written when pod-service exits (run-api.sh stops it at the end).
for _ in $(seq 1 100); do [ -s "$OUT" ] && break; sleep 0.2; done
JFR=$(command -v jfr || echo "$(dirname "$(readlink -f "$(command -v java)")")/jfr")
"$JFR" print --json --events jdk.ExecutionSample "$OUT" | python3 bench/jfr-top.py
