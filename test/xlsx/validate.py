"""Checks an .xlsx the way Excel does before it offers to "repair" it.

Usage: validate.py SCHEMA_DIR FILE [PART ...]   (no parts: every XML part with a schema)
Prints JSON: {"errors": ["part: message", ...], "parts": n}.

1. Markup compatibility first (ECMA-376 Part 3): attributes and elements in a namespace listed in
   mc:Ignorable are dropped, mc:AlternateContent becomes its mc:Fallback; xml:space on <t> (written
   by Excel, absent from the schema) is dropped. Then each part is validated against the
   transitional schemas with xmllint, all parts of one schema in one call.
2. What the schema cannot say: rows and cells ascending and unique, a cell's r in its own row,
   shared-formula followers with a master covering them, table header cells equal to their
   tableColumn names, styles counts equal to their children, style/font/fill/border/dxf indexes
   in range, well-formedness (duplicate attributes included).
"""
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

SML_PART = re.compile(r"^xl/(workbook|styles|sharedStrings|calcChain)\.xml$|^xl/(worksheets|tables)/[^/]+\.xml$|^xl/comments[^/]*\.xml$")


def schema_for(part):
    if SML_PART.match(part):
        return "sml.xsd"
    if part == "[Content_Types].xml":
        return "opc-contentTypes.xsd"
    if part.endswith(".rels"):
        return "opc-relationships.xsd"
    return None


def q(ns, local):
    return "{%s}%s" % (ns, local)


def parse(data):
    """The tree and every prefix → namespace declared in the part."""
    prefixes = {}
    events = ET.iterparse(io.BytesIO(data), events=("start-ns",))
    for _ev, (prefix, uri) in events:
        prefixes.setdefault(prefix, uri)
    return events.root, prefixes


def compat(el, prefixes, ignorable=frozenset()):
    """Applies markup compatibility below and at `el` (in place); returns the replacement list for el."""
    own = el.get(q(MC, "Ignorable"))
    if own:
        ignorable = ignorable | {prefixes.get(p, p) for p in own.split()}
    for k in list(el.attrib):
        ns = k[1:].split("}")[0] if k.startswith("{") else None
        if ns == MC or ns in ignorable:
            del el.attrib[k]
    if el.tag == q(MC, "AlternateContent"):
        fallback = el.find(q(MC, "Fallback"))
        out = []
        for c in list(fallback) if fallback is not None else []:
            out.extend(compat(c, prefixes, ignorable))
        return out
    ns = el.tag[1:].split("}")[0] if el.tag.startswith("{") else None
    if ns in ignorable:
        return []
    if el.tag == q(MAIN, "t"):
        el.attrib.pop(q(XML_NS, "space"), None)
    children = list(el)
    for c in children:
        el.remove(c)
    for c in children:
        for r in compat(c, prefixes, ignorable):
            el.append(r)
    return [el]


def col_of(ref):
    m = re.match(r"^\$?([A-Z]{1,3})\$?(\d+)$", ref or "")
    if not m:
        return None
    n = 0
    for ch in m.group(1):
        n = n * 26 + ord(ch) - 64
    return n, int(m.group(2))


def rng(ref):
    a, _, b = ref.partition(":")
    p, qq = col_of(a), col_of(b or a)
    if not p or not qq:
        return None
    return p[0], p[1], qq[0], qq[1]


class Rules:
    def __init__(self, z, names, errors):
        self.z = z
        self.names = names
        self.errors = errors
        self.cell_xfs = self.dxfs = None
        self.shared = None

    def err(self, part, msg):
        self.errors.append("%s: %s" % (part, msg))

    def tree(self, part):
        root, _ = parse(self.z.read(part))
        return root

    def styles(self):
        part = "xl/styles.xml"
        if part not in self.names:
            return
        root = self.tree(part)
        counts = {}
        for group, item in [("numFmts", "numFmt"), ("fonts", "font"), ("fills", "fill"), ("borders", "border"), ("cellStyleXfs", "xf"), ("cellXfs", "xf"), ("cellStyles", "cellStyle"), ("dxfs", "dxf")]:
            g = root.find(q(MAIN, group))
            if g is None:
                counts[group] = 0
                continue
            n = len(g.findall(q(MAIN, item)))
            counts[group] = n
            if g.get("count") is not None and int(g.get("count")) != n:
                self.err(part, "%s count=%s but %d children" % (group, g.get("count"), n))
        fmts = {int(f.get("numFmtId")) for f in root.iter(q(MAIN, "numFmt"))}
        for group in ["cellStyleXfs", "cellXfs"]:
            g = root.find(q(MAIN, group))
            for i, xf in enumerate(g.findall(q(MAIN, "xf")) if g is not None else []):
                for attr, target in [("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders")]:
                    v = xf.get(attr)
                    if v is not None and int(v) >= counts[target]:
                        self.err(part, "%s xf %d: %s=%s out of range (%d)" % (group, i, attr, v, counts[target]))
                nf = int(xf.get("numFmtId", "0"))
                if nf >= 164 and nf not in fmts:
                    self.err(part, "%s xf %d: numFmtId %d is not defined" % (group, i, nf))
                if group == "cellXfs" and xf.get("xfId") is not None and int(xf.get("xfId")) >= counts["cellStyleXfs"]:
                    self.err(part, "cellXfs xf %d: xfId out of range" % i)
        self.cell_xfs = counts["cellXfs"]
        self.dxfs = counts["dxfs"]

    def shared_strings(self):
        if self.shared is None:
            self.shared = []
            for part in self.names:
                if part.endswith("sharedStrings.xml"):
                    for si in self.tree(part).findall(q(MAIN, "si")):
                        self.shared.append(text_of(si))
        return self.shared

    def sheet(self, part):
        root = self.tree(part)
        values = {}
        last_row = 0
        masters = {}
        data = root.find(q(MAIN, "sheetData"))
        for row in data.findall(q(MAIN, "row")) if data is not None else []:
            r = row.get("r")
            n = int(r) if r is not None else last_row + 1
            if n <= last_row:
                self.err(part, "row %d after row %d (rows must ascend, each once)" % (n, last_row))
            last_row = n
            last_col = 0
            for c in row.findall(q(MAIN, "c")):
                ref = c.get("r")
                if ref is None:
                    col = last_col + 1
                else:
                    p = col_of(ref)
                    if not p:
                        self.err(part, "cell reference %r unreadable" % ref)
                        continue
                    col, crow = p
                    if crow != n:
                        self.err(part, "cell %s sits in row %d" % (ref, n))
                if col <= last_col:
                    self.err(part, "row %d: cell column %d after %d (cells must ascend, each once)" % (n, col, last_col))
                last_col = col
                s = c.get("s")
                if s is not None and self.cell_xfs is not None and int(s) >= self.cell_xfs:
                    self.err(part, "cell r%dc%d: style %s out of range (%d cellXfs)" % (n, col, s, self.cell_xfs))
                f = c.find(q(MAIN, "f"))
                if f is not None and f.get("t") == "shared":
                    si = f.get("si")
                    if f.get("ref") is not None and (f.text or "") != "":
                        masters[si] = rng(f.get("ref"))
                    else:
                        m = masters.get(si)
                        if m is None:
                            self.err(part, "cell r%dc%d: shared formula %s has no master before it" % (n, col, si))
                        elif not (m[0] <= col <= m[2] and m[1] <= n <= m[3]):
                            self.err(part, "cell r%dc%d: outside its shared formula master's ref" % (n, col))
                t = c.get("t")
                v = c.find(q(MAIN, "v"))
                if t == "s" and v is not None:
                    ss = self.shared_strings()
                    i = int(v.text)
                    values[(n, col)] = ss[i] if i < len(ss) else None
                elif t == "inlineStr":
                    is_ = c.find(q(MAIN, "is"))
                    values[(n, col)] = text_of(is_) if is_ is not None else ""
                elif v is not None:
                    values[(n, col)] = v.text
        for cf in root.iter(q(MAIN, "cfRule")):
            d = cf.get("dxfId")
            if d is not None and self.dxfs is not None and int(d) >= self.dxfs:
                self.err(part, "cfRule dxfId %s out of range (%d dxfs)" % (d, self.dxfs))
        return values

    def tables(self, sheet_part, values):
        rels = "%s/_rels/%s.rels" % tuple(sheet_part.rsplit("/", 1))
        if rels not in self.names:
            return
        base = sheet_part.rsplit("/", 1)[0]
        for rel in self.tree(rels).findall(q(PKG_REL, "Relationship")):
            if not rel.get("Type", "").endswith("/table"):
                continue
            t_ = rel.get("Target")
            target = t_[1:] if t_.startswith("/") else os.path.normpath(os.path.join(base, t_)).replace("\\", "/")
            if target not in self.names:
                self.err(rels, "table %s is missing" % target)
                continue
            t = self.tree(target)
            r = rng(t.get("ref"))
            cols = [c.get("name") for c in t.iter(q(MAIN, "tableColumn"))]
            if not r:
                self.err(target, "unreadable ref")
                continue
            if len(cols) != r[2] - r[0] + 1:
                self.err(target, "%d tableColumns for a ref %d columns wide" % (len(cols), r[2] - r[0] + 1))
            if t.get("headerRowCount", "1") != "0":
                for i, name in enumerate(cols):
                    cell = values.get((r[1], r[0] + i))
                    if cell != name:
                        self.err(target, "header cell %d is %r, tableColumn says %r" % (i + 1, cell, name))
            af = t.find(q(MAIN, "autoFilter"))
            if af is not None and af.get("ref") != t.get("ref") and t.get("totalsRowCount") in (None, "0"):
                self.err(target, "autoFilter ref %s differs from table ref %s" % (af.get("ref"), t.get("ref")))


def text_of(el):
    """Plain or rich text of an <si> or <is>; phonetic runs (rPh) left out."""
    out = []
    for c in el:
        if c.tag == q(MAIN, "t"):
            out.append(c.text or "")
        elif c.tag == q(MAIN, "r"):
            t = c.find(q(MAIN, "t"))
            out.append((t.text or "") if t is not None else "")
    return "".join(out)


def main():
    schema_dir, file = sys.argv[1], sys.argv[2]
    only = set(sys.argv[3:])
    errors = []
    z = zipfile.ZipFile(file)
    bad = z.testzip()
    if bad:
        errors.append("%s: CRC mismatch" % bad)
    names = [n for n in z.namelist() if not n.endswith("/")]
    parts = [n for n in names if (not only or n in only) and (n.endswith(".xml") or n.endswith(".rels"))]
    batches = {}
    tmp = tempfile.mkdtemp(prefix="xsd-")
    for i, part in enumerate(parts):
        try:
            root, prefixes = parse(z.read(part))
        except ET.ParseError as e:
            errors.append("%s: not well-formed XML (%s)" % (part, e))
            continue
        schema = schema_for(part)
        if not schema:
            continue
        clean = compat(root, prefixes)
        if len(clean) != 1:
            errors.append("%s: markup compatibility removed the root element" % part)
            continue
        path = os.path.join(tmp, "%04d.xml" % i)
        ET.ElementTree(clean[0]).write(path, encoding="utf-8", xml_declaration=True)
        batches.setdefault(schema, []).append((path, part))
    for schema, files in batches.items():
        by_path = dict(files)
        r = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(schema_dir, schema)] + [p for p, _ in files], capture_output=True, text=True)
        for line in r.stderr.splitlines():
            if line.endswith(" validates") or not line.strip():
                continue
            # ISO/IEC 29500 added t="d" (an ISO 8601 date cell) after the edition these schemas come from; Excel reads and writes it.
            if "attribute 't': [facet 'enumeration'] The value 'd' is not an element" in line:
                continue
            m = re.match(r"^(.*?\.xml):(\d+): (.*)$", line)
            if m and m.group(1) in by_path:
                errors.append("%s: %s" % (by_path[m.group(1)], m.group(3)))
            elif "fails to validate" not in line:
                errors.append("%s: %s" % (schema, line))
    rules = Rules(z, set(names), errors)
    try:
        rules.styles()
        for part in names:
            if re.match(r"^xl/worksheets/[^/]+\.xml$", part) and (not only or part in only or any(o.startswith("xl/tables/") for o in only)):
                values = rules.sheet(part)
                rules.tables(part, values)
    except ET.ParseError as e:
        errors.append("not well-formed XML (%s)" % e)
    print(json.dumps({"errors": errors, "parts": len(parts)}, ensure_ascii=False))


main()
