#!/usr/bin/env bash
# Builds the benchmark uber jar and runs the engine benchmarks (issue 2) with short settings sized
# for a 2-core machine, then prints a summary table.
#
#   benchmarks/run.sh                      # everything: ~10 minutes
#   benchmarks/run.sh -p strategy=priority # any extra JMH options are passed through
#   benchmarks/run.sh -prof gc             # plus allocation rate per op
#   SKIP_BUILD=1 benchmarks/run.sh         # reuse benchmarks/target/keytriage-benchmarks.jar
#   JMH_SETTINGS="-f 3 -wi 3 -w 2s -i 10 -r 2s" benchmarks/run.sh   # longer, on an idle machine
#   BENCH='AllocateSettleBenchmark.ledgerOnly' benchmarks/run.sh     # a subset (JMH regex)
#
# Do not repeat an option of JMH_SETTINGS among the extra arguments: JMH rejects an option given twice.
# Raw results: benchmarks/target/jmh-result.json (JMH JSON), the log: benchmarks/target/jmh-run.log.
# Thread counts are fixed per benchmark method (@Threads); do not pass -t.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/keytriage-benchmarks.jar"
json="$here/target/jmh-result.json"
log="$here/target/jmh-run.log"

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi
[[ -f "$jar" ]] || { echo "no $jar: build failed?" >&2; exit 1; }

# Default: one fork; 3 x 2 s warm-up, 5 x 2 s measurement per benchmark and mode (2-core machine).
settings="${JMH_SETTINGS:--f 1 -wi 3 -w 2s -i 5 -r 2s}"
bench="${BENCH:-org.keytriage.benchmarks.AllocateSettleBenchmark}"
# shellcheck disable=SC2086 # settings is a list of options
java -jar "$jar" $settings -rf json -rff "$json" "$@" "$bench" 2>&1 | tee "$log"

python3 - "$json" <<'PY'
import json, sys

rows = json.load(open(sys.argv[1]))
avg, p50, p99, gc = {}, {}, {}, {}
for r in rows:
    name = r["benchmark"].rsplit(".", 1)[1]
    strategy = (r.get("params") or {}).get("strategy", "-")
    key = (name, strategy)
    m = r["primaryMetric"]
    if r["mode"] == "avgt":
        avg[key] = (m["score"], m["scoreError"])
        sec = r.get("secondaryMetrics") or {}
        if "gc.alloc.rate.norm" in sec:
            gc[key] = sec["gc.alloc.rate.norm"]["score"]
    elif r["mode"] == "sample":
        pct = m.get("scorePercentiles") or {}
        p50[key] = pct.get("50.0")
        p99[key] = pct.get("99.0")

def num(v):
    """A JSON score as a float, or None (JMH writes "NaN" for the error of a single iteration)."""
    try:
        v = float(v)
    except (TypeError, ValueError):
        return None
    return None if v != v else v

def fmt(v, err=None):
    v, err = num(v), num(err)
    if v is None:
        return "-"
    s = f"{v:,.0f}" if v >= 100 else f"{v:,.1f}"
    if err is not None:
        s += f" ±{err:,.0f}" if err >= 10 else f" ±{err:,.1f}"
    return s

def ratio(a, b):
    return f"{a / b:.1f}x" if a is not None and b else "-"

led1 = avg.get(("ledgerOnly", "-"), (None, None))[0]
led2 = avg.get(("ledgerOnly2T", "-"), (None, None))[0]
strategies = sorted({k[1] for k in avg if k[0].startswith("allocateSettle")},
                    key=lambda s: ["round_robin", "least_loaded", "priority", "weighted",
                                   "lowest_latency", "lowest_cost"].index(s)
                    if s in ["round_robin", "least_loaded", "priority", "weighted",
                             "lowest_latency", "lowest_cost"] else 99)

print()
print("allocate + settle, ns/op (avgt ± 99.9% CI; p50/p99 from sample mode, 1 thread)")
hdr = ["strategy", "1 thread", "p50", "p99", "2 threads", "x ledger 1T", "x ledger 2T", "strategyOnly"]
if gc:
    hdr.append("B/op 1T")
table = [hdr]
for s in strategies:
    a1 = avg.get(("allocateSettle", s), (None, None))
    a2 = avg.get(("allocateSettle2T", s), (None, None))
    so = avg.get(("strategyOnly", s), (None, None))
    row = [s, fmt(*a1), fmt(p50.get(("allocateSettle", s))), fmt(p99.get(("allocateSettle", s))),
           fmt(*a2), ratio(a1[0], led1), ratio(a2[0], led2), fmt(so[0])]
    if gc:
        row.append(fmt(gc.get(("allocateSettle", s))))
    table.append(row)
widths = [max(len(r[i]) for r in table) for i in range(len(hdr))]
for i, r in enumerate(table):
    print("  ".join(c.rjust(w) if j else c.ljust(w) for j, (c, w) in enumerate(zip(r, widths))))
    if i == 0:
        print("  ".join("-" * w for w in widths))
print()
print(f"ledgerOnly (reserve + settle, one key): 1 thread {fmt(*avg.get(('ledgerOnly', '-'), (None, None)))} ns/op,"
      f" 2 threads {fmt(*avg.get(('ledgerOnly2T', '-'), (None, None)))} ns/op"
      + (f"; {fmt(gc.get(('ledgerOnly', '-')))} B/op" if gc else ""))
print("2-thread figures are the average time per op of each thread (both run at once).")
print("Target: <= 1,000 ns per allocate + settle, 1 thread, in-process ledger.")
PY
