# Shared by build-windows.sh and test-windows.sh (sourced): wine on Debian, facts found by trying.
# - Inno Setup's ISCC.exe and the setup it builds are 32-bit programs: wine needs its 32-bit half
#   (wine32:i386, multiarch), and the prefix must be created once both halves are installed.
# - A Windows console program under wine cannot write to a regular file (invalid handle): its
#   output always goes through a pipe (win below).

need_wine() {  # appends to the caller's need array
  dpkg --print-foreign-architectures | grep -qx i386 || { dpkg --add-architecture i386; need_update=yes; }
  dpkg -s wine wine64 >/dev/null 2>&1 || need+=(wine wine64)
  dpkg -s wine32:i386 >/dev/null 2>&1 || need+=(wine32:i386)
}

install_debian_packages() {
  [ $# -gt 0 ] || [ -n "${need_update:-}" ] || return 0
  apt-get update -qq
  [ $# -gt 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  return 0
}

# A prefix with both halves (C:\windows\syswow64 filled); an older 64-bit-only one is remade.
fresh_prefix() {
  if [ ! -f "$WINEPREFIX/drive_c/windows/syswow64/kernel32.dll" ]; then
    wineserver -k 2>/dev/null || true
    rm -rf "$WINEPREFIX"
    wineboot -i >/dev/null 2>&1 || true
  fi
  [ -f "$WINEPREFIX/drive_c/windows/syswow64/kernel32.dll" ] || { echo "wine prefix not created" >&2; exit 1; }
}

win() { wine "$@" < /dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }
winpath() { winepath -w "$1" 2>/dev/null; }
