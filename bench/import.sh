#!/usr/bin/env bash
# The student import of 1,000,000 rows (or -Dbench.rows=N) against PostgreSQL COPY of the same
# rows, in one run, under a 256 MB heap. Needs a PostgreSQL server (CRAFTLINE_TEST_PG_URL, default
# the local one) or -Dbench.url=. Options go through JAVA_OPTS, e.g.
#   JAVA_OPTS="-Dbench.rows=100000 -Dbench.phases=false" bench/import.sh
# Method and figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -ntp test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dspotless.check.skip=true

# run on a copy of the classes, so that a build started meanwhile cannot swap them under the run
rm -rf target/bench/classes target/bench/test-classes
mkdir -p target/bench
cp -r target/classes target/bench/classes
cp -r target/test-classes target/bench/test-classes

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java -Xmx256m ${JAVA_OPTS:-} \
    -cp "target/bench/classes:target/bench/test-classes:$(cat target/bench-classpath.txt)" \
    org.craftline.platform.imports.ImportBenchmark "$@"
