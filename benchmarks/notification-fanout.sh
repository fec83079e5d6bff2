#!/usr/bin/env bash
# WebSocket fan-out benchmark of notification-service, on loopback:
#   1. CLIENTS (1000) WebSocket clients connected; SENDS broadcasts, one at a time: p50/p99 time from just
#      before the POST until every client has it (target p99 < 100 ms), and of single deliveries.
#   2. THROUGHPUT_CLIENTS (100) clients; SENDERS threads POST broadcasts for DURATION_S seconds: sends/s, and whether
#      every client got every one.
# Builds notification-service (H2), starts the jar from a temporary data directory on a free port, runs the
# load client (benchmarks/notification-load/NotificationLoad.java, JDK only), stops the service, and writes
# benchmarks/results/notification-fanout.md (with the machine's load: other work shares the 2 cores).
#
# Usage: benchmarks/notification-fanout.sh
# Knobs (environment): CLIENTS=1000 SENDS=200 WARMUP_SENDS=100 THROUGHPUT_CLIENTS=100 DURATION_S=10 SENDERS=4 SERVER_HEAP=512m
#                      NO_BUILD=1 (use the jar as it is) RESULTS=<file>
#                      SERVER_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/fanout.jfr" (more options for the server JVM)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
JAR=$ROOT/notification-service/target/quarkus-app/quarkus-run.jar
RESULTS=${RESULTS:-$SCRIPT_DIR/results/notification-fanout.md}
CLIENTS=${CLIENTS:-1000}
SENDS=${SENDS:-200}
WARMUP_SENDS=${WARMUP_SENDS:-100}
THROUGHPUT_CLIENTS=${THROUGHPUT_CLIENTS:-100}
DURATION_S=${DURATION_S:-10}
SENDERS=${SENDERS:-4}
SERVER_HEAP=${SERVER_HEAP:-512m}

log() { printf '[notification-fanout] %s\n' "$*" >&2; }

# 1000 sockets on each side of loopback, plus the JVMs' own files.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true
log "open files limit: $(ulimit -n)"

if [ -z "${NO_BUILD:-}" ]; then
    log "building notification-service (H2)"
    (cd "$ROOT" && ./mvnw -B -q -o install -DskipTests -pl auth-lib -am && ./mvnw -B -q -o package -DskipTests -pl notification-service)
fi
[ -f "$JAR" ] || { log "missing $JAR"; exit 1; }

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
KEY=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

log "starting the service on 127.0.0.1:$PORT"
(cd "$WORK" && exec env -u JOYSTICK_API_KEYS JOYSTICK_API_KEY="$KEY" JOYSTICK_DATA_DIR="$WORK/data" JOYSTICK_REVOCATION_POLL_ENABLED=false \
    QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
    java -Xmx"$SERVER_HEAP" ${SERVER_JAVA_OPTS:-} -jar "$JAR" > "$WORK/server.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 1 240); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cpu_before=$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
started=$(date -u '+%F %T')
log "running the load client"
OUTPUT=$(java -Xmx1g "$SCRIPT_DIR/notification-load/NotificationLoad.java" "http://127.0.0.1:$PORT" "$KEY" \
    "$CLIENTS" "$SENDS" "$THROUGHPUT_CLIENTS" "$DURATION_S" "$SENDERS" "$SERVER_PID" "$WARMUP_SENDS")
cpu_after=$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
busy=$(awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN{split(a,x," "); split(b,y," "); printf "%.0f", (y[1]-x[1])/((y[2]-x[2])>0?(y[2]-x[2]):1)*100}')
echo "$OUTPUT"

p99=$(echo "$OUTPUT" | sed -n 's/.*until every client had it p50 [0-9.]* ms, p99 \([0-9.]*\) ms.*/\1/p')
verdict=$(awk -v p="${p99:-999999}" 'BEGIN{print (p < 100 ? "met" : "MISSED")}')
commit=$(cd "$ROOT" && git rev-parse --short HEAD)
dirty=$(cd "$ROOT" && git diff --quiet HEAD -- notification-service benchmarks/notification-load || echo " (with uncommitted changes)")
mkdir -p "$(dirname "$RESULTS")"
{
    echo "# notification-service WebSocket fan-out"
    echo
    echo "- Date: $started UTC; commit $commit$dirty"
    echo "- Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM; $(java -version 2>&1 | head -1)"
    echo "- Server: \`java -Xmx$SERVER_HEAP -jar notification-service/target/quarkus-app/quarkus-run.jar\` (prod profile, H2 file DB in a fresh temp dir, 127.0.0.1, access log off); all clients authenticate with the API key, so each broadcast goes to every one of them"
    echo "- Load client: \`benchmarks/notification-load/NotificationLoad.java\` (JDK HttpClient WebSockets, 4 selector threads) on the same 2 cores"
    echo "- Background: load average before $load_before, after $load_after; the whole machine was ${busy}% busy during the run (server + client + other processes)"
    echo
    echo '```'
    echo "$OUTPUT"
    echo '```'
    echo
    echo "**Target: p99 until every one of $CLIENTS clients has a notification < 100 ms: $verdict** (measured p99 ${p99} ms)."
    echo
    echo "Before the measured sends, $WARMUP_SENDS unmeasured ones warm up both JVMs (JIT compilation of the write path)."
    echo "Time until every client has it = from just before the POST is sent until the last of the clients received the"
    echo "message; it includes the HTTP request, the H2 insert and commit, serializing once, and $CLIENTS WebSocket writes, and the"
    echo "load client's own receiving (on the same cores). Single deliveries = the same, per client."
    echo "Server CPU = CPU time (user+sys) of the service's process during the phase divided by the sends: less sensitive"
    echo "to the other processes on the shared cores than the times above."
} > "$RESULTS"
log "results in $RESULTS"
