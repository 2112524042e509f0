#!/usr/bin/env bash
# Checks the quickstart's outputs with tools that share no code with secure-build:
# sha256sum/sha512sum, gpgv (GnuPG), sq (Sequoia) and rnp.
#
# Run it after `mvn -B -f examples/quickstart verify`, from anywhere:
#   examples/quickstart/check-with-other-tools.sh
#
# A missing OpenPGP tool is skipped with a note, unless REQUIRE_ALL_TOOLS=true (as .ci/run sets it).
# Exit status: 0 when every check that ran passed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/target"
sign="$target/secure-build/sign"
public_key="$target/throwaway-key/public-key.asc"
require_all="${REQUIRE_ALL_TOOLS:-false}"

for needed in "$sign/SHA256SUMS" "$sign/SHA512SUMS" "$public_key"; do
    if [[ ! -f "$needed" ]]; then
        echo "Missing $needed: run 'mvn -B -f examples/quickstart verify' first." >&2
        exit 1
    fi
done

# The outputs use repository names (quickstart-1.0.0.pom, not pom.xml), so put the files under those names in one
# folder, as a repository or a download page would hold them.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$sign"/* "$work"/
cp "$target"/quickstart-*.jar "$target"/quickstart-*.intoto.jsonl "$work"/
# The POM: pom.xml is quickstart-1.0.0.pom. Maven 4 deploys its consumer POM as quickstart-1.0.0.pom and pom.xml as
# quickstart-1.0.0-build.pom; its temporary consumer POM is gone when Maven exits, the copy it keeps in
# target/project-local-repo stays.
while read -r _ name; do
    case "$name" in
        *-build.pom) cp "$here/pom.xml" "$work/$name" ;;
        *.pom) if grep -q -- '-build\.pom$' "$sign/SHA256SUMS"; then
                   cp "$target"/project-local-repo/dev.securebuild.examples/quickstart/*/quickstart-*-consumer.pom "$work/$name"
               else
                   cp "$here/pom.xml" "$work/$name"
               fi ;;
    esac
done < "$sign/SHA256SUMS"
cd "$work"

names=()
while read -r _ name; do
    names+=("$name")
done < SHA256SUMS

echo "== Summaries (sha256sum -c, sha512sum -c)"
sha256sum -c SHA256SUMS
sha512sum -c SHA512SUMS

echo "== Sidecars (bare hex, as repositories hold them)"
for name in "${names[@]}"; do
    printf '%s  %s\n' "$(cat "$name.sha256")" "$name" | sha256sum -c -
    printf '%s  %s\n' "$(cat "$name.sha512")" "$name" | sha512sum -c -
done

skip_or_fail() {
    if [[ "$require_all" == "true" ]]; then
        echo "$1 is not installed, and REQUIRE_ALL_TOOLS=true" >&2
        exit 1
    fi
    echo "(skipped: $1 is not installed)"
}

echo "== gpgv (GnuPG)"
if command -v gpgv >/dev/null && command -v gpg >/dev/null; then
    # A private GnuPG home, so that nothing is read from or written to ~/.gnupg.
    export GNUPGHOME="$work/.gnupg"
    mkdir -m 700 "$GNUPGHOME"
    gpg --batch --quiet --dearmor < "$public_key" > "$work/.trusted.gpg"
    for name in "${names[@]}"; do
        gpgv --keyring "$work/.trusted.gpg" "$name.asc" "$name"
    done
else
    skip_or_fail gpgv
fi

echo "== sq verify (Sequoia)"
if command -v sq >/dev/null; then
    for name in "${names[@]}"; do
        # sq 1.x renamed the options; Debian 12 ships 0.27.
        if sq verify --help 2>/dev/null | grep -q -- '--signer-file'; then
            sq verify --signer-file "$public_key" --signature-file "$name.asc" "$name"
        else
            sq verify --signer-cert "$public_key" --detached "$name.asc" "$name"
        fi
    done
else
    skip_or_fail sq
fi

echo "== rnp --verify"
if command -v rnp >/dev/null; then
    for name in "${names[@]}"; do
        rnp --keyfile "$public_key" --verify "$name.asc" --source "$name"
    done
else
    skip_or_fail rnp
fi

echo "All checks passed for: ${names[*]}"
