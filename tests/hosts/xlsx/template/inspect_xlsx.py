"""Reads a workbook with openpyxl and prints what a third-party reader sees, as JSON (used by the jest tests).

usage: inspect_xlsx.py FILE.xlsx CELL [CELL ...]
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl


def custom_properties(path):
    # openpyxl < 3.1 has no custom_doc_props: read the part directly
    ns = {"cp": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"}
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("docProps/custom.xml"))
    out = {}
    for prop in root.findall("cp:property", ns):
        child = list(prop)[0]
        out[prop.get("name")] = {"type": child.tag.split("}")[1], "value": child.text}
    return out


def main():
    path, cells = sys.argv[1], sys.argv[2:]
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    ws, wsv = wb.worksheets[0], values.worksheets[0]
    report = {
        "openpyxl": openpyxl.__version__,
        "sheets": wb.sheetnames,
        "protection": {
            "sheet": bool(ws.protection.sheet),
            "formatCells": bool(ws.protection.formatCells),
            "formatColumns": bool(ws.protection.formatColumns),
            "formatRows": bool(ws.protection.formatRows),
            "password": ws.protection.password,
        },
        "cells": {
            ref: {"value": ws[ref].value, "cached": wsv[ref].value, "locked": bool(ws[ref].protection.locked), "format": ws[ref].number_format}
            for ref in cells
        },
        "validations": [
            {
                "type": dv.type,
                "operator": dv.operator,
                "sqref": str(dv.sqref),
                "formula1": dv.formula1,
                "formula2": dv.formula2,
                "prompt": dv.prompt,
                "error": dv.error,
            }
            for dv in ws.data_validations.dataValidation
        ],
        "conditionalFormats": [
            {"sqref": str(rng.sqref), "formulas": [f for rule in rng.rules for f in rule.formula]}
            for rng in ws.conditional_formatting
        ],
        "printTitleRows": ws.print_title_rows,
        "orientation": ws.page_setup.orientation,
        "paperSize": ws.page_setup.paperSize,
        "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "fitToWidth": ws.page_setup.fitToWidth,
        "fitToHeight": ws.page_setup.fitToHeight,
        "freezePanes": ws.freeze_panes,
        "hiddenColumns": sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "customProperties": custom_properties(path),
    }
    json.dump(report, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
