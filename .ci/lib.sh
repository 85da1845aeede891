# Shell functions shared by .ci/build, .ci/test and .ci/preview. Sourcing this file only sets the
# exit trap below; the ensure_* functions install only what is missing and say nothing when all is
# there.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JS_DIR=$ROOT/tests/js
# cargo-installed tools (wasm-pack, wasm-bindgen) live here, and a fresh shell may lack it.
PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PATH

say() { printf '%s\n' "$*"; }
banner() { printf '\n==> %s\n' "$*"; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# `config KEY`: a value of wasm-pack.toml (`config wasm-opt.version`); a list prints one item a line.
config() {
  python3 - "$ROOT/wasm-pack.toml" "$1" <<'PY'
import sys, tomllib
value = tomllib.load(open(sys.argv[1], "rb"))
for part in sys.argv[2].split("."):
    value = value[part]
print("\n".join(value) if isinstance(value, list) else value)
PY
}

# `locked_version CRATE`: the version of CRATE that Cargo.lock pins.
locked_version() {
  python3 - "$ROOT/Cargo.lock" "$1" <<'PY'
import sys, tomllib
lock = tomllib.load(open(sys.argv[1], "rb"))
versions = [p["version"] for p in lock["package"] if p["name"] == sys.argv[2]]
if len(versions) != 1:
    sys.exit(f"Cargo.lock should pin exactly one {sys.argv[2]}, found {versions}")
print(versions[0])
PY
}

as_root() {
  if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi
}

# `version_of CMD`: the second word of `CMD --version` ("wasm-pack 0.15.1" → 0.15.1), or nothing.
version_of() {
  "$1" --version 2>/dev/null | awk '{ print $2; exit }' || true
}

ensure_rust() {
  command -v rustup >/dev/null || die "rustup is missing: install Rust with rustup (https://rustup.rs)"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "installing the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
  cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
}

ensure_wasm_pack() {
  local want
  want=$(config wasm-pack.version)
  [[ $(version_of wasm-pack) == "$want" ]] && return
  say "installing wasm-pack $want (about 2 minutes)"
  cargo install --locked --force wasm-pack --version "$want"
}

# The CLI must be exactly the crate's version, or wasm-pack ignores it and compiles its own.
ensure_wasm_bindgen() {
  local want
  want=$(locked_version wasm-bindgen)
  if [[ $(version_of wasm-bindgen) == "$want" ]] && command -v wasm-bindgen-test-runner >/dev/null; then
    return
  fi
  say "installing wasm-bindgen-cli $want (about 3 minutes)"
  # No --locked: the CLI's own lockfile wants a webpki-roots version the registry lacks.
  cargo install --force wasm-bindgen-cli --version "$want"
}

APT_UPDATED=
apt_install() {
  if [[ -z $APT_UPDATED ]]; then
    as_root apt-get update -q
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# Debian's chromium and chromium-driver come as a matching pair; nothing is downloaded at test time.
ensure_chromium() {
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] && return
  say "installing chromium and chromium-driver"
  apt_install chromium chromium-driver
}

# `ensure_npm_deps DIR`: `npm ci` in DIR when node_modules is missing or was installed from another
# lockfile. The lockfile's hash is kept in node_modules (not its date: a checkout touches that).
ensure_npm_deps() {
  local dir=$1 stamp want
  [[ -f $dir/package.json ]] || return 0
  [[ -f $dir/package-lock.json ]] || die "$dir has a package.json but no package-lock.json"
  command -v npm >/dev/null || die "npm is missing: install Node 20 or later"
  stamp=$dir/node_modules/.postview-lock-sha256
  want=$(sha256sum <"$dir/package-lock.json" | cut -d' ' -f1)
  [[ -f $stamp && $(<"$stamp") == "$want" ]] && return
  say "npm ci in ${dir#"$ROOT"/}"
  (cd "$dir" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)
  echo "$want" >"$stamp"
}

# What .ci/build needs.
ensure_build_tools() {
  ensure_rust
  ensure_wasm_pack
  ensure_wasm_bindgen
  ensure_npm_deps "$JS_DIR"
}

# What .ci/test needs besides the build tools.
ensure_test_tools() {
  ensure_build_tools
  ensure_chromium
  ensure_npm_deps "$ROOT/www"
}

# `serve DIR PORT`: serves DIR on 127.0.0.1:PORT in the background (PORT 0: a free port chosen by
# the kernel, so no race with other servers) and sets SERVER_PID and SERVER_URL. Returns 1 if the
# port is taken. The exit trap stops the server, however the script ends.
serve() {
  local dir=$1 port=$2 log
  log=$(mktemp)
  python3 -u -m http.server --bind 127.0.0.1 --directory "$dir" "$port" >"$log" 2>&1 &
  SERVER_PID=$!
  SERVER_LOG=$log
  # The server prints "Serving HTTP on 127.0.0.1 port N …" once it listens.
  until grep -q '^Serving HTTP' "$log"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      SERVER_PID=
      rm -f "$log"
      return 1
    fi
    sleep 0.1
  done
  port=$(sed -n 's/^Serving HTTP on [^ ]* port \([0-9]*\).*/\1/p' "$log")
  SERVER_URL="http://127.0.0.1:$port/"
}

stop_server() {
  if [[ -n ${SERVER_PID:-} ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
  [[ -n ${SERVER_LOG:-} ]] && rm -f "$SERVER_LOG"
  return 0
}

# The one exit trap: stops the server if one runs, then calls the script's own `at_exit STATUS`
# if it defines one. (A second `trap … EXIT` would replace this one, so scripts use at_exit.)
finish() {
  local status=$?
  stop_server
  if declare -F at_exit >/dev/null; then at_exit "$status"; fi
  return 0
}
trap finish EXIT
