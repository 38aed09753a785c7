"""Reads an .xlsx with openpyxl (an independent reader) and prints what it holds as JSON."""
import json
import sys
import datetime
import openpyxl


def cell_json(c):
    v = c.value
    if isinstance(v, (datetime.datetime, datetime.date)):
        v = v.isoformat()
    return {"v": v, "t": c.data_type, "nf": c.number_format}


def main(path, *cells):
    wb = openpyxl.load_workbook(path, data_only=False)
    out = {"sheets": [], "names": {}, "cells": {}}
    dns = wb.defined_names
    # openpyxl 3.0 (Debian 12) keeps a list; 3.1 a mapping.
    pairs = dns.items() if hasattr(dns, "items") else [(d.name, d) for d in dns.definedName]
    for name, dn in pairs:
        out["names"][name] = dn.attr_text
    for ws in wb.worksheets:
        s = {
            "name": ws.title,
            "state": ws.sheet_state,
            "freeze": ws.freeze_panes,
            "tables": {t.name: {"ref": t.ref, "columns": [c.name for c in t.tableColumns], "calculated": [c.calculatedColumnFormula.attr_text if c.calculatedColumnFormula is not None else None for c in t.tableColumns]} for t in ws.tables.values()},
            "validations": [
                {
                    "sqref": str(dv.sqref), "type": dv.type, "formula1": dv.formula1, "formula2": dv.formula2,
                    "promptTitle": dv.promptTitle, "prompt": dv.prompt, "errorTitle": dv.errorTitle, "error": dv.error,
                    "errorStyle": dv.errorStyle, "showInputMessage": dv.showInputMessage,
                }
                for dv in ws.data_validations.dataValidation
            ],
            "conditional": [
                {"sqref": str(rng.sqref), "formula": [r.formula for r in rules], "type": [r.type for r in rules]}
                for rng, rules in ws.conditional_formatting._cf_rules.items()
            ],
            "max_row": ws.max_row,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        }
        out["sheets"].append(s)
    for ref in cells:
        sheet, addr = ref.rsplit("!", 1)
        out["cells"][ref] = cell_json(wb[sheet][addr])
    print(json.dumps(out, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main(*sys.argv[1:])
