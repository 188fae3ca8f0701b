#!/usr/bin/env bash
# The indicators at provincial scale: Indicators.compute for one school and for a province of 500
# generated schools x 20,000 graduates (10,000,000 students, 30,000,000 destinations), against the
# bare SQL aggregates on the same data, in one run, under a 1 GB heap. Needs a PostgreSQL server
# (CRAFTLINE_TEST_PG_URL, default the local one) or -Dbench.url=; the throwaway database grows to
# about 10 GB at full scale. Options go through JAVA_OPTS, e.g. a quick check:
#   JAVA_OPTS="-Dbench.schools=50 -Dbench.perSchool=2000" bench/indicators.sh
# Method and figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -ntp test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dspotless.check.skip=true

# run on a copy of the classes, so that a build started meanwhile cannot swap them under the run;
# a build running while we copy leaves empty class files behind: copy again until there are none
for attempt in 1 2 3 4 5 6; do
    rm -rf target/bench/indicators
    mkdir -p target/bench/indicators
    cp -r target/classes target/bench/indicators/classes
    cp -r target/test-classes target/bench/indicators/test-classes
    if [ -z "$(find target/bench/indicators -name '*.class' -size 0 -print -quit)" ]; then
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
    -cp "target/bench/indicators/classes:target/bench/indicators/test-classes:$(cat target/bench-classpath.txt)" \
    org.craftline.indicators.IndicatorBenchmark "$@"
