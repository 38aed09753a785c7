import type { Texts } from "../i18n/lang";

/** A prefecture-level city (or a municipality) with its phone area code and English name. */
export interface City {
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

const t = (zh: string, en: string): Texts => ({ "zh-CN": zh, "en-US": en });
const city = (short: string, en: string, areaCode: string, weight: number, zhName = `${short}市`): City =>
  ({ name: t(zhName, en), short, areaCode, weight });

/**
 * Where a Chinese B2B team sells: the coastal economies first, then the big inland hubs. Weights are
 * rough shares of the team's customers, not statistics. No 台湾/香港/澳门: a mainland team's book
 * rarely has them, and the old demo's many rows there were the first thing that looked fake.
 */
export const REGIONS: readonly Province[] = [
  { name: t("广东省", "Guangdong"), weight: 18, cities: [city("深圳", "Shenzhen", "0755", 6), city("广州", "Guangzhou", "020", 5), city("东莞", "Dongguan", "0769", 3), city("佛山", "Foshan", "0757", 3), city("珠海", "Zhuhai", "0756", 1), city("中山", "Zhongshan", "0760", 1)] },
  { name: t("江苏省", "Jiangsu"), weight: 14, cities: [city("苏州", "Suzhou", "0512", 5), city("南京", "Nanjing", "025", 4), city("无锡", "Wuxi", "0510", 3), city("常州", "Changzhou", "0519", 2), city("南通", "Nantong", "0513", 1)] },
  { name: t("浙江省", "Zhejiang"), weight: 13, cities: [city("杭州", "Hangzhou", "0571", 5), city("宁波", "Ningbo", "0574", 4), city("温州", "Wenzhou", "0577", 2), city("嘉兴", "Jiaxing", "0573", 1), city("金华", "Jinhua", "0579", 1)] },
  { name: t("上海市", "Shanghai"), weight: 11, cities: [city("上海", "Shanghai", "021", 1)] },
  { name: t("北京市", "Beijing"), weight: 8, cities: [city("北京", "Beijing", "010", 1)] },
  { name: t("山东省", "Shandong"), weight: 7, cities: [city("青岛", "Qingdao", "0532", 3), city("济南", "Jinan", "0531", 3), city("烟台", "Yantai", "0535", 1), city("潍坊", "Weifang", "0536", 1)] },
  { name: t("四川省", "Sichuan"), weight: 5, cities: [city("成都", "Chengdu", "028", 5), city("绵阳", "Mianyang", "0816", 1)] },
  { name: t("湖北省", "Hubei"), weight: 5, cities: [city("武汉", "Wuhan", "027", 5), city("宜昌", "Yichang", "0717", 1)] },
  { name: t("福建省", "Fujian"), weight: 5, cities: [city("厦门", "Xiamen", "0592", 3), city("福州", "Fuzhou", "0591", 2), city("泉州", "Quanzhou", "0595", 2)] },
  { name: t("安徽省", "Anhui"), weight: 3, cities: [city("合肥", "Hefei", "0551", 1)] },
  { name: t("湖南省", "Hunan"), weight: 3, cities: [city("长沙", "Changsha", "0731", 1)] },
  { name: t("河南省", "Henan"), weight: 3, cities: [city("郑州", "Zhengzhou", "0371", 1)] },
  { name: t("重庆市", "Chongqing"), weight: 3, cities: [city("重庆", "Chongqing", "023", 1)] },
  { name: t("天津市", "Tianjin"), weight: 2, cities: [city("天津", "Tianjin", "022", 1)] },
  { name: t("陕西省", "Shaanxi"), weight: 2, cities: [city("西安", "Xi'an", "029", 1)] },
];
