#!/usr/bin/env bash
# Benchmarks secure-build's sign and checksums goals against maven-gpg-plugin 3.2.8 (signer gpg and signer bc) and
# against sha256sum + sha512sum, side by side in one run on the same files. See docs/benchmarks.md.
#
#   benchmarks/run.sh [options]
#
#   --runs N          timed runs of every variant (default 5)
#   --warmup N        untimed runs of every variant before them (default 1)
#   --keys "K..."     key types for the 200-file case: ed25519 rsa3072 (default both)
#   --big-keys "K..." key types for the one-big-file case (default ed25519: one signature, the key hardly matters)
#   --cases "C..."    small big (default both)
#   --files N         files in the small case (default 200)
#   --file-mib N      MiB per file in the small case (default 1)
#   --big-mib N       MiB of the big file (default 500)
#   --no-harness      skip the in-JVM breakdown of the sign engine's phases
#   --harness-runs N  timed runs of each phase in that breakdown (default 5, after 1 warm-up)
#   --threads1        also time secure-build sign with one thread (-Dsecure-build.threads=1) in the small case
#   --no-install      do not (re)install the plugin from this checkout first
#   --update-doc      write the results into docs/benchmarks.md (between its results markers)
#   --quick           --runs 2 --warmup 1 --files 50 --big-mib 100: a smoke test of the script, not a measurement
#
# Everything it makes goes under benchmarks/target/ (inputs, projects, keys, gpg homes, raw JSON, logs); the report is
# benchmarks/target/results/results.md. Needs: mvn, java 17, gpg 2.2+, python3, fincore and coreutils; network to Maven
# Central for the first run (build-helper-maven-plugin 3.6.0 and maven-gpg-plugin 3.2.8); timed runs are offline (-o).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
tools=$here/tools
work=$here/target/work
results=$here/target/results

runs=5 warmup=1 keys="ed25519 rsa3072" big_keys="ed25519" cases="small big" files=200 file_mib=1 big_mib=500
harness=1 harness_runs=5 install=1 update_doc=0 threads1=0
command_line="benchmarks/run.sh${*:+ $*}"
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --keys) keys=$2; shift ;;
    --big-keys) big_keys=$2; shift ;;
    --cases) cases=$2; shift ;;
    --files) files=$2; shift ;;
    --file-mib) file_mib=$2; shift ;;
    --big-mib) big_mib=$2; shift ;;
    --no-harness) harness=0 ;;
    --harness-runs) harness_runs=$2; shift ;;
    --threads1) threads1=1 ;;
    --no-install) install=0 ;;
    --update-doc) update_doc=1 ;;
    --quick) runs=2 warmup=1 files=50 big_mib=100 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
for tool in mvn java gpg gpgconf python3 fincore sha256sum sha512sum; do
  command -v "$tool" > /dev/null || { echo "run.sh needs $tool on the PATH" >&2; exit 1; }
done

SB=dev.securebuild:secure-build-maven-plugin:0.1.0-SNAPSHOT
GPG_PLUGIN=org.apache.maven.plugins:maven-gpg-plugin:3.2.8
unset MAVEN_OPTS MAVEN_ARGS   # every variant runs Maven as it comes, with the JVM's defaults
export LC_ALL=C

step() { printf '\n== %s\n' "$*" >&2; }

started=$(date +%s)
mkdir -p "$work" "$results"
rm -f "$results"/*.json "$results"/*.log "$results"/*.md

if [ "$install" = 1 ]; then
  step "Installing the plugin from $root"
  (cd "$root" && mvn -B -q install -DskipTests -Dinvoker.skip)
fi

step "Inputs (fixed seed; kept when already there)"
rm -rf "$work/data-small" "$work/data-big.tmp"
python3 "$tools/gen_data.py" --dir "$work/data-small" --prefix part --count "$files" --size $((file_mib * 1048576))
if [ -f "$work/data-big/big.bin" ] && [ "$(stat -c %s "$work/data-big/big.bin")" != $((big_mib * 1048576)) ]; then
  rm -rf "$work/data-big"
fi
python3 "$tools/gen_data.py" --dir "$work/data-big" --prefix big --count 1 --size $((big_mib * 1048576))

step "Projects: POM packaging, build-helper attach-artifact of every input at package"
for case in small big; do
  mkdir -p "$work/$case"
  "$tools/make_pom.sh" "bench-$case" "$work/data-$case" > "$work/$case/pom.xml"
done

step "Keys: one per type, made by secure-build generate-key, imported into a gpg home of its own"
agents=()
stop_agents() { for home in "${agents[@]}"; do gpgconf --homedir "$home" --kill gpg-agent 2> /dev/null || true; done; }
trap stop_agents EXIT
for key in $(printf '%s\n' $keys $big_keys | sort -u); do
  case $key in
    ed25519) type=ED25519 ;;
    rsa3072) type=RSA-3072 ;;
    *) echo "unknown key type $key: ed25519 or rsa3072" >&2; exit 2 ;;
  esac
  if [ ! -f "$work/key-$key/secret-key.asc" ]; then
    (cd "$work" && mvn -B -q "$SB:generate-key" -Dsecure-build.output="$work/key-$key" -Dsecure-build.keyType=$type \
      -Dsecure-build.keyCreated=2026-01-01T00:00:00Z -Dsecure-build.userId="secure-build benchmark <bench@secure-build.invalid>")
  fi
  home=$work/gnupg-$key
  if [ ! -d "$home" ]; then
    mkdir -m 700 "$home"
    gpg --homedir "$home" --batch --quiet --import "$work/key-$key/secret-key.asc"
  fi
  agents+=("$home")
  echo "$key: $(cat "$work/key-$key/fingerprint.txt") (no passphrase, for all signers)"
done

step "Plugins into the local repository (online, once), then a check that every signer signs the same files"
(cd "$work/small" && mvn -B -q package "$GPG_PLUGIN:help" > /dev/null)
first_key=${keys%% *}
fpr=$(cat "$work/key-$first_key/fingerprint.txt")
check_log=$results/signers-check.md
{
  echo "| signer | key | files signed | every signature verified by gpg | digest in the signatures |"
  echo "|---|---|---:|---|---|"
} > "$check_log"
for key in $keys; do
  fpr=$(cat "$work/key-$key/fingerprint.txt")
  secret=$work/key-$key/secret-key.asc
  home=$work/gnupg-$key
  for signer in secure-build gpg bc; do
    "$tools/prepare-run.sh" "$work/small" "$work/data-small"
    case $signer in
      secure-build) (cd "$work/small" && mvn -B -q -o package "$SB:sign" -Dsecure-build.keyFile="$secret"); dir=target/secure-build ;;
      gpg) (cd "$work/small" && GNUPGHOME=$home mvn -B -q -o package "$GPG_PLUGIN:sign" -Dgpg.signer=gpg -Dgpg.keyname="$fpr" -Dgpg.homedir="$home"); dir=target/gpg ;;
      bc) (cd "$work/small" && MAVEN_GPG_KEY=$(cat "$secret") mvn -B -q -o package "$GPG_PLUGIN:sign" -Dgpg.signer=bc); dir=target/gpg ;;
    esac
    count=0 bad=0 digests=""
    while IFS= read -r asc; do
      count=$((count + 1))
      base=$(basename "$asc" .asc)
      case $base in
        *.pom) data=$work/small/pom.xml ;;
        *) data=$work/data-small/$(grep -o 'part-[0-9]*\.bin$' <<< "$base") ;;
      esac
      gpg --homedir "$home" --batch --quiet --verify "$asc" "$data" 2> /dev/null || bad=$((bad + 1))
      digests+=$(gpg --homedir "$home" --batch --list-packets "$asc" 2> /dev/null | sed -n 's/.*digest algo \([0-9]*\).*/\1/p' | head -1)$'\n'
    done < <(find "$work/small/$dir" "$work/small/target" -maxdepth 1 -name '*.asc'; find "$work/small/$dir" -mindepth 2 -name '*.asc')
    names=$(printf '%s' "$digests" | sort -u | sed 's/^8$/SHA-256/; s/^10$/SHA-512/; s/^9$/SHA-384/; s/^2$/SHA-1/' | paste -sd, -)
    printf '| %s | %s | %d | %s | %s |\n' "$signer" "$key" "$count" "$([ $bad = 0 ] && echo yes || echo "NO: $bad failed")" "$names" >> "$check_log"
    echo "$signer/$key: $count signatures, $bad failed verification, digest $names" >&2
    [ "$count" = $((files + 1)) ] && [ "$bad" = 0 ] || { echo "signer $signer did not sign and verify all $((files + 1)) files" >&2; exit 1; }
  done
done

step "Timed runs: $runs per variant after $warmup warm-up, interleaved"
python3 "$tools/cases.py" --work "$work" --keys "$keys" --big-keys "$big_keys" --cases "$cases" \
  --runs "$runs" --warmup "$warmup" --threads1 "$threads1" --out "$results"
for case in $cases; do
  python3 "$tools/bench.py" "$results/$case.spec.json" "$results/$case.json"
done

if [ "$harness" = 1 ]; then
  step "In-JVM breakdown of the sign engine (no Maven)"
  hdir=$here/harness
  (cd "$hdir" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/classpath.txt > /dev/null)
  rm -rf "$hdir/target/classes" && mkdir -p "$hdir/target/classes"
  # The harness calls the plugin's internal classes: if they changed shape, say so and go on without it.
  if ! javac -d "$hdir/target/classes" -cp "$(cat "$hdir/target/classpath.txt")" $(find "$hdir/src/main/java" -name '*.java'); then
    echo "The harness no longer compiles against the plugin's classes: no engine breakdown in this report." >&2
    harness=0
  fi
fi
if [ "$harness" = 1 ]; then
  hcp=$hdir/target/classes:$(cat "$hdir/target/classpath.txt")
  breakdown() { java -cp "$hcp" dev.securebuild.benchmarks.EngineBreakdown --out "$work/harness-out" --runs "$harness_runs" --warmup 1 "$@"; }
  # Before each fresh JVM, the same wait for idle CPUs as before a timed Maven run (BENCH_MIN_IDLE, BENCH_MAX_WAIT).
  quiet() { python3 -c "import sys; sys.path.insert(0, sys.argv[1]); import bench; bench.wait_for_quiet(float(sys.argv[2]), float(sys.argv[3]))" \
    "$tools" "${BENCH_MIN_IDLE:-0.8}" "${BENCH_MAX_WAIT:-10}"; }
  cold_files=""   # with the small case: the engine's first runs in the fresh JVM too, on its files
  if [[ " $cases " == *" small "* ]]; then
    cold_files=$work/data-small
    "$tools/prepare-run.sh" "$work/small" "$work/data-small"
  fi
  first=1
  for key in $keys; do
    for i in 1 2 3; do   # a fresh JVM each time: what the goal pays once per build
      quiet
      java -cp "$hcp" dev.securebuild.benchmarks.ColdStart --key "$work/key-$key/secret-key.asc" --file "$work/small/pom.xml" \
        ${cold_files:+--files "$cold_files"} > "$results/coldstart-$key-$i.md"
    done
    if [[ " $cases " == *" small "* ]]; then
      "$tools/prepare-run.sh" "$work/small" "$work/data-small"
      if [ $first = 1 ]; then
        only="read,sha256,sha512,sha256+sha512,sign,check,verify-stream,key-sign,key-sign-jdk,key-verify,key-verify-bc"
        only+=",write-outputs,write-outputs-fsync,engine checksums t=1,engine checksums t=2,engine sign t=1,engine sign t=2"
      else   # what does not depend on the key was measured with the first one
        only="sign,check,verify-stream,key-sign,key-sign-jdk,key-verify,key-verify-bc,engine sign t=1,engine sign t=2"
      fi
      breakdown --files "$work/data-small" --key "$work/key-$key/secret-key.asc" --label "$files files of $file_mib MiB" \
        --only "$only" > "$results/harness-small-$key.md"
    fi
    first=0
  done
  if [[ " $cases " == *" big "* ]]; then
    key=${big_keys%% *}
    "$tools/prepare-run.sh" "$work/big" "$work/data-big"
    breakdown --files "$work/data-big" --key "$work/key-$key/secret-key.asc" --label "one file of $big_mib MiB" \
      --only "sha256,sha512,sha256+sha512,sha256+sha512 2 threads,bc-sha512,sign,check,verify-stream,engine checksums t=1,engine sign t=1" \
      > "$results/harness-big-$key.md"
  fi
fi

step "Report"
python3 "$tools/report.py" --results "$results" --command "$command_line" --elapsed $(( $(date +%s) - started )) \
  > "$results/results.md"
echo "Report: $results/results.md" >&2
if [ "$update_doc" = 1 ]; then
  python3 "$tools/report.py" --splice "$root/docs/benchmarks.md" < "$results/results.md"
  echo "Updated $root/docs/benchmarks.md" >&2
fi
