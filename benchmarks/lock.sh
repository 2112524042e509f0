#!/usr/bin/env bash
# Benchmarks the enforcer rule requireLockedDependencies (secure-build's lock check) against maven-lockfile's validate
# goal (chains-project), side by side in one run, on allowlist.sh's generated reactor of 50 modules with about 300 nodes
# each in their dependency graphs. See docs/benchmarks.md#dependency-lock-on-a-50-module-reactor.
#
#   benchmarks/lock.sh [options]
#
#   --rounds N              timed rounds (default 5); each round runs every case once, interleaved
#   --warmup N              untimed rounds before them (default 1)
#   --modules N             modules in the reactor (default 50)
#   --enforcer V            maven-enforcer-plugin version (default 3.5.0, as the ITs)
#   --lockfile-version V    maven-lockfile version (default 5.18.3)
#   --lockfile-options S    options of maven-lockfile's generate (default "-DchecksumMode=local": with its default,
#                           remote, its validate fails on a local repository with files that have no
#                           _remote.repositories; see the doc)
#   --no-install            do not install secure-build from this checkout; time what is already in ~/.m2
#   --no-profile            skip the profiled run (JFR) that says where our rule spends its time
#   --update-doc            write the results into docs/benchmarks.md (between its lock results markers)
#
# What it does: installs secure-build from the checkout it is run from (mvn -B -q install -pl
# secure-build-maven-plugin,enforcer-rules -am -DskipTests), so it measures that code; writes the reactor
# (tools/allowlist_reactor.py, profiles baseline and locked); untimed and online (the first run downloads from Maven
# Central): writes our lock (secure-build:lock, which compares every file with Maven Central's checksums) and
# maven-lockfile's (generate, a lockfile.json per project), checks that our rule passes on every project and that
# maven-lockfile's validate succeeds on every project, and that it refuses -o; times `mvn -B -q validate` with the
# enforcer running a trivial rule, requireLockedDependencies, and the trivial rule followed by maven-lockfile's validate
# (tools/lock_cases.py, tools/bench.py; the baseline and our rule offline and online, maven-lockfile online only, as it
# requires), each run with the locked files read into the page cache first; profiles one run of our rule with JFR
# (tools/lock_profile.py); writes the report (tools/lock_report.py).
# Needs mvn, java 17 with jfr, python3, fincore, network access. Everything goes under benchmarks/target/lock/; the
# report is benchmarks/target/lock/results.md.
# Environment, as for run.sh: BENCH_MIN_IDLE, BENCH_MAX_WAIT (wait for idle CPUs before each run), BENCH_REDO_MAX (how
# often a run disturbed by other processes is done again, default 3; 0 on a machine that is loaded all the time).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
tools=$here/tools
work=$here/target/lock
reactor=$work/reactor
rounds=5 warmup=1 modules=50 enforcer=3.5.0 mlf_version=5.18.3 mlf_options="-DchecksumMode=local" install=1 profile=1 update_doc=0
command_line="$( (env | grep -E '^BENCH_(MIN_IDLE|MAX_WAIT|REDO_MAX)=' || true) | sort | tr '\n' ' ')benchmarks/lock.sh${*:+ $*}"
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --modules) modules=$2; shift ;;
    --enforcer) enforcer=$2; shift ;;
    --lockfile-version) mlf_version=$2; shift ;;
    --lockfile-options) mlf_options=$2; shift ;;
    --no-install) install=0 ;;
    --no-profile) profile=0 ;;
    --update-doc) update_doc=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for tool in mvn java jfr python3 fincore; do
  command -v "$tool" > /dev/null || { echo "lock.sh needs $tool" >&2; exit 1; }
done
unset MAVEN_OPTS MAVEN_ARGS
export LC_ALL=C
step() { printf '\n== %s\n' "$*" >&2; }
started=$(date +%s)
mkdir -p "$work"
rm -f "$work"/*.json "$work"/*.log "$work"/*.md "$work"/*.jfr "$work"/*.jfc "$work"/inputs.list

m2=~/.m2/repository
mlf="io.github.chains-project:maven-lockfile:$mlf_version"
plugin="dev.securebuild:secure-build-maven-plugin:0.1.0-SNAPSHOT"
jars=("$m2/dev/securebuild/secure-build-core/0.1.0-SNAPSHOT/secure-build-core-0.1.0-SNAPSHOT.jar"
      "$m2/dev/securebuild/secure-build-enforcer-rules/0.1.0-SNAPSHOT/secure-build-enforcer-rules-0.1.0-SNAPSHOT.jar"
      "$m2/dev/securebuild/secure-build-maven-plugin/0.1.0-SNAPSHOT/secure-build-maven-plugin-0.1.0-SNAPSHOT.jar")
if [ "$install" = 1 ]; then
  step "secure-build from this checkout ($root, $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?')) into ~/.m2: core, rules, plugin"
  (cd "$root" && mvn -B -q install -pl secure-build-maven-plugin,enforcer-rules -am -DskipTests -Dinvoker.skip=true)
fi
for jar in "${jars[@]}"; do
  [ -f "$jar" ] || { echo "$jar is not in ~/.m2 (run without --no-install)" >&2; exit 1; }
done
# The cases run the jars in ~/.m2, and our lock names the rules' and core's jars by digest (the enforcer plugin's
# dependencies): if they are installed again during the run (another build in this checkout), the rounds would time two
# builds, or our rule would fail. Their digests are recorded before and checked after.
jar_id() {
  local jar
  for jar in "${jars[@]}"; do
    printf '%s %s (%s); ' "$(basename "$jar" -0.1.0-SNAPSHOT.jar)" "$(sha256sum "$jar" | cut -c1-16)…" "$(date -u -r "$jar" '+%Y-%m-%d %H:%M:%S UTC')"
  done | sed 's/; $//'
}
jar_before=$(jar_id)
commit=$(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?')
[ -z "$(git -C "$root" status --porcelain -- secure-build-core enforcer-rules secure-build-maven-plugin 2> /dev/null)" ] \
  || commit="$commit (with uncommitted changes in secure-build's modules)"
[ "$install" = 1 ] || commit="not installed by this run (--no-install): whichever checkout installed it last"

step "The reactor: $modules modules and their parent (profiles baseline and locked)"
rm -rf "$reactor"
python3 "$tools/allowlist_reactor.py" --out "$reactor" --modules "$modules" --enforcer "$enforcer"

step "Untimed, online: our lock (secure-build:lock, with -Plocked), then maven-lockfile's (generate $mlf_options, with -Pbaseline)"
# Each with the profile its check runs with: the enforcer plugin and its dependencies are build plugins both lock.
(cd "$reactor" && mvn -B -Plocked "$plugin:lock") > "$work/lock-goal.log" 2>&1 \
  || { echo "secure-build:lock failed: see $work/lock-goal.log" >&2; exit 1; }
grep -m1 'Locked .* artifact(s)' "$work/lock-goal.log" | sed 's/^\[INFO\] //' >&2
# maven-lockfile logs a warning with a stack trace for every file of the local repository that has no
# _remote.repositories beside it (installed by hand or by other tools), per module: its logs keep Maven's own lines only.
mvn_lines() { grep -a '^\[' || true; }
# shellcheck disable=SC2086 # the options are words
(cd "$reactor" && mvn -B -Pbaseline "$mlf:generate" $mlf_options) 2>&1 | mvn_lines > "$work/mlf-generate.log" \
  || { echo "maven-lockfile generate failed: see $work/mlf-generate.log" >&2; exit 1; }
echo "maven-lockfile: $(find "$reactor" -name lockfile.json | wc -l) lockfile.json written" >&2

step "Untimed, online: every case once; each must pass on every project"
check_count() {  # name, expected line, mvn args...: the run succeeds and the line is there once per project
  local name=$1 line=$2; shift 2
  (cd "$reactor" && mvn -B -fae "$@") 2>&1 | mvn_lines > "$work/check-$name.log" || { echo "case $name failed: see $work/check-$name.log" >&2; exit 1; }
  local count
  count=$(grep -cF "$line" "$work/check-$name.log" || true)
  [ "$count" = $((modules + 1)) ] || { echo "case $name: '$line' on $count projects, not $((modules + 1)): see $work/check-$name.log" >&2; exit 1; }
  echo "case $name: '$line' on all $count projects" >&2
}
check_count baseline "Rule 0: org.apache.maven.enforcer.rules.AlwaysPass passed" validate -Pbaseline
check_count locked "Rule 0: dev.securebuild.enforcer.RequireLockedDependencies passed" validate -Plocked
check_count locked-all-plugins "Rule 0: dev.securebuild.enforcer.RequireLockedDependencies passed" validate -Plocked -Dbench.checkAllPlugins=true
check_count maven-lockfile "Lockfile successfully validated." -Pbaseline validate "$mlf:validate"
# maven-lockfile's validate requires online mode: with -o it fails (this is why it is timed online).
if (cd "$reactor" && mvn -B -o -Pbaseline validate "$mlf:validate") 2>&1 | mvn_lines > "$work/check-maven-lockfile-offline.log"; then
  echo "maven-lockfile validate passed with -o: it no longer requires online mode; time it offline (tools/lock_cases.py)" >&2
fi
python3 - "$work" "$modules" > "$work/checks.json" <<'PY'
import json, re, sys
work, modules = sys.argv[1], int(sys.argv[2])
def text(name):
    with open(f"{work}/{name}") as f:
        return f.read()
offline = re.search(r"\[ERROR\] Failed to execute goal [^:]+:maven-lockfile:[^ ]+ \([^)]*\) on project [^:]+: (.*)", text("check-maven-lockfile-offline.log"))
json.dump({"locked_passed": text("check-locked.log").count("Rule 0: dev.securebuild.enforcer.RequireLockedDependencies passed"),
           "mlf_validated": text("check-maven-lockfile.log").count("Lockfile successfully validated."),
           "mlf_download_attempts": text("check-maven-lockfile.log").count("Downloading from"),
           "mlf_offline_error": offline.group(1).strip() if offline else "(it passed)"}, sys.stdout, indent=1)
PY

step "The files the locks name (read into the page cache before every timed run) and the locks' sizes"
python3 - "$reactor" "$m2" "$work/inputs.list" > "$work/sizes.json" <<'PY'
import glob, json, os, statistics, sys
reactor, m2, listing = sys.argv[1:4]
with open(os.path.join(reactor, "secure-build.lock.json")) as f:
    lock = json.load(f)
files = []
for key in lock["artifacts"]:
    parts = key.split(":")
    group, artifact, extension, version = parts[0], parts[1], parts[2], parts[-1]
    classifier = "-" + parts[3] if len(parts) == 5 else ""
    files.append(os.path.join(m2, *group.split("."), artifact, version, f"{artifact}-{version}{classifier}.{extension}"))
missing = [p for p in files if not os.path.isfile(p)]
if missing:
    sys.exit(f"{len(missing)} locked file(s) not in {m2}, e.g. {missing[0]}")
mlf = sorted(glob.glob(os.path.join(reactor, "lockfile.json")) + glob.glob(os.path.join(reactor, "*", "lockfile.json")))
ours = os.path.join(reactor, "secure-build.lock.json")
inputs = files + mlf + [ours]
with open(listing, "wb") as f:
    f.write(b"\0".join(p.encode() for p in inputs) + b"\0")
# Format 2: a module's uses are its build's (written once for the modules that share it), then its own; each use is
# "<kind> [<scope>] <artifact> [by <artifact>]".
def parse(text):
    parts = text.split(" ")
    return parts[0], parts[2] if parts[0] == "dependency" else parts[1]
kinds, per_module = {}, []
builds = lock.get("builds", {})
for module in lock["modules"].values():
    uses = [parse(u) for u in builds.get(module.get("build"), []) + module["uses"]]
    for kind, _ in uses:
        kinds[kind] = kinds.get(kind, 0) + 1
    deps = {artifact for kind, artifact in uses if kind == "dependency"}
    if deps:
        per_module.append(len(deps))
written = sum(len(b) for b in builds.values()) + sum(len(m["uses"]) for m in lock["modules"].values())
nodes, plugins, distinct = 0, 0, set()
def walk(list_of_nodes):
    global nodes
    for node in list_of_nodes or []:
        nodes += 1
        distinct.add((node["groupId"], node["artifactId"], node["version"], node.get("classifier")))
        walk(node.get("children"))
for path in mlf:
    with open(path) as f:
        one = json.load(f)
    walk(one.get("dependencies"))
    plugins += len(one.get("mavenPlugins") or [])
json.dump({"modules": len(per_module), "dependencies_per_module": {"min": min(per_module), "median": statistics.median(per_module),
                                                                     "max": max(per_module)},
           "ours_bytes": os.path.getsize(ours), "ours_artifacts": len(lock["artifacts"]), "ours_modules": len(lock["modules"]),
           "ours_artifact_bytes": sum(os.path.getsize(p) for p in files), "ours_uses": sum(kinds.values()), "ours_kinds": kinds,
           "ours_format": lock["format"], "ours_builds": len(builds), "ours_written_uses": written,
           "mlf_files": len(mlf), "mlf_bytes": sum(os.path.getsize(p) for p in mlf), "mlf_dependency_nodes": nodes,
           "mlf_plugins": plugins, "mlf_distinct": len(distinct),
           "input_files": len(inputs), "input_bytes": sum(os.path.getsize(p) for p in inputs)}, sys.stdout, indent=1)
print(f"ours: {len(lock['artifacts'])} artifacts, {os.path.getsize(ours):,} bytes; maven-lockfile: {len(mlf)} files, "
      f"{sum(os.path.getsize(p) for p in mlf):,} bytes; {len(inputs)} files to read before each run", file=sys.stderr)
PY

step "Timed runs: $rounds rounds after $warmup warm-up, interleaved; the baseline and our rule offline and online, maven-lockfile online"
python3 "$tools/lock_cases.py" --reactor "$reactor" --modules "$modules" --runs "$rounds" --warmup "$warmup" \
  --inputs "$work/inputs.list" --lockfile-version "$mlf_version" --out "$work/spec.json"
python3 "$tools/bench.py" "$work/spec.json" "$work/results.json"

if [ "$profile" = 1 ]; then
  step "Where our rule spends its time: one run of -o -Plocked under JFR (Java samples every 2 ms, native every 4 ms)"
  jfc=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc
  python3 "$tools/sampling_jfc.py" "$jfc" > "$work/sampling.jfc"
  (cd "$reactor" && rm -rf target module-*/target && xargs -0 -a "$work/inputs.list" cat > /dev/null \
    && MAVEN_OPTS="-XX:FlightRecorderOptions=stackdepth=1024 -XX:StartFlightRecording=filename=$work/locked.jfr,settings=$work/sampling.jfc" \
    mvn -B -o -q validate -Plocked) > "$work/profile-locked.log" 2>&1
  python3 "$tools/lock_profile.py" "$work/locked.jfr" --rule locked > "$work/profile-locked.json"
fi

if [ "$(jar_id)" != "$jar_before" ]; then
  echo "secure-build's jars in ~/.m2 were installed again during the run ($jar_before, now $(jar_id)): its figures mix two builds; run again" >&2
  exit 1
fi

step "Report"
python3 "$tools/lock_report.py" --work "$work" --command "$command_line" --elapsed $(( $(date +%s) - started )) \
  --jars "$jar_before" --commit "$commit" --enforcer "$enforcer" --lockfile-version "$mlf_version" \
  "--lockfile-options=$mlf_options" > "$work/results.md"
echo "Report: $work/results.md (figures: $work/summary.json, raw: $work/results.json)" >&2
if [ "$update_doc" = 1 ]; then
  python3 "$tools/lock_report.py" --splice "$root/docs/benchmarks.md" < "$work/results.md"
  echo "Updated $root/docs/benchmarks.md" >&2
fi
