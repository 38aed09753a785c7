"""Sets cells of one sheet, as a user typing in another program would: set_cells.py file sheet '{"F3": ["2026-05-01 09:30", "datetime"]}'."""
import datetime
import json
import sys
import openpyxl


def main(path, sheet, cells):
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for ref, (value, kind) in json.loads(cells).items():
        if kind == "datetime":
            ws[ref] = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M")
            ws[ref].number_format = "yyyy-mm-dd hh:mm"
        elif kind == "date":
            ws[ref] = datetime.datetime.strptime(value, "%Y-%m-%d")
            ws[ref].number_format = "yyyy-mm-dd"
        else:
            ws[ref] = value
    wb.save(path)


if __name__ == "__main__":
    main(*sys.argv[1:])
