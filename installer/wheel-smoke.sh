#!/usr/bin/env bash
# The wheel as a user gets it: build it, install it into a fresh venv (never the checkout, never
# an editable install), and from a folder outside the checkout run
# profile -> import --sample -> PDF and DOCX reports; check the PDF embeds its fonts.
# Called by .ci/run; run alone with `bash installer/wheel-smoke.sh`. Needs PyPI (or a pip cache,
# or $PIP_FIND_LINKS) for the dependencies; about a minute with a warm pip cache.
set -euo pipefail
checkout="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/kehoach-wheel-smoke.XXXXXX")"
trap 'rm -rf "$work"' EXIT
unset PYTHONPATH PYTHONHOME
export PIP_DISABLE_PIP_VERSION_CHECK=1
[ -d "${PIP_FIND_LINKS:-/nonexistent}" ] || unset PIP_FIND_LINKS  # a fresh machine has only the registry

step() { printf '[wheel-smoke] %s\n' "$*"; }
quiet_pip() { "$@" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2); }

step "building the wheel"
# From a copy of what the wheel is made of (the checkout may hold a large build/ folder).
mkdir -p "$work/src"
cp -r "$checkout/pyproject.toml" "$checkout/README.md" "$checkout/kehoach_desktop" "$work/src/"
find "$work/src" -name __pycache__ -prune -exec rm -rf {} +
quiet_pip "$python" -m pip wheel -q --no-deps -w "$work/dist" "$work/src"
wheel="$(ls "$work"/dist/kehoach_desktop-*.whl)"
for member in kehoach_desktop/resources/fonts/Tinos-Regular.ttf kehoach_desktop/resources/fonts/OFL.txt \
              kehoach_desktop/resources/samples/2163-KH-UBND-Cao-Bang-phu-luc.xlsx; do
  "$python" - "$wheel" "$member" <<'EOF'
import sys, zipfile
if sys.argv[2] not in zipfile.ZipFile(sys.argv[1]).namelist():
    sys.exit(f"the wheel lacks {sys.argv[2]}")
EOF
done

step "installing it into a fresh venv"
if ! "$python" -c "import ensurepip, venv" 2>/dev/null && command -v apt-get >/dev/null; then
  apt-get install -y -qq python3-venv >/dev/null  # Debian's python3 keeps venv apart
fi
"$python" -m venv "$work/venv"
venv_bin="$work/venv/bin"
[ -d "$work/venv/Scripts" ] && venv_bin="$work/venv/Scripts"  # Windows
venv_python="$venv_bin/python"
quiet_pip "$venv_python" -m pip install -q "$wheel" "pypdf>=4,<8"

mkdir -p "$work/run"
cd "$work/run"  # outside the checkout: nothing can be imported from it
step "checking that the install carries byte-code (issue 17: a start from source only is slower)"
# Before anything runs (which could write the .pyc itself); -B: this check writes none either.
"$venv_python" -B - <<'EOF'
import importlib.util
from pathlib import Path

package = Path(importlib.util.find_spec("kehoach_desktop").origin).parent
assert "venv" in package.parts, f"found {package}, not the installed package"
sources = sorted(package.rglob("*.py"))
missing = [str(p.relative_to(package)) for p in sources if not Path(importlib.util.cache_from_source(str(p))).is_file()]
assert sources and not missing, f"installed without byte-code: {missing[:5]} ({len(missing)} of {len(sources)})"
print(f"[wheel-smoke] byte-code for all {len(sources)} modules of {package}")
EOF
kehoach="$venv_bin/kehoach"
data="$work/run/data"
"$kehoach" --version
"$kehoach" --data-dir "$data" profile --name "UBND xã Hòa An" --kind xa --governing-body "UBND tỉnh Cao Bằng" >/dev/null
"$kehoach" --data-dir "$data" import --sample
"$kehoach" --data-dir "$data" report --period q3 --out "$work/run/bao-cao.pdf"
"$kehoach" --data-dir "$data" report --period q3 --out "$work/run/bao-cao.docx"

step "checking the install and the reports"
"$venv_python" - "$work" "$checkout" <<'EOF'
import sys
from pathlib import Path

import docx
import kehoach_desktop
from pypdf import PdfReader

work, checkout = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
installed = Path(kehoach_desktop.__file__).resolve()
assert installed.is_relative_to(work / "venv"), f"imported from {installed}, not from the venv"
assert not any(Path(p or ".").resolve().is_relative_to(checkout) for p in sys.path), "the checkout is on sys.path"

embedded, named = set(), set()
for page in PdfReader(work / "run" / "bao-cao.pdf").pages:
    for font in page["/Resources"]["/Font"].values():
        font = font.get_object()
        named.add(str(font["/BaseFont"]))
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        if descriptor is not None and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            embedded.add(str(font["/BaseFont"]))
assert named and named == embedded, f"fonts not embedded: {sorted(named - embedded)}"
assert any("Tinos" in name for name in embedded), sorted(embedded)
text = "\n".join(p.text for p in docx.Document(work / "run" / "bao-cao.docx").paragraphs)
assert "UBND xã Hòa An".upper() in text.upper(), "the Word report lacks the agency"
print(f"[wheel-smoke] ok: {installed.parent} ; PDF fonts embedded: {', '.join(sorted(embedded))}")
EOF
