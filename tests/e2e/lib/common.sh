# Sourced by the end-to-end scripts of tests/e2e (after setting $talign): a
# scratch directory $tmp removed on exit, fail() that counts failures,
# expect()/expect_text() that run talign and check its exit code and stderr,
# and finish() that reports. Every run is limited to $E2E_TIMEOUT seconds
# (default 600): nothing talign is given may hang it.
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect CODE STDERR_REGEX -- ARGS...: stdout in $tmp/out, stderr in $tmp/err.
expect() { _expect grep -qE "$@"; }
# expect_text CODE STDERR_TEXT -- ARGS...: the same with a fixed string.
expect_text() { _expect grep -qF "$@"; }
_expect() {
  local grep=("$1" "$2") code=$3 pattern=$4
  shift 5
  timeout "${E2E_TIMEOUT:-600}" "$talign" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [[ $got == "$code" ]] || fail "talign $*: exit $got, expected $code (stderr: $(head -3 "$tmp/err"))"
  if [[ -n $pattern ]] && ! "${grep[@]}" -- "$pattern" "$tmp/err"; then
    fail "talign $*: stderr does not match '$pattern': $(head -3 "$tmp/err")"
  fi
}

# finish NAME: exit 1 when anything failed.
finish() {
  ((failures == 0)) || { echo "$1: $failures failure(s)" >&2; exit 1; }
  echo "$1: all passed"
}

# python_with MODULE: prints a python3 that can import MODULE, or nothing.
# tools/setup-deps.sh installs Debian's packages (pandas, translate-toolkit)
# for the system Python; a python3 earlier on PATH (pyenv, a venv) may lack them.
python_with() {
  local candidate
  for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c "import $1" 2>/dev/null; then echo "$candidate"; return; fi
  done
}
