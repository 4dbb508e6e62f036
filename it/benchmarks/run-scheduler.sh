#!/usr/bin/env bash
# JMH: Lightwire's loop TimerQueue against java.util.PriorityQueue and Netty's
# DefaultPriorityQueue, with 1, 1k and 100k timers pending; then the ratios.
# Short settings so it finishes in about two minutes; extra arguments go to JMH
# (e.g. -p pending=100000, or -f 3 -i 10 for a careful run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/build-if-needed.sh"
cd "$here"
cp='target/classes:target/lib/*'
csv=target/scheduler-jmh.csv
# the outer timeout is only a fence against a wedged fork
timeout 900 java -cp "$cp" org.openjdk.jmh.Main 'org.lightwire.benchmarks.scheduler.SchedulerBenchmark' \
    -f 1 -wi 2 -i 3 -w 1s -r 1s -rf csv -rff "$csv" "$@"
java -cp "$cp" org.lightwire.benchmarks.scheduler.SchedulerRatios "$csv"
