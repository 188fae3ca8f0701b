#!/usr/bin/env bash
# Lists as a school grows: the students list (page 1, a class and a status filter, name and number
# searches, a deep page by cursor, the /students page), the bureau's list, and the other lists that
# grow with a school (certificates, placements, the audit log page, trainees, the aid eligibility list,
# hardship recognitions, ledger and roll-up), over HTTP on loopback
# beside /actuator/health, with one school grown to 10,000, 100,000 and 1,000,000 students; then the
# EXPLAIN (ANALYZE, BUFFERS) of each list statement, and wrk figures when wrk is installed. Needs a
# PostgreSQL server (CRAFTLINE_TEST_PG_URL, default the local one); the throwaway database grows to
# about 1 GB. Other sizes through JAVA_OPTS, e.g. a quick check:
#   JAVA_OPTS="-Dbench.sizes=10000,50000" bench/lists.sh
# and the plan of every statement a call ran (not only those reading a grown table):
#   JAVA_OPTS="-Dbench.explainAll=true" bench/lists.sh
# Method and figures: docs/benchmarks.md, "Lists at 10k/100k/1M".
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -ntp test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dspotless.check.skip=true

# run on a copy of the classes, so that a build started meanwhile cannot swap them under the run;
# a build running while we copy leaves empty class files behind: copy again until there are none
for attempt in 1 2 3 4 5 6; do
    rm -rf target/bench/lists
    mkdir -p target/bench/lists
    cp -r target/classes target/bench/lists/classes
    cp -r target/test-classes target/bench/lists/test-classes
    if [ -z "$(find target/bench/lists -name '*.class' -size 0 -print -quit)" ]; then
        break
    fi
    if [ "$attempt" = 6 ]; then
        echo "the classes are being rebuilt by another build; try again later" >&2
        exit 2
    fi
    sleep 10
done

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java -Xmx1g ${JAVA_OPTS:-} \
    -cp "target/bench/lists/classes:target/bench/lists/test-classes:$(cat target/bench-classpath.txt)" \
    org.craftline.students.ListBenchmark "$@"
