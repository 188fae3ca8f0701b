#!/bin/bash
# The SQL-only measurement of the other lists (docs/benchmarks.md, "Lists": "Measured (SQL only)"):
#   createdb -h 127.0.0.1 -U postgres lists_scratch; psql ... -f schema.sql -f seed.sql;
#   psql ... -v n=10000 -f grow.sql; psql ... -f new_indexes.sql; bench/lists-sql/measure.sh lists_scratch 10k
# (the "old" rows of queries.txt are the statements before the change, measured before new_indexes.sql)
# Issue 17, names on the list's row (V70): then psql ... -f holder_names.sql before measuring the
# "own name" rows; the scratch database is built once at 10k and once at 1M
# (psql ... -v n=1000000 -f grow.sql -f new_indexes.sql -f holder_names.sql) to measure both in one session.
# best and median of 7 EXPLAIN ANALYZE execution times per query, after 2 warm-ups; prints plan summary of the last
DB=$1; LABEL=$2
while IFS='|' read -r name sql; do
  times=()
  for i in 1 2 3 4 5 6 7 8 9; do
    out=$(psql -h 127.0.0.1 -U postgres -d $DB -Atc "EXPLAIN (ANALYZE, BUFFERS) $sql")
    t=$(echo "$out" | sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p')
    [ $i -gt 2 ] && times+=($t)
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -g)
  best=$(echo "$sorted" | head -1); med=$(echo "$sorted" | sed -n 4p)
  scans=$(echo "$out" | grep -oE "(Seq Scan|Index Scan|Index Only Scan|Bitmap Index Scan|Index Scan Backward)( Backward)? (using [a-z_]+ )?on [a-z_]+|Bitmap Index Scan on [a-z_]+|Sort Method: [a-z -]+" | sort | uniq | tr '\n' ';')
  printf '%-32s %-5s best %8s ms  median %8s ms  %s\n' "$name" "$LABEL" "$best" "$med" "$scans"
done < "$(dirname "$0")/queries.txt"
