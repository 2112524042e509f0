#!/usr/bin/env bash
# Benchmarks the scanner gate's SARIF reading on about 200 MB of SARIF against jq parsing the same file, side by side in
# one run, with a 256 MiB heap: the reader alone in a plain JVM, and the goal check-findings as users run it (with
# Maven's start-up measured apart). See docs/benchmarks.md#scanner-gate-reading-200-mb-of-sarif.
#
#   benchmarks/findings.sh [options]
#
#   --runs N            timed rounds (default 5); each round runs every variant once, interleaved
#   --warmup N          untimed rounds before them (default 0: the untimed count check before them runs jq, the
#                       reader and the goal once, which puts the file, the JDK and Maven's jars in the page cache)
#   --mb N              size of the synthetic file in MB (default 200)
#   --samples DIR       the real SARIF samples whose runs are repeated (default ../shared/scanner-samples/sarif)
#   --breakdown-runs N  warm runs of each layer of the in-JVM breakdown of the reader (default 3, after one cold run)
#   --default-heap      also time check-findings with the JVM's default heap in every round (by default it runs once,
#                       untimed but measured by GNU time, in the count check: a run of 40 s or more)
#   --update-doc        write the results into docs/benchmarks.md (between its findings results markers)
#
# The input, benchmarks/target/findings/synthetic-200MB.sarif, is SYNTHETIC: one SARIF 2.1.0 log whose runs are the
# runs of the real samples, repeated in order until it is about 200 MB (tools/synthetic_sarif.py; the same bytes
# every time). Needs mvn, java 17 and javac, python3, jq (apt-get install jq), GNU time (apt-get install time) and
# fincore; the plugin 0.1.0-SNAPSHOT installed in ~/.m2 (mvn -B -q install -DskipTests -Dinvoker.skip). Timed runs are
# offline (-o). Everything goes under benchmarks/target/findings/; the report is benchmarks/target/findings/results.md.
# Environment, as for run.sh: BENCH_MIN_IDLE, BENCH_MAX_WAIT (wait for idle CPUs before each run), BENCH_REDO_MAX (how
# often a run disturbed by other processes is done again, default 3; 0 on a machine that is loaded all the time).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
tools=$here/tools
work=$here/target/findings
runs=5 warmup=0 mb=200 samples=$root/../shared/scanner-samples/sarif breakdown_runs=3 default_heap=0 update_doc=0
command_line="$( (env | grep -E '^BENCH_(MIN_IDLE|MAX_WAIT|REDO_MAX)=' || true) | sort | tr '\n' ' ')benchmarks/findings.sh${*:+ $*}"
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --mb) mb=$2; shift ;;
    --samples) samples=$2; shift ;;
    --breakdown-runs) breakdown_runs=$2; shift ;;
    --default-heap) default_heap=1 ;;
    --update-doc) update_doc=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for tool in mvn java javac python3 jq /usr/bin/time fincore; do
  command -v "$tool" > /dev/null || { echo "findings.sh needs $tool (jq: apt-get install jq; /usr/bin/time: apt-get install time)" >&2; exit 1; }
done
[ -d "$samples" ] || { echo "no SARIF samples at $samples (--samples DIR)" >&2; exit 1; }
plugin_jar=~/.m2/repository/dev/securebuild/secure-build-maven-plugin/0.1.0-SNAPSHOT/secure-build-maven-plugin-0.1.0-SNAPSHOT.jar
[ -f "$plugin_jar" ] || { echo "the plugin is not in ~/.m2: mvn -B -q install -DskipTests -Dinvoker.skip first" >&2; exit 1; }

# The goal runs the plugin in ~/.m2 and the harness links against it: if it is installed again during the run, the
# rounds would time two builds of it. Its digest is recorded before and checked after.
jar_id() { printf '%s %s' "$(sha256sum "$plugin_jar" | cut -c1-16)" "$(date -u -r "$plugin_jar" '+%Y-%m-%d %H:%M UTC')"; }
jar_before=$(jar_id)
GOAL=dev.securebuild:secure-build-maven-plugin:0.1.0-SNAPSHOT
unset MAVEN_OPTS MAVEN_ARGS   # each variant sets its own heap
export LC_ALL=C
step() { printf '\n== %s\n' "$*" >&2; }
started=$(date +%s)
mkdir -p "$work"
rm -f "$work"/*.json "$work"/*.log "$work"/*.md

sarif=$work/synthetic-${mb}MB.sarif
step "The SYNTHETIC input: the runs of the real samples under $samples, repeated to about $mb MB"
python3 "$tools/synthetic_sarif.py" --samples "$samples" --out "$sarif" --mb "$mb" > "$work/synthetic.json"
cat "$work/synthetic.json" >&2

step "A project that only holds the goal (POM packaging, nothing to build)"
project=$work/project
mkdir -p "$project"
cat > "$project/pom.xml" <<'POM'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <!-- Written by benchmarks/findings.sh: check-findings is run on it from the command line. -->
  <groupId>dev.securebuild.benchmarks</groupId>
  <artifactId>findings-gate</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
</project>
POM

step "The harness ReadFindings, compiled against the plugin in ~/.m2"
hdir=$here/harness
(cd "$hdir" && mvn -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/classpath.txt > /dev/null)
rm -rf "$hdir/target/findings-classes" && mkdir -p "$hdir/target/findings-classes"
javac -d "$hdir/target/findings-classes" -cp "$(cat "$hdir/target/classpath.txt")" \
  "$hdir/src/main/java/dev/securebuild/benchmarks/ReadFindings.java"
hcp=$hdir/target/findings-classes:$(cat "$hdir/target/classpath.txt")

step "Same file, same count: the generator, jq, the reader and the goal (untimed; the goal with the default heap, not -q)"
expected=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["findings"])' "$work/synthetic.json")
jq_runs=$(jq '.runs | length' "$sarif")
jq_count=$(jq '[.runs[] | (.results // [])[] | select((.kind // "fail") == "fail")] | length' "$sarif")
reader_count=$(java -Xmx256m -cp "$hcp" dev.securebuild.benchmarks.ReadFindings "$sarif" | sed -n 's/^findings=\([0-9]*\) .*/\1/p')
rm -rf "$project/target"
(cd "$project" && /usr/bin/time -f '%e %M' -o "$work/check-goal.time" \
  mvn -B -o "$GOAL:check-findings" -Dsecure-build.reports="$sarif" -Dsecure-build.failOnViolation=false) > "$work/check-goal.log" 2>&1 || true
read -r goal_wall goal_rss <<< "$(tail -1 "$work/check-goal.time")"
goal_line=$(sed -n 's/^\[INFO\] \(Read [0-9]* finding(s) .*\)$/\1/p' "$work/check-goal.log")
goal_count=$(sed -n 's/^Read \([0-9]*\) finding.*/\1/p' <<< "$goal_line")
outputs=$(cd "$project/target/secure-build/findings" 2> /dev/null && ls -l | awk 'NR > 1 { printf "%s%s %.0f MB", sep, $9, $5 / 1e6; sep = ", " }')
python3 - "$work/check.json" "$expected" "$jq_runs" "$jq_count" "$reader_count" "${goal_count:-}" "$goal_line" "$outputs" \
  "$goal_wall" "$goal_rss" <<'PY'
import json, sys
out, expected, jq_runs, jq_count, reader, goal, goal_line, outputs, goal_wall, goal_rss = sys.argv[1:]
json.dump({"generator": int(expected), "jq_runs": int(jq_runs), "jq": int(jq_count), "reader": int(reader or -1),
           "goal": int(goal) if goal else None, "goal_line": goal_line, "goal_outputs": outputs,
           "goal_default_heap_wall_s": float(goal_wall), "goal_default_heap_rss_kb": int(goal_rss)}, open(out, "w"), indent=1)
PY
cat "$work/check.json" >&2
if [ "$jq_count" != "$expected" ] || [ "$reader_count" != "$expected" ] || [ "${goal_count:-}" != "$expected" ]; then
  echo "the counts differ (see $work/check.json and $work/check-goal.log)" >&2
  exit 1
fi

step "Timed runs: $runs rounds after $warmup warm-up, interleaved"
python3 "$tools/findings_cases.py" --file "$sarif" --project "$project" --classpath "$hcp" --runs "$runs" --warmup "$warmup" \
  --default-heap "$default_heap" --out "$work/spec.json"
python3 "$tools/bench.py" "$work/spec.json" "$work/results.json"

step "Where the reader's time goes: its layers in one JVM, -Xmx256m"
python3 -c "import sys; sys.path.insert(0, sys.argv[1]); import bench; bench.wait_for_quiet(float(sys.argv[2]), float(sys.argv[3]))" \
  "$tools" "${BENCH_MIN_IDLE:-0.8}" "${BENCH_MAX_WAIT:-10}"
java -Xmx256m -cp "$hcp" dev.securebuild.benchmarks.ReadFindings "$sarif" --breakdown --runs "$breakdown_runs" > "$work/breakdown.md"
cat "$work/breakdown.md" >&2

if [ "$(jar_id)" != "$jar_before" ]; then
  echo "the plugin in ~/.m2 was installed again during the run ($jar_before, now $(jar_id)): its figures mix two builds; run again" >&2
  exit 1
fi

step "Report"
python3 "$tools/findings_report.py" --work "$work" --command "$command_line" --elapsed $(( $(date +%s) - started )) \
  --plugin "$jar_before" > "$work/results.md"
echo "Report: $work/results.md (figures: $work/summary.json, raw: $work/results.json)" >&2
if [ "$update_doc" = 1 ]; then
  python3 "$tools/findings_report.py" --splice "$root/docs/benchmarks.md" < "$work/results.md"
  echo "Updated $root/docs/benchmarks.md" >&2
fi
