#!/usr/bin/env bash
# Create (if missing) and update the project's Python virtual environment, then
# print the path of its python interpreter on stdout. Everything else goes to
# stderr, so callers can write:
#
#     "$(scripts/python-venv.sh)" scripts/golden/make_rouge_golden.py
#
# The venv lives at ${QUORUM_PYTHON_VENV:-<repo root>/.venv}. The pinned
# requirements (scripts/requirements-python.txt) are (re)installed only when
# that file changed since the last successful install: a sha256 stamp is kept
# inside the venv. The interpreter used to create the venv is
# ${QUORUM_PYTHON:-python3}. Safe to run from any directory and concurrently.
set -euo pipefail

log() { printf 'python-venv: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$script_dir/.." && pwd -P)"
requirements="$script_dir/requirements-python.txt"
venv="${QUORUM_PYTHON_VENV:-$repo_root/.venv}"
base_python="${QUORUM_PYTHON:-python3}"
stamp_name=".quorum-requirements.sha256"

[[ -f "$requirements" ]] || die "missing $requirements"
command -v "$base_python" >/dev/null 2>&1 || die "'$base_python' not found on PATH"

# Run a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

# Debian splits venv/ensurepip into python3-venv; `python3 -m venv` exists
# without it but fails. Install it when ensurepip is not importable.
ensure_venv_module() {
    if "$base_python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 ||
        die "'$base_python -m venv' is unavailable and apt-get is not there to install python3-venv"
    log "installing Debian's python3-venv"
    local pkgs=(python3-venv)
    local minor
    minor="$("$base_python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    if apt-cache show "python${minor}-venv" >/dev/null 2>&1; then
        pkgs+=("python${minor}-venv")
    fi
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${pkgs[@]}" >&2; then
        as_root apt-get update >&2
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${pkgs[@]}" >&2
    fi
    "$base_python" -c 'import venv, ensurepip' >/dev/null 2>&1 ||
        die "python3-venv installed but '$base_python -m venv' still unavailable"
}

mkdir -p -- "$venv"
venv="$(cd -- "$venv" && pwd -P)"
venv_python="$venv/bin/python"

# Serialise concurrent runs (the golden script and the benchmarks may both
# call this at once). flock is util-linux; without it, go on unlocked.
# The lock file lives outside the venv so that recreating the venv cannot
# pull it from under a waiting process.
if command -v flock >/dev/null 2>&1; then
    lock_id="$(printf '%s' "$venv" | sha256sum | cut -c1-16)"
    exec 9>"${TMPDIR:-/tmp}/quorum-python-venv-$lock_id.lock"
    flock 9
fi

if [[ ! -x "$venv_python" ]] || ! "$venv_python" -c 'import sys' >/dev/null 2>&1; then
    ensure_venv_module
    log "creating venv at $venv"
    rm -f -- "$venv/$stamp_name"
    "$base_python" -m venv --clear "$venv" >&2
fi

want="$(sha256sum -- "$requirements" | cut -d' ' -f1)"
have="$(cat -- "$venv/$stamp_name" 2>/dev/null || true)"
if [[ "$want" != "$have" ]]; then
    log "installing $(basename -- "$requirements") into $venv"
    "$venv_python" -m pip install --disable-pip-version-check --no-input -q \
        -r "$requirements" >&2
    printf '%s\n' "$want" >"$venv/$stamp_name.tmp"
    mv -f -- "$venv/$stamp_name.tmp" "$venv/$stamp_name"
else
    log "requirements up to date in $venv"
fi

printf '%s\n' "$venv_python"
