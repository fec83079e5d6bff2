#!/usr/bin/env bash
# Idle memory of telemetry-service on an edge device with publishing to the fleet's MQTT broker on, beside off.
# Builds the edge package (`-Pedge`, tests skipped), starts a Mosquitto of its own on a free port (with a password
# file; /usr/sbin/mosquitto, Debian package mosquitto), then runs the edge build with edge-run.sh (its AppCDS
# archive, every sensor simulated, JWKS from a file, auth-service unreachable) RUNS times (default 3) per setting:
#   - publishing off (TELEMETRY_PUBLISH_URL unset);
#   - publishing on, the broker up (every reading published: TELEMETRY_PUBLISH_INTERVAL=1s, the simulator's rate);
#   - publishing on, the broker unreachable (every reading queued on disk, reconnecting with backoff).
# After IDLE_SECONDS (default 20) it records RSS (VmRSS), PSS, threads and the process's CPU time since start.
# Writes benchmarks/results/telemetry-publish-footprint.md. The machine is shared: the results say how busy it was.
#
# Usage: benchmarks/telemetry-publish-footprint.sh        (RUNS=3 IDLE_SECONDS=20 to change)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
RESULTS=${RESULTS:-$SCRIPT_DIR/results/telemetry-publish-footprint.md}
RUNS=${RUNS:-3}
IDLE_SECONDS=${IDLE_SECONDS:-20}
EDGE=$ROOT/telemetry-service/target/edge
EDGE_RUN=$ROOT/telemetry-service/edge-run.sh

log() { printf '[telemetry-publish-footprint] %s\n' "$*" >&2; }
# shellcheck source=lib/machine-load.sh
. "$SCRIPT_DIR/lib/machine-load.sh"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

command -v /usr/sbin/mosquitto >/dev/null || { log "needs /usr/sbin/mosquitto (apt-get install mosquitto)"; exit 1; }
log "building the edge package (-Pedge, tests skipped)"
(cd "$ROOT" && ./mvnw -o -q -B -DskipTests install -pl auth-lib -am >/dev/null \
    && ./mvnw -o -q -B -DskipTests -Pedge package -pl telemetry-service)
[ -f "$EDGE/quarkus-run.jar" ] || { log "no edge build in $EDGE"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/joystick-publish-footprint.XXXXXX")
PID=
BROKER_PID=
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null
    [ -n "$BROKER_PID" ] && kill "$BROKER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

modulus=$(openssl genrsa 2048 2>/dev/null | openssl rsa -modulus -noout 2>/dev/null | cut -d= -f2)
python3 - "$modulus" >"$WORK/jwks.json" <<'PY'
import base64, json, sys
n = bytes.fromhex(sys.argv[1])
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
print(json.dumps({"keys": [{"kty": "RSA", "kid": "footprint", "use": "sig", "alg": "RS256", "n": b64(n), "e": "AQAB"}]}))
PY
API_KEY=$(openssl rand -hex 32)
DEVICE_PASSWORD=$(openssl rand -hex 16)

BROKER_PORT=$(free_port)
mosquitto_passwd -b -c "$WORK/passwd" bench-device "$DEVICE_PASSWORD" 2>/dev/null
cat >"$WORK/mosquitto.conf" <<EOF
listener $BROKER_PORT 127.0.0.1
allow_anonymous false
password_file $WORK/passwd
persistence false
user $(id -un)
EOF
/usr/sbin/mosquitto -c "$WORK/mosquitto.conf" >"$WORK/mosquitto.log" 2>&1 &
BROKER_PID=$!
DOWN_PORT=$(free_port) # nothing listens there

# name|extra environment
SETTINGS=(
    "publishing off|"
    "publishing on, broker up|TELEMETRY_PUBLISH_URL=mqtt://127.0.0.1:$BROKER_PORT"
    "publishing on, broker unreachable (queueing)|TELEMETRY_PUBLISH_URL=mqtt://127.0.0.1:$DOWN_PORT"
)
TICK=$(getconf CLK_TCK)
status_kb() { awk -v f="$2" '$1 == f":" {print $2}' "/proc/$1/status"; }
pss_kb() { awk '$1 == "Pss:" {print $2}' "/proc/$1/smaps_rollup"; }
mb() { awk -v k="$1" 'BEGIN{printf "%.1f", k/1024}'; }

wait_idle
TICKS_BEFORE=$(machine_ticks)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()
for setting in "${SETTINGS[@]}"; do
    IFS='|' read -r name extra <<<"$setting"
    for run in $(seq 1 "$RUNS"); do
        port=$(free_port)
        data="$WORK/data-$run-${#ROWS[@]}"
        # shellcheck disable=SC2086
        env APP_DIR="$EDGE" JOYSTICK_API_KEY="$API_KEY" QUARKUS_HTTP_PORT="$port" JOYSTICK_DATA_DIR="$data" \
            JOYSTICK_JWKS_FILE="$WORK/jwks.json" JOYSTICK_AUTH_URL=http://127.0.0.1:1 \
            TELEMETRY_PUBLISH_DEVICE_ID=bench-device TELEMETRY_PUBLISH_USERNAME=bench-device \
            TELEMETRY_PUBLISH_PASSWORD="$DEVICE_PASSWORD" TELEMETRY_PUBLISH_INTERVAL=1s $extra \
            "$EDGE_RUN" >"$WORK/run.log" 2>&1 &
        PID=$!
        until curl -fs -o /dev/null "http://127.0.0.1:$port/api/health"; do
            if ! kill -0 "$PID" 2>/dev/null; then log "the service died:"; cat "$WORK/run.log" >&2; exit 1; fi
            sleep 0.05
        done
        sleep "$IDLE_SECONDS"
        rss=$(status_kb "$PID" VmRSS)
        pss=$(pss_kb "$PID")
        threads=$(status_kb "$PID" Threads)
        cpu=$(awk -v t="$TICK" '{printf "%.2f", ($14 + $15) / t}' "/proc/$PID/stat")
        state=$(curl -fs "http://127.0.0.1:$port/q/health/well" | python3 -c 'import json,sys
d=json.load(sys.stdin)
c=[c for c in d["checks"] if c["name"]=="telemetry-publish"]
print(" ".join(f"{k}={v}" for k,v in c[0]["data"].items() if k in ("state","queued","sent","dropped")) if c else "-")' 2>/dev/null || echo "-")
        kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
        log "$name #$run: RSS $((rss / 1024)) MB, PSS $((pss / 1024)) MB, $threads threads, CPU ${cpu}s; $state"
        ROWS+=("| $name | $run | $(mb "$rss") | $(mb "$pss") | $threads | $cpu | $state |")
    done
done
RUN_BUSY=$(busy_between "$TICKS_BEFORE" "$(machine_ticks)")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
{
    echo "# telemetry-service idle footprint with MQTT publishing (edge build, JVM mode)"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "- Commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "- Machine: $(nproc) cores, $(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo), shared with other builds"
    echo "- Java: $(java -version 2>&1 | head -1); Mosquitto: $(/usr/sbin/mosquitto -h 2>&1 | head -1)"
    echo "- Machine busy during the runs: ${RUN_BUSY}% of all $(nproc) cores; load average before $LOAD_BEFORE, after $LOAD_AFTER"
    echo "- Command: \`benchmarks/telemetry-publish-footprint.sh\` (RUNS=$RUNS, IDLE_SECONDS=$IDLE_SECONDS): the edge build"
    echo "  (\`-Pedge\`) with \`edge-run.sh\`, every sensor simulated (4 readings/s), \`TELEMETRY_PUBLISH_INTERVAL=1s\`"
    echo "  (every reading published or queued), a local Mosquitto with a password file"
    echo
    echo "| setting | run | RSS after ${IDLE_SECONDS} s (MB) | PSS (MB) | threads | CPU time since exec (s) | publisher (/q/health/well) |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "Medians:"
    echo
    for setting in "${SETTINGS[@]}"; do
        IFS='|' read -r name extra <<<"$setting"
        sel=$(printf '%s\n' "${ROWS[@]}" | awk -F'|' -v n=" $name " '$2 == n')
        col() { echo "$sel" | awk -F'|' -v c="$1" '{print $c}' | median; }
        echo "- **$name**: RSS $(col 4) MB, PSS $(col 5) MB, $(col 6) threads, $(col 7) CPU s"
    done
} >"$RESULTS"
log "written to $RESULTS"
