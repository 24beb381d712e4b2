#!/usr/bin/env bash
# Test the built installer under wine (Debian's wine 8; not a substitute for real Windows):
# silent per-user install -> the console program through profile, import --sample, PDF report,
# .khbc export, backup, check -> the window started from the Start-menu shortcut (screenshot,
# time to the first window) -> a second start does not open a second window -> silent
# uninstall -> the data folder survived.
# Usage: bash installer/test-windows.sh [dist/kehoach-<version>-setup.exe]
# Not part of the README's test command: it needs wine and a few minutes.
# Qt6Core needs the icuuc.dll that Windows 10 has and wine lacks: a stub built here with mingw-w64
# goes into the test prefix's system32 (test only; never in the program or the installer).
set -euo pipefail
checkout="$(cd "$(dirname "$0")/.." && pwd)"
version="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$checkout/kehoach_desktop/__init__.py")"
setup="$(realpath "${1:-$checkout/dist/kehoach-$version-setup.exe}")"
work="$checkout/build/windows-test"
report="$work/report.txt"
rm -rf "$work"
mkdir -p "$work"
unset PYTHONPATH

step() { printf '\n[test-windows] %s\n' "$*" | tee -a "$report"; }
fail() { printf '[test-windows] FAILED: %s\n' "$*" | tee -a "$report" >&2; exit 1; }
note() { printf '[test-windows] %s\n' "$*" | tee -a "$report"; }

source "$checkout/installer/windows/wine.sh"
need=()
need_wine
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64-win32)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
command -v xwd >/dev/null || need+=(x11-apps)
command -v convert >/dev/null && convert -version 2>/dev/null | grep -q ImageMagick || need+=(imagemagick)
install_debian_packages "${need[@]}"

# wine links the prefix's Desktop and Documents to $HOME: a home of its own keeps them in $work.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config"
mkdir -p "$HOME"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"

display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() { wineserver -k 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT
export DISPLAY="$display"

step "fresh wine prefix with the test-only ICU stub"
fresh_prefix
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$work/icuuc.dll" "$checkout/installer/windows/icu_stub.c"
cp "$work/icuuc.dll" "$WINEPREFIX/drive_c/windows/system32/icuuc.dll"
user_dir="$WINEPREFIX/drive_c/users/$(whoami)"
app="$user_dir/AppData/Local/Programs/KeHoachCCHC"
data="$user_dir/AppData/Local/kehoach_desktop"

step "an older Windows is refused with a Vietnamese message"
win winecfg -v win7 >/dev/null
if win "$setup" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/LOG=C:\\refused.log"; then fail "installed on Windows 7"; fi
iconv -f utf-8 -t utf-8 "$WINEPREFIX/drive_c/refused.log" | grep -q "Chương trình cần Windows 10 phiên bản 1809" \
  || fail "no Vietnamese refusal on Windows 7"
[ ! -e "$app" ] || fail "something was installed on Windows 7"
note "Windows 7: refused, nothing installed"
win winecfg -v win10 >/dev/null  # 10.0.18362 (1903) here

step "silent per-user install of $(basename "$setup") ($(du -m "$setup" | cut -f1) MB)"
t0=$(date +%s)
win "$setup" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /TASKS=desktopicon "/LOG=C:\\install.log" || fail "setup exited $?"
note "installed in $(( $(date +%s) - t0 )) s into $app: $(du -sm "$app" | cut -f1) MB"
[ -f "$app/KeHoachCCHC.exe" ] && [ -f "$app/kehoach.exe" ] || fail "program files missing"
if find "$app" -iname 'icuuc.dll' | grep -q .; then fail "an icuuc.dll was installed"; fi
shortcut="$(find "$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs" -name '*.lnk' | head -1)"
[ -n "$shortcut" ] || fail "no Start-menu shortcut"
note "Start-menu shortcut: ${shortcut#"$user_dir/"}"
find -L "$user_dir/Desktop" -maxdepth 1 -name '*.lnk' | grep -q . || fail "no desktop shortcut"
uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{6C0E5A43-2F7B-4D4B-9A61-6E3B0C1D9A10}_is1'
win reg query "$uninstall_key" /v DisplayName | grep -q "DisplayName" || fail "no HKCU uninstall entry"
note "uninstall entry under HKCU"

step "the console program: profile -> import --sample -> PDF report -> .khbc -> backup -> check"
kehoach() { win "$app/kehoach.exe" "$@"; }
kehoach --version | tee -a "$report" | grep -q "kehoach $version" || fail "--version"
kehoach profile --name "UBND xã Hòa An" --kind xa --governing-body "UBND tỉnh Cao Bằng" > "$work/profile.json" \
  || fail "profile"
grep -q "UBND xã Hòa An" "$work/profile.json" || fail "profile output is not UTF-8 Vietnamese"
kehoach import --sample | tee -a "$report" | grep -q "thêm 94" || fail "import --sample"
kehoach tasks --mine > "$work/tasks.txt" || fail "tasks"
python3 -c "import sys; t=open(sys.argv[1], encoding='utf-8').read(); assert 'Chủ trì' in t, t[:300]" "$work/tasks.txt" \
  || fail "tasks output is not UTF-8"
kehoach report --period q3 --out 'C:\bao-cao.pdf' | tee -a "$report" || fail "report"
cp "$WINEPREFIX/drive_c/bao-cao.pdf" "$work/bao-cao.pdf"
python3 - "$work/bao-cao.pdf" <<'EOF' | tee -a "$report" || fail "the PDF does not embed Tinos"
import sys
from pypdf import PdfReader
reader = PdfReader(sys.argv[1])
fonts = {str(f.get_object()["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
assert any("Tinos" in f for f in fonts), fonts
assert "Hòa An" in reader.pages[0].extract_text() or "HÒA AN" in reader.pages[0].extract_text()
print(f"[test-windows] PDF: {len(reader.pages)} pages, fonts {sorted(fonts)}")
EOF
kehoach export --period q3 --out 'C:\bao-cao.khbc' | tee -a "$report" || fail "export .khbc"
[ -s "$WINEPREFIX/drive_c/bao-cao.khbc" ] || fail "no .khbc written"
kehoach backup | tee -a "$report" || fail "backup"
kehoach check | tee -a "$report" || fail "check"
[ -f "$data/kehoach.sqlite3" ] || fail "the data is not in %LOCALAPPDATA%\\kehoach_desktop"

step "the window, started from the Start-menu shortcut"
window_title="Kế hoạch cải thiện chỉ số PAR INDEX, SIPAS, PAPI"
t0=$(date +%s.%N)
wine start /unix "$shortcut" >/dev/null 2>&1 &
seen=""
for _ in $(seq 1 240); do
  if xwininfo -root -tree 2>/dev/null | grep -q "$window_title"; then seen=yes; break; fi
  sleep 0.5
done
[ -n "$seen" ] || fail "no main window within 120 s"
first_window=$(python3 -c "import time,sys; print(round(time.time()-float(sys.argv[1]),1))" "$t0")
note "time to the first window: $first_window s"
sleep 8  # let it paint and finish its start-up work
xwd -root -silent | convert xwd:- "$work/window.png"
note "screenshot: $work/window.png"
[ -f "$data/kehoach.lock" ] || fail "the window holds no lock on its data folder"

step "a second start brings the first to front, no second window"
win "$app/KeHoachCCHC.exe" || fail "second start exited $?"
windows=$(xwininfo -root -tree 2>/dev/null | grep -c "\"$window_title\"" || true)
note "main windows after the second start: $windows"
[ "$windows" -le 1 ] || fail "a second main window opened"

# The uninstaller runs in two phases (it copies itself to Temp): wait for its log to close.
uninstall() {  # LOG_NAME
  win "$app/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/LOG=C:\\$1" || true
  for _ in $(seq 1 120); do grep -q "Log closed" "$WINEPREFIX/drive_c/$1" 2>/dev/null && break; sleep 0.5; done
}
step "uninstall refused while the program runs"
uninstall uninstall-refused.log
grep -q "đang mở" "$WINEPREFIX/drive_c/uninstall-refused.log" || fail "the uninstaller did not see the open program"
[ -e "$app/KeHoachCCHC.exe" ] || fail "uninstalled while the program runs"
note "refused: $(grep -o "Chương trình .* đang mở" "$WINEPREFIX/drive_c/uninstall-refused.log" | head -1)"

# wine's taskkill does not see the program and keys sent with xdotool do not reach it: it is
# killed like a crash, by its process id, which also checks that its stale lock is taken over.
program_pids() {  # the program's processes in this test's prefix only
  local pid
  for pid in $(pgrep -f 'Programs\\KeHoachCCHC\\KeHoachCCHC\.exe' || true); do
    tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx "WINEPREFIX=$WINEPREFIX" && echo "$pid"
  done
  return 0
}
crash_program() {
  for pid in $(program_pids); do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 60); do [ -z "$(program_pids)" ] && break; sleep 0.5; done
  [ -z "$(program_pids)" ] || fail "the program did not stop"
}
step "the program crashes; the next start takes its stale lock over"
crash_program
wine start /unix "$shortcut" >/dev/null 2>&1 &
seen=""
for _ in $(seq 1 240); do xwininfo -root -tree 2>/dev/null | grep -q "$window_title" && { seen=yes; break; }; sleep 0.5; done
[ -n "$seen" ] || fail "no window after the crash: the stale lock was not taken over"
note "window again after the crash"
crash_program

step "silent uninstall"
uninstall uninstall.log
grep -q "Uninstallation process succeeded" "$WINEPREFIX/drive_c/uninstall.log" || fail "uninstall failed (see uninstall.log)"
[ ! -e "$app/KeHoachCCHC.exe" ] || fail "the program is still installed"
[ -z "$(find "$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs" -name '*.lnk' 2>/dev/null)" ] \
  || fail "the shortcut survived the uninstall"
find -L "$user_dir/Desktop" -maxdepth 1 -name "*.lnk" | grep -q . && fail "the desktop shortcut survived the uninstall"
if win reg query "$uninstall_key" 2>/dev/null | grep -q DisplayName; then fail "the uninstall entry survived"; fi
[ -f "$data/kehoach.sqlite3" ] && ls "$data/backups/"*.sqlite3 >/dev/null || fail "the data folder did not survive"
note "data folder kept: $(ls "$data" | tr '\n' ' ')"
step "all checks passed"
