#!/usr/bin/env bash
# Builds and runs the benchmarks of issue 6 and writes bench/RESULTS.md.
#
#   bench/run.sh            full run (~10 minutes on 2 cores)
#   bench/run.sh --quick    smoke run (~4 minutes): shorter JMH, fewer repetitions
#
# Environment overrides (defaults in brackets; quick-mode defaults differ where noted):
#   BENCH_JMH_ARGS        JMH options for every JMH run  ["-f 1 -wi 3 -i 5 -w 2s -r 4s"; quick "-f 1 -wi 1 -i 2 -w 1s -r 2s"]
#   BENCH_JMH_THREADS     thread counts to run           ["1 8"]
#   BENCH_CLIENTS_JMH     JMH benchmark include regex per client run, e.g. "retrieve" to skip list  [all]
#   BENCH_COLD_RUNS       cold starts per client        [15; quick 5]
#   BENCH_DOWNLOAD_BYTES  download size                 [1073741824]
#   BENCH_UPLOAD_BYTES    upload size                   [536870912]
#   BENCH_TRANSFER_REPS   repetitions per JVM (first is warm-up)  [4; quick 2]
#   BENCH_FLEET_JOBS      jobs awaited at once          [1000]
#   BENCH_POLL_MS         poll interval                 [500]
#   BENCH_JOB_MS          how long an emulated job runs [3000]
#   BENCH_SKIP_BUILD=1    reuse bench/target from an earlier run
#   BENCH_PROFILE=1       also record a JFR profile of ours (retrieve and list, 1 thread) into bench/target/bench-results/jfr-*
#   BENCH_OUTPUT          where to write the report     [bench/RESULTS.md]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [[ $quick == 1 ]]; then
  jmh_default="-f 1 -wi 1 -i 2 -w 1s -r 2s"
else
  jmh_default="-f 1 -wi 3 -i 5 -w 2s -r 4s"
fi
export BENCH_QUICK=$quick
export BENCH_JMH_ARGS="${BENCH_JMH_ARGS:-$jmh_default}"
threads="${BENCH_JMH_THREADS:-1 8}"
results="$here/target/bench-results"
output="${BENCH_OUTPUT:-$here/RESULTS.md}"
mvn_q=(mvn -B -q -Dstyle.color=never)
started=$(date +%s)
log() { printf '[bench %4ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }

# ---------------------------------------------------------------- build
cd "$root"
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  log "building openapi, generated, facade and bench (installs the SNAPSHOTs the classpaths resolve)"
  "${mvn_q[@]}" -Pbench -pl bench -am install -DskipTests
fi
rm -rf "$results"
mkdir -p "$results"

prop() { sed -n "s/^$1=//p" "$here/target/classes/bench-versions.properties"; }
log "resolving each client's runtime classpath (bench/classpaths/pom.xml)"
for client in ours floor peer; do
  "${mvn_q[@]}" -f "$here/classpaths/pom.xml" -P "$client" \
    "org.apache.maven.plugins:maven-dependency-plugin:$(prop maven-dependency-plugin.version):build-classpath" \
    -Dmdep.outputFile="$results/cp-$client.txt" -Dmdep.includeScope=runtime \
    -Dours.version="$(prop ours.version)" -Dokhttp.version="$(prop okhttp.version)" \
    -Dmoshi.version="$(prop moshi.version)" -Dopenai-java.version="$(prop openai-java.version)" >/dev/null
done
classes="$here/target/classes"
jmh_cp="$(cat "$here/target/cp-jmh.txt")"

# ---------------------------------------------------------------- server
export BENCH_LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx256m -cp "$classes" io.github.openaivideos.bench.server.CannedServer \
  --port-file "$results/port" --job-ms "${BENCH_JOB_MS:-3000}" >"$results/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [[ -s "$results/port" ]] && break; sleep 0.1; done
[[ -s "$results/port" ]] || { echo "server did not start; see $results/server.log" >&2; exit 1; }
export BENCH_BASE_URL="http://127.0.0.1:$(cat "$results/port")/v1"
log "server at $BENCH_BASE_URL"

# ---------------------------------------------------------------- JMH: retrieve and list
for t in $threads; do
  for client in floor ours peer; do
    cap="$(tr '[:lower:]' '[:upper:]' <<<"${client:0:1}")${client:1}"
    log "JMH ${cap}Bench, $t thread(s): $BENCH_JMH_ARGS -prof gc"
    # shellcheck disable=SC2086
    java -cp "$classes:$jmh_cp:$(cat "$results/cp-$client.txt")" org.openjdk.jmh.Main \
      "${cap}Bench.${BENCH_CLIENTS_JMH:-}" $BENCH_JMH_ARGS -t "$t" -prof gc \
      -rf json -rff "$results/jmh-$client-t$t.json" >"$results/jmh-$client-t$t.log" 2>&1 \
      || { echo "JMH failed; see $results/jmh-$client-t$t.log" >&2; exit 1; }
    grep -E "^${cap}Bench\.[a-z]+ " "$results/jmh-$client-t$t.log" | sed 's/^/    /' || true
  done
done

if [[ "${BENCH_PROFILE:-0}" == 1 ]]; then
  log "JFR profile of ours (1 thread)"
  # shellcheck disable=SC2086
  java -cp "$classes:$jmh_cp:$(cat "$results/cp-ours.txt")" org.openjdk.jmh.Main OursBench \
    $BENCH_JMH_ARGS -t 1 -prof "jfr:dir=$results/jfr" >"$results/jfr.log" 2>&1 || true
fi

# ---------------------------------------------------------------- whole-process cases and report
log "cold start, download, upload, polling fleet, footprint"
java -cp "$classes:$(cat "$results/cp-floor.txt")" io.github.openaivideos.bench.runner.Runner \
  "$results" "$classes" "$output"
log "wrote $output"
