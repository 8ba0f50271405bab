#!/usr/bin/env bash
# Builds the benchmark uber jar and runs the cluster ledger benchmark (issue 4): reserve + settle on
# the in-process ledger, on one embedded Hazelcast member and on three members in one JVM, then
# prints p50/p99 and the ratios against the in-process baseline of the same run.
#
#   benchmarks/run-cluster.sh              # ~2 minutes
#   SKIP_BUILD=1 benchmarks/run-cluster.sh # reuse benchmarks/target/keytriage-benchmarks.jar
#
# Raw results: benchmarks/target/jmh-cluster.json, the log: benchmarks/target/jmh-cluster.log.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/keytriage-benchmarks.jar"
json="$here/target/jmh-cluster.json"
log="$here/target/jmh-cluster.log"

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi
[[ -f "$jar" ]] || { echo "no $jar: build failed?" >&2; exit 1; }

java -jar "$jar" ${JMH_SETTINGS:--f 1 -wi 3 -w 2s -i 5 -r 2s} -rf json -rff "$json" "$@" \
  'org.keytriage.benchmarks.ClusterLedgerBenchmark' 2>&1 | tee "$log"

python3 - "$json" <<'PY'
import json, sys

rows = json.load(open(sys.argv[1]))
avg, p50, p99 = {}, {}, {}
for r in rows:
    b = r["params"]["backend"]
    m = r["primaryMetric"]
    if r["mode"] == "avgt":
        avg[b] = (m["score"], m["scoreError"])
    elif r["mode"] == "sample":
        p50[b] = m["scorePercentiles"]["50.0"]
        p99[b] = m["scorePercentiles"]["99.0"]

base = p50.get("in-process")
print()
print("reserve + settle, microseconds per reservation (1 thread)")
print(f"{'backend':<12} {'avg':>16} {'p50':>9} {'p99':>9} {'p50 x in-process':>17}")
for b in ["in-process", "hazelcast-1", "hazelcast-3"]:
    if b not in avg:
        continue
    a, e = avg[b]
    ratio = f"{p50[b] / base:,.0f}x" if base else "-"
    print(f"{b:<12} {a:>9,.3f} ± {e:<5,.3f} {p50[b]:>9,.3f} {p99[b]:>9,.3f} {ratio:>17}")
target = p50.get("hazelcast-3")
if target is not None:
    verdict = "met" if target <= 500 else "NOT met"
    print(f"\nTarget: <= 500 us p50 per reservation on 3 members (loopback): {verdict} ({target:,.0f} us)")
PY
