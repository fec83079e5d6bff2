#!/bin/sh
# The compose backup service: deploy/backup.sh --postgres now and then every BACKUP_INTERVAL seconds (default
# one day);
#   backup-schedule.sh --check   exits 0 only when the last backup succeeded and is not overdue.
# The outcome of the last run is in $BACKUP_STATUS (default /tmp/backup.status), which the
# container's health check reads: a failed or overdue backup makes the container unhealthy.
set -u
interval=${BACKUP_INTERVAL:-86400}
status=${BACKUP_STATUS:-/tmp/backup.status}
if [ "${1:-}" = --check ]; then
    # Healthy: the last backup succeeded, and not longer ago than the interval and two hours.
    grep -q '^ok ' "$status" 2>/dev/null && [ -n "$(find "$status" -mmin -$((interval / 60 + 120)))" ]
    exit
fi
while :; do
    if sh /deploy/backup.sh --postgres --out /backups; then
        echo "ok $(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$status"
    else
        echo "failed $(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$status"
        echo "backup-schedule: the backup failed; the container reports unhealthy until one succeeds" >&2
    fi
    sleep "$interval"
done
