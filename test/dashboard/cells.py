"""Every cell of one sheet as computed (data_only): {"A1": value}; dates as serial numbers."""
import datetime
import json
import os
import sys

import openpyxl

# The shared helper beside the tests; no __pycache__ left in the tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from filled_cells import filled_cells  # noqa: E402  (a shared helper beside the tests, not a package)


def serial(d):
    base = datetime.datetime(1899, 12, 30)
    if isinstance(d, datetime.date) and not isinstance(d, datetime.datetime):
        d = datetime.datetime(d.year, d.month, d.day)
    return (d - base).days


def main(path, sheet):
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet]
    out = {}
    for c in filled_cells(ws):
        v = c.value
        if isinstance(v, (datetime.datetime, datetime.date)):
            v = serial(v)
        out[c.coordinate] = v
    print(json.dumps({"cells": out, "sheets": wb.sheetnames}, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main(*sys.argv[1:])
