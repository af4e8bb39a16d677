#!/usr/bin/python3
"""Reads one .xlsx with openpyxl (load_workbook(read_only=False, data_only=True), every cell visited) and prints JSON:
load time (median of --runs), cell counts, and the non-empty cells, for scripts/compare-readers.ts.
Run with Debian's /usr/bin/python3, which has openpyxl."""
import datetime
import json
import statistics
import sys
import time
import warnings

import openpyxl
from openpyxl.utils.datetime import to_excel


def cell_value(v, epoch):
    if v is None:
        return None
    if isinstance(v, bool):
        return {"t": "b", "v": v}
    if isinstance(v, (int, float)):
        return {"t": "n", "v": v}
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        try:
            return {"t": "n", "v": to_excel(v, epoch), "date": True}
        except Exception as e:  # noqa: BLE001 - report, do not hide
            return {"t": "x", "v": f"unconvertible date {v!r}: {e}"}
    return {"t": "s", "v": str(v)}


def load(path, formulas):
    wb = openpyxl.load_workbook(path, read_only=False, data_only=not formulas)
    sheets = []
    visited = 0
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                visited += 1
                if c.value is not None:
                    if formulas:
                        if isinstance(c.value, str) and c.value.startswith("="):
                            cells.append([c.coordinate, {"t": "f", "v": c.value[1:]}])
                        elif hasattr(c.value, "text"):  # ArrayFormula
                            cells.append([c.coordinate, {"t": "f", "v": (c.value.text or "")[1:]}])
                    else:
                        val = cell_value(c.value, wb.epoch)
                        if c.data_type == "e":
                            val = {"t": "e", "v": str(c.value)}
                        cells.append([c.coordinate, val])
        sheets.append({"name": ws.title, "cells": cells})
    return sheets, visited


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    formulas = len(sys.argv) > 3 and sys.argv[3] == "formulas"
    warnings.simplefilter("ignore")
    times = []
    out = {"reader": f"openpyxl {openpyxl.__version__}", "file": path}
    try:
        for _ in range(runs):
            t = time.perf_counter()
            sheets, visited = load(path, formulas)
            times.append((time.perf_counter() - t) * 1000)
        out.update(ok=True, ms=statistics.median(times), visited=visited,
                   nonEmpty=sum(len(s["cells"]) for s in sheets), sheets=sheets)
    except Exception as e:  # noqa: BLE001 - the error is the result
        out.update(ok=False, error=f"{type(e).__name__}: {e}"[:300])
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
