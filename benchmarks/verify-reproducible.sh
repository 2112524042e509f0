#!/usr/bin/env bash
# What verify-reproducible adds to a build, against its floor: one more clean build of the same project.
# Runs, interleaved, N times each: `mvn -o -DskipTests clean package` (one extra build) and `mvn -o verify` of the
# quickstart, whose verify-reproducible logs its own duration and the rebuild's. See docs/benchmarks.md#verify-reproducible.
#
#   benchmarks/verify-reproducible.sh [--runs N] [--project DIR]   (defaults: 5, examples/quickstart)
#
# Needs the plugin installed (README's first command) and the project built once online, so that -o finds everything.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
runs=5 project=$root/examples/quickstart
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --project) project=$(cd "$2" && pwd); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
out=$here/target/verify-reproducible
mkdir -p "$out"
: > "$out/runs.tsv"
mvn -B -q -o -f "$project" verify > /dev/null   # warm-up: page cache, and a throwaway key kept for the runs
for i in $(seq 1 "$runs"); do
  t0=$(date +%s.%N)
  mvn -B -q -o -f "$project" -DskipTests clean package > /dev/null
  t1=$(date +%s.%N)
  line=$(mvn -B -o -f "$project" verify | sed -n 's/.*verify-reproducible took \([0-9.]*\) s, of which the rebuild \([0-9.]*\) s.*/\1 \2/p')
  printf '%s\t%s\n' "$(python3 -c "print(f'{$t1-$t0:.2f}')")" "$line" | tee -a "$out/runs.tsv"
done
python3 - "$out/runs.tsv" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
build = statistics.median(float(r[0]) for r in rows)
goal = statistics.median(float(r[1]) for r in rows)
rebuild = statistics.median(float(r[2]) for r in rows)
print(f"| one extra build (clean package, -DskipTests) | verify-reproducible | of which the rebuild | verify-reproducible / one extra build | verify-reproducible / its rebuild |")
print(f"|---:|---:|---:|---:|---:|")
print(f"| {build:.2f} s | {goal:.2f} s | {rebuild:.2f} s | {goal / build:.2f}× | {goal / rebuild:.2f}× |")
print(f"\nMedians of {len(rows)} interleaved runs.")
PY
