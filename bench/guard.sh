#!/usr/bin/env bash
# What the .xlsx guard costs against reading the same file (1,000,000 student rows, or -Dbench.rows=N),
# in one run, under a 256 MB heap. Options through JAVA_OPTS, e.g. JAVA_OPTS="-Dbench.rows=100000".
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
    org.craftline.platform.imports.XlsxGuardBenchmark "$@"
