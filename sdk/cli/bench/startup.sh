#!/usr/bin/env bash
# Start-up harness: wall time of `pdp whoami` against a loopback emulator versus the official TypeScript SDK
# (@prisma/management-api-sdk) doing one GET /v1/me in a fresh node process, measured alternately in the same run.
# Prints both medians (and user+sys CPU medians, steadier on a busy machine) and the ratio pdp / node; and, for
# comparison, `pdp workspaces list`, which goes through picocli (whoami alone with global flags does not).
#
#   mvn -B -q -Pstartup-bench -pl sdk/cli -am verify -DskipTests      (builds pdp, then runs this)
#   sdk/cli/bench/startup.sh [RUNS]                                     (after a build; default 15 runs each)
#
# Needs node 18+ and npm; the SDK is installed once into sdk/cli/target/bench-node (never committed).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
pdp="$module/target/pdp/bin/pdp"
runs=${1:-${PDP_BENCH_RUNS:-15}}
node_dir="$module/target/bench-node"
[ -x "$pdp" ] || { echo "build pdp first: mvn -B -q -pl sdk/cli -am package -DskipTests" >&2; exit 2; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are needed" >&2; exit 2; }

if [ ! -d "$node_dir/node_modules/@prisma/management-api-sdk" ]; then
  mkdir -p "$node_dir"
  (cd "$node_dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent @prisma/management-api-sdk)
fi
cp "$here/get-me.mjs" "$node_dir/get-me.mjs"

# The archive cache and the emulator are private to this run.
work=$(mktemp -d)
export XDG_CACHE_HOME="$work/cache"
echo "building pdp's class-data-sharing archive (its first run does)..." >&2
"$pdp" --version >/dev/null
"$pdp" emulator --port 0 --provisioning-delay-ms 0 >"$work/emulator.out" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true; wait $emulator 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  grep -q 'service token' "$work/emulator.out" && break
  sleep 0.1
done
api=$(awk '/Management API/ {print $4}' "$work/emulator.out")
export PRISMA_API_URL=${api%/v1}
export PRISMA_SERVICE_TOKEN=$(awk '/service token/ {print $3; exit}' "$work/emulator.out")
[ -n "$PRISMA_SERVICE_TOKEN" ] || { cat "$work/emulator.out" >&2; exit 1; }

# Each sample: wall ms and user+sys ms of one fresh process.
sample() {
  local out
  out=$( { /usr/bin/env TIMEFORMAT='%R %U %S' bash -c "time $* >/dev/null" ; } 2>&1 | tail -n 1)
  awk '{printf "%d %d\n", $1*1000, ($2+$3)*1000}' <<<"$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

echo "warming up..." >&2
"$pdp" whoami >/dev/null
"$pdp" workspaces list >/dev/null
node "$node_dir/get-me.mjs" >/dev/null
for _ in 1 2; do "$pdp" whoami >/dev/null; node "$node_dir/get-me.mjs" >/dev/null; done

: >"$work/pdp" ; : >"$work/node" ; : >"$work/list"
for _ in $(seq 1 "$runs"); do
  sample "'$pdp' whoami" >>"$work/pdp"
  sample "node '$node_dir/get-me.mjs'" >>"$work/node"
  sample "'$pdp' workspaces list" >>"$work/list"
done
pw=$(cut -d ' ' -f 1 "$work/pdp" | median); pc=$(cut -d ' ' -f 2 "$work/pdp" | median)
nw=$(cut -d ' ' -f 1 "$work/node" | median); nc=$(cut -d ' ' -f 2 "$work/node" | median)
lw=$(cut -d ' ' -f 1 "$work/list" | median); lc=$(cut -d ' ' -f 2 "$work/list" | median)
echo "runs: $runs each, alternating; $(nproc) CPUs; load average $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "java (as the launcher picks it): $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -n 1); node: $(node --version)"
printf 'pdp whoami (JVM, AppCDS, C1):       median wall %5d ms   cpu %5d ms\n' "$pw" "$pc"
printf 'TS SDK GET /v1/me (fresh node):     median wall %5d ms   cpu %5d ms\n' "$nw" "$nc"
awk -v p="$pw" -v n="$nw" -v pc="$pc" -v nc="$nc" \
  'BEGIN {printf "ratio pdp/node: wall %.2f   cpu %.2f\n", p/n, pc/nc}'
printf 'pdp workspaces list (via picocli):  median wall %5d ms   cpu %5d ms   (for comparison)\n' "$lw" "$lc"
