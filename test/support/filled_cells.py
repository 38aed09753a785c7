"""What the tests' python helpers (test/*/*.py, run with openpyxl) share: walking a sheet's filled
cells and dumping them. Each helper adds this folder to its path; each keeps its own way of writing
a value out."""
import datetime


def filled_cells(ws):
    """Every cell of an openpyxl worksheet that holds a value, row by row, left to right."""
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                yield c


def typed_cells(ws, shown):
    """{"Sheet!A1": [shown(value), openpyxl's data type]} for a sheet's filled cells; dates arrive at shown as ISO text."""
    out = {}
    for c in filled_cells(ws):
        v = c.value
        if isinstance(v, (datetime.datetime, datetime.date)):
            v = v.isoformat()
        out[f"{ws.title}!{c.coordinate}"] = [shown(v), c.data_type]
    return out
