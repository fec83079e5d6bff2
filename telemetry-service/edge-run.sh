#!/usr/bin/env bash
# Starts telemetry-service on an edge device with the smallest JVM footprint measured (benchmarks/telemetry-footprint.sh,
# benchmarks/results/telemetry-footprint.md): a 16 MB serial-collected heap, the C1 compiler only on one thread, a
# small code cache, one malloc arena, no perf-data file, and the build's AppCDS archive when it has one (the edge
# build does: ~30 % less start-up CPU; a JVM other than the one that built it ignores it with a warning).
#
# Usage: telemetry-service/edge-run.sh [more JVM options]
#   APP_DIR        the packaged application (default: the edge build, telemetry-service/target/edge, made by
#                  `./mvnw -B package -DskipTests -pl telemetry-service -Pedge`; else target/quarkus-app)
#   TELEMETRY_HEAP maximum heap (default 16m)
#   TELEMETRY_APPCDS=0  don't use APP_DIR/app-cds.jsa
#   JAVA           the java binary (default: java on the PATH)
#   JOYSTICK_API_KEY  required: the suite's service key (production mode refuses the development default)
# Configuration as usual: TELEMETRY_* / JOYSTICK_* / QUARKUS_* environment variables (see the module README).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -z "${APP_DIR:-}" ]; then
    APP_DIR=$HERE/target/edge
    [ -f "$APP_DIR/quarkus-run.jar" ] || APP_DIR=$HERE/target/quarkus-app
fi
[ -f "$APP_DIR/quarkus-run.jar" ] || { echo "no quarkus-run.jar in $APP_DIR: build telemetry-service first" >&2; exit 1; }
# The packaged jar runs in production mode, where the development API key is refused.
[ -n "${JOYSTICK_API_KEY:-}" ] || { echo "JOYSTICK_API_KEY is not set: give the suite's service key (the one in data/joystick.env after ./joystick up, or your deployment's .env)" >&2; exit 1; }

# The JVM runs in APP_DIR (an AppCDS archive, if one is passed, records the class path relative to it), so the
# data directory is pinned to where the operator started us.
export JOYSTICK_DATA_DIR=${JOYSTICK_DATA_DIR:-$PWD/data}
# glibc gives each thread that mallocs its own 64 MB arena; the JVM's native allocations are few and small.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-1}

cds=()
if [ "${TELEMETRY_APPCDS:-1}" != 0 ] && [ -f "$APP_DIR/app-cds.jsa" ]; then
    cds=(-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto)
fi

cd "$APP_DIR"
exec "${JAVA:-java}" "${cds[@]}" \
    -Xmx"${TELEMETRY_HEAP:-16m}" -Xms4m -Xss256k -XX:+UseSerialGC \
    -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=8m \
    -XX:-UsePerfData \
    "$@" -jar quarkus-run.jar
