#!/usr/bin/env bash
# The admin console's server time per page and the dashboard poll's cost, on the WAR as users run it:
#   benchmarks/console-pages.sh [KEYS] [ROWS] [SAMPLES]      (defaults 100 keys, 100000 rows, 50 samples)
# Payara Micro from the bundle (dist/target/bundle: build it first) pinned to one CPU with KEYS keys in
# its configuration and the embedded H2 store, the simulator in its fastest mode on the other CPU; fills
# the request log to ROWS rows through /v1, signs in through the console's login form and times every
# page and the dashboard's Ajax poll (ConsolePageTimes). Needs java 17, taskset, curl, python3.
# Everything runs in benchmarks/target/console-pages and is stopped and removed at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
keys="${1:-100}" rows="${2:-100000}" samples="${3:-50}"
bundle="$root/dist/target/bundle"
jar="$root/benchmarks/target/keytriage-benchmarks.jar"
for f in "$bundle/payara-micro.jar" "$bundle/keytriage.war" "$bundle/keytriage-simulator.jar" "$jar"; do
  [[ -f "$f" ]] || { echo "console-pages: $f is missing; run mvn -B -q install -DskipTests" >&2; exit 2; }
done
work="$root/benchmarks/target/console-pages"
rm -rf "$work"
mkdir -p "$work/keytriage/config" "$work/tmp"
pids=()
cleanup() {
  local i
  for (( i = ${#pids[@]} - 1; i >= 0; i-- )); do
    kill -TERM "${pids[i]}" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "${pids[i]}" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rand() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }
token="kt-bench-$(rand 16)"
password="bench-$(rand 12)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# the simulator takes any key, answers at once, never limits
echo '{"seed": 1, "accept_unknown_keys": true, "keys": []}' >"$work/scenario.json"
taskset -c 0 java -Xmx1g -jar "$bundle/keytriage-simulator.jar" --port 0 --scenario "$work/scenario.json" \
  </dev/null >"$work/simulator.log" 2>&1 &
pids+=($!)
sim_url=""
for _ in $(seq 1 300); do
  sim_url="$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$work/simulator.log" | head -1 | sed 's/listening on //')" || true
  [[ -n "$sim_url" ]] && break
  sleep 0.2
done
[[ -n "$sim_url" ]] || { cat "$work/simulator.log" >&2; echo "console-pages: the simulator did not start" >&2; exit 1; }

# KEYS keys over the six task types, limits far above the run, one secret each
python3 - "$keys" "$work/keytriage" <<'PY'
import json, sys, secrets
n, d = int(sys.argv[1]), sys.argv[2]
tasks = ["medical_text_analysis", "diagnostic_report_generation", "genomics_analysis", "streaming_insights",
         "batch_processing", "multimodal_fusion"]
keys, env = [], []
for i in range(n):
    var = "BENCH_PAGE_KEY_%03d" % i
    env.append("%s=sim-bench-page-%03d-%s" % (var, i, secrets.token_hex(6)))
    keys.append({"key_id": "bench_page_%03d" % i, "api_key": "${%s}" % var, "max_rpm": 100000000,
                 "max_tpm": 1000000000000, "priority": 1 + i % 5, "task_types": [tasks[i % 6]],
                 "cost_per_token": round(0.0001 + 0.00001 * (i % 7), 6), "daily_budget": 500,
                 "base_url": "${KEYTRIAGE_UPSTREAM_URL}"})
json.dump({"api_keys": keys, "default_strategy": "round_robin"}, open(d + "/config/api_keys_config.json", "w"), indent=1)
open(d + "/.env.api_keys", "w").write("\n".join(env) + "\n")
PY
users="$(printf '%s\n' "$password" | KEYTRIAGE_SKIP_BUILD=1 "$root/keytriage" hash-password admin admin 2>/dev/null | grep '^admin:admin:')" \
  || { echo "console-pages: ./keytriage hash-password failed" >&2; exit 1; }
KEYTRIAGE_SKIP_BUILD=1 "$root/keytriage" master-key generate --out "$work/master.key" >/dev/null
cat >"$work/keytriage.properties" <<EOP
keytriage.config-dir=$work/keytriage
keytriage.master-key-file=$work/master.key
keytriage.integrators=bench:$(printf '%s' "$token" | sha256sum | cut -d' ' -f1):*
keytriage.users=$users
EOP
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
  >"$work/preboot.txt"
port="$(free_port)"
mapfile -t opts < <(grep -v '^[[:space:]]*\(#\|$\)' "$bundle/payara-jvm.options")
KEYTRIAGE_UPSTREAM_URL="$sim_url" taskset -c 1 java "${opts[@]}" -Xmx1g -Djava.io.tmpdir="$work/tmp" \
  -Dhazelcast.socket.bind.any=false -jar "$bundle/payara-micro.jar" --deploy "$bundle/keytriage.war" --contextroot / \
  --port "$port" --nocluster --interfaces 127.0.0.1 --rootdir "$work/payara" --systemProperties "$work/keytriage.properties" \
  --prebootcommandfile "$work/preboot.txt" --disablephonehome </dev/null >"$work/payara.log" 2>&1 &
payara=$!
pids+=("$payara")
for _ in $(seq 1 240); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" == 200 ]] && break
  kill -0 "$payara" 2>/dev/null || { tail -30 "$work/payara.log" >&2; echo "console-pages: Payara Micro exited" >&2; exit 1; }
  sleep 1
done
echo "console-pages: Payara Micro on 127.0.0.1:$port (CPU 1), $keys keys, filling $rows rows, $samples samples per page"
CONSOLE_ADMIN=admin CONSOLE_PASSWORD="$password" CONSOLE_TOKEN="$token" taskset -c 0 java -cp "$jar" \
  org.keytriage.benchmarks.ConsolePageTimes --base "http://127.0.0.1:$port" --pid "$payara" --keys "$keys" \
  --rows "$rows" --samples "$samples"
