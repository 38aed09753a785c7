"""Every cell of one sheet as computed (data_only): {"A1": value}; dates as serial numbers."""
import datetime
import json
import sys

import openpyxl


def serial(d):
    base = datetime.datetime(1899, 12, 30)
    if isinstance(d, datetime.date) and not isinstance(d, datetime.datetime):
        d = datetime.datetime(d.year, d.month, d.day)
    return (d - base).days


def main(path, sheet):
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet]
    out = {}
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if v is None:
                continue
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = serial(v)
            out[c.coordinate] = v
    print(json.dumps({"cells": out, "sheets": wb.sheetnames}, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main(*sys.argv[1:])
