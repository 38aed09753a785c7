import type { Texts } from "../i18n/lang";
import { entryKey, listDef } from "../template/lists";
import { demoText } from "./words";

/** A prefecture-level city (or a municipality) with its phone area code. */
export interface City {
  /** The City column's text: the catalogues' `city.<key>`. */
  readonly name: Texts;
  /** How the city appears inside a company name: 深圳 in 深圳华睿电子科技有限公司. */
  readonly short: string;
  readonly areaCode: string;
  readonly weight: number;
}

export interface Province {
  /** Exactly the Lists sheet's province entry in each language. */
  readonly name: Texts;
  readonly weight: number;
  readonly cities: readonly City[];
}

const city = (short: string, key: string, areaCode: string, weight: number): City => ({ name: demoText(`city.${key}`), short, areaCode, weight });

/** A province by its entry key in the Lists sheet's province list, so the demo writes what the dropdown offers. */
function province(key: string, weight: number, cities: readonly City[]): Province {
  const name = listDef("province").entries.find((e) => entryKey(e) === key);
  if (!name) throw new Error(`no province ${key} in the province list`);
  return { name, weight, cities };
}

/**
 * Where a Chinese B2B team sells: the coastal economies first, then the big inland hubs. Weights are
 * rough shares of the team's customers, not statistics. No 台湾/香港/澳门: a mainland team's book
 * rarely has them, and the old demo's many rows there were the first thing that looked fake.
 */
export const REGIONS: readonly Province[] = [
  province("guangdong", 18, [city("深圳", "shenzhen", "0755", 6), city("广州", "guangzhou", "020", 5), city("东莞", "dongguan", "0769", 3), city("佛山", "foshan", "0757", 3), city("珠海", "zhuhai", "0756", 1), city("中山", "zhongshan", "0760", 1)]),
  province("jiangsu", 14, [city("苏州", "suzhou", "0512", 5), city("南京", "nanjing", "025", 4), city("无锡", "wuxi", "0510", 3), city("常州", "changzhou", "0519", 2), city("南通", "nantong", "0513", 1)]),
  province("zhejiang", 13, [city("杭州", "hangzhou", "0571", 5), city("宁波", "ningbo", "0574", 4), city("温州", "wenzhou", "0577", 2), city("嘉兴", "jiaxing", "0573", 1), city("金华", "jinhua", "0579", 1)]),
  province("shanghai", 11, [city("上海", "shanghai", "021", 1)]),
  province("beijing", 8, [city("北京", "beijing", "010", 1)]),
  province("shandong", 7, [city("青岛", "qingdao", "0532", 3), city("济南", "jinan", "0531", 3), city("烟台", "yantai", "0535", 1), city("潍坊", "weifang", "0536", 1)]),
  province("sichuan", 5, [city("成都", "chengdu", "028", 5), city("绵阳", "mianyang", "0816", 1)]),
  province("hubei", 5, [city("武汉", "wuhan", "027", 5), city("宜昌", "yichang", "0717", 1)]),
  province("fujian", 5, [city("厦门", "xiamen", "0592", 3), city("福州", "fuzhou", "0591", 2), city("泉州", "quanzhou", "0595", 2)]),
  province("anhui", 3, [city("合肥", "hefei", "0551", 1)]),
  province("hunan", 3, [city("长沙", "changsha", "0731", 1)]),
  province("henan", 3, [city("郑州", "zhengzhou", "0371", 1)]),
  province("chongqing", 3, [city("重庆", "chongqing", "023", 1)]),
  province("tianjin", 2, [city("天津", "tianjin", "022", 1)]),
  province("shaanxi", 2, [city("西安", "xian", "029", 1)]),
];
