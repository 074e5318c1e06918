#!/usr/bin/env bash
# JMH benchmarks (src/jmh/java): builds them with the jmh profile into target/jmh, then runs JMH with
# the given arguments, under the benchmark lock so that no other benchmark shares the cores.
#   scripts/bench-jmh.sh                                  # every benchmark
#   scripts/bench-jmh.sh LoadBenchmark -p bundle=assets/mnist
#   scripts/bench-jmh.sh PngEncoderBenchmark -p level=6
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Pjmh package -DskipTests
exec flock /tmp/embedscope-bench.lock java -cp target/jmh/embedscope.jar org.openjdk.jmh.Main "$@"
