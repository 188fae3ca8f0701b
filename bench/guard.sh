#!/usr/bin/env bash
# What the .xlsx guard costs against reading the same file (1,000,000 student rows, or -Dbench.rows=N),
# in one run, under a 256 MB heap. Options through JAVA_OPTS, e.g. JAVA_OPTS="-Dbench.rows=100000".
# Method and figures: docs/benchmarks.md.
set -euo pipefail
exec "$(dirname "$0")/java.sh" org.craftline.platform.imports.XlsxGuardBenchmark "$@"
