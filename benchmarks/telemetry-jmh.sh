#!/usr/bin/env bash
# JMH micro-benchmarks of telemetry-service's parsers (benchmarks/jmh-telemetry, ParserBenchmark): NMEA sentences
# parsed per second per core (target >= 1 M), the same through the byte framer, and AT+CPSI? / AT+QENG replies
# parsed per second.
# Builds telemetry-service (installed to the local Maven repository with auth-lib and the parent, tests skipped)
# and the JMH project, runs it, and writes benchmarks/results/telemetry-jmh.md (plus the raw JMH JSON next to it).
#
# Usage: benchmarks/telemetry-jmh.sh [extra JMH arguments, e.g. a benchmark regexp like 'nmea' or '-f 2']
# The default configuration is in ParserBenchmark's annotations: 1 fork, 5 x 2 s warm-up, 5 x 2 s measurement,
# 1 thread, throughput (ops/s). Takes about 2.5 minutes (6 benchmarks x ~22 s).
# Before measuring it waits (WAIT_IDLE_MAX=600 s at most; 0 = don't wait) for the machine to be <= IDLE_BUSY_MAX=25 %
# busy, since anything else running on the same cores lowers the scores.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
RESULTS=${RESULTS:-$SCRIPT_DIR/results/telemetry-jmh.md}
JSON=${RESULTS%.md}.json
JMH_DIR=$SCRIPT_DIR/jmh-telemetry

JMH_NAME=telemetry-jmh
JMH_MODULE=telemetry-service
JMH_CLASS=ParserBenchmark
JMH_TITLE="telemetry parsers JMH benchmark"
JMH_SETUP="inputs are the verified examples of docs/protocols.md"
JMH_FOOTER="One operation = one NMEA sentence (nmea*) or one modem reply (cpsi*, qeng*). What each benchmark measures: ParserBenchmark's Javadoc."

# shellcheck source=lib/jmh-run.sh
. "$SCRIPT_DIR/lib/jmh-run.sh" "$@"
