#!/usr/bin/env bash
# Fleet-size benchmark of slot health checking: one load program simulates N SSH devices on loopback (Apache MINA
# SshServer, one port each; slot-check answers after 50-300 ms, the users' action after 50-500 ms; one in
# DEAD_EVERY has no listener, one in SLOW_EVERY answers only after the run timeout), registers them in the packaged
# device-service (H2) with autoSlotSwitch on, and watches the packaged switcher-client's scheduled health runs
# (SLOT_HEALTH_CHECK_INTERVAL 30 s) at each fleet size in STEPS: the whole run's time, p50/p99 per check
# (device-service's access log), CPU per check (process CPU time of device-service + switcher-client / checks),
# device-service's RSS with the pooled SSH sessions open, and p50/p99 of POST /api/run from USERS users (JWTs,
# each on the allow-list of 1/USERS of the fleet) while the health runs go on.
# The load program is benchmarks/fleet-scale/FleetScale.java, run with device-service's own libraries (sshd-core,
# jose4j, Jackson). Writes benchmarks/results/fleet-scale.md with the machine's load (other work shares the cores).
#
# Usage: benchmarks/fleet-scale.sh                       # ~12 minutes
#        NO_BUILD=1 STEPS="100 300" benchmarks/fleet-scale.sh
# Knobs (environment): STEPS="100 300 1000" USERS=50 THINK_MS=1000 (each user waits 0.5-1.5 x THINK_MS between runs)
#                      MEASURED_RUNS=2 (health runs measured with the users at each size) DEAD_EVERY=100 SLOW_EVERY=100
#                      SLOT_HEALTH_CHECK_INTERVAL=30 SLOT_CHECK_CONCURRENCY=32 SLOT_CHECK_TIMEOUT=5 (switcher-client's
#                      defaults; it shipped 8 and 10 s before the runs in the results)
#                      DEVICE_KEX=default|no-sntrup (the simulated devices' key exchanges: MINA's default offers
#                      sntrup761x25519-sha512 first, as OpenSSH 9.x does; no-sntrup leaves it out, see the results)
#                      SWITCHER_ENV="K=V ..." DEVICE_ENV="K=V ..." (more configuration of either service; PostgreSQL: build
#                      device-service with -Dquarkus.datasource.db-kind=postgresql, create a database, and pass
#                      DEVICE_ENV="QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/<db> QUARKUS_DATASOURCE_USERNAME=postgres")
#                      DEVICE_OPTS="-D..." (JVM options of device-service) SWITCHER_OPTS="-D..."
#                      DEVICE_HEAP=512m DEVICE_FIXED_HEAP=1 SWITCHER_HEAP=256m NO_BUILD=1 RESULTS=<file> KEEP_LOGS=<dir>
#                      WAIT_IDLE_MAX=600 IDLE_BUSY_MAX=25 (see lib/machine-load.sh)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
DEVICE_JAR=$ROOT/device-service/target/quarkus-app/quarkus-run.jar
SWITCHER_JAR=$ROOT/switcher-client/target/quarkus-app/quarkus-run.jar
RESULTS=${RESULTS:-$SCRIPT_DIR/results/fleet-scale.md}
STEPS=${STEPS:-100 300 1000}
USERS=${USERS:-50}
THINK_MS=${THINK_MS:-1000}
MEASURED_RUNS=${MEASURED_RUNS:-2}
DEAD_EVERY=${DEAD_EVERY:-100}
SLOW_EVERY=${SLOW_EVERY:-100}
INTERVAL=${SLOT_HEALTH_CHECK_INTERVAL:-30}
CONCURRENCY=${SLOT_CHECK_CONCURRENCY:-32}
CHECK_TIMEOUT=${SLOT_CHECK_TIMEOUT:-5}
DEVICE_OPTS=${DEVICE_OPTS:-}
DEVICE_HEAP=${DEVICE_HEAP:-512m}
# A heap committed and touched at start (-Xms = -Xmx, AlwaysPreTouch) keeps the heap's growth policy out of the RSS:
# a session's cost is then its live heap (after a full GC) plus the RSS it adds outside the heap. DEVICE_FIXED_HEAP=0
# lets the heap grow as in production (the RSS then also counts the heap the JVM commits as it grows).
DEVICE_FIXED_HEAP=${DEVICE_FIXED_HEAP:-1}
if [ "$DEVICE_FIXED_HEAP" = 1 ]; then
    DEVICE_HEAP_OPTS="-Xms$DEVICE_HEAP -Xmx$DEVICE_HEAP -XX:+AlwaysPreTouch"
else
    DEVICE_HEAP_OPTS="-Xmx$DEVICE_HEAP"
fi
SWITCHER_HEAP=${SWITCHER_HEAP:-256m}
DEVICE_KEX=${DEVICE_KEX:-default}

log() { printf '[fleet-scale] %s\n' "$*" >&2; }
# shellcheck source=lib/machine-load.sh
. "$SCRIPT_DIR/lib/machine-load.sh"

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true

if [ -z "${NO_BUILD:-}" ]; then
    log "building device-service and switcher-client (H2)"
    (cd "$ROOT" && ./mvnw -B -q -o install -DskipTests -pl auth-lib,device-client,notification-client -am \
        && ./mvnw -B -q -o package -DskipTests -pl device-service,switcher-client)
fi
for jar in "$DEVICE_JAR" "$SWITCHER_JAR"; do [ -f "$jar" ] || { log "missing $jar"; exit 1; }; done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
WORK=$(mktemp -d)
DEVICE_PORT=$(free_port)
SWITCHER_PORT=$(free_port)
KEY=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
SECRET=$(openssl rand -base64 32)
DEVICE_PID=
SWITCHER_PID=
cleanup() {
    for pid in $SWITCHER_PID $DEVICE_PID; do
        if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
    done
    if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$KEEP_LOGS" && cp -r "$WORK"/*.log "$WORK"/access "$KEEP_LOGS"/ 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

CLASSPATH_MAIN="$ROOT/device-service/target/quarkus-app/lib/main/*"
java -cp "$CLASSPATH_MAIN" "$SCRIPT_DIR/fleet-scale/FleetScale.java" keys "$WORK" 2>"$WORK/keys.log" || { cat "$WORK/keys.log" >&2; exit 1; }

COMMON_ENV=(JOYSTICK_API_KEY="$KEY" JOYSTICK_SECRET_KEY="$SECRET" JOYSTICK_JWKS_FILE="$WORK/jwks.json"
    JOYSTICK_REVOCATION_POLL_ENABLED=false JOYSTICK_NOTIFICATION_URL=http://127.0.0.1:9 QUARKUS_HTTP_HOST=127.0.0.1)
wait_ready() {
    for _ in $(seq 1 240); do
        curl -fs -o /dev/null "http://127.0.0.1:$1/q/health/ready" && return
        kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
        sleep 0.5
    done
    log "not ready: $3"; exit 1
}

log "starting device-service on 127.0.0.1:$DEVICE_PORT"
# the access log (request line, status, milliseconds) is how each slot-check's time is measured
(cd "$WORK" && exec env "${COMMON_ENV[@]}" JOYSTICK_DATA_DIR="$WORK/device-data" \
    JOYSTICK_SWITCHER_URL="http://127.0.0.1:$SWITCHER_PORT" JOYSTICK_FLEET_URL=http://127.0.0.1:9 \
    QUARKUS_HTTP_PORT="$DEVICE_PORT" QUARKUS_HTTP_ACCESS_LOG_ENABLED=true QUARKUS_HTTP_ACCESS_LOG_PATTERN='%r %s %D' \
    QUARKUS_HTTP_RECORD_REQUEST_START_TIME=true QUARKUS_HTTP_ACCESS_LOG_LOG_TO_FILE=true \
    QUARKUS_HTTP_ACCESS_LOG_LOG_DIRECTORY="$WORK/access" QUARKUS_HTTP_ACCESS_LOG_BASE_FILE_NAME=device-access \
    ${DEVICE_ENV:-} java $DEVICE_HEAP_OPTS ${DEVICE_OPTS:-} -jar "$DEVICE_JAR" > "$WORK/device-service.log" 2>&1) &
DEVICE_PID=$!
mkdir -p "$WORK/access"
wait_ready "$DEVICE_PORT" "$DEVICE_PID" "$WORK/device-service.log"

log "starting switcher-client on 127.0.0.1:$SWITCHER_PORT (health runs every ${INTERVAL} s, ${CONCURRENCY} checks at once, ${CHECK_TIMEOUT} s each at most)"
(cd "$WORK" && exec env "${COMMON_ENV[@]}" JOYSTICK_DATA_DIR="$WORK/switcher-data" \
    JOYSTICK_DEVICE_URL="http://127.0.0.1:$DEVICE_PORT" JOYSTICK_MEDIAMTX_URL=http://127.0.0.1:9 STREAM_STATUS_ENABLED=false \
    SLOT_HEALTH_CHECK_INTERVAL="$INTERVAL" SLOT_CHECK_CONCURRENCY="$CONCURRENCY" SLOT_CHECK_TIMEOUT="$CHECK_TIMEOUT" \
    QUARKUS_HTTP_PORT="$SWITCHER_PORT" QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
    ${SWITCHER_ENV:-} java -Xmx"$SWITCHER_HEAP" ${SWITCHER_OPTS:-} -jar "$SWITCHER_JAR" > "$WORK/switcher-client.log" 2>&1) &
SWITCHER_PID=$!
wait_ready "$SWITCHER_PORT" "$SWITCHER_PID" "$WORK/switcher-client.log"

wait_idle
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
ticks_before=$(machine_ticks)
started=$(date -u '+%F %T')
log "running the load program: devices $STEPS"
OUTPUT=$(java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CLASSPATH_MAIN" \
    -Ddevice="http://127.0.0.1:$DEVICE_PORT" -Dswitcher="http://127.0.0.1:$SWITCHER_PORT" -DapiKey="$KEY" -Ddir="$WORK" \
    -DdevicePid="$DEVICE_PID" -DswitcherPid="$SWITCHER_PID" -Dsteps="$STEPS" -Dusers="$USERS" -DthinkMs="$THINK_MS" \
    -DmeasuredRuns="$MEASURED_RUNS" -DdeadEvery="$DEAD_EVERY" -DslowEvery="$SLOW_EVERY" \
    -DdeviceKex="$DEVICE_KEX" -DaccessLog="$WORK/access/device-access.log" \
    "$SCRIPT_DIR/fleet-scale/FleetScale.java" run 2> >(tee "$WORK/load.log" >&2)) \
    || { log "device-service's log:"; tail -40 "$WORK/device-service.log" >&2; log "switcher-client's log:"; tail -40 "$WORK/switcher-client.log" >&2; exit 1; }
busy=$(busy_between "$ticks_before" "$(machine_ticks)")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$OUTPUT"
warnings=$(grep -c -E 'WARN|ERROR' "$WORK/switcher-client.log" || true)
dev_warnings=$(grep -c -E 'WARN|ERROR' "$WORK/device-service.log" || true)

commit=$(cd "$ROOT" && git rev-parse --short HEAD)
dirty=$(cd "$ROOT" && git diff --quiet HEAD -- device-service switcher-client benchmarks/fleet-scale || echo " (with uncommitted changes)")
mkdir -p "$(dirname "$RESULTS")"
{
    echo "# Slot health checks at fleet scale: $STEPS devices"
    echo
    echo "- Date: $started UTC; commit $commit$dirty"
    echo "- Command: \`STEPS=\"$STEPS\" USERS=$USERS THINK_MS=$THINK_MS SLOT_CHECK_CONCURRENCY=$CONCURRENCY SLOT_CHECK_TIMEOUT=$CHECK_TIMEOUT SLOT_HEALTH_CHECK_INTERVAL=$INTERVAL DEVICE_KEX=$DEVICE_KEX${SWITCHER_ENV:+ SWITCHER_ENV=\"$SWITCHER_ENV\"}${DEVICE_ENV:+ DEVICE_ENV=\"$DEVICE_ENV\"}${DEVICE_OPTS:+ DEVICE_OPTS=\"$DEVICE_OPTS\"} benchmarks/fleet-scale.sh\`"
    echo "- Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM; $(java -version 2>&1 | head -1)"
    echo "- device-service: \`java $DEVICE_HEAP_OPTS${DEVICE_OPTS:+ $DEVICE_OPTS} -jar device-service/target/quarkus-app/quarkus-run.jar\` (prod profile, $(case "${DEVICE_ENV:-}" in *JDBC_URL=jdbc:postgresql*) echo "PostgreSQL $(psql -h 127.0.0.1 -U postgres -Atc 'show server_version' 2>/dev/null) from DEVICE_ENV (device-service built with -Dquarkus.datasource.db-kind=postgresql)";; *) echo "H2 file DB in a fresh temp dir";; esac), 127.0.0.1, access log to a file: \`%r %s %D\`)"
    echo "- switcher-client: \`java -Xmx$SWITCHER_HEAP -jar switcher-client/target/quarkus-app/quarkus-run.jar\`, SLOT_HEALTH_CHECK_INTERVAL=$INTERVAL, SLOT_CHECK_CONCURRENCY=$CONCURRENCY, SLOT_CHECK_TIMEOUT=$CHECK_TIMEOUT, STREAM_STATUS_ENABLED=false${SWITCHER_ENV:+, $SWITCHER_ENV}"
    echo "- Devices: \`benchmarks/fleet-scale/FleetScale.java\` (MINA sshd-core 2.20.0 SshServer, one loopback port per device, password login); 1 in $DEAD_EVERY dead (port closed), 1 in $SLOW_EVERY slow (answers after 15 s, past the ${CHECK_TIMEOUT} s check timeout); secondary slot 127.0.0.2 (nothing listens: failing devices are never switched); $USERS users (JWTs, each allowed on 1/$USERS of the fleet) running \`report-status\` on healthy devices, ${THINK_MS} ms think time on average; same cores"
    echo "- Background: load average before $load_before, after $load_after; the whole machine was ${busy}% busy during the run (both services + devices + users + other processes)"
    echo "- WARN/ERROR lines: switcher-client $warnings, device-service $dev_warnings"
    echo
    echo "$OUTPUT"
} > "$RESULTS"
log "results in $RESULTS"
