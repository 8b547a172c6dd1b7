#!/usr/bin/env bash
# The one install list. scripts/test-all.sh (the README's test command) runs this first;
# .ci/run runs it with `ci` for the tools only CI's checks use.
#
#   scripts/setup.sh        Debian packages the test suites need
#   scripts/setup.sh ci     those, plus cbindgen (header check) and cargo-fuzz (fuzz.sh)
#
# A machine that has everything: installs nothing and asks no registry (only dpkg and
# `--version` are consulted). Missing packages on Debian/Ubuntu as root: one `apt-get update`,
# then one `apt-get install`. Not root, or no apt: prints the exact command and exits 1
# before anything else runs.
set -euo pipefail

# Debian package  what needs it
packages=(
  gcc g++ make bc python3 openssl  # C tests, the C glue of every wrapper, test scripts
  pkg-config                       # the release bundle's C test (pkg-config --libs paysign)
  chromium                         # tests/simulate: the payer's browser, headless, driven over DevTools
  valgrind                         # C and PHP suites under memcheck
  openjdk-17-jdk-headless          # Java: javac, jar, jni.h
  junit4 libservlet-api-java       # Java: JUnit 4, the servlet example
  php-dev php-cli                  # PHP: phpize, php-config, the CLI that runs the .phpt tests
  mono-mcs mono-devel nunit-console  # .NET: the C# compiler, System.Web, NUnit 2.6
  # (not mono-xsp4: Debian 12's xsp4 4.2 cannot start on Mono 6.8, mono/mono#18500; tests/simulate/xsp.sh
  # hosts examples/dotnet/web with tests/simulate/AspNetHost.cs on the System.Web above instead)
  mono-utils zip unzip             # the release bundle: monodis (assembly version), jars, .nupkg
  nginx-light php8.2-fpm wrk curl  # load-smoke (bench/load/smoke.sh): the PHP receiver under PHP-FPM behind nginx, driven by wrk
  jetty9                           # load-smoke-java: the servlet example under Jetty 9 (tomcat9 is not in Debian 12)
)
# Crates CI installs with `cargo install`: name version
ci_crates=(
  "cbindgen 0.29.4"   # include/paysign.h is checked against a fresh generation
  "cargo-fuzz 0.13.2" # scripts/fuzz.sh
)

mode=${1:-test}
case "$mode" in test|ci) ;; *) echo "setup.sh: unknown mode '$mode' (test or ci)" >&2; exit 2 ;; esac

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
else
  # Not Debian: the same list names what to install with the system's own packages.
  for probe in gcc g++ make bc python3 openssl pkg-config valgrind javac phpize php mcs mono nunit-console nginx php-fpm8.2 wrk curl chromium; do
    command -v "$probe" >/dev/null 2>&1 || missing+=("$probe")
  done
  [ -f /usr/share/java/junit4.jar ] || missing+=("junit4 (/usr/share/java/junit4.jar)")
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v apt-get >/dev/null 2>&1; then
    echo "setup.sh: missing Debian packages: ${missing[*]}" >&2
    echo "setup.sh: run this first, then the test command again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  else
    echo "setup.sh: no apt-get here; install these (Debian names) with your package manager: ${missing[*]}" >&2
    exit 1
  fi
fi

if [ "$mode" = ci ]; then
  for c in "${ci_crates[@]}"; do
    set -- $c
    have=$("$1" --version 2>/dev/null || cargo "${1#cargo-}" --version 2>/dev/null || true)
    case "$have" in *" $2"*) ;; *) cargo install "$1" --version "$2" --locked ;; esac
  done
  if command -v rustup >/dev/null 2>&1; then
    for comp in rustfmt clippy; do
      rustup component list --installed 2>/dev/null | grep -q "^$comp" || rustup component add "$comp"
    done
  fi
fi
