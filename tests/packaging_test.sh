#!/usr/bin/env bash
# Packaging test: `cpack -G DEB` makes a .deb holding the binary, the man page, bash/zsh/fish completions,
# the JSON Schema and the licence; dpkg installs it into a scratch root (its own dpkg database), every
# package it depends on is one this system has, the installed binary runs and parses a sample into
# valid output, `man -l` reads the page without a warning, and each completion script loads and completes.
#   usage: packaging_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "packaging_test: $*" >&2; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb=$(ls "$tmp"/pkg/congvan_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "cpack made no congvan_*.deb"

contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/congvan ./usr/share/man/man1/congvan.1.gz ./usr/share/bash-completion/completions/congvan \
         ./usr/share/zsh/vendor-completions/_congvan ./usr/share/fish/vendor_completions.d/congvan.fish \
         ./usr/share/congvan/congvan.schema.json ./usr/share/congvan/congvan-2.schema.json \
         ./usr/share/doc/congvan/copyright; do
  grep -q " $f\$" <<<"$contents" || fail "the .deb lacks $f"
done

# Every dependency the package declares is a package this system has installed.
depends=$(dpkg-deb -f "$deb" Depends)
[ -n "$depends" ] || fail "the .deb declares no Depends (dpkg-shlibdeps did not run)"
for dep in $(tr ',' '\n' <<<"$depends" | sed 's/(.*)//; s/|.*//' | tr -d ' '); do
  dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q "install ok installed" ||
    fail "the .deb depends on $dep, which is not installed here"
done

root=$tmp/root
mkdir -p "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/info"
touch "$root/var/lib/dpkg/status"
# --force-depends: the scratch root's own database holds no libraries (checked against this system above).
dpkg --root="$root" --force-depends --force-not-root --log=/dev/null -i "$deb" >"$tmp/dpkg.log" 2>&1 ||
  { cat "$tmp/dpkg.log" >&2; fail "dpkg -i into the scratch root failed"; }
grep -q '^Status: install ok installed' <<<"$(dpkg --root="$root" -s congvan 2>/dev/null)" ||
  fail "dpkg does not list congvan as installed in the scratch root"

bin=$root/usr/bin/congvan
"$bin" --version | grep -q '^congvan [0-9]' || fail "the installed binary prints no version"
sample=$(ls "$src"/samples/*.txt | head -1)
"$bin" parse "$sample" >"$tmp/out.json" || fail "the installed binary failed to parse $sample"
/usr/bin/python3 - "$tmp/out.json" "$root/usr/share/congvan/congvan.schema.json" <<'PY' || fail "the installed binary's output does not validate against the installed schema"
import json, sys, jsonschema
doc = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.validate(doc, json.load(open(sys.argv[2], encoding="utf-8")))
PY
"$bin" parse --schema 2 "$sample" >"$tmp/out2.json" || fail "the installed binary failed to parse $sample with --schema 2"
/usr/bin/python3 - "$tmp/out2.json" "$root/usr/share/congvan/congvan-2.schema.json" <<'PY' || fail "the installed binary's congvan/2 output does not validate against the installed congvan-2 schema"
import json, sys, jsonschema
doc = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.validate(doc, json.load(open(sys.argv[2], encoding="utf-8")))
PY

command -v man >/dev/null || fail "man is not installed (setup.sh installs man-db)"
warnings=$(MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/congvan.1.gz" 2>&1 >"$tmp/man.txt" || true)
[ -z "$warnings" ] || fail "man -l warns: $warnings"
grep -q 'congvan parse' "$tmp/man.txt" || fail "the man page does not render its synopsis"
grep -q 'EXIT STATUS' "$tmp/man.txt" || fail "the man page has no EXIT STATUS"

# bash: the function completes subcommands, options and option values. The completions are captured
# whole before grep reads them: "grep -q" in a pipe under pipefail exits at its first match, and the
# writer's next line then died of SIGPIPE and failed the test now and then ('parse --fo' gives --format
# and --force; regression: packaging_completion_sigpipe).
complete_bash() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _congvan; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$root/usr/share/bash-completion/completions/congvan" "$@"
}
grep -qx parse <<<"$(complete_bash congvan pa)" || fail "bash: 'congvan pa' does not complete to parse"
grep -qx -- --format <<<"$(complete_bash congvan parse --fo)" || fail "bash: 'parse --fo' does not complete to --format"
[ "$(complete_bash congvan parse --format '' | sort | tr '\n' ' ')" = "ics json jsonl yaml " ] ||
  fail "bash: 'parse --format' does not offer json jsonl yaml ics"
[ "$(complete_bash congvan diff -f '' | sort | tr '\n' ' ')" = "json text " ] ||
  fail "bash: 'diff -f' does not offer text json"
grep -qx tcvn3 <<<"$(complete_bash congvan parse --encoding tc)" || fail "bash: '--encoding tc' does not complete to tcvn3"

command -v zsh >/dev/null || fail "zsh is not installed (setup.sh installs it)"
zsh -n "$root/usr/share/zsh/vendor-completions/_congvan" || fail "zsh: _congvan does not parse"
zsh -fc "autoload -Uz compinit; compinit -u -d $tmp/zcompdump; fpath=($root/usr/share/zsh/vendor-completions \$fpath);
         autoload -Uz _congvan; whence -w _congvan" | grep -q function || fail "zsh: _congvan does not load"
command -v fish >/dev/null || fail "fish is not installed (setup.sh installs it)"
fish --no-execute "$root/usr/share/fish/vendor_completions.d/congvan.fish" || fail "fish: the completions do not parse"
got=$(HOME=$tmp fish -c "source $root/usr/share/fish/vendor_completions.d/congvan.fish; complete -C 'congvan parse --format '" | cut -f1 | sort | tr '\n' ' ')
[ "$got" = "ics json jsonl yaml " ] || fail "fish: 'parse --format' offers '$got'"
got=$(HOME=$tmp fish -c "source $root/usr/share/fish/vendor_completions.d/congvan.fish; complete -C 'congvan '" | cut -f1 | sort | tr '\n' ' ')
[ "$got" = "diff explain matrix parse " ] || fail "fish: 'congvan ' offers '$got'"
echo "packaging_test: ok ($(basename "$deb"), $(dpkg-deb -f "$deb" Installed-Size) KiB installed)"
