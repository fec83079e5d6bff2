#!/usr/bin/env bash
# Keystroke-to-echo latency of device-service's web terminal on loopback: the packaged device-service (H2) and
# OpenSSH's sshd, both started here on free ports; a JDK WebSocket client types into /api/terminal/{device} one
# key at a time and waits for that key's echo from the device's PTY. p50/p99 alone, then while a second terminal
# of the same user on the same device floods (`yes`; `cat` of a large file in a loop). Target: p99 < 30 ms.
# The client is benchmarks/terminal-echo/TerminalEcho.java, run with device-service's own libraries (jose4j,
# Jackson). Writes benchmarks/results/terminal-echo.md with the machine's load (other work shares the 2 cores).
# Needs /usr/sbin/sshd and ssh-keygen (apt-get install -y openssh-server) and root (sshd's privilege separation).
#
# Usage: benchmarks/terminal-echo.sh
# Knobs (environment): KEYS=2000 WARMUP=1000 FLOOD_S=20 FLOOD_FILE_MIB=64 SERVER_HEAP=256m NO_BUILD=1 RESULTS=<file>
#                      WAIT_IDLE_MAX=600 IDLE_BUSY_MAX=25 (see lib/machine-load.sh)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
JAR=$ROOT/device-service/target/quarkus-app/quarkus-run.jar
RESULTS=${RESULTS:-$SCRIPT_DIR/results/terminal-echo.md}
KEYS=${KEYS:-2000}
WARMUP=${WARMUP:-1000}
FLOOD_S=${FLOOD_S:-20}
FLOOD_FILE_MIB=${FLOOD_FILE_MIB:-64}
SERVER_HEAP=${SERVER_HEAP:-256m}

log() { printf '[terminal-echo] %s\n' "$*" >&2; }
# shellcheck source=lib/machine-load.sh
. "$SCRIPT_DIR/lib/machine-load.sh"

if [ -z "${NO_BUILD:-}" ]; then
    log "building device-service (H2)"
    (cd "$ROOT" && ./mvnw -B -q -o install -DskipTests -pl auth-lib,device-client,notification-client -am \
        && ./mvnw -B -q -o package -DskipTests -pl device-service)
fi
[ -f "$JAR" ] || { log "missing $JAR"; exit 1; }
[ -x /usr/sbin/sshd ] || { log "missing /usr/sbin/sshd (apt-get install -y openssh-server)"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
WORK=$(mktemp -d)
chmod 755 "$WORK"
SSH_PORT=$(free_port)
HTTP_PORT=$(free_port)
KEY=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
SSHD_PID=
SERVER_PID=
cleanup() {
    # the server first: its SSH connections close, and sshd's session processes and their shells end with them
    for pid in $SERVER_PID $SSHD_PID; do
        if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

# OpenSSH's sshd as a device runs it: own host key, key login for the current user, on 127.0.0.1 only
mkdir -p /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$WORK/ssh_host_ed25519_key"
ssh-keygen -q -t ed25519 -N '' -f "$WORK/id_ed25519"
cat > "$WORK/sshd_config" <<CONF
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $WORK/ssh_host_ed25519_key
AuthorizedKeysFile $WORK/id_ed25519.pub
PidFile $WORK/sshd.pid
UsePAM no
StrictModes no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
MaxSessions 20
SetEnv SHLVL=1
CONF
log "starting sshd on 127.0.0.1:$SSH_PORT"
/usr/sbin/sshd -D -e -f "$WORK/sshd_config" > "$WORK/sshd.log" 2>&1 &
SSHD_PID=$!

log "writing a ${FLOOD_FILE_MIB} MiB file for the flooding terminal to cat"
head -c $((FLOOD_FILE_MIB * 1024 * 1024 * 3 / 4)) /dev/urandom | base64 > "$WORK/flood.txt"

CLASSPATH_MAIN="$ROOT/device-service/target/quarkus-app/lib/main/*"
java -cp "$CLASSPATH_MAIN" "$SCRIPT_DIR/terminal-echo/TerminalEcho.java" keys "$WORK" 2>/dev/null

log "starting device-service on 127.0.0.1:$HTTP_PORT"
(cd "$WORK" && exec env JOYSTICK_API_KEY="$KEY" JOYSTICK_SECRET_KEY="$(openssl rand -base64 32)" JOYSTICK_DATA_DIR="$WORK/data" JOYSTICK_JWKS_FILE="$WORK/jwks.json" \
    JOYSTICK_REVOCATION_POLL_ENABLED=false JOYSTICK_NOTIFICATION_URL=http://127.0.0.1:9 JOYSTICK_SWITCHER_URL=http://127.0.0.1:9 \
    JOYSTICK_FLEET_URL=http://127.0.0.1:9 QUARKUS_HTTP_PORT="$HTTP_PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HTTP_ACCESS_LOG_ENABLED=false java -Xmx"$SERVER_HEAP" -jar "$JAR" > "$WORK/server.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 1 240); do
    curl -fs -o /dev/null "http://127.0.0.1:$HTTP_PORT/q/health/ready" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done

wait_idle
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
ticks_before=$(machine_ticks)
started=$(date -u '+%F %T')
log "measuring: $WARMUP warm-up keys, then $KEYS keys per case"
OUTPUT=$(java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=off -cp "$CLASSPATH_MAIN" "$SCRIPT_DIR/terminal-echo/TerminalEcho.java" run "http://127.0.0.1:$HTTP_PORT" \
    "$WORK" "$SSH_PORT" "$(id -un)" "$WORK/id_ed25519" "$WARMUP" "$KEYS" "$FLOOD_S" "$WORK/flood.txt" 2>"$WORK/client.log") \
    || { cat "$WORK/client.log" >&2; log "device-service's log:"; tail -40 "$WORK/server.log" >&2; exit 1; }
busy=$(busy_between "$ticks_before" "$(machine_ticks)")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$OUTPUT"

p99_of() { echo "$OUTPUT" | awk -F'|' -v c="$1" 'index($2, c) == 2 {gsub(/ /, "", $6); print $6; exit}'; }
verdict() { awk -v v="${1:-}" 'BEGIN{ if (v=="") {print "not measured"; exit} print (v < 30 ? "met" : "MISSED") }'; }
alone=$(p99_of "alone")
yes_p99=$(p99_of "beside a terminal running \`yes\`")
cat_p99=$(p99_of "beside a terminal running \`cat\`")
commit=$(cd "$ROOT" && git rev-parse --short HEAD)
dirty=$(cd "$ROOT" && git diff --quiet HEAD -- device-service benchmarks/terminal-echo || echo " (with uncommitted changes)")
mkdir -p "$(dirname "$RESULTS")"
{
    echo "# Web terminal: keystroke to echo"
    echo
    echo "- Date: $started UTC; commit $commit$dirty"
    echo "- Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM; $(java -version 2>&1 | head -1); $(/usr/sbin/sshd -V 2>&1 | head -1)"
    echo "- Device: OpenSSH's sshd on 127.0.0.1 (ed25519 host and login keys), the terminal's login shell bash"
    echo "- Server: \`java -Xmx$SERVER_HEAP -jar device-service/target/quarkus-app/quarkus-run.jar\` (prod profile, H2 file DB in a fresh temp dir, 127.0.0.1, access log off, JWTs checked against a JWKS file)"
    echo "- Client: \`benchmarks/terminal-echo/TerminalEcho.java\` (JDK HttpClient WebSocket, one client and thread per terminal, \`Authorization: Bearer\` of a user with \`terminal-route\`) on the same 2 cores; $WARMUP warm-up keys before the first case and $((WARMUP / 5)) before each flood case, $KEYS measured keys per case"
    echo "- Background: load average before $load_before, after $load_after; the whole machine was ${busy}% busy during the run (sshd + server + client + floods + other processes)"
    echo
    echo "$OUTPUT"
    echo
    echo "| target | measured p99 | verdict |"
    echo "|---|---|---|"
    echo "| keystroke → echo < 30 ms, alone | ${alone:-?} ms | $(verdict "$alone") |"
    echo "| keystroke → echo < 30 ms, beside \`yes\` | ${yes_p99:-?} ms | $(verdict "$yes_p99") |"
    echo "| keystroke → echo < 30 ms, beside \`cat\` of a large file | ${cat_p99:-?} ms | $(verdict "$cat_p99") |"
    echo
    echo "How it is measured: the measured terminal runs \`stty -icanon; cat >/dev/null\`, so the device's PTY echoes"
    echo "each key as soon as it arrives and writes nothing else: every output character is the echo of one key. Keys"
    echo "go one at a time (a–z in turn): the clock starts just before the client hands the frame"
    echo "\`{\"type\":\"input\",\"data\":\"k\"}\` to its WebSocket and stops when it has received the output frame holding"
    echo "that very character at the expected position (a wrong or missing echo aborts the run); only then is the next"
    echo "key sent. So each sample is one full round trip: WebSocket → device-service → SSH channel → sshd → PTY echo →"
    echo "SSH → device-service → WebSocket, with no other key in flight. Warm-up keys (JIT of both JVMs) are sent the"
    echo "same way and not counted. Percentiles are nearest-rank. The flooding terminal is a second session of the same"
    echo "user and device (so over the same pooled SSH connection), read as fast as its client can; its rate shows the"
    echo "flood kept flowing during the measurement."
} > "$RESULTS"
log "results in $RESULTS"
