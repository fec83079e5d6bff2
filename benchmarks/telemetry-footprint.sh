#!/usr/bin/env bash
# JVM-mode start-up time and idle memory of telemetry-service (targets: <= 1.5 s start, <= 64 MB RSS idle with a
# small heap). Builds the service twice (tests skipped): the standard build (target/quarkus-app) and the edge build
# (`-Pedge`, target/edge, with an AppCDS archive), plus the framework's floor for comparison (benchmarks/footprint-floor:
# a bare Quarkus REST + Jackson application with the same paths, run by the same edge-run.sh), then starts each setting below RUNS times (default 3) with every
# sensor simulated (the embedded default) and no auth-service (JWKS from a file, as on an edge device; the
# revocation poll fails every 15 s), and records for each run:
#   - start: Quarkus's own "started in" time, the wall time from exec to the first 200 of GET /api/health, the CPU
#     time the process used until then, and the 1-minute load average at that moment;
#   - memory: RSS (VmRSS) and PSS (Pss of /proc/<pid>/smaps_rollup: shared pages such as libjvm.so and the JDK's
#     CDS archive divided among the processes mapping them) after IDLE_SECONDS (default 10) of idling (the
#     simulator publishing every second, nobody calling), the thread count, and RSS after 200 requests to /api/gps
#     + /api/telemetry and its peak (VmHWM).
# Writes benchmarks/results/telemetry-footprint.md. The machine is shared, so the results record how busy it was.
#
# Usage: benchmarks/telemetry-footprint.sh            (RUNS=3 IDLE_SECONDS=10 to change)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
RESULTS=${RESULTS:-$SCRIPT_DIR/results/telemetry-footprint.md}
RUNS=${RUNS:-3}
IDLE_SECONDS=${IDLE_SECONDS:-10}
JAR=$ROOT/telemetry-service/target/quarkus-app/quarkus-run.jar

log() { printf '[telemetry-footprint] %s\n' "$*" >&2; }
# shellcheck source=lib/machine-load.sh
. "$SCRIPT_DIR/lib/machine-load.sh"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }

APP=$ROOT/telemetry-service/target/quarkus-app
EDGE=$ROOT/telemetry-service/target/edge
EDGE_RUN=$ROOT/telemetry-service/edge-run.sh
# The framework's floor: a bare Quarkus REST + Jackson application (benchmarks/footprint-floor), same flags.
FLOOR=$SCRIPT_DIR/footprint-floor/target/edge
# AppCDS: Quarkus runs the application once at package time and dumps a class-data archive next to the jar; only
# edge-run.sh names it with -XX:SharedArchiveFile unless TELEMETRY_APPCDS=0. The archive records the class path as
# "quarkus-run.jar", so the JVM must start in the application directory (edge-run.sh does; so does every setting).
log "building telemetry-service: the standard build and the edge build (-Pedge, with an AppCDS archive), tests skipped"
(cd "$ROOT" && { ./mvnw -o -q -B -DskipTests install -pl auth-lib -am >/dev/null \
    && ./mvnw -o -q -B -DskipTests package -pl telemetry-service \
    && ./mvnw -o -q -B -DskipTests -Pedge package -pl telemetry-service \
    && ./mvnw -o -q -B package -f benchmarks/footprint-floor/pom.xml; })
[ -f "$APP/quarkus-run.jar" ] || { log "no standard build in $APP"; exit 1; }
[ -f "$EDGE/app-cds.jsa" ] || { log "no AppCDS archive was written in the edge build ($EDGE)"; exit 1; }
[ -f "$FLOOR/app-cds.jsa" ] || { log "no AppCDS archive was written for the floor application ($FLOOR)"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/joystick-telemetry-footprint.XXXXXX")
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
# An edge device's offline key material: a fresh RSA public key as a JWKS file (nothing is verified here).
modulus=$(openssl genrsa 2048 2>/dev/null | openssl rsa -modulus -noout 2>/dev/null | cut -d= -f2)
python3 - "$modulus" >"$WORK/jwks.json" <<'PY'
import base64, json, sys
n = bytes.fromhex(sys.argv[1])
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
print(json.dumps({"keys": [{"kty": "RSA", "kid": "footprint", "use": "sig", "alg": "RS256", "n": b64(n), "e": "AQAB"}]}))
PY

API_KEY=$(openssl rand -hex 32)

# name|application directory|command (run in the application directory)
SETTINGS=(
    "standard build, JVM defaults|$APP|java -jar quarkus-run.jar"
    "standard build, edge-run.sh flags|$APP|$EDGE_RUN"
    "edge build (-Pedge), edge-run.sh without AppCDS|$EDGE|env TELEMETRY_APPCDS=0 $EDGE_RUN"
    "edge build (-Pedge), edge-run.sh (uses its AppCDS archive)|$EDGE|$EDGE_RUN"
    "floor: bare Quarkus REST + Jackson app, edge-run.sh (with its AppCDS archive)|$FLOOR|$EDGE_RUN"
)
TICK=$(getconf CLK_TCK)

rss_kb() { awk -v f="$2" '$1 == f":" {print $2}' "/proc/$1/status"; }
pss_kb() { awk '$1 == "Pss:" {print $2}' "/proc/$1/smaps_rollup"; }
mb() { awk -v k="$1" 'BEGIN{printf "%.1f", k/1024}'; }

TICKS_BEFORE=$(machine_ticks)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()
for setting in "${SETTINGS[@]}"; do
    IFS='|' read -r name dir cmd <<<"$setting"
    for run in $(seq 1 "$RUNS"); do
        port=$(free_port)
        data="$WORK/data-$run"
        start=$(now_ms)
        # APP_DIR for edge-run.sh; the plain java command ignores it. exec: $PID is the JVM itself.
        # shellcheck disable=SC2086
        (cd "$dir" && exec env APP_DIR="$dir" JOYSTICK_API_KEY="$API_KEY" QUARKUS_HTTP_PORT="$port" JOYSTICK_DATA_DIR="$data" \
            JOYSTICK_JWKS_FILE="$WORK/jwks.json" JOYSTICK_AUTH_URL=http://127.0.0.1:1 $cmd) \
            >"$WORK/run.log" 2>&1 &
        PID=$!
        until curl -fs -o /dev/null "http://127.0.0.1:$port/api/health"; do
            if ! kill -0 "$PID" 2>/dev/null; then log "the service died:"; cat "$WORK/run.log" >&2; exit 1; fi
            sleep 0.02
        done
        ready=$(( $(now_ms) - start ))
        cpu=$(awk -v t="$TICK" '{printf "%.2f", ($14 + $15) / t}' "/proc/$PID/stat")
        load=$(cut -d' ' -f1 /proc/loadavg)
        started=$(grep -o 'started in [0-9.]*s' "$WORK/run.log" | grep -o '[0-9.]*' | head -1)
        sleep "$IDLE_SECONDS"
        idle=$(rss_kb "$PID" VmRSS)
        pss=$(pss_kb "$PID")
        threads=$(rss_kb "$PID" Threads)
        for _ in $(seq 1 100); do
            curl -fs -o /dev/null -H "X-API-Key: $API_KEY" "http://127.0.0.1:$port/api/gps"
            curl -fs -o /dev/null -H "X-API-Key: $API_KEY" "http://127.0.0.1:$port/api/telemetry"
        done
        busy=$(rss_kb "$PID" VmRSS)
        peak=$(rss_kb "$PID" VmHWM)
        kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
        log "$name #$run: Quarkus ${started}s, ready ${ready} ms (${cpu} CPU s, load $load), idle RSS $((idle / 1024)) MB PSS $((pss / 1024)) MB ($threads threads), after requests $((busy / 1024)) MB, peak $((peak / 1024)) MB"
        ROWS+=("| $name | $run | $started | $ready | $cpu | $load | $(mb "$idle") | $(mb "$pss") | $threads | $(mb "$busy") | $(mb "$peak") |")
    done
done
RUN_BUSY=$(busy_between "$TICKS_BEFORE" "$(machine_ticks)")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
{
    echo "# telemetry-service footprint (JVM mode)"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "- Commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "- Machine: $(nproc) cores, $(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo), shared with other builds"
    echo "- Java: $(java -version 2>&1 | head -1)"
    echo "- Machine busy during the runs: ${RUN_BUSY}% of all $(nproc) cores; load average before $LOAD_BEFORE, after $LOAD_AFTER"
    echo "- Command: \`benchmarks/telemetry-footprint.sh\` (RUNS=$RUNS, IDLE_SECONDS=$IDLE_SECONDS); every sensor simulated, JWKS from a file, auth-service unreachable"
    echo "- Targets: start <= 1.5 s, idle RSS <= 64 MB with a small heap"
    echo
    echo "| setting | run | Quarkus \"started in\" (s) | exec → first /api/health 200 (ms) | CPU time until then (s) | load (1 min) | RSS idle after ${IDLE_SECONDS} s (MB) | PSS idle (MB) | threads | RSS after 200 requests (MB) | peak RSS (MB) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "Medians:"
    echo
    for setting in "${SETTINGS[@]}"; do
        IFS='|' read -r name dir cmd <<<"$setting"
        sel=$(printf '%s\n' "${ROWS[@]}" | awk -F'|' -v n=" $name " '$2 == n')
        col() { echo "$sel" | awk -F'|' -v c="$1" '{print $c}' | median; }
        echo "- **$name** (\`${cmd//$ROOT\//}\` in \`${dir#"$ROOT"/}\`): started in $(col 4) s, ready in $(col 5) ms using $(col 6) CPU s (load $(col 7)), idle RSS $(col 8) MB, PSS $(col 9) MB, RSS after requests $(col 11) MB"
    done
} >"$RESULTS"
log "written to $RESULTS"
