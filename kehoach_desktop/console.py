"""What every command prints: JSON as UTF-8 text, Vietnamese letters as they are."""

from __future__ import annotations

import json
import sys


def print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
