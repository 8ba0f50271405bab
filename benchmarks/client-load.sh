#!/usr/bin/env bash
# The upstream HTTP client alone: JDK HttpClient (as KeyTriage calls it, and with send) against
# Apache HttpClient 5 (blocking and non-blocking), each in its own JVM pinned to one CPU, POSTing
# chat completions and streams to the simulator on the other CPU. Reports the client process's CPU
# per request, threads started per request and throughput, as ratios to KeyTriage's own way
# (jdk-async) in the same run.
#
#   benchmarks/client-load.sh            # 15 s per case after 10 s of warm-up: ~6 min after the build
#   benchmarks/client-load.sh 5 5        # seconds per case, warm-up seconds: a smoke run
#
# Settings (environment): SKIP_BUILD=1, MVN_FLAGS=-o, THREADS="1 50", KINDS="chat stream",
# CLIENTS="jdk-async jdk-async-fj2 jdk-sync apache-classic apache-async" (jdk-async-fj2 = jdk-async
# with -Djava.util.concurrent.ForkJoinPool.common.parallelism=2, as the bundle starts Payara Micro),
# CLIENT_CPU=1, SERVER_CPU=0. Output: a markdown table, and benchmarks/target/client-load.jsonl.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
duration="${1:-15}"
warmup="${2:-10}"
threads_list="${THREADS:-1 50}"
kinds="${KINDS:-chat stream}"
clients="${CLIENTS:-jdk-async jdk-async-fj2 jdk-sync apache-classic apache-async}"
client_cpu="${CLIENT_CPU:-1}"
server_cpu="${SERVER_CPU:-0}"
jar="$here/target/keytriage-benchmarks.jar"
sim_jar="$root/dist/target/bundle/keytriage-simulator.jar"
out="$here/target/client-load.jsonl"

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  (cd "$root" && mvn -B -q ${MVN_FLAGS:-} package -DskipTests -pl dist,benchmarks -am)
fi
[[ -f "$jar" && -f "$sim_jar" ]] || { echo "client-load: build first ($jar, $sim_jar)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/keytriage-client-load.XXXXXX")"
sim_pid=""
cleanup() {
  [[ -z "$sim_pid" ]] || { kill -TERM "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

key="sim-client-load-$(od -An -tx1 -N6 /dev/urandom | tr -d ' \n')"
cat >"$work/scenario.json" <<JSON
{"seed": 1, "accept_unknown_keys": false, "keys": [{"api_key": "$key", "label": "client_load"}]}
JSON
taskset -c "$server_cpu" java -Xmx1g -jar "$sim_jar" --port 0 --scenario "$work/scenario.json" </dev/null >"$work/simulator.log" 2>&1 &
sim_pid=$!
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$work/simulator.log" | head -1 | sed 's/listening on //')" || true
  [[ -n "$url" ]] && break
  sleep 0.2
done
[[ -n "$url" ]] || { cat "$work/simulator.log" >&2; exit 2; }

mkdir -p "$(dirname "$out")"
: >"$out"
for kind in $kinds; do
  for threads in $threads_list; do
    for client in $clients; do
      opts=()
      name="$client"
      if [[ "$client" == jdk-async-fj2 ]]; then
        opts=(-Djava.util.concurrent.ForkJoinPool.common.parallelism=2)
        name=jdk-async
      fi
      line="$(CLIENT_LOAD_KEY="$key" taskset -c "$client_cpu" java -Xmx512m "${opts[@]}" -cp "$jar" \
        org.keytriage.benchmarks.UpstreamClientLoad --client "$name" --url "$url" --kind "$kind" \
        --threads "$threads" --warmup "$warmup" --duration "$duration" </dev/null)"
      line="${line%\}},\"variant\":\"$client\"}"
      echo "$line" | tee -a "$out" >&2
    done
  done
done

python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print()
print("| kind | threads | client | req/s | client CPU µs/req | threads started/req | p50 ms | errors | CPU vs jdk-async |")
print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
base = {(r["kind"], r["threads"]): r["cpu_us_per_request"] for r in rows if r["variant"] == "jdk-async"}
for r in rows:
    b = base.get((r["kind"], r["threads"]))
    ratio = f"{r['cpu_us_per_request'] / b:.2f}" if b else "-"
    print(f"| {r['kind']} | {r['threads']} | {r['variant']} | {r['rps']:,.0f} | {r['cpu_us_per_request']:,.0f} | "
          f"{r['threads_started_per_request']:.2f} | {r['p50_ms']:.2f} | {r['errors']} | {ratio} |")
PY
