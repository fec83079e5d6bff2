#!/usr/bin/env bash
# JVM-mode start-up time and idle memory of telemetry-service (targets: <= 1.5 s start, <= 64 MB RSS idle with a
# small heap). Builds the service (tests skipped), then starts `java -jar telemetry-service/target/quarkus-app/
# quarkus-run.jar` RUNS times (default 5) per JVM setting, with every sensor simulated (the embedded default) and
# no auth-service (JWKS from a file, as on an edge device), and records for each run:
#   - start: Quarkus's own "started in" time, and the wall time from exec to the first 200 of GET /api/health;
#   - RSS: VmRSS and VmHWM of the process after IDLE_SECONDS (default 10) of idling (the simulator publishing
#     every second, nobody calling), and after 200 requests to /api/gps + /api/telemetry.
# Writes benchmarks/results/telemetry-footprint.md. The machine is shared, so the results record how busy it was.
#
# Usage: benchmarks/telemetry-footprint.sh            (RUNS=5 IDLE_SECONDS=10 to change)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
RESULTS=${RESULTS:-$SCRIPT_DIR/results/telemetry-footprint.md}
RUNS=${RUNS:-5}
IDLE_SECONDS=${IDLE_SECONDS:-10}
JAR=$ROOT/telemetry-service/target/quarkus-app/quarkus-run.jar

log() { printf '[telemetry-footprint] %s\n' "$*" >&2; }
# shellcheck source=lib/machine-load.sh
. "$SCRIPT_DIR/lib/machine-load.sh"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }

# AppCDS: Quarkus runs the application once at package time and dumps a class-data archive next to the jar; only
# the setting that names it with -XX:SharedArchiveFile uses it. The archive records the class path as
# "quarkus-run.jar", so the JVM must start in the quarkus-app directory (every setting does, for equal footing).
log "building telemetry-service (package with an AppCDS archive, tests skipped)"
(cd "$ROOT" && { ./mvnw -o -q -B -DskipTests install -pl auth-lib >/dev/null \
    && ./mvnw -o -q -B -DskipTests -Dquarkus.package.jar.appcds.enabled=true package -pl telemetry-service; })
CDS=$ROOT/telemetry-service/target/quarkus-app/app-cds.jsa
[ -f "$CDS" ] || { log "no AppCDS archive was written ($CDS)"; exit 1; }

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

# name|environment|JVM options
SETTINGS=(
    "small heap, serial GC, C1 only||-Xmx32m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=96m"
    "smallest: 16 MB heap, 1 JIT thread, 2 malloc arenas|MALLOC_ARENA_MAX=2|-Xmx16m -Xms8m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=64m"
    "small heap + AppCDS archive||-Xshare:on -XX:SharedArchiveFile=$CDS -Xmx32m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=96m"
    "JVM defaults (no options)||"
)
TICK=$(getconf CLK_TCK)

rss_kb() { awk -v f="$2" '$1 == f":" {print $2}' "/proc/$1/status"; }

TICKS_BEFORE=$(machine_ticks)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()
for setting in "${SETTINGS[@]}"; do
    name=${setting%%|*}
    rest=${setting#*|}
    envs=${rest%%|*}
    opts=${rest#*|}
    for run in $(seq 1 "$RUNS"); do
        port=$(free_port)
        data="$WORK/data-$run"
        start=$(now_ms)
        # shellcheck disable=SC2086
        (cd "$(dirname "$JAR")" && exec env JOYSTICK_API_KEY="$API_KEY" QUARKUS_HTTP_PORT="$port" JOYSTICK_DATA_DIR="$data" \
            JOYSTICK_JWKS_FILE="$WORK/jwks.json" JOYSTICK_AUTH_URL=http://127.0.0.1:1 $envs java $opts -jar quarkus-run.jar) \
            >"$WORK/run.log" 2>&1 &
        PID=$!
        until curl -fs -o /dev/null "http://127.0.0.1:$port/api/health"; do
            if ! kill -0 "$PID" 2>/dev/null; then log "the service died:"; cat "$WORK/run.log" >&2; exit 1; fi
            sleep 0.02
        done
        ready=$(( $(now_ms) - start ))
        cpu=$(awk -v t="$TICK" '{printf "%.2f", ($14 + $15) / t}' "/proc/$PID/stat")
        started=$(grep -o 'started in [0-9.]*s' "$WORK/run.log" | grep -o '[0-9.]*' | head -1)
        sleep "$IDLE_SECONDS"
        idle=$(rss_kb "$PID" VmRSS)
        for _ in $(seq 1 100); do
            curl -fs -o /dev/null -H "X-API-Key: $API_KEY" "http://127.0.0.1:$port/api/gps"
            curl -fs -o /dev/null -H "X-API-Key: $API_KEY" "http://127.0.0.1:$port/api/telemetry"
        done
        busy=$(rss_kb "$PID" VmRSS)
        peak=$(rss_kb "$PID" VmHWM)
        kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
        log "$name #$run: Quarkus ${started}s, ready ${ready} ms (${cpu} CPU s), idle RSS $((idle / 1024)) MB, after requests $((busy / 1024)) MB, peak $((peak / 1024)) MB"
        ROWS+=("| $name | $run | $started | $ready | $cpu | $(awk -v k="$idle" 'BEGIN{printf "%.1f", k/1024}') | $(awk -v k="$busy" 'BEGIN{printf "%.1f", k/1024}') | $(awk -v k="$peak" 'BEGIN{printf "%.1f", k/1024}') |")
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
    echo "| JVM setting | run | Quarkus \"started in\" (s) | exec → first /api/health 200 (ms) | CPU time until then (s) | RSS idle after ${IDLE_SECONDS} s (MB) | RSS after 200 requests (MB) | peak RSS (MB) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "Medians:"
    echo
    for setting in "${SETTINGS[@]}"; do
        name=${setting%%|*}
        rest=${setting#*|}
        envs=${rest%%|*}
        opts=${rest#*|}
        opts=${opts//$ROOT\//}
        sel=$(printf '%s\n' "${ROWS[@]}" | awk -F'|' -v n=" $name " '$2 == n')
        echo "- **$name** (\`${envs:+$envs }${opts:-no options}\`): started in $(echo "$sel" | awk -F'|' '{print $4}' | median) s, ready in $(echo "$sel" | awk -F'|' '{print $5}' | median) ms using $(echo "$sel" | awk -F'|' '{print $6}' | median) CPU s, idle RSS $(echo "$sel" | awk -F'|' '{print $7}' | median) MB, RSS after requests $(echo "$sel" | awk -F'|' '{print $8}' | median) MB"
    done
} >"$RESULTS"
log "written to $RESULTS"
