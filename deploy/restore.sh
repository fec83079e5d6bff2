#!/bin/sh
# Restores a PostgreSQL backup of deploy/backup.sh.
#   deploy/restore.sh BACKUP_DIR [DATABASE …]   (default: every *.dump in BACKUP_DIR)
# PGHOST/PGPORT/PGUSER/PGPASSWORD say where (a superuser: databases are dropped and created). The services
# must be stopped. Each database is dropped and created anew, owned by the role of the same name when it
# exists (init-databases.sh made it), then filled from its dump: nothing created after the backup survives
# (a table or a Flyway history row left behind would break the next migration).
set -eu

dir=${1:?usage: restore.sh BACKUP_DIR [DATABASE …]}
shift
[ -f "$dir/SHA256SUMS" ] || { echo "restore: $dir is not a complete backup (no SHA256SUMS)" >&2; exit 1; }
(cd "$dir" && sha256sum -c --quiet SHA256SUMS) || { echo "restore: $dir does not match its SHA256SUMS" >&2; exit 1; }
if [ $# -eq 0 ]; then
    for dump in "$dir"/*.dump; do
        [ -f "$dump" ] && set -- "$@" "$(basename "$dump" .dump)"
    done
fi
[ $# -gt 0 ] || { echo "restore: no database dump in $dir" >&2; exit 1; }

for db in "$@"; do
    [ -f "$dir/$db.dump" ] || { echo "restore: no $db.dump in $dir" >&2; exit 1; }
    owner=$(echo "SELECT rolname FROM pg_roles WHERE rolname = :'role'" \
        | psql -X -d postgres -tAq -v ON_ERROR_STOP=1 -v role="$db")
    [ -n "$owner" ] || owner=$(psql -X -d postgres -tAq -c "SELECT current_user")
    psql -X -d postgres -q -v ON_ERROR_STOP=1 -v db="$db" -v owner="$owner" <<'SQL'
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
    pg_restore --exit-on-error --no-owner --role="$owner" -d "$db" "$dir/$db.dump"
    echo "restore: $db <- $dir/$db.dump (owner $owner)"
done
echo "restore: done"
