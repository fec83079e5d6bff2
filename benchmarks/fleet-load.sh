#!/usr/bin/env bash
# Load benchmark of fleet-service on loopback: DEVICES (1000) simulated devices, each with its own broker account
# (issued by fleet-service) and MQTT connection, publish gps, imu, battery and cpsi every second (QoS 1) to a
# Mosquitto 2 with dynamic security started here on a free port; one fleet-service (H2) consumes them.
# Measures readings stored per second (target >= 4,000/s sustained, nothing lost), p99 from publishing a reading
# to its delivery on SSE streams (target < 250 ms), MQTT bytes per reading (target <= 200), fleet-service RSS.
# The load program is benchmarks/fleet-load/FleetLoad.java, run with fleet-service's own libraries (vertx-mqtt,
# telemetry-codec: each reading is encoded exactly as the edge encodes it);
# it also stands in for device-service (every device exists). Writes benchmarks/results/fleet-load.md with the
# machine's load (other work shares the 2 cores).
#
# Usage: benchmarks/fleet-load.sh
# Knobs (environment): DEVICES=1000 WARMUP_S=20 MEASURE_S=60 SSE_DEVICES=20 SERVER_HEAP=512m NO_BUILD=1 RESULTS=<file>
#                      ENCODING=deflate|json (how the simulated edges encode each reading, as TELEMETRY_PUBLISH_ENCODING)
#                      BROKER_INFLIGHT=1000 (Mosquitto max_inflight_messages: how many unacknowledged messages fleet-service may hold)
#                      KEEP_LOGS=<dir> (keep the server's and broker's logs) SERVER_OPTS="-XX:StartFlightRecording=filename=/tmp/fleet.jfr,settings=profile" (extra JVM options)
#                      WAIT_IDLE_MAX=600 IDLE_BUSY_MAX=25 (see lib/machine-load.sh)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
JAR=$ROOT/fleet-service/target/quarkus-app/quarkus-run.jar
RESULTS=${RESULTS:-$SCRIPT_DIR/results/fleet-load.md}
DEVICES=${DEVICES:-1000}
WARMUP_S=${WARMUP_S:-20}
MEASURE_S=${MEASURE_S:-60}
SSE_DEVICES=${SSE_DEVICES:-20}
SERVER_HEAP=${SERVER_HEAP:-512m}
PLUGIN=/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so

log() { printf '[fleet-load] %s\n' "$*" >&2; }
# shellcheck source=lib/machine-load.sh
. "$SCRIPT_DIR/lib/machine-load.sh"

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true

if [ -z "${NO_BUILD:-}" ]; then
    log "building fleet-service (H2)"
    (cd "$ROOT" && ./mvnw -B -q -o install -DskipTests -pl auth-lib,notification-client,telemetry-codec -am && ./mvnw -B -q -o package -DskipTests -pl fleet-service)
fi
[ -f "$JAR" ] || { log "missing $JAR"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
WORK=$(mktemp -d)
MQTT_PORT=$(free_port)
HTTP_PORT=$(free_port)
STUB_PORT=$(free_port)
KEY=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
ADMIN_PASSWORD=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
BROKER_PID=
SERVER_PID=
cleanup() {
    for pid in $SERVER_PID $BROKER_PID; do
        if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
    done
    if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$KEEP_LOGS" && cp "$WORK"/*.log "$KEEP_LOGS"/; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

mosquitto_ctrl dynsec init "$WORK/dynamic-security.json" joystick-fleet "$ADMIN_PASSWORD" >/dev/null
cat > "$WORK/mosquitto.conf" <<CONF
per_listener_settings false
user $(id -un)
allow_anonymous false
listener $MQTT_PORT 127.0.0.1
plugin $PLUGIN
plugin_opt_config_file $WORK/dynamic-security.json
persistence false
max_queued_messages 100000
max_inflight_messages ${BROKER_INFLIGHT:-1000}
log_dest stdout
log_type error
log_type warning
log_type notice
CONF
log "starting Mosquitto on 127.0.0.1:$MQTT_PORT"
/usr/sbin/mosquitto -c "$WORK/mosquitto.conf" > "$WORK/mosquitto.log" 2>&1 &
BROKER_PID=$!

log "starting fleet-service on 127.0.0.1:$HTTP_PORT"
(cd "$WORK" && exec env JOYSTICK_API_KEY="$KEY" JOYSTICK_DATA_DIR="$WORK/data" JOYSTICK_REVOCATION_POLL_ENABLED=false \
    JOYSTICK_AUTH_URL=http://127.0.0.1:9 JOYSTICK_DEVICE_URL="http://127.0.0.1:$STUB_PORT" \
    JOYSTICK_NOTIFICATION_URL="http://127.0.0.1:$STUB_PORT" JOYSTICK_MQTT_URL="mqtt://127.0.0.1:$MQTT_PORT" \
    JOYSTICK_MQTT_ADMIN_USER=joystick-fleet JOYSTICK_MQTT_ADMIN_PASSWORD="$ADMIN_PASSWORD" JOYSTICK_MQTT_CLIENT_ID=fleet-bench \
    QUARKUS_HTTP_PORT="$HTTP_PORT" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
    java -Xmx"$SERVER_HEAP" ${SERVER_OPTS:-} -jar "$JAR" > "$WORK/server.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 1 240); do
    curl -fs -o /dev/null "http://127.0.0.1:$HTTP_PORT/q/health/ready" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done
# the java process itself (the subshell exec'd into it)
FLEET_PID=$SERVER_PID

wait_idle
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
ticks_before=$(machine_ticks)
started=$(date -u '+%F %T')
log "running the load program"
OUTPUT=$(ENCODING=${ENCODING:-deflate} java -Xmx1g -cp "$ROOT/fleet-service/target/quarkus-app/lib/main/*" "$SCRIPT_DIR/fleet-load/FleetLoad.java" \
    "http://127.0.0.1:$HTTP_PORT" "$KEY" "$STUB_PORT" "$DEVICES" "$WARMUP_S" "$MEASURE_S" "$FLEET_PID" "$SSE_DEVICES")
busy=$(busy_between "$ticks_before" "$(machine_ticks)")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$OUTPUT"

rate=$(echo "$OUTPUT" | sed -n 's/^readings stored per second: \([0-9]*\).*/\1/p')
p99=$(echo "$OUTPUT" | sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p')
bytes=$(echo "$OUTPUT" | sed -n 's/^MQTT bytes per reading.*: \([0-9.]*\)$/\1/p')
lost=$(echo "$OUTPUT" | grep -c 'nothing lost' || true)
commit=$(cd "$ROOT" && git rev-parse --short HEAD)
dirty=$(cd "$ROOT" && git diff --quiet HEAD -- fleet-service telemetry-codec benchmarks/fleet-load || echo " (with uncommitted changes)")
verdict() { awk -v v="${1:-}" -v t="$2" -v op="$3" 'BEGIN{ if (v=="") {print "not measured"; exit} ok = (op=="ge") ? v>=t : (op=="lt" ? v<t : v<=t); print (ok ? "met" : "MISSED") }'; }
mkdir -p "$(dirname "$RESULTS")"
{
    echo "# fleet-service under load: $DEVICES devices x 4 sensors every second"
    echo
    echo "- Date: $started UTC; commit $commit$dirty"
    echo "- Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM; $(java -version 2>&1 | head -1); $(/usr/sbin/mosquitto -h | head -1)"
    echo "- Broker: Mosquitto with dynamic security on 127.0.0.1, persistence off, max_inflight_messages ${BROKER_INFLIGHT:-1000}; every device its own account issued by fleet-service"
    echo "- Server: \`java -Xmx$SERVER_HEAP -jar fleet-service/target/quarkus-app/quarkus-run.jar\` (prod profile, H2 file DB in a fresh temp dir, access log off)"
    echo "- Load program: \`benchmarks/fleet-load/FleetLoad.java\` (Vert.x MQTT client, 2 event loops, $DEVICES connections; $SSE_DEVICES SSE streams) on the same 2 cores; warm-up ${WARMUP_S} s, measured ${MEASURE_S} s; readings encoded ${ENCODING:-deflate} (telemetry-codec, as the edge)"
    echo "- Background: load average before $load_before, after $load_after; the whole machine was ${busy}% busy during the run (broker + server + load program + other processes)"
    echo
    echo '```'
    echo "$OUTPUT"
    echo '```'
    echo
    echo "| target | measured | verdict |"
    echo "|---|---|---|"
    echo "| readings stored ≥ 4,000/s sustained, nothing lost | ${rate:-?}/s; $( [ "$lost" = 1 ] && echo 'nothing lost' || echo 'see above') | $( [ "$lost" = 1 ] && verdict "$rate" 4000 ge || echo MISSED) |"
    echo "| p99 publish → SSE < 250 ms | ${p99:-?} ms | $(verdict "$p99" 250 lt) |"
    echo "| bytes on the wire per reading ≤ 200 | ${bytes:-?} (MQTT) | $(verdict "$bytes" 200 le) |"
    echo
    echo "Publish → SSE = from the reading's timestamp, set just before the device's PUBLISH, until the load program read"
    echo "the event on a stream (one clock: same machine). Bytes per reading = the device's PUBLISH frame (fixed header,"
    echo "topic, packet id, the edge's payload: its JSON deflated with a format byte, or as is) plus the broker's PUBACK; TCP/IP headers are not counted, and the broker"
    echo "sends the same PUBLISH on to fleet-service. Stored per second = fleet-service's fleet_readings_stored_total over"
    echo "the measured window. RSS = fleet-service's resident set at the end of the window (peak in brackets)."
} > "$RESULTS"
log "results in $RESULTS"
