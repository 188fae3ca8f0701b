#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh: the database, then the files, checked against their
# checksums. Craftline must be stopped; start it afterwards on the restored database and directory.
#
# Usage: ops/restore.sh BACKUP_DIR
#   CRAFTLINE_DATA_DIR  the data directory to restore the files into (default ./data; made if missing)
#   CRAFTLINE_PG_URL    the PostgreSQL database to restore into (it must exist; what it holds is
#                       replaced). Unset: an H2 backup, whose database files come back with the files.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 BACKUP_DIR" >&2; exit 2; }
src=$1
data=${CRAFTLINE_DATA_DIR:-./data}
[ -f "$src/files.tar" ] || { echo "no files.tar in $src" >&2; exit 2; }

if [ -f "$src/database.dump" ]; then
  [ -n "${CRAFTLINE_PG_URL:-}" ] || { echo "set CRAFTLINE_PG_URL to the database to restore into" >&2; exit 2; }
  pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
    --dbname="$CRAFTLINE_PG_URL" "$src/database.dump"
fi
mkdir -p "$data"
tar -C "$data" -xf "$src/files.tar"
(cd "$data" && sha256sum --quiet --check "$src/files.sha256")
echo "restored $(wc -l < "$src/files.sha256") files${CRAFTLINE_PG_URL:+ and the database} into $data"
