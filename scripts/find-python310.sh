#!/usr/bin/env bash
# Prints the path of a working Python 3.10 interpreter, or explains what to install.
# Rasa Open Source 3.6 supports Python 3.8-3.10 only, so 3.11+ will not do.
set -u
try() {
  local py=$1
  [ -n "$py" ] || return 1
  # A pyenv shim exists even when its version is not active, so run it to be sure.
  if "$py" -c 'import sys, venv; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; then
    "$py" -c 'import sys; print(sys.executable)'
    exit 0
  fi
  return 1
}
[ -n "${PYTHON310:-}" ] && try "$PYTHON310"
try "$(command -v python3.10 2>/dev/null)"
root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for py in $(ls -d "$root"/versions/3.10.*/bin/python3.10 2>/dev/null | sort -rV); do try "$py"; done
for py in /usr/local/bin/python3.10 /usr/bin/python3.10; do try "$py"; done
cat >&2 <<'MSG'
error: Python 3.10 is required (Rasa Open Source 3.6 does not run on 3.11 or later) and none was found.
Install it with one of:
  pyenv install 3.10            # then re-run make
  apt-get install python3.10 python3.10-venv   # where your distribution packages it
or point PYTHON310 at an interpreter:  make PYTHON310=/path/to/python3.10 test
MSG
exit 1
