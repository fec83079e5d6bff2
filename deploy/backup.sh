#!/bin/sh
# Backs up Joystick's data.
#   deploy/backup.sh --postgres [--out DIR]   every service database (pg_dump custom format) and the roles;
#                                             PGHOST/PGPORT/PGUSER/PGPASSWORD say where. In docker compose the
#                                             backup service runs it every BACKUP_INTERVAL seconds into ./backups.
#   deploy/backup.sh --h2 DATA_DIR [--out DIR]  the embedded H2 files and the keys beside them (./data of
#                                             `./joystick up`); the suite must be stopped, since an H2 file
#                                             is consistent only when closed.
#   --keep N                                  keep the N newest backups in DIR (default BACKUP_KEEP, else 14).
# Output: DIR/joystick-<UTC time>/ (default DIR ./backups) with a SHA256SUMS file, readable by the owner
# only: it holds password hashes and, for H2, the secret key that unseals device secrets. It is written as
# joystick-<time>.partial and renamed only once complete: a failed backup leaves nothing that looks whole,
# and exits non-zero. deploy/restore.sh restores one; deploy/README.md explains both.
set -eu

out=./backups
postgres=false
h2=
keep=${BACKUP_KEEP:-14}
databases=${JOYSTICK_DATABASES:-auth device notification fleet}

while [ $# -gt 0 ]; do
    case "$1" in
        --postgres) postgres=true ;;
        --h2) h2=${2:?--h2 needs the data directory}; shift ;;
        --out) out=${2:?--out needs a directory}; shift ;;
        --keep) keep=${2:?--keep needs a number}; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "backup: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
if [ "$postgres" = false ] && [ -z "$h2" ]; then
    echo "backup: say what to back up: --postgres and/or --h2 DATA_DIR" >&2
    exit 2
fi
case "$keep" in
    ''|*[!0-9]*|0) echo "backup: --keep/BACKUP_KEEP must be a positive number, was '$keep'" >&2; exit 2 ;;
esac

umask 077
if ! mkdir -p "$out" 2>/dev/null || [ ! -w "$out" ]; then
    echo "backup: cannot write to $out (owner $(ls -ld "$out" 2>/dev/null | awk '{print $3}'), this is uid $(id -u))" >&2
    exit 1
fi
name="joystick-$(date -u +%Y%m%dT%H%M%SZ)"
target="$out/$name"
partial="$target.partial"
rm -rf "$partial"
mkdir "$partial"
trap 'status=$?; [ "$status" -eq 0 ] || { rm -rf "$partial"; echo "backup: FAILED, nothing kept" >&2; }' EXIT

if [ "$postgres" = true ]; then
    # Roles without their password hashes: a restore recreates them from .env (init-databases.sh).
    pg_dumpall --globals-only --no-role-passwords > "$partial/roles.sql"
    for db in $databases; do
        pg_dump --format=custom --no-owner --file="$partial/$db.dump" "$db"
        echo "backup: $db -> $target/$db.dump"
    done
fi

if [ -n "$h2" ]; then
    [ -d "$h2" ] || { echo "backup: no data directory $h2" >&2; exit 1; }
    for pidfile in "$h2"/run/*.pid; do
        [ -f "$pidfile" ] || continue
        if kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            echo "backup: $(basename "$pidfile" .pid) is running; stop the suite first (./joystick down)" >&2
            exit 1
        fi
    done
    tar -czf "$partial/h2-data.tar.gz" -C "$h2" --exclude=./logs --exclude=./run --exclude=./backups .
    echo "backup: $h2 -> $target/h2-data.tar.gz"
fi

(cd "$partial" && sha256sum -- * > SHA256SUMS)
mv "$partial" "$target"

# Retention: the newest $keep complete backups stay (the names sort by time).
ls -1d "$out"/joystick-*Z 2>/dev/null | sort -r | tail -n +"$((keep + 1))" | while read -r old; do
    rm -rf "$old"
    echo "backup: removed $old (BACKUP_KEEP=$keep)"
done
echo "backup: done, $target"
