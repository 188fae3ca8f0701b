#!/usr/bin/env bash
# The student import of 1,000,000 rows (or -Dbench.rows=N) against PostgreSQL COPY of the same
# rows, in one run, under a 256 MB heap. Needs a PostgreSQL server (CRAFTLINE_TEST_PG_URL, default
# the local one) or -Dbench.url=. Options go through JAVA_OPTS, e.g.
#   JAVA_OPTS="-Dbench.rows=100000 -Dbench.phases=false" bench/import.sh
# -Dbench.classic=after (the default), before or off: where the CSV import without the early
# writes runs, against the same COPY.
# Method and figures: docs/benchmarks.md.
set -euo pipefail
exec "$(dirname "$0")/java.sh" org.craftline.platform.imports.ImportBenchmark "$@"
