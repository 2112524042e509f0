#!/usr/bin/env bash
# Benchmarks secure-build's pkcs11 signer against its in-process signer, side by side in one run: the sign goal on a
# project that attaches 200 files, with an in-process OpenPGP key and with a key of the same kind on a SoftHSM2 token
# (RSA 2048 and ECDSA P-256); then, in a warm JVM, what one signature costs with the token against in-process, on a
# SHA-512 computed beforehand (harness TokenCost). See docs/benchmarks.md#pkcs11-signer-against-the-in-process-signer.
#
#   benchmarks/pkcs11.sh [options]
#
#   --runs N          timed rounds (default 5); each round runs every variant once, interleaved
#   --warmup N        untimed rounds before them (default 1)
#   --keys "K..."     key types: rsa2048 ecdsa-p256 (default both)
#   --files N         files attached to the project (default 200)
#   --file-kib N      KiB per file (default 1024, as run.sh)
#   --sign-runs N     timed calls of each operation in the harness, per key type (default 2000, after 1000 warm-up)
#   --no-install      do not install the plugin from this checkout into the private repository (use the one there)
#   --update-doc      write the results into docs/benchmarks.md (between its PKCS11 results markers)
#
# The token: SoftHSM2 (a software token: the key operations run in this process, no device and no network), made fresh
# by each run in benchmarks/target/pkcs11/softhsm with softhsm2-util and its keys made on it by pkcs11-tool; its PIN is
# a throwaway, written to benchmarks/target/pkcs11/pin (BENCHMARK-ONLY). The in-process keys of the same kinds are made
# by the harness InProcessKeys (generate-key makes Ed25519 and RSA-3072 only).
# Maven: 3.9.11, unpacked from ~/.m2 (the ITs' copy), with a private local repository, benchmarks/target/pkcs11/m2,
# chained in front of ~/.m2 (maven.repo.local.tail): the plugin from this checkout is installed there, never into
# ~/.m2, and everything else is read from ~/.m2. Timed runs are offline (-o).
# Needs network to Maven Central the first time (build-helper-maven-plugin 3.6.0, when ~/.m2 lacks it), mvn, java 17 and javac, python3, fincore, gpg, softhsm2-util and /usr/lib/softhsm/libsofthsm2.so (Debian
# softhsm2), pkcs11-tool (Debian opensc). Everything goes under benchmarks/target/pkcs11/; the report is
# benchmarks/target/pkcs11/results.md. Environment, as for run.sh: BENCH_MIN_IDLE, BENCH_MAX_WAIT, BENCH_REDO_MAX.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
tools=$here/tools
work=$here/target/pkcs11
runs=5 warmup=1 keys="rsa2048 ecdsa-p256" files=200 file_kib=1024 sign_runs=2000 install=1 update_doc=0
command_line="$( (env | grep -E '^BENCH_(MIN_IDLE|MAX_WAIT|REDO_MAX)=' || true) | sort | tr '\n' ' ')benchmarks/pkcs11.sh${*:+ $*}"
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --keys) keys=$2; shift ;;
    --files) files=$2; shift ;;
    --file-kib) file_kib=$2; shift ;;
    --sign-runs) sign_runs=$2; shift ;;
    --no-install) install=0 ;;
    --update-doc) update_doc=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
module=/usr/lib/softhsm/libsofthsm2.so
for tool in mvn java javac python3 fincore gpg gpgconf softhsm2-util pkcs11-tool unzip; do
  command -v "$tool" > /dev/null || { echo "pkcs11.sh needs $tool (softhsm2-util: apt-get install softhsm2; pkcs11-tool: opensc)" >&2; exit 1; }
done
[ -f "$module" ] || { echo "no SoftHSM2 module at $module (apt-get install softhsm2)" >&2; exit 1; }
for key in $keys; do
  case $key in rsa2048|ecdsa-p256) ;; *) echo "unknown key type $key: rsa2048 or ecdsa-p256" >&2; exit 2 ;; esac
done
maven_zip=~/.m2/repository/org/apache/maven/apache-maven/3.9.11/apache-maven-3.9.11-bin.zip
[ -f "$maven_zip" ] || { echo "no Maven 3.9.11 in ~/.m2 ($maven_zip): the plugin's ITs download it (mvn verify once)" >&2; exit 1; }

SB=dev.securebuild:secure-build-maven-plugin:0.1.0-SNAPSHOT
TOKEN=bench-token
KEY_CREATED=2026-01-15T10:00:00Z
unset MAVEN_OPTS MAVEN_ARGS   # every variant runs Maven as it comes, with the JVM's defaults
export LC_ALL=C
step() { printf '\n== %s\n' "$*" >&2; }
started=$(date +%s)
mkdir -p "$work"
rm -f "$work"/*.json "$work"/*.log "$work"/*.md

step "Maven 3.9.11 with a private local repository in front of ~/.m2"
if [ ! -x "$work/maven/apache-maven-3.9.11/bin/mvn" ]; then
  rm -rf "$work/maven" && mkdir -p "$work/maven"
  unzip -q "$maven_zip" -d "$work/maven"
fi
MVN="$work/maven/apache-maven-3.9.11/bin/mvn -Dmaven.repo.local=$work/m2 -Dmaven.repo.local.tail=$HOME/.m2/repository"
plugin_jar=$work/m2/dev/securebuild/secure-build-maven-plugin/0.1.0-SNAPSHOT/secure-build-maven-plugin-0.1.0-SNAPSHOT.jar
commit=$(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?')
if [ "$install" = 1 ]; then
  step "The plugin from this checkout ($root, $commit) into $work/m2 (not ~/.m2)"
  (cd "$root" && $MVN -B -q -o install -DskipTests -Dinvoker.skip=true)
  [ -z "$(git -C "$root" status --porcelain -- secure-build-maven-plugin enforcer-rules 2> /dev/null)" ] || commit="$commit (with uncommitted changes)"
else
  commit="not installed by this run (--no-install): whichever checkout installed it last into $work/m2"
fi
[ -f "$plugin_jar" ] || { echo "the plugin is not in $work/m2 (run without --no-install)" >&2; exit 1; }
jar_sha=$(sha256sum "$plugin_jar" | cut -c1-16)

step "Inputs: $files files of $file_kib KiB (fixed seed; kept when already there), and the project that attaches them"
python3 "$tools/gen_data.py" --dir "$work/data" --prefix part --count "$files" --size $((file_kib * 1024))
find "$work/data" -name 'part-*.bin' | sort | tail -n +$((files + 1)) | xargs -r rm -f
mkdir -p "$work/project"
"$tools/make_pom.sh" bench-pkcs11 "$work/data" > "$work/project/pom.xml"
# Online once: build-helper-maven-plugin 3.6.0 into the private repository when ~/.m2 does not have it.
(cd "$work/project" && $MVN -B -q package > "$work/online.log" 2>&1) || { echo "mvn package failed: see $work/online.log" >&2; exit 1; }

step "The SoftHSM2 token (fresh), its keys made on it by pkcs11-tool (BENCHMARK-ONLY PIN)"
rm -rf "$work/softhsm" && mkdir -p "$work/softhsm/tokens"
export SOFTHSM2_CONF=$work/softhsm/softhsm2.conf
printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$work/softhsm/tokens" > "$SOFTHSM2_CONF"
pin=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
printf '%s' "$pin" > "$work/pin" && chmod 600 "$work/pin"
softhsm2-util --init-token --free --label "$TOKEN" --pin "$pin" --so-pin "$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" > /dev/null
id=1
for key in $keys; do
  case $key in rsa2048) type=rsa:2048 ;; ecdsa-p256) type=EC:prime256v1 ;; esac
  pkcs11-tool --module "$module" --token-label "$TOKEN" --login --pin "$pin" --keypairgen --key-type "$type" \
    --label "bench-$key" --id "0$id" > "$work/keygen-$key.log" 2>&1 || { echo "pkcs11-tool failed: $work/keygen-$key.log" >&2; exit 1; }
  id=$((id + 1))
done
echo "token $TOKEN: $(pkcs11-tool --module "$module" --token-label "$TOKEN" --login --pin "$pin" --list-objects --type privkey 2> /dev/null | grep -c 'Private Key Object') private key(s)" >&2

step "The harness (InProcessKeys, TokenCost), compiled against the plugin in $work/m2"
hdir=$here/harness
(cd "$hdir" && $MVN -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/pkcs11-classpath.txt > /dev/null)
rm -rf "$hdir/target/pkcs11-classes" && mkdir -p "$hdir/target/pkcs11-classes"
javac -encoding UTF-8 -d "$hdir/target/pkcs11-classes" -cp "$(cat "$hdir/target/pkcs11-classpath.txt")" \
  "$hdir/src/main/java/dev/securebuild/benchmarks/InProcessKeys.java" "$hdir/src/main/java/dev/securebuild/benchmarks/TokenCost.java"
hcp=$hdir/target/pkcs11-classes:$(cat "$hdir/target/pkcs11-classpath.txt")

step "In-process OpenPGP keys of the same kinds (kept when already there; BENCHMARK-ONLY, no passphrase)"
for key in $keys; do
  [ -f "$work/keys/inprocess-$key/secret-key.asc" ] || java -cp "$hcp" dev.securebuild.benchmarks.InProcessKeys --type "$key" --out "$work/keys/inprocess-$key"
done

step "Untimed check: every variant signs the POM and the $files files, every signature verified by gpg"
home=$work/gnupg
rm -rf "$home" && mkdir -m 700 "$home"
trap 'gpgconf --homedir "$home" --kill gpg-agent 2> /dev/null || true' EXIT
pkcs11_args() { echo "-Dsecure-build.signer=pkcs11 -Dsecure-build.pkcs11.library=$module -Dsecure-build.pkcs11.tokenLabel=$TOKEN -Dsecure-build.pkcs11.keyLabel=bench-$1 -Dsecure-build.pkcs11.keyCreated=$KEY_CREATED"; }
check=$work/check.json
echo '[]' > "$check"
for key in $keys; do
  (cd "$work/project" && SECURE_BUILD_PKCS11_PIN=$pin $MVN -B -q -o "$SB:export-public-key" $(pkcs11_args "$key") \
    -Dsecure-build.output="$work/keys/token-$key.asc")
  gpg --homedir "$home" --batch --quiet --import "$work/keys/token-$key.asc" "$work/keys/inprocess-$key/public-key.asc" 2> /dev/null
  for variant in inprocess pkcs11; do
    "$tools/prepare-run.sh" "$work/project" "$work/data"
    log=$work/check-$variant-$key.log
    if [ $variant = inprocess ]; then
      (cd "$work/project" && $MVN -B -o package "$SB:sign" -Dsecure-build.keyFile="$work/keys/inprocess-$key/secret-key.asc") > "$log" 2>&1 \
        || { echo "$variant/$key failed: see $log" >&2; exit 1; }
    else
      (cd "$work/project" && SECURE_BUILD_PKCS11_PIN=$pin $MVN -B -o package "$SB:sign" $(pkcs11_args "$key")) > "$log" 2>&1 \
        || { echo "$variant/$key failed: see $log" >&2; exit 1; }
    fi
    ! grep -qF "$pin" "$log" || { echo "the PIN is in $log" >&2; exit 1; }
    line=$(sed -n 's/^\[INFO\] \(Signed and hashed .*\)$/\1/p' "$log")
    count=0 bad=0
    while IFS= read -r asc; do
      count=$((count + 1))
      base=$(basename "$asc" .asc)
      case $base in
        *.pom) data=$work/project/pom.xml ;;
        *) data=$work/data/$(grep -o 'part-[0-9]*\.bin$' <<< "$base") ;;
      esac
      gpg --homedir "$home" --batch --quiet --verify "$asc" "$data" 2> /dev/null || bad=$((bad + 1))
    done < <(find "$work/project/target" -name '*.asc')
    echo "$variant/$key: $count signatures, $bad failed gpg --verify; $line" >&2
    python3 - "$check" "$variant" "$key" "$count" "$bad" "$line" "$(grep -o '[0-9A-F]\{40\}' <<< "$line" | head -1)" <<'PY'
import json, sys
path, variant, key, count, bad, line, fpr = sys.argv[1:]
rows = json.load(open(path))
rows.append({"variant": variant, "key": key, "signed": int(count), "gpg_failed": int(bad), "log_line": line, "fingerprint": fpr})
json.dump(rows, open(path, "w"), indent=1)
PY
    [ "$count" = $((files + 1)) ] && [ "$bad" = 0 ] || { echo "$variant/$key did not sign and verify all $((files + 1)) files (see $log)" >&2; exit 1; }
  done
done

step "Timed runs: $runs rounds after $warmup warm-up, interleaved, offline"
python3 "$tools/pkcs11_cases.py" --work "$work" --mvn "$MVN" --module "$module" --token "$TOKEN" --keys "$keys" --runs "$runs" \
  --warmup "$warmup" --pin-file "$work/pin" --softhsm-conf "$SOFTHSM2_CONF" --key-created "$KEY_CREATED" --out "$work/spec.json"
python3 "$tools/bench.py" "$work/spec.json" "$work/results.json"

step "One signature in a warm JVM: the token against in-process, on a SHA-512 computed beforehand ($sign_runs calls each)"
python3 -c "import sys; sys.path.insert(0, sys.argv[1]); import bench; bench.wait_for_quiet(float(sys.argv[2]), float(sys.argv[3]))" \
  "$tools" "${BENCH_MIN_IDLE:-0.8}" "${BENCH_MAX_WAIT:-10}"
pairs=()
for key in $keys; do pairs+=(--pair "$key,bench-$key,$work/keys/inprocess-$key/secret-key.asc"); done
SECURE_BUILD_PKCS11_PIN=$pin java -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -cp "$hcp" dev.securebuild.benchmarks.TokenCost --module "$module" --token "$TOKEN" "${pairs[@]}" \
  --key-created "$KEY_CREATED" --runs "$sign_runs" --warmup 1000 --json "$work/token-cost.json" > "$work/token-cost.md"
cat "$work/token-cost.md" >&2

step "Report"
python3 "$tools/pkcs11_report.py" --work "$work" --command "$command_line" --elapsed $(( $(date +%s) - started )) \
  --plugin "$commit, jar sha256 $jar_sha…" > "$work/results.md"
echo "Report: $work/results.md (figures: $work/summary.json, raw: $work/results.json, $work/token-cost.json)" >&2
if [ "$update_doc" = 1 ]; then
  python3 "$tools/pkcs11_report.py" --splice "$root/docs/benchmarks.md" < "$work/results.md"
  echo "Updated $root/docs/benchmarks.md" >&2
fi
