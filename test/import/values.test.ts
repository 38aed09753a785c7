import { companySize, emailKey, importAmount, importDate, provinceEntry, readPhones, splitRegion } from "../../src/core/import/values";
import { knownCities, provinceOfCity } from "../../src/core/import/cities";
import { findHeaderRow, mapColumns, MappingError, normalizeHeader, readSourceHeader } from "../../src/core/import/headers";
import { INDUSTRY_VOCAB, LEVEL_VOCAB, METHOD_VOCAB, STAGE_VOCAB, TYPE_VOCAB } from "../../src/core/import/vocab";
import { normalizeRow } from "../../src/core/import/normalizeRow";
import { listDef } from "../../src/core/template/lists";
import { normalizeCompanyName } from "../../src/core/checks/duplicates";
import { day } from "../support/builders";
import { guideRows } from "../../src/core/template/guide";

describe("header synonyms (either language, width-, case- and punctuation-insensitive)", () => {
  it.each([
    ["公司名称", "name"], ["单位名称", "name"], ["企业名称", "name"], ["客户", "name"], ["客户全称", "name"], ["Customer name*", "name"],
    ["联系人姓名", "contact"], ["姓名", "contact"], ["对接人", "contact"],
    ["手机", "phone"], ["手机号", "phone"], ["电话", "phone"], ["联系方式", "phone"], ["Tel", "phone"], ["MOBILE", "phone"], ["联系电话：", "phone"],
    ["行业", "industry"], ["行业类别", "industry"], ["所属行业*", "industry"],
    ["业务员", "owner"], ["销售", "owner"], ["跟进人", "owner"], ["负责人", "owner"], ["销售负责人", "owner"],
    ["来源", "source"], ["渠道", "source"], ["线索来源", "source"],
    ["阶段", "stage"], ["状态", "stage"], ["销售阶段", "stage"], ["跟进阶段", "stage"],
    ["预算", "amount"], ["金额", "amount"], ["预计金额", "amount"], ["预算范围", "amount"], ["预计金额（元）", "amount"],
    ["地区", "region"], ["所在地", "region"],
    ["微信", "wechat"], ["ＷｅＣｈａｔ", "wechat"], ["邮箱", "email"], ["Email", "email"], ["E-mail", "email"],
    ["备注", "notes"], ["说明", "notes"], ["录入日期", "created"], ["创建日期", "created"], ["建档时间", "created"],
  ])("%s → %s", (header, key) => {
    const [use] = mapColumns("customers", [header]);
    expect(use).toEqual({ kind: "ours", key });
  });

  it("keeps a column that maps to nothing as the user's own, under its header", () => {
    expect(mapColumns("customers", ["公司名称", "经营范围"])[1]).toEqual({ kind: "user", header: "经营范围" });
  });

  it("gives a second column for the same key to the user (nothing lost)", () => {
    expect(mapColumns("customers", ["手机", "电话"])).toEqual([{ kind: "ours", key: "phone" }, { kind: "user", header: "电话" }]);
  });

  it("lets --map override a synonym, and rejects unknown names", () => {
    expect(mapColumns("customers", ["公司名称", "简称2"], [{ source: "简称2", target: "简称" }])[1]).toEqual({ kind: "ours", key: "shortName" });
    expect(() => mapColumns("customers", ["公司名称"], [{ source: "不存在", target: "简称" }])).toThrow(MappingError);
    expect(() => mapColumns("customers", ["公司名称"], [{ source: "公司名称", target: "不知道" }])).toThrow(MappingError);
  });

  it("finds the header under title rows, within the first 10 rows", () => {
    const rows = [["2025年客户名单"], [null], ["公司名称", "联系人", "手机"], ["甲公司", "王", "13800138000"]];
    expect(findHeaderRow("customers", rows)).toBe(2);
    const deep = [...Array.from({ length: 10 }, () => ["标题"]), ["公司名称", "联系人"]];
    expect(findHeaderRow("customers", deep)).toBeNull();
    expect(() => readSourceHeader("customers", [["a", "b"], ["1", "2"]])).toThrow(MappingError);
  });

  it("normalises full-width forms, case and punctuation", () => {
    expect(normalizeHeader("Ｅ－ｍａｉｌ：")).toBe(normalizeHeader("email"));
  });
});

describe("value normalisation", () => {
  it.each([
    ["洽谈中", "商务谈判"], ["谈判中", "商务谈判"], ["已签约", "已成交"], ["签约", "已成交"], ["成交", "已成交"], ["初次接触", "初步接触"],
    ["初步沟通", "初步接触"], ["需求调研", "需求确认"], ["需求分析", "需求确认"], ["方案", "方案提交"], ["报价", "方案提交"], ["方案演示", "方案提交"],
    ["丢单", "输单"], ["流失", "已流失"], ["潜在客户", "新线索"], ["线索", "新线索"], ["Negotiation", "商务谈判"], ["商务谈判", "商务谈判"],
  ])("stage %s → %s", (v, label) => expect(STAGE_VOCAB.find(v)?.["zh-CN"]).toBe(label));

  it.each([
    ["C 制造业", "C 制造业"], ["C", "C 制造业"], ["制造业", "C 制造业"], ["Manufacturing", "C 制造业"], ["机械制造", "C 制造业"], ["工厂", "C 制造业"],
    ["餐饮", "H 住宿和餐饮业"], ["酒店", "H 住宿和餐饮业"], ["软件开发", "I 信息传输、软件和信息技术服务业"], ["互联网", "I 信息传输、软件和信息技术服务业"],
    ["信息技术", "I 信息传输、软件和信息技术服务业"], ["零售", "F 批发和零售业"], ["批发", "F 批发和零售业"], ["商超", "F 批发和零售业"], ["贸易", "F 批发和零售业"],
    ["建筑", "E 建筑业"], ["工程", "E 建筑业"], ["物流", "G 交通运输、仓储和邮政业"], ["运输", "G 交通运输、仓储和邮政业"], ["仓储", "G 交通运输、仓储和邮政业"],
    ["金融", "J 金融业"], ["银行", "J 金融业"], ["保险", "J 金融业"], ["教育", "P 教育"], ["培训", "P 教育"], ["医疗", "Q 卫生和社会工作"], ["医院", "Q 卫生和社会工作"],
  ])("industry %s → %s", (v, label) => expect(INDUSTRY_VOCAB.find(v)?.["zh-CN"]).toBe(label));

  it("leaves an industry with two meanings unclear", () => expect(INDUSTRY_VOCAB.find("餐饮软件")).toBeNull());

  it.each([["高", "高"], ["强", "高"], ["中", "中"], ["一般", "中"], ["低", "低"], ["弱", "低"], ["High", "高"]])("level %s → %s", (v, l) => expect(LEVEL_VOCAB.find(v)?.["zh-CN"]).toBe(l));
  it.each([["公司", "企业客户"], ["企业", "企业客户"], ["个人", "个人客户"], ["代理", "渠道商"], ["渠道", "渠道商"]])("customer type %s → %s", (v, l) => expect(TYPE_VOCAB.find(v)?.["zh-CN"]).toBe(l));
  it.each([["电联", "电话"], ["拜访", "上门拜访"], ["视频会议", "线上会议"]])("method %s → %s", (v, l) => expect(METHOD_VOCAB.find(v)?.["zh-CN"]).toBe(l));

  it.each([
    ["500人", "500-999人"], ["100-500人", "100-499人"], ["30", "1-49人"], ["1000人以上", "1000人以上"], ["5000", "1000人以上"], ["50~99人", "50-99人"], ["100-499人", "100-499人"],
  ])("company size %s → %s", (v, l) => expect(companySize(v)?.["zh-CN"]).toBe(l));
  it("company size unclear", () => expect(companySize("很多")).toBeNull());

  it.each([["广东", "广东省"], ["广东省", "广东省"], ["内蒙古", "内蒙古自治区"], ["广西", "广西壮族自治区"], ["北京", "北京市"], ["Guangdong", "广东省"], ["香港", "香港特别行政区"]])(
    "province %s → %s", (v, l) => expect(provinceEntry(v)?.["zh-CN"]).toBe(l));

  it.each([
    ["广东省深圳市", "广东省", "深圳"], ["深圳", "广东省", "深圳"], ["苏州市", "江苏省", "苏州"], ["广东", "广东省", ""], ["北京市", "北京市", "北京"],
    ["浙江杭州", "浙江省", "杭州"], ["延边朝鲜族自治州", "吉林省", "延边朝鲜族自治州"], ["上海市浦东新区", "上海市", "浦东新区"],
  ])("region %s → %s + %s", (v, p, c) => {
    const r = splitRegion(v);
    expect(r?.province?.["zh-CN"]).toBe(p);
    expect(r?.city).toBe(c);
  });
  it("region unknown", () => expect(splitRegion("火星")).toBeNull());

  it("knows every prefecture-level city of every province, each under a province on our list", () => {
    const provinces = new Set(listDef("province").entries.map((e) => e["zh-CN"]));
    const cities = knownCities();
    expect(cities.length).toBeGreaterThan(330);
    for (const [, p] of cities) expect(provinces.has(p)).toBe(true);
    expect(new Set(cities.map(([, p]) => p)).size).toBe(34);
    expect(provinceOfCity("大理白族自治州")).toBe("云南省");
  });

  it.each([
    ["2025-05-01", "2025-05-01"], ["2025/5/1", "2025-05-01"], ["2025.5.1", "2025-05-01"], ["2025年5月1日", "2025-05-01"], ["20250501", "2025-05-01"],
    [45778, "2025-05-01"], ["45778", "2025-05-01"],
  ])("date %s → %s", (v, iso) => expect(importDate(v)).toBe(day(iso)));
  it.each([["下周"], ["2025-13-01"], ["20251301"]])("date %s is unreadable", (v) => expect(importDate(v)).toBeNull());

  it.each([["50万", 500000], ["1.2亿", 120000000], ["￥500,000", 500000], ["500k", 500000], ["500K", 500000], [300000, 300000], ["1.5M", 1500000]])(
    "amount %s → %s", (v, n) => expect(importAmount(v)).toBe(n));
  it.each([["10-20万"], ["面议"], ["-5"]])("amount %s is unreadable", (v) => expect(importAmount(v)).toBeNull());

  it.each([
    ["138 0013 8000", ["13800138000"], []], ["138-0013-8000", ["13800138000"], []], ["+86 13800138000", ["13800138000"], []], ["0086-138-0013-8000", ["13800138000"], []],
    [13800138000, ["13800138000"], []], ["0755-12345678", ["0755-12345678"], []], ["(010)87654321", ["010-87654321"], []],
    ["13800138000 / 0755-12345678", ["13800138000", "0755-12345678"], []], ["13800138000,13900139000", ["13800138000", "13900139000"], []],
    ["13800138000 13900139000", ["13800138000", "13900139000"], []], ["找前台", [], ["找前台"]],
  ])("phone %s", (v, numbers, unclear) => expect(readPhones(v)).toEqual({ numbers, unclear }));

  it("e-mail lower-cased, a non-address unclear", () => {
    expect(emailKey(" Wang@Example.COM ")).toBe("wang@example.com");
    expect(emailKey("wang at example")).toBeNull();
  });

  it.each([
    ["上海明远精密机械有限公司", "上海明远精密机械"], ["上海明远精密机械（中国）有限公司", "上海明远精密机械"], ["上海 明远精密机械股份有限公司", "上海明远精密机械"],
    ["【上海明远精密机械】集团", "上海明远精密机械"], ["明远集团有限公司", "明远"], ["ＡＢＣ有限责任公司", "abc"], ["公司", "公司"],
  ])("company name %s → %s", (v, k) => expect(normalizeCompanyName(v)).toBe(k));
});

describe("normalizeRow", () => {
  const uses = mapColumns("customers", ["公司名称", "行业", "手机", "地区", "阶段", "备注", "经营范围"]);
  const headers = ["公司名称", "行业", "手机", "地区", "阶段", "备注", "经营范围"];

  it("writes labels in the workbook's language, the team's industry words to Sub-industry, extra phones to Notes", () => {
    const n = normalizeRow(["甲有限公司", "机械制造", "13800138000 / 13900139000", "广东省深圳市", "Negotiation", "老客户", 42], uses, headers, "en-US");
    expect(Object.fromEntries(n.values)).toEqual({
      name: { kind: "text", text: "甲有限公司" }, industry: { kind: "text", text: "C Manufacturing" }, subIndustry: { kind: "text", text: "机械制造" },
      phone: { kind: "text", text: "13800138000" }, province: { kind: "text", text: "Guangdong" }, city: { kind: "text", text: "深圳" },
      stage: { kind: "text", text: "Negotiation" }, notes: { kind: "text", text: "老客户; Other phones: 13900139000" }, "user:经营范围": { kind: "number", value: 42 },
    });
    expect(n.unclear).toEqual([]);
  });

  it("keeps an unclear value verbatim, as text, and lists it", () => {
    const n = normalizeRow(["=HYPERLINK(\"x\")", "说不清", "找前台", "火星", "考虑中", null, null], uses, headers, "zh-CN");
    expect(n.values.get("name")).toEqual({ kind: "text", text: "=HYPERLINK(\"x\")" });
    expect(n.values.get("industry")).toEqual({ kind: "text", text: "说不清" });
    expect(n.values.get("phone")).toEqual({ kind: "text", text: "找前台" });
    expect(n.values.get("city")).toEqual({ kind: "text", text: "火星" });
    expect(n.unclear.map((u) => u.column)).toEqual(["行业", "手机", "阶段", "地区"]);
  });
});

describe("phones with a country code and several numbers", () => {
  it.each([
    ["+86 139-0013-9000 / 0755-12345678", ["13900139000", "0755-12345678"], []],
    ["138 0013 8000 139 0013 9000", ["13800138000", "13900139000"], []],
    ["0755 1234 5678", ["0755-12345678"], []],
    ["13800138000 转前台", ["13800138000"], ["转前台"]],
  ])("%s", (v, numbers, unclear) => expect(readPhones(v)).toEqual({ numbers, unclear }));
});

describe("the Guide says how to import", () => {
  it.each([["zh-CN", /导入报告/], ["en-US", /Import report/]] as const)("%s", (lang, words) => {
    const rows = guideRows(lang);
    const i = rows.findIndex((r) => r.kind === "text" && words.test(r.text));
    expect(i).toBeGreaterThan(0);
    expect(rows[i]).toEqual({ kind: "text", text: expect.stringContaining("crm-sheets import") });
  });
});
