#!/usr/bin/env bash
# HTTP benchmarks of auth-service with wrk, all on loopback (127.0.0.1):
#   1. logins/s     POST /api/collections/users/auth-with-password (password check + RS256 sign)   target >= 30/s
#   2. refreshes/s  POST /api/collections/users/auth-refresh, bare token in Authorization         target >= 3000/s
#   3. GET /api/health with "Authorization: Bearer <jwt>" vs anonymous, same server, same wrk settings,
#      alternating rounds, run first on the fresh server                              target ratio >= 0.90
#      (plus two controls in the same rounds: the token in a non-credential header, and an X-API-Key GET)
#   4. failed logins: median time of an unknown identity vs a wrong password, alternating, one at a time
#      (both pay one Argon2id check, auth-service's LoginTest proves it by counting)    target ratio >= 0.5
# Starts the packaged jar (auth-service/target/quarkus-app/quarkus-run.jar) from a temporary data
# directory on a free port, stops it on exit, prints a summary and writes benchmarks/results/auth-http.md.
#
# Usage: benchmarks/auth-http.sh            (builds the jar first if it is missing)
# Knobs (environment): DURATION=15s WARMUP=10s THREADS=2 CONNECTIONS=32 LOGIN_CONNECTIONS=8 ROUNDS=3
#                      JAR=<path> RESULTS=<file> SERVER_HEAP=512m
#                      WAIT_IDLE_MAX=600 IDLE_BUSY_MAX=25 (wait at most that many seconds, before measuring, for the
#                      machine to be at most that % busy; 0 = don't wait)
# Takes about 6 minutes with the defaults.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
JAR=${JAR:-$ROOT/auth-service/target/quarkus-app/quarkus-run.jar}
RESULTS=${RESULTS:-$SCRIPT_DIR/results/auth-http.md}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
LOGIN_CONNECTIONS=${LOGIN_CONNECTIONS:-8}
ROUNDS=${ROUNDS:-3}
SERVER_HEAP=${SERVER_HEAP:-512m}
ADMIN_EMAIL=admin@joystick.local

TARGET_LOGINS=30
TARGET_REFRESHES=3000
TARGET_RATIO=0.90
TARGET_FAILED_RATIO=0.5
# Failed logins per kind: at most 4 wrong passwords for the admin (the 5th failure from one address locks the
# identity out) and 8 failures in all (20 from one address lock the address out).
FAILED_SAMPLES=4

log() { printf '[auth-http] %s\n' "$*" >&2; }

# shellcheck source=lib/machine-load.sh
. "$SCRIPT_DIR/lib/machine-load.sh"

# --- tools -------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
    log "wrk not found, installing it (Debian package)"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq wrk >/dev/null
fi
for tool in java curl openssl awk; do
    command -v "$tool" >/dev/null 2>&1 || { log "missing tool: $tool"; exit 1; }
done
if [ ! -f "$JAR" ]; then
    log "no $JAR yet, building it"
    (cd "$ROOT" && { ./mvnw -o -q -B -DskipTests install || ./mvnw -q -B -DskipTests install; })
fi

# --- temp dir, server, cleanup --------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/joystick-auth-http.XXXXXX")
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    else
        local p
        for p in $(seq 18090 18190); do
            (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
        done
        return 1
    fi
}

PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
ADMIN_PASSWORD=$(openssl rand -hex 16)
API_KEY=$(openssl rand -hex 32)
log "starting auth-service on $BASE (data dir $WORK/data)"
# Login throttling (LoginThrottle) only counts FAILED logins, so the successful logins of this benchmark are
# never throttled: no JOYSTICK_AUTH_LOGIN_* override is needed. The access log is off so that the console
# logging does not dominate what is measured.
env QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HTTP_PORT="$PORT" \
    QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
    JOYSTICK_DATA_DIR="$WORK/data" \
    JOYSTICK_SECRET_KEY="$(openssl rand -base64 32)" \
    JOYSTICK_API_KEY="$API_KEY" \
    JOYSTICK_ADMIN_EMAIL="$ADMIN_EMAIL" \
    JOYSTICK_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java "-Xmx$SERVER_HEAP" -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

for i in $(seq 1 240); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        log "auth-service exited during start-up:"; tail -50 "$WORK/server.log" >&2; exit 1
    fi
    if curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null; then break; fi
    [ "$i" -eq 240 ] && { log "auth-service not ready after 120 s"; tail -50 "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done
log "ready"

LOGIN_BODY="{\"identity\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}"
TOKEN=$(curl -fsS -X POST -H 'Content-Type: application/json' -d "$LOGIN_BODY" \
    "$BASE/api/collections/users/auth-with-password" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { log "login failed"; exit 1; }
# The two GET variants really are what they claim: the bearer one names a principal, the anonymous one not.
curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/health" | grep -q '"principal"' \
    || { log "GET /api/health with the token did not authenticate"; exit 1; }
if curl -fsS "$BASE/api/health" | grep -q '"principal"'; then log "anonymous GET names a principal?"; exit 1; fi
curl -fsS -H "X-API-Key: $API_KEY" "$BASE/api/health" | grep -q '"principal":"service:' \
    || { log "GET /api/health with the API key did not authenticate"; exit 1; }
curl -fsS -o /dev/null -X POST -H "Authorization: $TOKEN" "$BASE/api/collections/users/auth-refresh" \
    || { log "refresh with the bare token failed"; exit 1; }

# --- wrk scripts ---------------------------------------------------------------------------------------
# Each scenario's done() prints one machine-readable line; non-2xx answers are counted as errors.
DONE_LUA='
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("RESULT requests=%d duration_us=%d rps=%.2f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      e.status, e.connect + e.read + e.write + e.timeout))
end'
cat >"$WORK/login.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$LOGIN_BODY'
$DONE_LUA
EOF
cat >"$WORK/refresh.lua" <<EOF
wrk.method = "POST"
wrk.body = ""
$DONE_LUA
EOF
cat >"$WORK/get.lua" <<EOF
wrk.method = "GET"
$DONE_LUA
EOF

CLK_TCK=$(getconf CLK_TCK)
proc_cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

NCPU=$(nproc)
declare -A RPS P50 P99 NON2XX SOCKERR SRV_US SRV_PCT WRK_PCT OTHER_PCT CMD
# run_wrk <name> <connections> <duration> <lua> <url> [header]: wrk with CPU accounting of server, wrk, machine.
run_wrk() {
    local name=$1 conns=$2 dur=$3 lua=$4 url=$5 header=${6:-}
    local args=(-t"$THREADS" -c"$conns" -d"$dur" --timeout 10s -s "$lua")
    [ -n "$header" ] && args+=(-H "$header")
    local srv0 m0 m1 srv1
    srv0=$(proc_cpu_ticks "$SERVER_PID"); m0=$(machine_ticks)
    local t0=$SECONDS
    local TIMEFORMAT='%R %U %S'
    { time wrk "${args[@]}" "$url" >"$WORK/$name.out" 2>&1; } 2>"$WORK/$name.time"
    srv1=$(proc_cpu_ticks "$SERVER_PID"); m1=$(machine_ticks)
    local line; line=$(grep '^RESULT' "$WORK/$name.out" || true)
    [ -n "$line" ] || { log "wrk failed for $name:"; cat "$WORK/$name.out" >&2; exit 1; }
    local kv; for kv in $line; do case $kv in *=*) eval "local r_${kv%%=*}=${kv#*=}";; esac; done
    read -r wall wuser wsys <"$WORK/$name.time"
    RPS[$name]=$r_rps; P50[$name]=$r_p50_ms; P99[$name]=$r_p99_ms; NON2XX[$name]=$r_non2xx; SOCKERR[$name]=$r_socket_errors
    SRV_US[$name]=$(awk -v a="$srv0" -v b="$srv1" -v t="$CLK_TCK" -v n="$r_requests" 'BEGIN{printf "%.0f", (b-a)/t*1e6/(n>0?n:1)}')
    SRV_PCT[$name]=$(awk -v a="$srv0" -v b="$srv1" -v t="$CLK_TCK" -v w="$wall" 'BEGIN{printf "%.0f", (b-a)/t/w*100}')
    WRK_PCT[$name]=$(awk -v u="$wuser" -v s="$wsys" -v w="$wall" 'BEGIN{printf "%.0f", (u+s)/w*100}')
    # Everything else on the machine, in the same unit (% of one core): machine busy - server - wrk.
    OTHER_PCT[$name]=$(awk -v m0="$m0" -v m1="$m1" -v n="$NCPU" -v s="${SRV_PCT[$name]}" -v w="${WRK_PCT[$name]}" \
        'BEGIN{split(m0,a," "); split(m1,b," "); o=(b[1]-a[1])/((b[2]-a[2])>0?(b[2]-a[2]):1)*100*n-s-w; printf "%.0f", (o<0?0:o)}')
    local shown_header=""
    if [ -n "$header" ]; then # secrets shown as placeholders
        shown_header=${header//$TOKEN/<token>}
        shown_header=" -H '${shown_header//$API_KEY/<api-key>}'"
    fi
    CMD[$name]="wrk -t$THREADS -c$conns -d$dur --timeout 10s -s $(basename "$lua")$shown_header $url"
    log "$(printf '%-14s %10.1f req/s  p50 %8.2f ms  p99 %8.2f ms  non-2xx %s  server %s us CPU/req; CPU %% of one core: server %s, wrk %s, other processes %s' \
        "$name" "$r_rps" "$r_p50_ms" "$r_p99_ms" "$r_non2xx" "${SRV_US[$name]}" "${SRV_PCT[$name]}" "${WRK_PCT[$name]}" "${OTHER_PCT[$name]}")"
    if [ "$r_non2xx" -ne 0 ] || [ "$r_socket_errors" -ne 0 ]; then
        log "WARNING: $name had $r_non2xx non-2xx answers and $r_socket_errors socket errors"
    fi
}

wait_idle
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
read -r m0b m0t < <(machine_ticks); sleep 3; read -r m1b m1t < <(machine_ticks)
IDLE_BUSY=$(awk -v a="$m0b" -v b="$m1b" -v c="$m0t" -v d="$m1t" 'BEGIN{printf "%.0f", (b-a)/(d-c)*100}')
log "machine busy before the benchmark (server idle): ${IDLE_BUSY}% of $(nproc) cores, load average $LOAD_BEFORE"

# GET /api/health first, on the fresh server: the login and refresh runs leave background work behind (GC of the
# Argon2 memory, H2 writing the audit rows) that would tax whichever GET run came next. Anonymous vs JWT
# alternate, so that drift in background load hits both alike.
log "GET /api/health: warm-up $WARMUP each"
# Two controls besides the target pair, to split the JWT overhead: "padding" sends the same token in a header
# that is no credential (cost of a ~700-byte header), "apikey" authenticates with X-API-Key (cost of Quarkus
# security producing an identity, without any signature check).
GET_VARIANTS="anon padding apikey jwt"
get_header() {
    case $1 in
        anon) echo "" ;;
        padding) echo "X-Padding: $TOKEN" ;;
        apikey) echo "X-API-Key: $API_KEY" ;;
        jwt) echo "Authorization: Bearer $TOKEN" ;;
    esac
}
for v in $GET_VARIANTS; do
    run_wrk "get-$v-warmup" "$CONNECTIONS" "$WARMUP" "$WORK/get.lua" "$BASE/api/health" "$(get_header "$v")"
done
for r in $(seq 1 "$ROUNDS"); do
    for v in $GET_VARIANTS; do
        run_wrk "get-$v-$r" "$CONNECTIONS" "$DURATION" "$WORK/get.lua" "$BASE/api/health" "$(get_header "$v")"
    done
done

# Refreshes (the token from the first login: nothing was revoked, so it is still valid)
log "refreshes: warm-up $WARMUP"
run_wrk refresh-warmup "$CONNECTIONS" "$WARMUP" "$WORK/refresh.lua" "$BASE/api/collections/users/auth-refresh" "Authorization: $TOKEN"
run_wrk refresh "$CONNECTIONS" "$DURATION" "$WORK/refresh.lua" "$BASE/api/collections/users/auth-refresh" "Authorization: $TOKEN"

# Logins
log "logins: warm-up $WARMUP"
run_wrk login-warmup "$LOGIN_CONNECTIONS" "$WARMUP" "$WORK/login.lua" "$BASE/api/collections/users/auth-with-password"
run_wrk login "$LOGIN_CONNECTIONS" "$DURATION" "$WORK/login.lua" "$BASE/api/collections/users/auth-with-password"

# Failed logins last (they count towards the throttle): unknown identity vs wrong password, one request at a time.
log "failed logins: $FAILED_SAMPLES unknown identities and $FAILED_SAMPLES wrong passwords, alternating"
failed_login_ms() {
    curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H 'Content-Type: application/json' \
        -d "{\"identity\":\"$1\",\"password\":\"not-the-password\"}" "$BASE/api/collections/users/auth-with-password"
}
WRONG_MS=(); UNKNOWN_MS=()
for i in $(seq 1 "$FAILED_SAMPLES"); do
    for kind in wrong unknown; do
        identity=$ADMIN_EMAIL; [ "$kind" = unknown ] && identity="nobody-$i-$RANDOM@joystick.local"
        read -r code secs < <(failed_login_ms "$identity")
        [ "$code" = 400 ] || { log "failed login ($kind) answered $code, not 400"; exit 1; }
        ms=$(awk -v s="$secs" 'BEGIN{printf "%.1f", s*1000}')
        if [ "$kind" = wrong ]; then WRONG_MS+=("$ms"); else UNKNOWN_MS+=("$ms"); fi
    done
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END{print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
WRONG_MEDIAN=$(median "${WRONG_MS[@]}"); UNKNOWN_MEDIAN=$(median "${UNKNOWN_MS[@]}")
FAILED_RATIO=$(awk -v u="$UNKNOWN_MEDIAN" -v w="$WRONG_MEDIAN" 'BEGIN{printf "%.3f", (w > 0) ? u/w : 0}')
log "failed logins: unknown identity median $UNKNOWN_MEDIAN ms, wrong password median $WRONG_MEDIAN ms, ratio $FAILED_RATIO"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- summary -------------------------------------------------------------------------------------------
sum_rps() { local prefix=$1 total=0 r; for r in $(seq 1 "$ROUNDS"); do total=$(awk -v a="$total" -v b="${RPS[$prefix-$r]}" 'BEGIN{print a+b}'); done; awk -v t="$total" -v n="$ROUNDS" 'BEGIN{printf "%.1f", t/n}'; }
mean_of() { local -n arr=$1; local prefix=$2 total=0 r; for r in $(seq 1 "$ROUNDS"); do total=$(awk -v a="$total" -v b="${arr[$prefix-$r]}" 'BEGIN{print a+b}'); done; awk -v t="$total" -v n="$ROUNDS" 'BEGIN{printf "%.2f", t/n}'; }
ANON=$(sum_rps get-anon); JWT=$(sum_rps get-jwt)
RATIO=$(awk -v a="$ANON" -v j="$JWT" 'BEGIN{printf "%.3f", j/a}')
ANON_US=$(mean_of SRV_US get-anon); JWT_US=$(mean_of SRV_US get-jwt)
PADDING=$(sum_rps get-padding); APIKEY=$(sum_rps get-apikey)
PADDING_US=$(mean_of SRV_US get-padding); APIKEY_US=$(mean_of SRV_US get-apikey)
verdict() { awk -v v="$1" -v t="$2" 'BEGIN{print (v+0 >= t+0) ? "met" : "MISSED"}'; }
V_LOGIN=$(verdict "${RPS[login]}" $TARGET_LOGINS)
V_REFRESH=$(verdict "${RPS[refresh]}" $TARGET_REFRESHES)
V_RATIO=$(verdict "$RATIO" $TARGET_RATIO)
V_FAILED=$(verdict "$FAILED_RATIO" $TARGET_FAILED_RATIO)
ERRORS_TOTAL=0
for k in "${!NON2XX[@]}"; do ERRORS_TOTAL=$((ERRORS_TOTAL + NON2XX[$k] + SOCKERR[$k])); done

CPU_MODEL=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
JAVA_VERSION=$(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')
WRK_VERSION=$(wrk -v 2>&1 | head -1 || true)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=""
[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null || true)" ] && DIRTY=" (with uncommitted changes)"

ceiling() { awk -v us="$1" -v n="$NCPU" 'BEGIN{printf "%.0f", (us > 0) ? n * 1e6 / us : 0}'; }
row() { # scenario key, label, target text, verdict
    printf '| %s | %s | %s | %s | %s | %s | %s | %s%% | %s%% | %s%% | %s | %s |\n' "$2" "${RPS[$1]}" "${P50[$1]}" "${P99[$1]}" \
        "$((NON2XX[$1] + SOCKERR[$1]))" "${SRV_US[$1]}" "$(ceiling "${SRV_US[$1]}")" "${SRV_PCT[$1]}" "${WRK_PCT[$1]}" "${OTHER_PCT[$1]}" "$3" "$4"
}
{
    echo "# auth-service HTTP benchmark (wrk)"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "- Commit: $COMMIT$DIRTY"
    echo "- Machine: $(nproc) cores, $CPU_MODEL, $(awk '/MemTotal/{printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)"
    echo "- Java: $JAVA_VERSION"
    echo "- wrk: $WRK_VERSION"
    echo "- Server: \`java -Xmx$SERVER_HEAP -jar auth-service/target/quarkus-app/quarkus-run.jar\` (prod profile, H2 file DB in a fresh temp dir, bound to 127.0.0.1, access log off; the admin's password hashed with the service's default: Argon2id m=19456 KiB, t=2, p=1 since commit a2b291f, bcrypt cost 10 before)"
    echo "- wrk and the server share the same $(nproc) cores; background load: machine ${IDLE_BUSY}% busy (share of all cores) just before the run, server idle; load average before $LOAD_BEFORE, after $LOAD_AFTER"
    echo
    echo "| scenario | req/s | p50 ms | p99 ms | errors | server CPU µs/req | CPU-bound ceiling req/s | server CPU | wrk CPU | other CPU | target | verdict |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
    row login "login (auth-with-password)" "≥ $TARGET_LOGINS/s" "$V_LOGIN"
    row refresh "refresh (auth-refresh, bare token)" "≥ $TARGET_REFRESHES/s" "$V_REFRESH"
    for r in $(seq 1 "$ROUNDS"); do
        row "get-anon-$r" "GET /api/health anonymous, round $r" "" ""
        row "get-padding-$r" "GET /api/health anonymous + token in X-Padding (control), round $r" "" ""
        row "get-apikey-$r" "GET /api/health X-API-Key (control), round $r" "" ""
        row "get-jwt-$r" "GET /api/health Bearer JWT, round $r" "" ""
    done
    echo
    echo "GET /api/health, mean of $ROUNDS rounds: anonymous $ANON req/s ($ANON_US µs server CPU/req), JWT $JWT req/s ($JWT_US µs server CPU/req)."
    echo "Controls: the same token in a non-credential header $PADDING req/s ($PADDING_US µs/req), API key $APIKEY req/s ($APIKEY_US µs/req); ratios to anonymous $(awk -v a="$ANON" -v b="$PADDING" 'BEGIN{printf "%.3f", b/a}') and $(awk -v a="$ANON" -v b="$APIKEY" 'BEGIN{printf "%.3f", b/a}')."
    echo "**Ratio authenticated/anonymous = $RATIO** (target ≥ $TARGET_RATIO: $V_RATIO). From server CPU per request instead of req/s (less sensitive to background load): $(awk -v a="$ANON_US" -v j="$JWT_US" 'BEGIN{printf "%.3f", a/j}')."
    echo
    echo "Server CPU µs/req = CPU time of the server process (user+sys, /proc/<pid>/stat) during the run divided by the requests completed; it is less sensitive to the shared cores than req/s. CPU-bound ceiling = $NCPU cores × 10⁶ / server CPU µs/req: the rate the server could reach with every core to itself and nothing else running (not even wrk), an upper bound. CPU columns are in % of one core ($NCPU cores = ${NCPU}00 %): the server process, wrk, and every other process on the machine (background load that competed with the benchmark)."
    echo
    echo "Failed logins, one request at a time with curl, alternating: unknown identity median $UNKNOWN_MEDIAN ms (${UNKNOWN_MS[*]}), wrong password median $WRONG_MEDIAN ms (${WRONG_MS[*]}). **Ratio unknown/wrong = $FAILED_RATIO** (target ≥ $TARGET_FAILED_RATIO: $V_FAILED; both pay one Argon2id check, so an unknown identity must not answer markedly faster)."
    echo
    echo "Non-2xx answers or socket errors over all runs: $ERRORS_TOTAL."
    echo
    echo "## Commands"
    echo
    echo "Each measured run is preceded by a $WARMUP warm-up run with the same settings. Lua scripts (generated by auth-http.sh): login.lua = POST with JSON body {\"identity\",\"password\"}; refresh.lua = POST with empty body; get.lua = GET. All three print their numbers in done()."
    echo
    echo '```'
    for k in login refresh; do echo "${CMD[$k]}"; done
    for r in $(seq 1 "$ROUNDS"); do for v in $GET_VARIANTS; do echo "${CMD[get-$v-$r]}"; done; done
    echo '```'
} >"$WORK/summary.md"

mkdir -p "$(dirname "$RESULTS")"
cp "$WORK/summary.md" "$RESULTS"
echo
cat "$RESULTS"
log "written to $RESULTS"
