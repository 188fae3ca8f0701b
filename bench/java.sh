#!/usr/bin/env bash
# Runs a benchmark's main class on a copy of the compiled classes, under a 256 MB heap:
#   bench/java.sh org.craftline...SomeBenchmark [args]      (options through JAVA_OPTS)
set -euo pipefail
cd "$(dirname "$0")/.."
main=$1
shift

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
    "$main" "$@"
