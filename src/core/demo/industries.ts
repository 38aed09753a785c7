import type { Texts } from "../i18n/lang";

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

const t = (zh: string, en: string): Texts => ({ "zh-CN": zh, "en-US": en });
const trade = (word: string, zh: string, en: string): Trade => ({ word, sub: t(zh, en) });

const YONYOU = t("用友", "Yonyou");
const KINGDEE = t("金蝶", "Kingdee");
const LOCAL = t("本地软件公司", "A local software firm");
const IN_HOUSE = t("客户自研", "In-house build");

export const INDUSTRIES: readonly IndustryProfile[] = [
  {
    key: "manufacturing", section: 2, weight: 30,
    trades: [
      trade("精密机械", "通用设备制造", "General equipment"), trade("电子科技", "电子元器件制造", "Electronic components"),
      trade("汽车零部件", "汽车零部件及配件制造", "Auto parts"), trade("智能装备", "专用设备制造", "Special-purpose machinery"),
      trade("塑胶制品", "橡胶和塑料制品", "Rubber and plastic products"), trade("包装", "包装装潢印刷", "Packaging and printing"),
      trade("食品", "食品制造-烘焙食品", "Food manufacturing - bakery"), trade("五金制品", "金属制品", "Metal products"),
    ],
    product: t("MES生产管理系统", "MES production system"),
    needs: [
      t("生产报工靠纸质单据,希望车间扫码报工,3个月内上线", "Shop-floor reporting is on paper; wants barcode reporting live within 3 months"),
      t("客户投诉后无法追溯批次,需要质量追溯到原料批次", "Cannot trace a batch after a complaint; needs traceability back to raw-material lots"),
      t("设备停机原因不清,计划做设备联网和OEE统计", "Machine downtime is unexplained; plans machine connectivity and OEE figures"),
      t("仓库账实不符,需要条码出入库并对接金蝶财务", "Stock records do not match the warehouse; needs barcode stock moves linked to accounting"),
    ],
    sizes: [1, 3, 6, 3, 1], competitors: [t("鼎捷软件", "Digiwin"), YONYOU, KINGDEE, LOCAL],
    show: t("中国国际工业博览会", "China International Industry Fair"),
  },
  {
    key: "trade", section: 5, weight: 12,
    trades: [
      trade("商贸", "五金建材批发", "Hardware and building-materials wholesale"), trade("医药连锁", "医药零售-连锁药房", "Pharmacy chain"),
      trade("商业连锁", "零售-连锁便利店", "Convenience-store chain"), trade("供应链管理", "食品饮料批发", "Food and drink wholesale"),
    ],
    product: t("进销存与会员系统", "inventory and membership system"),
    needs: [
      t("各门店库存不通,希望统一进销存和会员积分", "Each store keeps its own stock; wants one inventory and loyalty system"),
      t("经销商订货靠微信和电话,需要在线订货平台", "Dealers order by WeChat and phone; needs an online ordering portal"),
      t("月底对账要3天,希望自动生成应收应付", "Month-end reconciliation takes 3 days; wants receivables and payables generated"),
    ],
    sizes: [2, 4, 4, 1, 1], competitors: [t("管家婆", "Guanjiapo"), KINGDEE, t("有赞", "Youzan")],
    show: t("中国零售业博览会", "China Retail Expo"),
  },
  {
    key: "catering", section: 7, weight: 10,
    trades: [
      trade("餐饮管理", "餐饮-连锁快餐", "Restaurants - fast-food chain"), trade("餐饮管理", "餐饮-火锅连锁", "Restaurants - hotpot chain"),
      trade("酒店管理", "住宿-连锁酒店", "Hotels - hotel chain"),
    ],
    product: t("门店收银与外卖管理系统", "POS and delivery management system"),
    needs: [
      t("外卖订单高峰期出错多,希望提升外卖出单效率,预算20-30万", "Delivery orders go wrong at peak hours; wants faster order handling, budget 200-300k"),
      t("计划新开15家门店,需要总部统一管理菜品和价格", "Opening 15 more stores; head office must manage dishes and prices centrally"),
      t("中央厨房配送靠表格,希望按门店要货自动排产", "Central-kitchen deliveries run on spreadsheets; wants production planned from store orders"),
    ],
    sizes: [1, 3, 5, 2, 1], competitors: [t("客如云", "Keruyun"), t("美团收银", "Meituan POS"), t("哗啦啦", "Hualala")],
    show: t("广州国际酒店餐饮博览会", "Guangzhou Hotel & Catering Expo"),
  },
  {
    key: "software", section: 8, weight: 9,
    trades: [
      trade("软件技术", "软件开发", "Software development"), trade("信息技术", "信息系统集成", "IT systems integration"),
      trade("网络科技", "互联网平台服务", "Internet platform services"),
    ],
    product: t("CRM与项目管理系统", "CRM and project management system"),
    needs: [
      t("替换现有CRM系统,要求支持项目工时统计,预算确认中", "Replacing their CRM; must track project hours, budget being confirmed"),
      t("销售线索分散在个人手里,需要统一客户池", "Leads sit with individual reps; needs one shared customer pool"),
      t("项目交付延期多,希望看板管理里程碑和回款", "Projects run late; wants boards for milestones and payments"),
    ],
    sizes: [2, 4, 4, 1, 1], competitors: [t("销售易", "Xiaoshouyi"), t("纷享销客", "Fxiaoke"), IN_HOUSE],
    show: t("中国国际软件博览会", "China International Software Expo"),
  },
  {
    key: "logistics", section: 6, weight: 9,
    trades: [
      trade("物流", "道路货物运输", "Road freight"), trade("供应链管理", "仓储服务-第三方仓储", "Third-party warehousing"),
      trade("冷链物流", "冷链运输", "Cold-chain transport"),
    ],
    product: t("WMS仓储管理系统", "WMS warehouse system"),
    needs: [
      t("仓储自动化改造,需要WMS对接现有输送线", "Automating the warehouse; the WMS must drive the existing conveyors"),
      t("车辆调度靠电话,希望线上派车和回单拍照", "Dispatch is by phone; wants online dispatch and photo proof of delivery"),
      t("客户要求实时查库存,需要开放货主查询端口", "Clients want live stock figures; needs a portal for cargo owners"),
    ],
    sizes: [1, 3, 5, 2, 1], competitors: [t("富勒科技", "Flux"), t("唯智信息", "Vtradex"), LOCAL],
    show: t("亚洲物流双年展", "LogiMAT China"),
  },
  {
    key: "construction", section: 4, weight: 7,
    trades: [
      trade("建设工程", "房屋建筑", "Building construction"), trade("装饰工程", "建筑装饰", "Interior fit-out"),
      trade("机电安装", "机电设备安装", "M&E installation"),
    ],
    product: t("工程项目成本管理系统", "project cost management system"),
    needs: [
      t("项目成本超支发现太晚,需要按项目实时核算成本", "Cost overruns are found too late; needs live cost per project"),
      t("工地材料进出无记录,希望手机扫码验收", "No record of materials in and out of sites; wants phone-scan acceptance"),
      t("分包结算争议多,需要合同和进度款线上审批", "Many disputes over subcontractor payments; wants contracts and progress payments approved online"),
    ],
    sizes: [1, 3, 5, 2, 1], competitors: [t("广联达", "Glodon"), YONYOU, LOCAL],
    show: t("中国国际建筑贸易博览会", "China International Building Expo"),
  },
  {
    key: "health", section: 16, weight: 5,
    trades: [trade("口腔门诊", "口腔专科连锁", "Dental clinic chain"), trade("健康管理", "健康体检", "Health check-ups")],
    product: t("预约与患者随访系统", "appointment and patient follow-up system"),
    needs: [
      t("患者复诊提醒靠人工打电话,需要自动预约和随访", "Recall reminders are phoned by hand; needs automatic booking and follow-up"),
      t("多家门诊会员不通用,希望统一患者档案", "Members are not shared across clinics; wants one patient record"),
    ],
    sizes: [2, 4, 3, 1, 0], competitors: [t("领健", "Linkedcare"), LOCAL],
    show: t("华南国际口腔展", "Dental South China"),
  },
  {
    key: "education", section: 15, weight: 6,
    trades: [trade("教育科技", "职业技能培训", "Vocational training"), trade("教育咨询", "语言培训", "Language training")],
    product: t("招生与教务管理系统", "enrolment and academic management system"),
    needs: [
      t("招生线索来自抖音和官网,转化跟踪不到,需要线索管理", "Leads come from Douyin and the website and nobody tracks them; needs lead management"),
      t("排课和课消统计靠Excel,希望自动排课", "Timetables and lesson counts live in Excel; wants automatic scheduling"),
    ],
    sizes: [3, 4, 3, 1, 0], competitors: [t("校宝在线", "Xiaobao"), LOCAL],
    show: t("中国教育装备展示会", "China Educational Equipment Exhibition"),
  },
  {
    key: "testing", section: 12, weight: 5,
    trades: [trade("检测技术", "检验检测服务", "Testing and inspection"), trade("工程设计", "工程设计咨询", "Engineering design consultancy")],
    product: t("检测实验室LIMS系统", "LIMS laboratory system"),
    needs: [
      t("样品流转和报告出具靠纸质单,CNAS评审前要上线LIMS", "Samples and reports move on paper; the LIMS must be live before the CNAS audit"),
      t("设计项目工时无法统计,需要项目工时和产值核算", "Design hours are not tracked; needs hours and output per project"),
    ],
    sizes: [2, 4, 3, 1, 0], competitors: [t("三维天地", "Sunway World"), LOCAL],
    show: t("慕尼黑上海分析生化展", "analytica China"),
  },
  {
    key: "property", section: 10, weight: 4,
    trades: [trade("物业服务", "物业管理", "Property management")],
    product: t("物业收费与报修系统", "property billing and repair system"),
    needs: [
      t("物业费收缴率低,希望线上缴费和催缴", "Low fee collection; wants online payment and reminders"),
      t("业主报修响应慢,需要工单派发和满意度回访", "Repairs are slow; needs work orders and satisfaction follow-ups"),
    ],
    sizes: [1, 2, 4, 2, 1], competitors: [t("明源云", "Mysoft"), LOCAL],
    show: t("中国物业管理博览会", "China Property Management Expo"),
  },
  {
    key: "services", section: 11, weight: 3,
    trades: [trade("人力资源", "人力资源外包", "HR outsourcing"), trade("企业管理咨询", "管理咨询", "Management consulting")],
    product: t("项目与客户管理系统", "project and client management system"),
    needs: [
      t("外包员工考勤和结算表格出错多,需要系统核算", "Outsourced staff attendance and billing sheets are error-prone; needs a system"),
      t("咨询项目回款慢,希望合同、开票、回款一张表看清", "Consulting fees come in late; wants contracts, invoices and payments in one view"),
    ],
    sizes: [2, 4, 3, 1, 0], competitors: [KINGDEE, LOCAL],
    show: t("中国人力资源服务博览会", "China HR Services Expo"),
  },
];
