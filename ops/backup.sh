#!/usr/bin/env bash
# Backs up a Craftline installation into one directory: the database and every file under the data
# directory (uploaded certificates, agreements, photos...), except uploads waiting for an import.
#
# Usage: ops/backup.sh BACKUP_DIR
#   CRAFTLINE_DATA_DIR  the data directory (default ./data)
#   CRAFTLINE_PG_URL    the PostgreSQL database as a libpq URI, e.g. postgresql://craftline@127.0.0.1:5432/craftline
#                       (a password comes from PGPASSWORD or ~/.pgpass). Unset: the embedded H2 database,
#                       whose files are in the data directory — stop Craftline first, a copy of an open
#                       H2 file can be torn.
# Writes BACKUP_DIR/database.dump (PostgreSQL custom format), BACKUP_DIR/files.tar and
# BACKUP_DIR/files.sha256 (a checksum of every file, checked by ops/restore.sh).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 BACKUP_DIR" >&2; exit 2; }
dest=$1
data=${CRAFTLINE_DATA_DIR:-./data}
[ -d "$data" ] || { echo "no data directory at $data (set CRAFTLINE_DATA_DIR)" >&2; exit 2; }
mkdir -p "$dest"

skip=(-path ./uploads -prune)
if [ -n "${CRAFTLINE_PG_URL:-}" ]; then
  pg_dump --format=custom --no-owner --no-privileges --file="$dest/database.dump" "$CRAFTLINE_PG_URL"
  # an H2 database next to the files is not this installation's database
  skip+=(-o -name '*.mv.db' -o -name '*.trace.db')
fi

# the list of files first, so the archive and its checksums name the same files
(cd "$data" && find . \( "${skip[@]}" \) -prune -o -type f -print | LC_ALL=C sort) > "$dest/files.list"
tar -C "$data" -cf "$dest/files.tar" --files-from="$dest/files.list"
(cd "$data" && tr '\n' '\0' < "$dest/files.list" | xargs -0 -r sha256sum) > "$dest/files.sha256"
rm "$dest/files.list"
echo "backed up $(wc -l < "$dest/files.sha256") files${CRAFTLINE_PG_URL:+ and the database} to $dest"
