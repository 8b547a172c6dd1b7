#!/usr/bin/env bash
# Cargo.toml's version is the one place it is kept. Built artifacts read it at build time
# (the CLI, the header's PAYSIGN_VERSION through gen-header.sh and so the PHP extension, the
# jar manifest, the nuspec); the three files that must hold it as text for other build tools
# (Maven's pom.xml, the .csproj, the assembly attributes) are written here.
#   scripts/gen-version.sh           rewrite them
#   scripts/gen-version.sh --check   fail if one is stale
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
v=$(sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -n1)
n=${v%%[-+]*}   # the numeric part, for the 4-part assembly version
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# pom.xml: the project's own <version>, the line after <artifactId>paysign</artifactId>
sed "/^  <artifactId>paysign<\/artifactId>$/{n;s|<version>[^<]*</version>|<version>$v</version>|}" \
  bindings/java/pom.xml > "$tmp/pom.xml"
sed "s|<Version>[^<]*</Version>|<Version>$v</Version>|" bindings/dotnet/PaySign.csproj > "$tmp/PaySign.csproj"
sed -e "s|AssemblyVersion(\"[^\"]*\")|AssemblyVersion(\"$n.0\")|" \
    -e "s|AssemblyFileVersion(\"[^\"]*\")|AssemblyFileVersion(\"$n.0\")|" \
    -e "s|AssemblyInformationalVersion(\"[^\"]*\")|AssemblyInformationalVersion(\"$v\")|" \
  bindings/dotnet/src/AssemblyInfo.cs > "$tmp/AssemblyInfo.cs"

mode=write
[ "${1:-}" = --check ] && mode=check
stale=0
for pair in "pom.xml bindings/java/pom.xml" "PaySign.csproj bindings/dotnet/PaySign.csproj" \
            "AssemblyInfo.cs bindings/dotnet/src/AssemblyInfo.cs"; do
  set -- $pair
  cmp -s "$tmp/$1" "$2" && continue
  stale=1
  if [ "$mode" = check ]; then
    echo "gen-version.sh: $2 does not say $v: run scripts/gen-version.sh" >&2
  else
    cp "$tmp/$1" "$2"; echo "gen-version.sh: $2 now says $v"
  fi
done
[ "$mode" = write ] || [ "$stale" = 0 ]
