import iconv from "iconv-lite";
import { decodeCsvBytes, parseCsvText, readCsv, CsvError } from "../../src/core/import/csv";

const TEXT = "公司名称,联系人,手机\n上海明远精密机械有限公司,王经理,13800138000\n";
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("CSV decoding (what Chinese Excel and WPS write)", () => {
  it.each([
    ["UTF-8 without BOM", utf8(TEXT), "utf-8"],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]), "utf-8"],
    ["UTF-16LE with BOM", new Uint8Array([0xff, 0xfe, ...iconv.encode(TEXT, "utf-16le")]), "utf-16le"],
    ["UTF-16BE with BOM", new Uint8Array([0xfe, 0xff, ...iconv.encode(TEXT, "utf-16be")]), "utf-16be"],
    ["GBK", new Uint8Array(iconv.encode(TEXT, "gbk")), "gb18030"],
    ["GB18030", new Uint8Array(iconv.encode(`${TEXT}𠀀,䶮,€\n`, "gb18030")), "gb18030"],
  ])("%s", (_name, bytes, encoding) => {
    const d = decodeCsvBytes(bytes as Uint8Array);
    expect(d.encoding).toBe(encoding);
    expect(d.text.startsWith(TEXT)).toBe(true);
  });

  it("reads GB18030's four-byte characters", () => {
    expect(decodeCsvBytes(new Uint8Array(iconv.encode("𠀀䶮", "gb18030"))).text).toBe("𠀀䶮");
  });
});

describe("CSV parsing (RFC 4180, sniffed delimiter)", () => {
  it.each([
    [",", "a,b,c\n1,2,3"], [";", "a;b;c\n1;2;3"], ["\t", "a\tb\tc\n1\t2\t3"], ["|", "a|b|c\n1|2|3"],
  ])("delimiter %j", (delimiter, text) => {
    const r = parseCsvText(text);
    expect(r.delimiter).toBe(delimiter);
    expect(r.rows).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
  });

  it("quoted fields with delimiters, doubled quotes, CRLF and newlines inside quotes", () => {
    const r = parseCsvText('名称,备注\r\n"甲,乙公司","他说""好""\r\n第二行"\r\n丙,\r\n');
    expect(r.rows).toEqual([["名称", "备注"], ["甲,乙公司", '他说"好"\r\n第二行'], ["丙", null]]);
  });

  it("keeps every value as text, formula-looking ones too", () => {
    expect(parseCsvText("a,b\n=SUM(A1),0013800\n").rows[1]).toEqual(["=SUM(A1)", "0013800"]);
  });

  it("refuses unbalanced quotes", () => {
    expect(() => parseCsvText('a,b\n"x,1\n')).toThrow(CsvError);
  });

  it("bytes to rows in one step", () => {
    expect(readCsv(new Uint8Array(iconv.encode("公司名称;手机\n甲;138\n", "gbk")))).toEqual({ rows: [["公司名称", "手机"], ["甲", "138"]], delimiter: ";", encoding: "gb18030" });
  });
});
