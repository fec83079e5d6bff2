#!/usr/bin/env bash
# JMH micro-benchmarks of the per-request authentication work (benchmarks/jmh, AuthBenchmark):
# SmallRye JWT RS256 verification, kid header parse, auth-lib's whole JWT identity path, API-key matching,
# and, for context, the RS256 signing and the password check (Argon2id; bcrypt for legacy hashes) that every
# login/refresh pays in auth-service.
# Builds auth-lib (installed to the local Maven repository, tests skipped) and the JMH project, runs it, and
# writes benchmarks/results/auth-jmh.md (plus the raw JMH JSON next to it).
#
# Usage: benchmarks/auth-jmh.sh [extra JMH arguments, e.g. a benchmark regexp like 'jwt' or '-f 2']
# The default configuration is in AuthBenchmark's annotations: 1 fork, 5 x 2 s warm-up, 5 x 2 s measurement,
# 1 thread, throughput (ops/s). Takes about 4.5 minutes (12 benchmarks x ~22 s).
# Before measuring it waits (WAIT_IDLE_MAX=600 s at most; 0 = don't wait) for the machine to be <= IDLE_BUSY_MAX=25 %
# busy, since anything else running on the same cores lowers the scores.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
RESULTS=${RESULTS:-$SCRIPT_DIR/results/auth-jmh.md}
JSON=${RESULTS%.md}.json
JMH_DIR=$SCRIPT_DIR/jmh

JMH_NAME=auth-jmh
JMH_MODULE=auth-lib
JMH_CLASS=AuthBenchmark
JMH_TITLE="auth JMH benchmark"
JMH_SETUP="RSA 2048-bit keys"
JMH_FOOTER="What each benchmark measures: see benchmarks/README.md and AuthBenchmark's Javadoc."

# shellcheck source=lib/jmh-run.sh
. "$SCRIPT_DIR/lib/jmh-run.sh" "$@"
