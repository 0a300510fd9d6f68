#!/usr/bin/env bash
# Installs the Debian packages massage-plan needs, only those missing (quick when all are there).
# Usage: scripts/install-deps.sh [build|deb|test|bench|fuzz|all]   (default: build)
# Nothing else is assumed to be on the machine: a fresh minimal Debian 12 has no compiler, no
# python and not even `file`. tests/environment/check_tools.py fails, naming the program, when
# something the tests or the packaging call is missing.
set -euo pipefail

build_pkgs=(g++ cmake make libcli11-dev libfmt-dev libyaml-cpp-dev libhowardhinnant-date-dev
            libsqlite3-dev)
# `cpack -G DEB` (README, docs/guide.md): dpkg-deb and dpkg-shlibdeps come with dpkg-dev, and
# CPack's shlibdeps step runs `file` on the binary.
deb_pkgs=(dpkg-dev file)
# The test suite checks exports with real consumers (libical, python icalendar, calcurse,
# cmark, a JSON Schema validator, headless Chromium with poppler for the html pages, libxml2's
# xmllint and librsvg's rsvg-convert for the technique figures (SVG), and html-validate from the
# npm registry) and uses Debian's python3 to drive the golden CLI tests. The guided session
# (`start`) is driven in a real pseudo-terminal (pexpect) read through a real terminal emulator
# (pyte), and `start --speak` says its cues through espeak-ng.
test_pkgs=(doctest-dev python3 python3-jsonschema python3-icalendar libical-dev calcurse cmark
           pkg-config man-db groff-base bash-completion zsh fish "${deb_pkgs[@]}"
           chromium poppler-utils libxml2-utils librsvg2-bin python3-pexpect python3-pyte
           espeak-ng)
# Node and npm for html-validate: Debian's, unless a node with npm is already there (a
# NodeSource nodejs bundles npm and conflicts with Debian's npm package).
command -v npm >/dev/null 2>&1 || test_pkgs+=(nodejs npm)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
validator_dir="$here/../tests/consumers/html"
bench_pkgs=(libbenchmark-dev python3 time hyperfine coinor-cbc valgrind)
# libFuzzer and the sanitizer runtimes come with Debian's clang (docs/fuzzing.md).
fuzz_pkgs=(clang libclang-rt-14-dev)

want=("${build_pkgs[@]}")
case "${1:-build}" in
  build) ;;
  deb) want+=("${deb_pkgs[@]}") ;;
  test) want+=("${test_pkgs[@]}") ;;
  bench) want+=("${bench_pkgs[@]}") ;;
  fuzz) want+=("${fuzz_pkgs[@]}") ;;
  all) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  *) echo "usage: $0 [build|deb|test|bench|fuzz|all]" >&2; exit 64 ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# html-validate, at the version package-lock.json pins; npm ci again only when the lock changed
# (node_modules/.installed-lock is the lock of the last npm ci).
case "${1:-build}" in
  test | all)
    if ! cmp -s "$validator_dir/package-lock.json" "$validator_dir/node_modules/.installed-lock" ||
        [ ! -x "$validator_dir/node_modules/.bin/html-validate" ]; then
      echo "Installing html-validate (npm ci in tests/consumers/html)" >&2
      (cd "$validator_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null &&
        cp package-lock.json node_modules/.installed-lock)
    fi
    ;;
esac
