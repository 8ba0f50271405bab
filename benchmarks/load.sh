#!/usr/bin/env bash
# Issue 3's load benchmark: the library path (NvidiaGateway) at a fixed request rate against the
# bundled simulator, compared with calling the simulator directly in the same run.
#
#   benchmarks/load.sh              # 200 req/s, 10 s per phase
#   benchmarks/load.sh 400 20       # rate per second, seconds per phase
#   SKIP_BUILD=1 benchmarks/load.sh # reuse benchmarks/target/keytriage-benchmarks.jar
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/keytriage-benchmarks.jar"
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi
exec java -cp "$jar" org.keytriage.benchmarks.GatewayLoadHarness "${1:-200}" "${2:-10}"
