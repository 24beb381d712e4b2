"""Check that the built program starts from byte-code (issue 17): every module of the package
(and the libraries PyInstaller collected) is compiled into the PYZ archive inside the
executable, and no source of the package lies beside it.

Run by build-windows.sh with the build interpreter (it has PyInstaller):
    python check_bytecode.py <dist/KeHoachCCHC> <package source folder>
Exit status 1 with the modules that are missing or not compiled.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

LIBRARIES = ("PySide6", "shiboken6", "sqlite3", "openpyxl", "reportlab", "docx", "json", "zipfile")


def package_modules(source: Path) -> set[str]:
    """kehoach_desktop's module names, from its source folder."""
    names = set()
    for path in source.rglob("*.py"):
        parts = path.relative_to(source.parent).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def check(program: Path, source: Path) -> list[str]:
    from PyInstaller.archive.readers import CArchiveReader

    problems = []
    for exe in ("KeHoachCCHC.exe", "kehoach.exe"):
        pyz = CArchiveReader(str(program / exe)).open_embedded_archive("PYZ.pyz")
        compiled = set(pyz.toc)
        missing = sorted(package_modules(source) - compiled)
        problems += [f"{exe}: {name} is not compiled into the program" for name in missing]
        for library in LIBRARIES:
            if not any(name == library or name.startswith(library + ".") for name in compiled):
                problems.append(f"{exe}: no compiled module of {library}")
        sample = pyz.extract("kehoach_desktop.ui.main_window")
        if not hasattr(sample, "co_code"):
            problems.append(f"{exe}: kehoach_desktop.ui.main_window is not a code object")
    base = program / "_internal" / "base_library.zip"  # the interpreter's start-up modules
    if not base.is_file() or not all(name.endswith(".pyc") or name.endswith("/")
                                     for name in zipfile.ZipFile(base).namelist()):
        problems.append("_internal/base_library.zip is missing or holds more than byte-code")
    loose = sorted(str(p.relative_to(program)) for p in (program / "_internal" / "kehoach_desktop").rglob("*.py"))
    problems += [f"source shipped beside the byte-code: {name}" for name in loose]
    return problems


def main(argv: list[str]) -> int:
    program, source = Path(argv[1]), Path(argv[2])
    problems = check(program, source)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"byte-code: the {len(package_modules(source))} modules of the package and the libraries are "
              "compiled into the program's archive")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
