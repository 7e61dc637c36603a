# shellcheck shell=bash
# The JVM options of the processes ./berth starts (BERTH_JAVA_OPTS, BERTH_NODE_JAVA_OPTS, BERTH_API_JAVA_OPTS and
# BERTH_SCHEDULER_JAVA_OPTS replace them),
# shared with the benchmarks so that they can run the servers as a cluster runs them (bench/run-defaults.sh).
# Small heaps and the serial collector: a laptop-sized cluster of eight JVMs, compiled by C1 alone. The heap
# starts small (by default 1/64 of the machine) and its young generation is a sixth of it, not a third: eden
# is touched whole between collections, so it is resident, and these processes keep little garbage alive.
# It still grows with the heap, as the API server's and the scheduler's do with the cluster (a fixed 8 MiB
# cost them up to 10% of their throughput). Methods compile after twice the usual calls: most code runs only
# while Spring starts, and compiled it stays in the code cache.
BERTH_DEFAULT_JAVA_OPTS="-Xms16m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:NewRatio=5 \
-XX:CompileThresholdScaling=2"
# Added for node-agent and proxy-agent, which run on every node and allocate little: a smaller young
# generation, and the old generation gives back what leaves more than 20% of it free after a collection.
# Not for the API server or the scheduler: their heaps grow with the cluster, and growing 10% at a time took
# a full collection at each step (bench/README.md, Footprint).
BERTH_DEFAULT_NODE_JAVA_OPTS="-XX:MaxNewSize=4m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20"
# Added for pod-service, the API server every component calls (later options win): its heap starts at 128 MiB
# with the usual third for the young generation, and methods compile at the usual thresholds. With the
# options above it answered 8-22% slower than before issue 16 while its heap grew under load (more
# collections, full ones at each step of growth); with these, within 10% on every row but the pages of 500
# (bench/README.md, run-defaults).
# What it costs is the young generation, touched whole: ~30 MiB more resident memory than the defaults above.
# Its heap may grow to 512 MiB: every object it serves is kept decoded in its cache, and at 256 MiB a
# benchmark's 20,000 pods filled it (30 full collections, 6 s of pauses in 75 s, against 9 and 1 s). At rest
# the limit costs nothing; under such a load pod-service's memory grows as kube-apiserver's does.
BERTH_DEFAULT_API_JAVA_OPTS="-Xms128m -Xmx512m -XX:NewRatio=2 -XX:CompileThresholdScaling=1"
# Added for the scheduler: the usual third of the heap for the young generation. Binding, it allocates fast
# (each watched pod decoded, each binding built), and in a sixth of its heap those objects outlived the young
# generation: 700 young and 18 full collections, 11 s of pauses in a 90 s benchmark, against 280 and 10, 6 s
# (bench/README.md, Scheduler). ~10 MiB more resident memory; no larger initial heap, which cost more.
BERTH_DEFAULT_SCHEDULER_JAVA_OPTS="-XX:NewRatio=2"
# Two glibc malloc arenas instead of eight per core: the JVM allocates little natively, and idle arenas stay
# resident.
BERTH_MALLOC_ARENA_MAX=2
# The options before issue 16, the baseline that bench/run-footprint.sh and bench/run-defaults.sh measure
# beside the defaults (with class-data sharing off and glibc's default malloc arenas, 8 per core).
BERTH_PREVIOUS_JAVA_OPTS="-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
BERTH_PREVIOUS_MALLOC_ARENA_MAX=$((8 * $(nproc)))
