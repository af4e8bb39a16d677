"""Writes the labelled layouts into tests/fixtures/layouts/<group>/ with their answer files.

Run: /usr/bin/python3 tests/support/layouts/generate.py [tuning|held-out]
The held-out group is frozen (see tests/fixtures/layouts/README.md): regenerate it only to check it is unchanged.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import heldout  # noqa: E402
import tuning  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "layouts"))

if __name__ == "__main__":
    groups = sys.argv[1:] or ["tuning"]
    for g in groups:
        for make in {"held-out": heldout.LAYOUTS, "tuning": tuning.LAYOUTS}[g]:
            layout = make()
            print(layout.save(ROOT))
