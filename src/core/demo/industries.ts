import type { Texts } from "../i18n/lang";
import { demoList, demoText, pairedList } from "./words";

/** A line of business inside an industry: the word in a company's name and its sub-industry. */
export interface Trade {
  /** 精密机械 in 苏州恒通精密机械有限公司. */
  readonly word: string;
  readonly sub: Texts;
}

/**
 * One industry as the demo team meets it. The team sells business software with implementation
 * (the product each industry buys is `product`), so needs, summaries and competitors follow from it.
 */
export interface IndustryProfile {
  readonly key: string;
  /** Index into the Lists sheet's industry list (GB/T 4754-2017 sections, A = 0). */
  readonly section: number;
  readonly weight: number;
  readonly trades: readonly Trade[];
  readonly product: Texts;
  readonly needs: readonly Texts[];
  /** Weights of the five company sizes, smallest first. */
  readonly sizes: readonly [number, number, number, number, number];
  readonly competitors: readonly Texts[];
  /** The trade show where the team meets this industry. */
  readonly show: Texts;
}

/**
 * An industry's structure; its words are the catalogues' `industry.<key>.…` texts. `words` are the
 * trade words of Chinese company names (data, the same in every language), each paired with the
 * sub-industry `industry.<key>.trade.<n>` in order; `competitors` are `competitor.<name>` keys.
 */
interface Shape {
  readonly key: string;
  readonly section: number;
  readonly weight: number;
  readonly sizes: IndustryProfile["sizes"];
  readonly words: readonly string[];
  readonly competitors: readonly string[];
}

const SHAPES: readonly Shape[] = [
  { key: "manufacturing", section: 2, weight: 30, sizes: [1, 3, 6, 3, 1], words: ["精密机械", "电子科技", "汽车零部件", "智能装备", "塑胶制品", "包装", "食品", "五金制品"], competitors: ["digiwin", "yonyou", "kingdee", "local"] },
  { key: "trade", section: 5, weight: 12, sizes: [2, 4, 4, 1, 1], words: ["商贸", "医药连锁", "商业连锁", "供应链管理"], competitors: ["guanjiapo", "kingdee", "youzan"] },
  { key: "catering", section: 7, weight: 10, sizes: [1, 3, 5, 2, 1], words: ["餐饮管理", "餐饮管理", "酒店管理"], competitors: ["keruyun", "meituanPos", "hualala"] },
  { key: "software", section: 8, weight: 9, sizes: [2, 4, 4, 1, 1], words: ["软件技术", "信息技术", "网络科技"], competitors: ["xiaoshouyi", "fxiaoke", "inHouse"] },
  { key: "logistics", section: 6, weight: 9, sizes: [1, 3, 5, 2, 1], words: ["物流", "供应链管理", "冷链物流"], competitors: ["flux", "vtradex", "local"] },
  { key: "construction", section: 4, weight: 7, sizes: [1, 3, 5, 2, 1], words: ["建设工程", "装饰工程", "机电安装"], competitors: ["glodon", "yonyou", "local"] },
  { key: "health", section: 16, weight: 5, sizes: [2, 4, 3, 1, 0], words: ["口腔门诊", "健康管理"], competitors: ["linkedcare", "local"] },
  { key: "education", section: 15, weight: 6, sizes: [3, 4, 3, 1, 0], words: ["教育科技", "教育咨询"], competitors: ["xiaobao", "local"] },
  { key: "testing", section: 12, weight: 5, sizes: [2, 4, 3, 1, 0], words: ["检测技术", "工程设计"], competitors: ["sunwayWorld", "local"] },
  { key: "property", section: 10, weight: 4, sizes: [1, 2, 4, 2, 1], words: ["物业服务"], competitors: ["mysoft", "local"] },
  { key: "services", section: 11, weight: 3, sizes: [2, 4, 3, 1, 0], words: ["人力资源", "企业管理咨询"], competitors: ["kingdee", "local"] },
];

function profile(s: Shape): IndustryProfile {
  const words = (part: string) => `industry.${s.key}.${part}`;
  return {
    key: s.key, section: s.section, weight: s.weight, sizes: s.sizes,
    trades: pairedList(words("trade"), s.words).map(([word, sub]) => ({ word, sub })),
    product: demoText(words("product")),
    needs: demoList(words("need")),
    competitors: s.competitors.map((c) => demoText(`competitor.${c}`)),
    show: demoText(words("show")),
  };
}

export const INDUSTRIES: readonly IndustryProfile[] = SHAPES.map(profile);
