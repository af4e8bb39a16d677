"""Helpers for writing office layouts and their answer files (tests/fixtures/layouts).

A layout is written with openpyxl as an office keeps it; every cell that holds an indicator's figure is recorded in
the answer file as {indicator, part, year, sheet, cell}. The answers come from where the generator put the numbers,
never from the matcher.
"""
import datetime
import json
import os
import shutil
import subprocess
import tempfile
import unicodedata

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

FIXED_TIME = datetime.datetime(2025, 12, 20, 8, 0, 0)


def strip_marks(text):
    """Vietnamese typed without diacritics, as many clerks do."""
    out = unicodedata.normalize("NFD", text)
    out = "".join(ch for ch in out if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", out.replace("đ", "d").replace("Đ", "D"))


def ref(row, col):
    return f"{get_column_letter(col)}{row}"


class Layout:
    def __init__(self, layout_id, group, description, level, year):
        self.id = layout_id
        self.group = group
        self.description = description
        self.level = level
        self.year = year
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.answers = []
        self.resave = False

    def sheet(self, name):
        return self.wb.create_sheet(name)

    def put(self, ws, row, col, value, bold=False, fmt=None):
        c = ws.cell(row=row, column=col, value=value)
        if bold:
            c.font = Font(bold=True)
        if fmt:
            c.number_format = fmt
        return c

    def answer(self, ws, row, col, indicator, part, year=None):
        self.answers.append({"indicator": indicator, "part": part, "year": year or self.year, "sheet": ws.title, "cell": ref(row, col)})

    def merge(self, ws, r1, c1, r2, c2, value, bold=True):
        self.put(ws, r1, c1, value, bold=bold)
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        ws.cell(row=r1, column=c1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def filler(self, ws, top, left, rows, width=6, seed=1):
        """An office's own records: households, amounts, dates: nothing that is an indicator."""
        villages = ["Bản Hon", "Bản Nậm Xe", "Bản Pa Vây Sử", "Bản Lùng Than", "Bản Sì Thâu Chải"]
        self.put(ws, top, left, "STT", bold=True)
        self.put(ws, top, left + 1, "Họ và tên chủ hộ", bold=True)
        self.put(ws, top, left + 2, "Bản", bold=True)
        self.put(ws, top, left + 3, "Số nhân khẩu", bold=True)
        self.put(ws, top, left + 4, "Thu nhập (nghìn đồng)", bold=True)
        for extra in range(5, width):
            self.put(ws, top, left + extra, f"Ghi chú {extra - 4}", bold=True)
        for i in range(rows):
            r = top + 1 + i
            self.put(ws, r, left, i + 1)
            self.put(ws, r, left + 1, f"Hộ ông/bà số {i + 1 + seed}")
            self.put(ws, r, left + 2, villages[(i + seed) % len(villages)])
            self.put(ws, r, left + 3, 3 + (i * 7 + seed) % 5)
            self.put(ws, r, left + 4, 24000 + (i * 137 + seed) % 9000)

    def save(self, root):
        folder = os.path.join(root, self.group)
        os.makedirs(folder, exist_ok=True)
        name = f"{self.id}.xlsx"
        path = os.path.join(folder, name)
        self.wb.properties.created = FIXED_TIME
        self.wb.properties.modified = FIXED_TIME
        self.wb.properties.creator = "UBND"
        self.wb.save(path)
        if self.resave:
            resave_with_libreoffice(path)
        answer = {
            "layout": self.id,
            "file": name,
            "group": self.group,
            "description": self.description,
            "level": self.level,
            "year": self.year,
            "resavedByLibreOffice": self.resave,
            "cells": self.answers,
        }
        with open(os.path.join(folder, f"{self.id}.answer.json"), "w", encoding="utf-8") as f:
            json.dump(answer, f, ensure_ascii=False, indent=2)
            f.write("\n")
        return path


def resave_with_libreoffice(path):
    """Open and save the file in LibreOffice, as a clerk who edits with it does (`soffice --convert-to xlsx`)."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        out = os.path.join(tmp, "out")
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx", "--outdir", out, path],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180,
        )
        shutil.copyfile(os.path.join(out, os.path.basename(path)), path)


def figures(code, year, salt=0):
    """Deterministic, plausible figures for an indicator in a year: (numerator, denominator, percent)."""
    h = sum(ord(ch) * (i + 3) for i, ch in enumerate(code)) + year * 7 + salt * 13
    den = 40 + h % 460
    share = 0.55 + ((h // 7) % 45) / 100 + (year - 2023) * 0.04
    num = min(den, int(round(den * share)))
    return num, den, round(num * 100.0 / den, 1)


def table(L, ws, top, left, headers, columns, rows):
    """Writes one table and records its answers.

    headers: header rows, each a list of (column offset, column span, row span, text); spans are merged.
    columns: per column offset, None or (part, year) where part is label/stt/code/unit/note or a figure part
             (numerator, denominator, value, target).
    rows: dicts {stt, label, label2 (second line, next row), merged (label merged over 2 rows), code, ind, values}
          values: {column offset: value}; a row with `ind` records an answer for each figure column it fills.
    Returns the first row after the table.
    """
    r = top
    for header in headers:
        for off, span, rspan, text in header:
            if span > 1 or rspan > 1:
                L.merge(ws, r, left + off, r + rspan - 1, left + off + span - 1, text)
            else:
                L.put(ws, r, left + off, text, bold=True)
        r += 1
    for row in rows:
        label_col = next(i for i, c in enumerate(columns) if c and c[0] == "label")
        if "stt" in row:
            stt_col = next((i for i, c in enumerate(columns) if c and c[0] == "stt"), None)
            if stt_col is not None:
                L.put(ws, r, left + stt_col, row["stt"])
        if "code" in row:
            code_col = next(i for i, c in enumerate(columns) if c and c[0] == "code")
            L.put(ws, r, left + code_col, row["code"])
        if "unit" in row:
            unit_col = next((i for i, c in enumerate(columns) if c and c[0] == "unit"), None)
            if unit_col is not None:
                L.put(ws, r, left + unit_col, row["unit"])
        L.put(ws, r, left + label_col, row["label"], bold=row.get("bold", False))
        for off, value in row.get("values", {}).items():
            fmt = "0.0" if isinstance(value, float) else None
            L.put(ws, r, left + off, value, fmt=fmt)
            spec = columns[off]
            if row.get("ind") and spec and spec[0] in ("numerator", "denominator", "value", "target") and value is not None:
                L.answer(ws, r, left + off, row["ind"], spec[0], spec[1])
        if row.get("merged"):
            ws.merge_cells(start_row=r, start_column=left + label_col, end_row=r + 1, end_column=left + label_col)
            ws.cell(row=r, column=left + label_col).alignment = Alignment(wrap_text=True, vertical="center")
            r += 2
        elif row.get("label2"):
            L.put(ws, r + 1, left + label_col, row["label2"])
            r += 2
        else:
            r += 1
    return r


def ratio_values(code, year, cols, salt=0, with_pct=True):
    """{offset: value} for a numerator/denominator(/percent) triple at the given column offsets."""
    num, den, pct = figures(code, year, salt)
    out = {cols[0]: num, cols[1]: den}
    if with_pct and len(cols) > 2:
        out[cols[2]] = pct
    return out
