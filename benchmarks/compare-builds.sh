#!/usr/bin/env bash
# Runs the same engine benchmarks on two builds of KeyTriage in one run, one after the other on
# the same machine, and prints each build's figures and the after/before ratio. For a design
# change: build the old commit's benchmark jar in a worktree (mvn -pl benchmarks -am package
# -DskipTests), then
#
#   benchmarks/compare-builds.sh OLD.jar NEW.jar            # allocate+settle, cluster ledger: ~6 minutes
#   JMH_SETTINGS="-f 2 -wi 3 -w 2s -i 5 -r 2s" benchmarks/compare-builds.sh OLD.jar NEW.jar
#
# Raw JMH JSON goes to benchmarks/target/compare-{before,after}.json. Read ratios, not absolute
# numbers, on a shared machine: both builds see the same noise only if they run close together.
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 BEFORE.jar AFTER.jar" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/target"
mkdir -p "$out"
settings="${JMH_SETTINGS:--f 1 -wi 3 -w 1s -i 5 -r 1s}"
# one strategy for allocate+settle (every strategy was within 10 % of the others when last measured),
# and the in-process and 3-member backends of the cluster ledger benchmark
opens="--add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
run() {
  local name="$1" jar="$2"
  # one strategy for allocate+settle (every strategy was within 10 % of the others when last
  # measured), and the in-process and 3-member backends of the cluster ledger benchmark
  # shellcheck disable=SC2086 # settings is a list of options
  java -jar "$jar" $settings -p strategy=round_robin -rf json -rff "$out/compare-$name-engine.json" \
    'AllocateSettleBenchmark.allocateSettle$' > "$out/compare-$name-engine.log" 2>&1
  # shellcheck disable=SC2086
  java -jar "$jar" $settings -jvmArgsAppend "$opens" -p backend=in-process,hazelcast-3 -rf json \
    -rff "$out/compare-$name-cluster.json" ClusterLedgerBenchmark > "$out/compare-$name-cluster.log" 2>&1
  python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1])) + json.load(open(sys.argv[2])), open(sys.argv[3], "w"))' \
    "$out/compare-$name-engine.json" "$out/compare-$name-cluster.json" "$out/compare-$name.json"
}
run before "$1"
run after "$2"
python3 - "$out/compare-before.json" "$out/compare-after.json" <<'PY'
import json, sys
def load(p):
    rows = {}
    for r in json.load(open(p)):
        name = r["benchmark"].rsplit(".", 1)[1]
        params = r.get("params") or {}
        key = (name, params.get("strategy") or params.get("backend") or "-")
        m = r["primaryMetric"]
        unit = m["scoreUnit"]
        if r["mode"] == "avgt":
            rows.setdefault(key, {})["avg"] = (m["score"], unit)
        elif r["mode"] == "sample":
            pct = m.get("scorePercentiles") or {}
            rows.setdefault(key, {})["p50"] = (pct.get("50.0"), unit)
            rows.setdefault(key, {})["p99"] = (pct.get("99.0"), unit)
    return rows
before, after = load(sys.argv[1]), load(sys.argv[2])
print("| benchmark | param | figure | before | after | after / before |")
print("|---|---|---|---:|---:|---:|")
for key in sorted(set(before) & set(after)):
    for fig in ("avg", "p50", "p99"):
        b = before[key].get(fig); a = after[key].get(fig)
        if not b or not a or b[0] is None or a[0] is None:
            continue
        ratio = a[0] / b[0] if b[0] else float("nan")
        print(f"| {key[0]} | {key[1]} | {fig} ({b[1]}) | {b[0]:.3f} | {a[0]:.3f} | {ratio:.2f} |")
PY
