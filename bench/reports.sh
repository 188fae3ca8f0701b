#!/usr/bin/env bash
# The report endpoints of one school against a running Craftline on this machine, each beside the
# indicators endpoint of the same school (the reference): median and slowest of 10 calls after 2
# warm-ups, over HTTP on loopback. Start the app first, e.g. the demo:
#   CRAFTLINE_DEMO_PASSWORD=some-password ./mvnw spring-boot:run
#   bench/reports.sh 8080 zp-admin some-password 4141013240
# The provincial scale is timed by bench/indicators.sh. Method and figures: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -lt 4 ]; then
    echo "usage: bench/reports.sh PORT USER PASSWORD SCHOOL_CODE" >&2
    exit 2
fi
./mvnw -q -B -ntp test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dspotless.check.skip=true
exec java -cp "target/test-classes:$(cat target/bench-classpath.txt)" org.craftline.reports.ReportTimings "$@"
