"""Cell values of a sheet (as computed, data_only) for given columns, as JSON rows."""
import json
import sys
import datetime
import openpyxl


def main(path, sheet, cols):
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet]
    out = []
    for row in ws.iter_rows(min_row=2):
        vals = []
        for c in cols.split(","):
            v = row[openpyxl.utils.column_index_from_string(c) - 1].value if openpyxl.utils.column_index_from_string(c) - 1 < len(row) else None
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.isoformat()[:10]
            vals.append(v)
        out.append(vals)
    print(json.dumps(out, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main(*sys.argv[1:])
