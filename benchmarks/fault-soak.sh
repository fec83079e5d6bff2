#!/usr/bin/env bash
# Fault soak: the whole suite (packaged auth-service, device-service, telemetry-service, switcher-client, two
# notification-service instances and fleet-service, all on a private PostgreSQL cluster the test starts with
# initdb/pg_ctl on a free port; fleet-service on a real Mosquitto with dynamic security on a free port, and a
# device's edge, a telemetry-service publishing the GPS fixes it reads from a pseudo-terminal) under a steady mixed load of CLIENTS clients (each a user of its own: logins, POST /api/run on an SSH device,
# notifications sent to it with its WebSocket listener reconnecting with ?since=, device, telemetry and fleet
# reads), and every fault once, one at a time, with QUIET seconds of load between them: kill -9 and restart of each
# service and of the edge, a PostgreSQL restart, a device that hangs mid-command, auth-service unreachable (stopped) for
# AUTH_OUTAGE seconds, the broker stopped for BROKER_OUTAGE seconds.
# Counts per fault: requests failed outside the fault's window (its start until every service is ready again),
# requests hung past the client's 15 s timeout, action-log rows missing for runs answered 2xx, notifications
# stored but never delivered to their listener, GPS fixes the edge took but fleet-service never stored, and the
# time until every service was ready again.
# The harness is suite-tests' io.joystick.suite.faults (FaultSoakIT, -Djoystick.soak=true). Writes
# benchmarks/results/fault-soak.md with the machine's load (other work shares the cores).
#
# Usage: benchmarks/fault-soak.sh                                  # ~20 minutes with the build (AUTH_OUTAGE=300)
#        NO_BUILD=1 CLIENTS=50 QUIET=15 AUTH_OUTAGE=60 BROKER_OUTAGE=60 benchmarks/fault-soak.sh
# Knobs (environment): CLIENTS=50 PACE=2 (seconds between a client's requests) QUIET=30 AUTH_OUTAGE=300
#                      BROKER_OUTAGE=60
#                      NO_BUILD=1 (use the jars already in */target/quarkus-app, built for PostgreSQL) RESULTS=<file>
#                      WAIT_IDLE_MAX=600 IDLE_BUSY_MAX=25 (see lib/machine-load.sh)
# Needs mosquitto (with mosquitto_ctrl) and socat, as FleetTelemetryIT does.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
RESULTS=${RESULTS:-$SCRIPT_DIR/results/fault-soak.md}
CLIENTS=${CLIENTS:-50}
PACE=${PACE:-2}
QUIET=${QUIET:-30}
AUTH_OUTAGE=${AUTH_OUTAGE:-300}
BROKER_OUTAGE=${BROKER_OUTAGE:-60}

log() { printf '[fault-soak] %s\n' "$*" >&2; }
# shellcheck source=lib/machine-load.sh
. "$SCRIPT_DIR/lib/machine-load.sh"

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true

if [ -z "${NO_BUILD:-}" ]; then
    log "building the services (PostgreSQL where they keep data) and suite-tests"
    (cd "$ROOT" && ./mvnw -B -q -o install -DskipTests -pl suite-tests -am \
        && ./mvnw -B -q -o package -DskipTests -pl auth-service,device-service,notification-service,fleet-service \
            -Dquarkus.datasource.db-kind=postgresql)
fi

wait_idle
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
ticks_before=$(machine_ticks)
started=$(date -u +%s)
command=(./mvnw -B -o verify -pl suite-tests -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false
    -Dit.test=FaultSoakIT -Djoystick.soak=true -Djoystick.soak.clients="$CLIENTS"
    -Djoystick.soak.pace-seconds="$PACE" -Djoystick.soak.quiet-seconds="$QUIET"
    -Djoystick.soak.auth-outage-seconds="$AUTH_OUTAGE" -Djoystick.soak.broker-outage-seconds="$BROKER_OUTAGE")
log "running: ${command[*]}"
(cd "$ROOT" && "${command[@]}") > "$ROOT/suite-tests/target/fault-soak.log" 2>&1 || {
    log "the soak failed: see suite-tests/target/fault-soak.log"; tail -40 "$ROOT/suite-tests/target/fault-soak.log" >&2; exit 1; }
busy=$(busy_between "$ticks_before" "$(machine_ticks)")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
minutes=$(( ($(date -u +%s) - started + 59) / 60 ))

{
    echo "# Fault soak"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), \`benchmarks/fault-soak.sh\` with CLIENTS=$CLIENTS PACE=$PACE QUIET=$QUIET"
    echo "AUTH_OUTAGE=$AUTH_OUTAGE BROKER_OUTAGE=$BROKER_OUTAGE (about $minutes minutes), commit $(cd "$ROOT" && git rev-parse --short HEAD):"
    echo
    echo '```'
    echo "${command[*]}"
    echo '```'
    echo
    echo "Each fault's phase runs from its injection to the next one's; its window from its injection until every"
    echo "service answers \`/q/health/ready\` with 200 again and fleet-service consumes from the broker again"
    echo "(\`/q/health/group/ingest\`): the recovery. Failures inside the window are the fault's own."
    echo "\"Delivered twice\" is allowed (a notification arriving during a \`?since=\` replay can come twice; clients"
    echo "de-duplicate by id, notification-service/README.md)."
    echo
    cat "$ROOT/suite-tests/target/faults/fault-soak.md"
    echo
    echo "- Machine: $(nproc) cores; load average before $load_before, after $load_after; the whole machine was ${busy}% busy during the run (the suite, the load and other processes)"
} > "$RESULTS"
log "wrote $RESULTS"
