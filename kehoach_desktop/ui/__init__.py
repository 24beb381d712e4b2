"""The PySide6 window: widgets and Qt models only; every change goes through the services."""


# --- start-up (issue 17) ---


def _cheaper_pyside_feature_check() -> None:
    """PySide6 asks of every module imported after it whether its source mentions "PySide6"
    (for `from __feature__ import …`), through inspect.getsource: tokenizing and caching the
    whole text of some 150 modules, 50–70 ms of every start. The same question answered from
    the file's bytes; modules without a .py file (the installed program's byte-code, built-ins)
    still go to PySide's own check. Nothing changes when PySide no longer has the hook."""
    import shibokensupport.feature as feature  # importable once PySide6 (shiboken6) is

    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return

    stdlib = _stdlib_folder()

    def mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if stdlib and isinstance(path, str) and path.startswith(stdlib) and "-packages" not in path:
            return False  # the standard library never names PySide6: ~30 files not read at start
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    mod_uses_pyside.reads_bytes = True
    feature._mod_uses_pyside = mod_uses_pyside


def _stdlib_folder() -> str | None:
    """The standard library's folder (where `os` lives), ending in a separator."""
    import os

    path = getattr(os, "__file__", None)
    return os.path.join(os.path.dirname(path), "") if path else None


try:
    import shiboken6  # noqa: F401  (puts shibokensupport on the path)

    _cheaper_pyside_feature_check()
except Exception:  # a PySide6 without the hook (or changed): its own check stays
    pass
