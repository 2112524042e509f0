#!/usr/bin/env bash
# Benchmarks the enforcer rule approvedDependencies against bannedDependencies configured with the same list, side by
# side in one run, on a generated reactor of 50 modules with about 300 nodes each in their dependency graphs. See
# docs/benchmarks.md#allow-list-rule-on-a-50-module-reactor.
#
#   benchmarks/allowlist.sh [options]
#
#   --rounds N      timed rounds (default 5); each round runs every case once, interleaved
#   --warmup N      untimed rounds before them (default 1)
#   --modules N     modules in the reactor (default 50)
#   --enforcer V    maven-enforcer-plugin version (default 3.5.0, as the ITs)
#   --no-install    do not install the rules from this checkout; time the rules already in ~/.m2
#   --no-profile    skip the two profiled runs (JFR) that say where each rule spends its time
#   --update-doc    write the results into docs/benchmarks.md (between its allow-list results markers)
#
# What it does: installs the rules from the checkout it is run from (mvn -B -q install -pl enforcer-rules -am
# -DskipTests), so it measures that code; writes the reactor and the allow-list (tools/allowlist_reactor.py); checks,
# untimed and online (the first run downloads the POMs from Maven Central), the size of every module's graph
# (dependency:tree) and that every case passes on every module; times `mvn -B -o -q validate` with the enforcer running
# a trivial rule, bannedDependencies, approvedDependencies, and approvedDependencies with readLicenses=false
# (tools/bench.py); profiles one run of each rule with JFR (tools/allowlist_profile.py); writes the report.
# Needs mvn, java 17 with jfr, python3, network access the first time. Everything goes under
# benchmarks/target/allowlist/; the report is benchmarks/target/allowlist/results.md.
# Environment, as for run.sh: BENCH_MIN_IDLE, BENCH_MAX_WAIT (wait for idle CPUs before each run), BENCH_REDO_MAX (how
# often a run disturbed by other processes is done again, default 3; 0 on a machine that is loaded all the time).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
tools=$here/tools
work=$here/target/allowlist
reactor=$work/reactor
rounds=5 warmup=1 modules=50 enforcer=3.5.0 install=1 profile=1 update_doc=0
command_line="$( (env | grep -E '^BENCH_(MIN_IDLE|MAX_WAIT|REDO_MAX)=' || true) | sort | tr '\n' ' ')benchmarks/allowlist.sh${*:+ $*}"
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --modules) modules=$2; shift ;;
    --enforcer) enforcer=$2; shift ;;
    --no-install) install=0 ;;
    --no-profile) profile=0 ;;
    --update-doc) update_doc=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for tool in mvn java jfr python3; do
  command -v "$tool" > /dev/null || { echo "allowlist.sh needs $tool" >&2; exit 1; }
done
unset MAVEN_OPTS MAVEN_ARGS
export LC_ALL=C
step() { printf '\n== %s\n' "$*" >&2; }
started=$(date +%s)
mkdir -p "$work"
rm -f "$work"/*.json "$work"/*.log "$work"/*.md "$work"/*.jfr

rules_jar=~/.m2/repository/dev/securebuild/secure-build-enforcer-rules/0.1.0-SNAPSHOT/secure-build-enforcer-rules-0.1.0-SNAPSHOT.jar
if [ "$install" = 1 ]; then
  step "The rules from this checkout ($root, $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?')) into ~/.m2"
  (cd "$root" && mvn -B -q install -pl enforcer-rules -am -DskipTests -Dinvoker.skip=true)
fi
[ -f "$rules_jar" ] || { echo "the rules are not in ~/.m2 (run without --no-install)" >&2; exit 1; }
# The cases run the rules in ~/.m2: if they are installed again during the run (another checkout's build), the rounds
# would time two builds of them. Their digest is recorded before and checked after.
jar_id() { printf '%s %s' "$(sha256sum "$rules_jar" | cut -c1-16)" "$(date -u -r "$rules_jar" '+%Y-%m-%d %H:%M:%S UTC')"; }
jar_before=$(jar_id)
commit=$(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?')
[ -z "$(git -C "$root" status --porcelain -- enforcer-rules 2> /dev/null)" ] || commit="$commit (with uncommitted changes in enforcer-rules)"
[ "$install" = 1 ] || commit="not installed by this run (--no-install): whichever checkout installed it last"

step "The reactor: $modules modules and their parent, the allow-list as YAML and as bannedDependencies"
rm -rf "$reactor"
python3 "$tools/allowlist_reactor.py" --out "$reactor" --modules "$modules" --enforcer "$enforcer"

step "Untimed, online: every module's graph (dependency:tree), then every case once (downloads what is missing)"
(cd "$reactor" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree -DoutputFile=tree.txt) > "$work/tree.log" 2>&1 \
  || { echo "dependency:tree failed: see $work/tree.log" >&2; exit 1; }
python3 - "$reactor" "$modules" > "$work/graphs.json" <<'PY'
import glob, json, os, statistics, sys
reactor, count = sys.argv[1], int(sys.argv[2])
nodes, components = {}, set()
for tree in sorted(glob.glob(os.path.join(reactor, "module-*", "tree.txt"))):
    lines = [l.rstrip("\n") for l in open(tree) if l.strip()]
    nodes[os.path.basename(os.path.dirname(tree))] = len(lines) - 1  # the first line is the module itself
    for line in lines[1:]:
        parts = line.lstrip("+-|\\ ").split(" ")[0].split(":")
        components.add(":".join(parts[:2] + parts[-2:-1]))
values = list(nodes.values())
json.dump({"modules": len(values), "nodes": nodes, "min": min(values), "median": statistics.median(values), "max": max(values),
           "total": sum(values), "distinct_components": len(components)}, sys.stdout, indent=1)
print(f"graphs: {len(values)} modules, nodes min {min(values)}, median {statistics.median(values)}, max {max(values)}; "
      f"{len(components)} distinct g:a:v", file=sys.stderr)
PY
check_case() {  # name, rule class, profile args...: the case passes and its rule ran on every project of the reactor
  local name=$1 rule=$2; shift 2
  (cd "$reactor" && mvn -B validate -fae "$@") > "$work/check-$name.log" 2>&1 || { echo "case $name failed: see $work/check-$name.log" >&2; exit 1; }
  local passed
  passed=$(grep -c "Rule 0: $rule passed" "$work/check-$name.log" || true)
  [ "$passed" = $((modules + 1)) ] || { echo "case $name: $rule passed on $passed projects, not $((modules + 1)): see $work/check-$name.log" >&2; exit 1; }
  echo "case $name: $rule passed on all $passed projects" >&2
}
check_case baseline org.apache.maven.enforcer.rules.AlwaysPass -Pbaseline
check_case banned org.apache.maven.enforcer.rules.dependency.BannedDependencies -Pbanned
check_case approved dev.securebuild.enforcer.ApprovedDependencies -Papproved
check_case approved-no-licenses dev.securebuild.enforcer.ApprovedDependencies -Papproved -Dbench.readLicenses=false

step "Timed runs: $rounds rounds after $warmup warm-up, interleaved, offline"
python3 "$tools/allowlist_cases.py" --reactor "$reactor" --modules "$modules" --runs "$rounds" --warmup "$warmup" --out "$work/spec.json"
python3 "$tools/bench.py" "$work/spec.json" "$work/results.json"

if [ "$profile" = 1 ]; then
  step "Where each rule spends its time: one run of each under JFR (Java samples every 2 ms, native every 4 ms)"
  jfc=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc
  python3 "$tools/sampling_jfc.py" "$jfc" > "$work/sampling.jfc"
  for rule in approved banned; do
    (cd "$reactor" && MAVEN_OPTS="-XX:FlightRecorderOptions=stackdepth=1024 -XX:StartFlightRecording=filename=$work/$rule.jfr,settings=$work/sampling.jfc" \
      mvn -B -o -q validate "-P$rule") > "$work/profile-$rule.log" 2>&1
    python3 "$tools/allowlist_profile.py" "$work/$rule.jfr" --rule "$rule" > "$work/profile-$rule.json"
  done
fi

if [ "$(jar_id)" != "$jar_before" ]; then
  echo "the rules in ~/.m2 were installed again during the run ($jar_before, now $(jar_id)): its figures mix two builds; run again" >&2
  exit 1
fi

step "Report"
python3 "$tools/allowlist_report.py" --work "$work" --command "$command_line" --elapsed $(( $(date +%s) - started )) \
  --rules "$jar_before" --commit "$commit" --enforcer "$enforcer" > "$work/results.md"
echo "Report: $work/results.md (figures: $work/summary.json, raw: $work/results.json)" >&2
if [ "$update_doc" = 1 ]; then
  python3 "$tools/allowlist_report.py" --splice "$root/docs/benchmarks.md" < "$work/results.md"
  echo "Updated $root/docs/benchmarks.md" >&2
fi
