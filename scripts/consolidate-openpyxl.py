#!/usr/bin/python3
"""The straightforward way to consolidate the units' workbooks with openpyxl (Debian's python3-openpyxl), for
`npm run bench:consolidate` to compare with `chitieu consolidate`.

Usage: consolidate-openpyxl.py FOLDER OUT.json
For every .xlsx in FOLDER: open it, find the table header ("Mã", "Tử số", "Mẫu số"), add each indicator's
numerator and denominator to the provincial sums. Prints nothing; writes {code: [numerator, denominator]}.
"""
import json
import os
import sys

import openpyxl


def consolidate(folder):
    sums = {}
    for name in sorted(os.listdir(folder)):
        if not name.lower().endswith(".xlsx") or name.startswith("~$"):
            continue
        try:
            wb = openpyxl.load_workbook(os.path.join(folder, name), data_only=True)
        except Exception as e:  # one bad file must not stop the others
            print(f"{name}: {e}", file=sys.stderr)
            continue
        for ws in wb.worksheets:
            cols = None
            for row in ws.iter_rows(values_only=True):
                if cols is None:
                    texts = [str(v).strip() if v is not None else "" for v in row]
                    if "Mã" in texts and "Tử số" in texts and "Mẫu số" in texts:
                        cols = (texts.index("Mã"), texts.index("Tử số"), texts.index("Mẫu số"))
                    continue
                code, num, den = row[cols[0]], row[cols[1]], row[cols[2]]
                if isinstance(code, str) and isinstance(num, (int, float)) and isinstance(den, (int, float)):
                    s = sums.setdefault(code, [0, 0])
                    s[0] += num
                    s[1] += den
            if cols is not None:
                break
        wb.close()
    return sums


if __name__ == "__main__":
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(consolidate(sys.argv[1]), f, ensure_ascii=False, sort_keys=True)
