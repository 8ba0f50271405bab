#!/usr/bin/env bash
# Load benchmark of the real server: CPU time per request of the Payara Micro process for two
# builds of KeyTriage in one run ("before" = the WAR of BEFORE_REF, "after" = this work tree's),
# plus the same load straight at the simulator as the no-gateway baseline.
#
#   benchmarks/server-load.sh            # 20 s per scenario, 90 s warm-up per server: ~12 min + builds
#   benchmarks/server-load.sh 10 20      # seconds per scenario, warm-up seconds: a ~5 min smoke run
#   SKIP_BUILD=1 BEFORE_BUNDLE=/path/to/before/dist/target/bundle benchmarks/server-load.sh
#
# Run it on a quiet machine (nothing else building): the table prints the load average at start
# and end. Needs java 17, taskset, curl, python3, git, and 2 CPUs or more.
#
# Settings (environment):
#   BEFORE_REF=33eb354    the "before" commit, built in a temporary git worktree unless BEFORE_BUNDLE is set
#   BEFORE_BUNDLE=DIR     a built dist/target/bundle of the "before" commit (only its keytriage.war is used)
#   AFTER_BUNDLE=DIR      default: this work tree's dist/target/bundle
#   SKIP_BUILD=1          do not build this work tree (mvn package -pl dist,benchmarks -am) first
#   MVN_FLAGS=-o          extra Maven flags for the builds (they package only, never install)
#   SCENARIOS="chat:1 chat:50 stream:1 stream:50 refusal:50 health:50 idle"   kind:connections, per build
#   DIRECT_SCENARIOS="chat:1 chat:50 stream:1 stream:50"   the same driver at the simulator alone
#   DIRECT_WARMUP=20      warm-up seconds of the direct run (the simulator is small; it warms quickly)
#   RAMP=2                unmeasured seconds at the start of each scenario (connections opened)
#   PAYARA_HEAP=512m      -Xmx of Payara Micro for both builds, as the bundle's payara-jvm.options sets it
#   SERVER_CPU=1          taskset CPU list of Payara Micro
#   CLIENT_CPU=0          taskset CPU list of the simulator and the load driver
#   ORDER="before after"  which build runs first; swap it in a second run to see the order's bias
#   BEFORE_PROPERTIES="keytriage.db.enabled=false"   extra server settings (space-separated name=value) of the
#   AFTER_PROPERTIES=""   "before" or "after" build: with BEFORE_BUNDLE set to this work tree's bundle, the same
#                         WAR compared with two settings (e.g. the store off and on)
#   MAX_RUN_SECONDS=900   the run (builds excluded) is refused if its estimate is longer, stopped if it is
#   CLUSTER_SCENARIOS="chat:50 refusal:50"   after the builds, the same load on three Payara Micro nodes of the
#                         "after" WAR in one data grid (keytriage.cluster.mode=jndi, TCP-IP join on 127.0.0.1,
#                         all three on SERVER_CPU), the driver's connections spread over them; CLUSTER_SCENARIOS=""
#                         skips it. Its CPU per request is the three nodes' together, to set against "after"
#   PROFILE=1             record each build's measured scenarios with JDK Flight Recorder (after the warm-up)
#                         and print where the server's CPU samples fall (benchmarks/profile-summary.py);
#                         the recordings stay in benchmarks/target/server-load-logs/<build>.jfr
#
# Scenarios: chat = POST /v1/chat/completions, not streamed; stream = the same with "stream": true;
# refusal = a task type whose only key is inactive (503 no_available_key, no upstream call);
# health = GET /health/live; idle = no requests, Payara's own background CPU.
#
# Output: a markdown table on standard output and benchmarks/target/server-load.json (every figure,
# load average at start and end, both commits); the servers' logs in benchmarks/target/server-load-logs/.
# The exit status is 1 if any answer was not the one expected (they are counted, and named).
#
# What runs, all on 127.0.0.1: one simulator (no latency, no limits, no faults) for the whole run;
# for each build in turn Payara Micro with that build's WAR (the Payara Micro jar and the simulator
# are the "after" bundle's for both, so only the WAR differs), --nocluster, --interfaces 127.0.0.1,
# its HTTP listener bound to 127.0.0.1 by a pre-boot command, a free port, its own temp folder; and
# the load driver (benchmarks' ServerLoadDriver: JDK HttpClient, one keep-alive connection per
# virtual user, closed loop). CPU µs per request = delta of utime+stime in /proc/<pid>/stat
# (clock ticks, getconf CLK_TCK) over the measured window / requests completed in the window.
# Every process is stopped and the temp folder removed on exit, also on Ctrl-C or an error.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
duration="${1:-20}"
warmup="${2:-90}"
direct_warmup="${DIRECT_WARMUP:-20}"
ramp="${RAMP:-2}"
scenarios="${SCENARIOS:-chat:1 chat:50 stream:1 stream:50 refusal:50 health:50 idle}"
direct_scenarios="${DIRECT_SCENARIOS:-chat:1 chat:50 stream:1 stream:50}"
cluster_scenarios="${CLUSTER_SCENARIOS-chat:50 refusal:50}"
before_ref="${BEFORE_REF:-33eb354}"
after_bundle="${AFTER_BUNDLE:-$root/dist/target/bundle}"
before_bundle="${BEFORE_BUNDLE:-}"
payara_heap="${PAYARA_HEAP:-512m}"
server_cpu="${SERVER_CPU:-1}"
client_cpu="${CLIENT_CPU:-0}"
max_run="${MAX_RUN_SECONDS:-900}"
order="${ORDER:-before after}"
before_properties="${BEFORE_PROPERTIES:-}"
after_properties="${AFTER_PROPERTIES:-}"
jar="$here/target/keytriage-benchmarks.jar"
out_json="$here/target/server-load.json"
logs="$here/target/server-load-logs"

die() { echo "server-load: $*" >&2; exit 2; }
for tool in java taskset curl python3 getconf git; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is needed"
done
for build in $order; do [[ "$build" == before || "$build" == after ]] || die "ORDER takes before and after, not '$build'"; done
[[ "$duration" =~ ^[0-9]+$ && "$warmup" =~ ^[0-9]+$ ]] || die "usage: $0 [seconds-per-scenario] [warm-up-seconds]"

# A run that would not fit the time limit is refused up front rather than killed half-way.
n_server=$(wc -w <<<"$scenarios")
n_direct=$(wc -w <<<"$direct_scenarios")
n_cluster=$(wc -w <<<"$cluster_scenarios")
estimate=$(( 2 * (60 + warmup + n_server * (duration + ramp)) + direct_warmup + n_direct * (duration + ramp) + 20 ))
(( n_cluster == 0 )) || estimate=$(( estimate + 120 + warmup + n_cluster * (duration + ramp) ))
(( estimate <= max_run )) || die "about ${estimate} s of run time exceeds MAX_RUN_SECONDS=$max_run; shorten the durations or the scenarios"

work="$(mktemp -d "${TMPDIR:-/tmp}/keytriage-server-load.XXXXXX")"
pids=()
watchdog=""
before_tree=""
# stop PID: SIGTERM, 30 s to exit, then SIGKILL; and forget it, so a reused PID is never signalled
stop() {
  local p="$1" rest=() q
  kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
  for q in "${pids[@]}"; do [[ "$q" == "$p" ]] || rest+=("$q"); done
  pids=("${rest[@]}")
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [[ -z "$watchdog" ]] || { kill -TERM "$watchdog" 2>/dev/null || true; wait "$watchdog" 2>/dev/null || true; }
  local i
  for (( i = ${#pids[@]} - 1; i >= 0; i-- )); do stop "${pids[i]}"; done
  if [[ -n "$before_tree" ]]; then
    git -C "$root" worktree remove --force "$before_tree" 2>/dev/null || true
    git -C "$root" worktree prune 2>/dev/null || true
  fi
  if [[ -d "$work" ]]; then
    # the logs are small and hold no secret (KeyTriage never logs keys or tokens): keep them to look at
    mkdir -p "$logs"
    cp "$work"/*.log "$logs"/ 2>/dev/null || true
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- builds (not counted in the run's time limit) ----
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  echo "Building this work tree (dist, benchmarks) ..."
  (cd "$root" && mvn -B -q ${MVN_FLAGS:-} package -DskipTests -pl dist,benchmarks -am)
fi
if [[ -z "$before_bundle" ]]; then
  before_tree="$work/before-src"
  echo "Building $before_ref in a temporary worktree ..."
  git -C "$root" worktree add --quiet --detach "$before_tree" "$before_ref"
  # package only: never install, ~/.m2 is shared with whoever else builds on this machine
  (cd "$before_tree" && mvn -B -q ${MVN_FLAGS:-} package -DskipTests -pl dist -am)
  before_bundle="$before_tree/dist/target/bundle"
fi
for f in "$after_bundle/payara-micro.jar" "$after_bundle/keytriage-simulator.jar" "$after_bundle/keytriage.war" \
    "$before_bundle/keytriage.war" "$jar"; do
  [[ -f "$f" ]] || die "$f is missing (build it, or unset SKIP_BUILD)"
done
before_commit="$(git -C "$root" rev-parse --verify "$before_ref^{commit}")"
after_commit="$(git -C "$root" rev-parse HEAD)"
[[ -z "$(git -C "$root" status --porcelain --untracked-files=no)" ]] || after_commit="$after_commit+uncommitted"

# ---- the bounded run starts here ----
# the watchdog's own sleep is stopped with it, so nothing outlives the script
(
  trap 'kill "$nap" 2>/dev/null; exit 0' TERM
  sleep "$max_run" & nap=$!
  wait "$nap"
  echo "server-load: MAX_RUN_SECONDS=$max_run reached, stopping" >&2
  kill -TERM $$
) &
watchdog=$!
rm -rf "$logs"
mkdir -p "$logs"
clk_tck="$(getconf CLK_TCK)"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
results="$work/results.jsonl"
: >"$results"

# Demo credentials made for this run only: simulator keys and an integrator token (its SHA-256
# is all the server is told). They are not printed and go away with the work folder.
rand() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }
key_chat="sim-bench-chat-$(rand 6)"
key_stream="sim-bench-stream-$(rand 6)"
key_refused="sim-bench-refused-$(rand 6)"
token="kt-bench-$(rand 16)"
token_sha="$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)"

# The simulator in its fastest mode: every key instant, unlimited, faultless, no stream pauses.
cat >"$work/scenario.json" <<EOF
{"seed": 1, "accept_unknown_keys": false, "keys": [
  {"api_key": "$key_chat", "label": "bench_chat"},
  {"api_key": "$key_stream", "label": "bench_stream"},
  {"api_key": "$key_refused", "label": "bench_refused"}]}
EOF
# One key per measured task type, limits far above what a run reaches so nothing is throttled;
# batch_processing's only key is inactive and there is no backup, so it is refused with 503.
mkdir -p "$work/keytriage/config"
cat >"$work/keytriage/.env.api_keys" <<EOF
BENCH_KEY_CHAT=$key_chat
BENCH_KEY_STREAM=$key_stream
BENCH_KEY_REFUSED=$key_refused
EOF
cat >"$work/keytriage/config/api_keys_config.json" <<'EOF'
{
  "api_keys": [
    {"key_id": "bench_chat", "api_key": "${BENCH_KEY_CHAT}", "max_rpm": 100000000, "max_tpm": 1000000000000,
     "priority": 3, "task_types": ["medical_text_analysis"], "cost_per_token": 0.0001, "base_url": "${KEYTRIAGE_UPSTREAM_URL}"},
    {"key_id": "bench_stream", "api_key": "${BENCH_KEY_STREAM}", "max_rpm": 100000000, "max_tpm": 1000000000000,
     "priority": 3, "task_types": ["streaming_insights"], "cost_per_token": 0.0001, "base_url": "${KEYTRIAGE_UPSTREAM_URL}"},
    {"key_id": "bench_refused", "api_key": "${BENCH_KEY_REFUSED}", "max_rpm": 100000000, "max_tpm": 1000000000000,
     "priority": 3, "task_types": ["batch_processing"], "cost_per_token": 0.0001, "base_url": "${KEYTRIAGE_UPSTREAM_URL}",
     "is_active": false}
  ],
  "default_strategy": "round_robin"
}
EOF
cat >"$work/keytriage.properties" <<EOF
keytriage.config-dir=$work/keytriage
keytriage.integrators=bench:$token_sha:*
EOF
# Payara Micro's HTTP listener listens on every interface unless told otherwise
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
  >"$work/preboot.txt"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

echo "Starting the simulator (CPU $client_cpu) ..."
taskset -c "$client_cpu" java -Xmx1g -jar "$after_bundle/keytriage-simulator.jar" --port 0 --scenario "$work/scenario.json" \
  </dev/null >"$work/simulator.log" 2>&1 &
sim_pid=$!
pids+=("$sim_pid")
sim_url=""
for _ in $(seq 1 300); do
  sim_url="$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$work/simulator.log" | head -1 | sed 's/listening on //')" || true
  [[ -n "$sim_url" ]] && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$work/simulator.log" >&2; die "the simulator exited"; }
  sleep 0.2
done
[[ -n "$sim_url" ]] || die "the simulator did not start within 60 s"

drive() {
  # drive TARGET BASE_URL TOKEN "SCENARIOS" WARMUP --pid NAME=PID... [--direct]
  local target="$1" base="$2" bearer="$3" list="$4" warm="$5"
  shift 5
  local args=() s
  for s in $list; do args+=(--scenario "$s"); done
  # the token goes by environment, never on a command line another user's ps could show
  SERVER_LOAD_TOKEN="$bearer" taskset -c "$client_cpu" java -Xmx512m -cp "$jar" org.keytriage.benchmarks.ServerLoadDriver \
    --target "$target" --base "$base" --clk-tck "$clk_tck" --warmup "$warm" --ramp "$ramp" --duration "$duration" \
    --out "$results" "${args[@]}" "$@" </dev/null &
  local driver=$! status=0
  pids+=("$driver")
  wait "$driver" || status=$?
  stop "$driver"
  return "$status"
}

echo "No gateway: the driver straight at the simulator"
drive direct "$sim_url" "$key_chat" "$direct_scenarios" "$direct_warmup" --direct --pid simulator="$sim_pid"

# await_ready WHAT PID PORT LOG SECONDS LOG_LINE: /health/ready answers 200 (and LOG_LINE, if any, is in the log)
await_ready() {
  local what="$1" pid="$2" port="$3" log="$4" seconds="$5" line="$6"
  for _ in $(seq 1 "$seconds"); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/health/ready" || true)" == 200 ]] \
        && { [[ -z "$line" ]] || grep -q "$line" "$log"; }; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; die "$what exited"; }
    sleep 1
  done
  tail -30 "$log" >&2
  die "$what not ready within $seconds s${line:+ (waiting for '$line' in its log)}"
}

run_build() {
  local name="$1" war="$2" port
  port="$(free_port)"
  mkdir -p "$work/$name/tmp"
  # this build's settings: the common ones and its own extras
  cp "$work/keytriage.properties" "$work/$name.properties"
  local extra="$before_properties"
  [[ "$name" == after ]] && extra="$after_properties"
  for setting in $extra; do echo "$setting" >>"$work/$name.properties"; done
  echo "Starting Payara Micro with the $name WAR on 127.0.0.1:$port (CPU $server_cpu) ..."
  # Payara Micro unpacks ~100 MB into java.io.tmpdir and --rootdir: both inside the work folder
  local jfr_opts=() bundle_opts=() payara_opts=()
  # deep stacks, so a sample's bottom frames (who called) are not cut off
  [[ "${PROFILE:-}" == 1 ]] && jfr_opts=(-XX:FlightRecorderOptions:stackdepth=256)
  # each build starts as its own bundle's launcher starts it (a bundle without the options file predates them)
  local options_file
  options_file="$(dirname "$war")/payara-jvm.options"
  if [[ -f "$options_file" ]]; then
    mapfile -t bundle_opts < <(grep -v '^[[:space:]]*\(#\|$\)' "$options_file")
    payara_opts=(--disablephonehome)
  fi
  # the bundle's options first: the harness's -Xmx comes after and wins, so both builds get the same heap
  KEYTRIAGE_UPSTREAM_URL="$sim_url" taskset -c "$server_cpu" java "${bundle_opts[@]}" -Xmx"$payara_heap" "${jfr_opts[@]}" \
    -Djava.io.tmpdir="$work/$name/tmp" -Dhazelcast.socket.bind.any=false \
    -jar "$after_bundle/payara-micro.jar" --deploy "$war" --contextroot / --port "$port" \
    --nocluster --interfaces 127.0.0.1 --rootdir "$work/$name/payara" \
    --systemProperties "$work/$name.properties" --prebootcommandfile "$work/preboot.txt" "${payara_opts[@]}" \
    </dev/null >"$work/payara-$name.log" 2>&1 &
  local payara=$!
  pids+=("$payara")
  await_ready "Payara Micro ($name)" "$payara" "$port" "$work/payara-$name.log" 240 ""
  echo "Load on the $name build"
  local recorder=""
  if [[ "${PROFILE:-}" == 1 ]]; then
    # the recording starts when the warm-up ends, so it shows the warmed server only
    ( sleep "$warmup"; jcmd "$payara" JFR.start name=load settings=default filename="$work/$name.jfr" >/dev/null ) &
    recorder=$!
    pids+=("$recorder")
  fi
  drive "$name" "http://127.0.0.1:$port" "$token" "$scenarios" "$warmup" --pid payara="$payara" --pid simulator="$sim_pid"
  if [[ -n "$recorder" ]]; then
    stop "$recorder"
    jcmd "$payara" JFR.stop name=load >/dev/null || true
    mkdir -p "$logs"
    cp "$work/$name.jfr" "$logs/$name.jfr" 2>/dev/null || true
  fi
  stop "$payara"
  rm -rf "$work/$name"
}

# Three nodes of the "after" WAR in one Payara data grid: the cluster's CPU per request is the sum
# of the three processes' over the requests they served together.
run_cluster() {
  local war="$after_bundle/keytriage.war" i ports=() hz=() bases=() pid_args=() members="" cluster_name
  cluster_name="keytriage-bench-$(rand 4)"
  for i in 0 1 2; do ports+=("$(free_port)"); hz+=("$(free_port)"); done
  for i in 0 1 2; do members+="${members:+,}127.0.0.1:${hz[i]}"; done
  cp "$work/keytriage.properties" "$work/keytriage-cluster.properties"
  echo "keytriage.cluster.mode=jndi" >>"$work/keytriage-cluster.properties"
  local bundle_opts=()
  mapfile -t bundle_opts < <(grep -v '^[[:space:]]*\(#\|$\)' "$after_bundle/payara-jvm.options" 2>/dev/null || true)
  local node_pids=()
  for i in 0 1 2; do
    mkdir -p "$work/cluster$i/tmp"
    KEYTRIAGE_UPSTREAM_URL="$sim_url" taskset -c "$server_cpu" java "${bundle_opts[@]}" -Xmx"$payara_heap" \
      -Djava.io.tmpdir="$work/cluster$i/tmp" -Dhazelcast.socket.bind.any=false \
      -jar "$after_bundle/payara-micro.jar" --deploy "$war" --contextroot / --port "${ports[i]}" \
      --name "kt-bench-$i" --interfaces 127.0.0.1 --nohostaware --clustermode "tcpip:$members" \
      --clustername "$cluster_name" --startport "${hz[i]}" --rootdir "$work/cluster$i/payara" \
      --systemProperties "$work/keytriage-cluster.properties" --prebootcommandfile "$work/preboot.txt" --disablephonehome \
      </dev/null >"$work/payara-cluster$i.log" 2>&1 &
    node_pids+=($!)
    pids+=($!)
    bases+=(--base "http://127.0.0.1:${ports[i]}")
    pid_args+=(--pid "payara$i=$!")
  done
  echo "Starting three Payara Micro nodes in one grid (CPU $server_cpu) ..."
  for i in 0 1 2; do
    await_ready "cluster node $i" "${node_pids[i]}" "${ports[i]}" "$work/payara-cluster$i.log" 300 "DG Size: 3"
  done
  echo "Load on the three-node cluster"
  drive after-3-nodes "http://127.0.0.1:${ports[0]}" "$token" "$cluster_scenarios" "$warmup" \
    "${bases[@]:2}" "${pid_args[@]}" --pid simulator="$sim_pid"
  for i in 2 1 0; do stop "${node_pids[i]}"; done
  for i in 0 1 2; do rm -rf "$work/cluster$i"; done
}

for build in $order; do
  case "$build" in
    before) run_build before "$before_bundle/keytriage.war" ;;
    after) run_build after "$after_bundle/keytriage.war" ;;
  esac
done
(( n_cluster == 0 )) || run_cluster

load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$(dirname "$out_json")"
status=0
python3 - "$results" "$out_json" <<PY || status=$?
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
meta = {
  "started_at": "$started_at", "load_average_start": "$load_start", "load_average_end": "$load_end",
  "cpus_online": $(nproc), "clk_tck": $clk_tck, "java": "$(java -version 2>&1 | head -1 | tr -d '"')",
  "before": {"ref": "$before_ref", "commit": "$before_commit"}, "after": {"commit": "$after_commit"},
  "seconds_per_scenario": $duration, "warmup_seconds": $warmup, "direct_warmup_seconds": $direct_warmup,
  "ramp_seconds": $ramp,
  "order": "$order", "payara_heap": "$payara_heap", "server_cpu": "$server_cpu", "client_cpu": "$client_cpu",
}
json.dump({"meta": meta, "results": rows}, open(sys.argv[2], "w"), indent=2)

def server_cpu(r):
    # one node ("payara"), the sum of a cluster's nodes ("payara0".."payara2"), or the simulator for "direct"
    nodes = [v for k, v in r["cpu_us_per_request"].items() if k.startswith("payara") and v is not None]
    if nodes:
        return sum(nodes)
    return None if any(k.startswith("payara") for k in r["cpu_us_per_request"]) else r["cpu_us_per_request"].get("simulator")

def fmt(v, pattern="{:,.0f}"):
    return "-" if v is None else pattern.format(v)

by = {(r["target"], r["scenario"], r["connections"]): r for r in rows}
keys = []
for r in rows:
    k = (r["scenario"], r["connections"])
    if k not in keys:
        keys.append(k)
print()
print(f"Server under load, {meta['started_at']}: {meta['seconds_per_scenario']} s per scenario, {meta['warmup_seconds']} s warm-up, "
      f"load average {meta['load_average_start']} at start, {meta['load_average_end']} at end")
print(f"before = {meta['before']['ref']} ({meta['before']['commit'][:7]}), after = {meta['after']['commit'][:12]}; "
      "server CPU = Payara Micro (pinned to one CPU), or the simulator for 'direct'")
print()
print("| scenario | conns | build | requests | req/s | p50 ms | p99 ms | server CPU µs/req | of which JIT | Payara CPU busy | Payara RSS MB | simulator CPU µs/req | CPU ratio |")
print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
problems = []
for scenario, conns in keys:
    for target in ("direct", "before", "after", "after-3-nodes"):
        r = by.get((target, scenario, conns))
        if r is None:
            continue
        ratio = ""
        base = {"after": "before", "after-3-nodes": "after"}.get(target)
        if base and (base, scenario, conns) in by:
            b = server_cpu(by[(base, scenario, conns)])
            a = server_cpu(r)
            ratio = fmt(a / b if a and b else None, "{:.2f}") + ("" if target == "after" else " of after")
        owners = [k for k in r["cpu_ticks"] if k.startswith("payara")] or ["simulator"]
        busy = sum(r["cpu_cores_busy"].get(k, 0) for k in owners) if owners[0] != "simulator" else None
        ticks = sum(r["cpu_ticks"][k] for k in owners)
        jit = sum(r["jit_cpu_ticks"].get(k, 0) for k in owners) / ticks if ticks else None
        # resident memory at the window's end; the largest node's for a cluster
        rss = max((r.get("rss_kib", {}).get(k, 0) for k in owners if k != "simulator"), default=0) / 1024 or None
        print(f"| {scenario} | {conns} | {target} | {r['requests']:,} | {fmt(r['throughput_rps'], '{:,.1f}')} | "
              f"{fmt(r['p50_ms'], '{:.2f}')} | {fmt(r['p99_ms'], '{:.2f}')} | {fmt(server_cpu(r))} | {fmt(jit, '{:.0%}')} | "
              f"{fmt(busy, '{:.0%}') if busy is not None else '-'} | {fmt(rss)} | {fmt(r['cpu_us_per_request'].get('simulator'))} | {ratio} |")
        if r["unexpected"]:
            problems.append(f"{target} {scenario} x{conns}: {r['unexpected']} unexpected answers, first: {r.get('first_unexpected')}")
print()
print(f"JSON: {sys.argv[2]}")
for p in problems:
    print("WARNING:", p)
sys.exit(1 if problems else 0)
PY
if [[ "${PROFILE:-}" == 1 ]]; then
  for build in $order; do
    [[ -f "$logs/$build.jfr" ]] && python3 "$here/profile-summary.py" "$build" "$logs/$build.jfr"
  done
fi
exit "$status"
