#!/usr/bin/env bash
# The admin console's server time per page and the dashboard poll's cost, on the demo as users run it:
#   benchmarks/console-pages.sh [KEYS] [ROWS] [SAMPLES]      (defaults 100 keys, 100000 rows, 50 samples)
# Starts `./keytriage demo` on a free port (the simulator as upstream), fills it up to KEYS keys and
# ROWS request-log rows through the API, signs in to the console with the demo's admin login and times
# every page and the dashboard's Ajax poll (ConsolePageTimes). Set SKIP_BUILD=1 to use the bundle as it
# is. Everything it starts is stopped at the end, and the demo removes its own temporary folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
keys="${1:-100}" rows="${2:-100000}" samples="${3:-50}"
jar="$root/benchmarks/target/keytriage-benchmarks.jar"
[[ -f "$jar" ]] || { echo "console-pages: $jar is missing; run mvn -B -q install -DskipTests" >&2; exit 2; }
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="$(mktemp)"
# its own process group, so that stopping it stops the simulator and Payara Micro with it (as Ctrl-C does)
KEYTRIAGE_SKIP_BUILD="${SKIP_BUILD:-}" setsid "$root/keytriage" demo --port "$port" --requests 50 </dev/null >"$log" 2>&1 &
demo=$!
cleanup() {
  kill -INT -- "-$demo" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$demo" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$demo" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT
for _ in $(seq 1 600); do
  grep -q '^Admin login:' "$log" && break
  kill -0 "$demo" 2>/dev/null || { cat "$log" >&2; echo "console-pages: the demo exited" >&2; exit 1; }
  sleep 1
done
grep -q '^Admin login:' "$log" || { tail -30 "$log" >&2; echo "console-pages: the demo did not come up" >&2; exit 1; }
password="$(sed -n 's/^Admin login: admin \/ //p' "$log")"
token="$(sed -n 's/^Integrator token: //p' "$log")"
payara="$(pgrep -f -- "payara-micro.jar .*--port $port" | head -1)"
[[ -n "$payara" ]] || { echo "console-pages: no Payara Micro on port $port" >&2; exit 1; }
echo "console-pages: demo on 127.0.0.1:$port (Payara Micro pid $payara); $keys keys, $rows rows, $samples samples per page"
CONSOLE_PASSWORD="$password" CONSOLE_TOKEN="$token" java -cp "$jar" org.keytriage.benchmarks.ConsolePageTimes \
  --base "http://127.0.0.1:$port" --pid "$payara" --keys "$keys" --rows "$rows" --samples "$samples"
