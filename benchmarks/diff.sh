#!/usr/bin/env bash
# Benchmarks secure-build's comparison engine (the diff goal, the engine of verify-reproducible and compare) against
# diffoscope, side by side in one run on the same pairs of archives. See docs/benchmarks.md#diff.
#
#   benchmarks/diff.sh [options]
#
#   --runs N             timed rounds per pair (default 5, after 1 warm-up round): each round runs the start-up
#                        baseline and secure-build diff once, in an order that alternates from round to round
#   --diffoscope-runs N  timed runs of diffoscope per pair (default 1: it takes minutes)
#   --timeout S          stop a diffoscope run after S seconds (default 1800); the report says it was stopped
#   --no-install         do not (re)install the plugin from this checkout first
#   --update-doc         write the results into docs/benchmarks.md (between its diff results markers)
#
# The pairs: bcprov-jdk18on 1.82 (8 MiB, 6124 entries) against the same jar repacked with other entry times, the
# reverse entry order and other attributes; and commons-compress 1.27.1 against 1.28.0, two consecutive releases.
# The jars come from Maven Central (maven-dependency-plugin copy); the repack is made by tools/repack.py.
# Beside secure-build diff, interleaved with it, a baseline: Maven's start-up with the plugin loaded and no work
# (the plugin's help goal); the report subtracts it. Before each timed run: wait (BENCH_MAX_WAIT s at most, default 10)
# for the CPUs to be BENCH_MIN_IDLE idle (default 0.8), as run.sh does; the report gives how idle they were.
# Every Maven run starts in benchmarks/target/diff/, a directory without a POM: no project is read.
# Needs mvn, java 17, python3, diffoscope (Debian: apt-get install diffoscope-minimal) and GNU time.
# Everything goes under benchmarks/target/diff/; the report is benchmarks/target/diff/results.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
work=$here/target/diff
runs=5 ds_runs=1 timeout_s=1800 install=1 update_doc=0
command_line="benchmarks/diff.sh${*:+ $*}"
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --diffoscope-runs) ds_runs=$2; shift ;;
    --timeout) timeout_s=$2; shift ;;
    --no-install) install=0 ;;
    --update-doc) update_doc=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for tool in mvn java python3 diffoscope /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "diff.sh needs $tool (diffoscope: apt-get install diffoscope-minimal)" >&2; exit 1; }
done
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$root/pom.xml" | head -1)
goal="dev.securebuild:secure-build-maven-plugin:$version:diff"
help_goal="dev.securebuild:secure-build-maven-plugin:$version:help"
unset MAVEN_OPTS MAVEN_ARGS   # Maven as it comes, with the JVM's defaults, as in run.sh
# diffoscope runs the decompilers it finds on every changed class: which were there changes its time several-fold
# (procyon made the releases pair 3.5x slower), so the report names them.
diffoscope_extras() {
  local found=()
  for tool in procyon javap; do command -v "$tool" > /dev/null && found+=("$tool"); done
  [ ${#found[@]} -gt 0 ] && printf ', with %s on the PATH' "${found[*]}"
  return 0
}

mkdir -p "$work/inputs" "$work/runs"
started=$(date +%s)

step() { printf '\n== %s\n' "$*"; }

if [ "$install" = 1 ]; then
  step "Installing the plugin from $root"
  (cd "$root" && mvn -B -q install -DskipTests -Dinvoker.skip)
fi

step "Inputs from Maven Central"
for artifact in org.bouncycastle:bcprov-jdk18on:1.82 org.apache.commons:commons-compress:1.27.1 org.apache.commons:commons-compress:1.28.0; do
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy -Dartifact="$artifact" -DoutputDirectory="$work/inputs" \
    -Dmdep.overWriteReleases=false
done
python3 "$here/tools/repack.py" "$work/inputs/bcprov-jdk18on-1.82.jar" "$work/inputs/bcprov-jdk18on-1.82-repacked.jar"
ls -l "$work/inputs"

# pair id | title | left | right
pairs=(
  "repack|bcprov-jdk18on 1.82 (8 MiB, 6124 entries) against itself repacked by Python's zipfile: other entry times, the reverse order, no archive comment|bcprov-jdk18on-1.82.jar|bcprov-jdk18on-1.82-repacked.jar"
  "releases|commons-compress 1.27.1 against 1.28.0: two consecutive releases|commons-compress-1.27.1.jar|commons-compress-1.28.0.jar"
)

quiet() {   # prints the idle fraction of the CPUs seen last, after waiting for them as run.sh does
  python3 -c "import sys; sys.path.insert(0, sys.argv[1]); import bench; print(f'{bench.wait_for_quiet(float(sys.argv[2]), float(sys.argv[3]))[0]:.2f}')" \
    "$here/tools" "${BENCH_MIN_IDLE:-0.8}" "${BENCH_MAX_WAIT:-10}"
}

timed() {   # id tool run command...: appends "id tool run seconds exit idle-before" to runs.tsv
  local id=$1 tool=$2 run=$3; shift 3
  local t0 t1 code=0 idle
  idle=$(quiet)
  t0=$(date +%s.%N)
  (cd "$work" && "$@") > "$work/runs/$id-$tool-$run.log" 2>&1 || code=$?
  t1=$(date +%s.%N)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$tool" "$run" "$(python3 -c "print(f'{$t1-$t0:.2f}')")" "$code" "$idle" >> "$work/runs.tsv"
  echo "  $id $tool run $run: $(tail -1 "$work/runs.tsv" | cut -f4) s (exit $code, CPUs $(awk "BEGIN{print $idle*100}") % idle before)"
}

uptime_before=$(uptime)
: > "$work/runs.tsv"
for pair in "${pairs[@]}"; do
  IFS='|' read -r id title left right <<< "$pair"
  step "$title"
  sb=(mvn -B -q -o "$goal" -Dsecure-build.left="$work/inputs/$left" -Dsecure-build.right="$work/inputs/$right"
      -Dsecure-build.failOnDifference=false -Dsecure-build.output="$work/out/$id")
  # The baseline: the same mvn, the same plugin resolved and its class realm made, a goal that does no work.
  base=(mvn -B -q -o "$help_goal")
  (cd "$work" && "${base[@]}" > /dev/null && "${sb[@]}" > /dev/null)   # warm-up round: page cache, the same jars read once
  for run in $(seq 1 "$runs"); do
    if [ $((run % 2)) = 1 ]; then
      timed "$id" startup "$run" "${base[@]}"
      timed "$id" secure-build "$run" "${sb[@]}"
    else
      timed "$id" secure-build "$run" "${sb[@]}"
      timed "$id" startup "$run" "${base[@]}"
    fi
  done
  for run in $(seq 1 "$ds_runs"); do
    # diffoscope exits 1 when the inputs differ: that is its normal result here.
    timed "$id" diffoscope "$run" timeout "$timeout_s" diffoscope --text "$work/out/$id-diffoscope.txt" \
      "$work/inputs/$left" "$work/inputs/$right"
  done
done
uptime_after=$(uptime)

step "Report"
python3 "$here/tools/diff_report.py" --work "$work" --command "$command_line" --elapsed $(( $(date +%s) - started )) \
  --timeout "$timeout_s" --diffoscope-version "$(diffoscope --version)$(diffoscope_extras)" --uptime-before "$uptime_before" \
  --uptime-after "$uptime_after" --version "$version" > "$work/results.md"
echo "Report: $work/results.md"
if [ "$update_doc" = 1 ]; then
  python3 "$here/tools/diff_report.py" --splice "$root/docs/benchmarks.md" < "$work/results.md"
  echo "Updated $root/docs/benchmarks.md"
fi
