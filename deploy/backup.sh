#!/bin/sh
# Backs up Joystick's data.
#   deploy/backup.sh --postgres [--out DIR]   every service database (pg_dump custom format) and the roles;
#                                             PGHOST/PGPORT/PGUSER/PGPASSWORD say where. In docker compose:
#                                             `docker compose run --rm backup` (writes ./backups).
#   deploy/backup.sh --h2 DATA_DIR [--out DIR]  the embedded H2 files and the keys beside them (./data of
#                                             `./joystick up`); the suite must be stopped, since an H2 file
#                                             is consistent only when closed.
# Output: DIR/joystick-<UTC time>/ (default DIR ./backups) with a SHA256SUMS file, readable by the owner
# only: it holds password hashes and, for H2, the secret key that unseals device secrets. deploy/README.md
# explains the restore.
set -eu

out=./backups
postgres=false
h2=
databases=${JOYSTICK_DATABASES:-auth device notification}

while [ $# -gt 0 ]; do
    case "$1" in
        --postgres) postgres=true ;;
        --h2) h2=${2:?--h2 needs the data directory}; shift ;;
        --out) out=${2:?--out needs a directory}; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "backup: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
if [ "$postgres" = false ] && [ -z "$h2" ]; then
    echo "backup: say what to back up: --postgres and/or --h2 DATA_DIR" >&2
    exit 2
fi

umask 077
target="$out/joystick-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"

if [ "$postgres" = true ]; then
    # Roles without their password hashes: a restore recreates them from .env (init-databases.sh).
    pg_dumpall --globals-only --no-role-passwords > "$target/roles.sql"
    for db in $databases; do
        pg_dump --format=custom --no-owner --file="$target/$db.dump" "$db"
        echo "backup: $db -> $target/$db.dump"
    done
fi

if [ -n "$h2" ]; then
    [ -d "$h2" ] || { echo "backup: no data directory $h2" >&2; exit 1; }
    for pidfile in "$h2"/run/*.pid; do
        [ -f "$pidfile" ] || continue
        if kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            echo "backup: $(basename "$pidfile" .pid) is running; stop the suite first (./joystick down)" >&2
            rm -rf "$target"
            exit 1
        fi
    done
    tar -czf "$target/h2-data.tar.gz" -C "$h2" --exclude=./logs --exclude=./run --exclude=./backups .
    echo "backup: $h2 -> $target/h2-data.tar.gz"
fi

(cd "$target" && sha256sum -- * > SHA256SUMS)
echo "backup: done, $target"
