const COMPANY_SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$/;

/**
 * The keys two rows must share to be likely the same customer: spaces, full-width forms, brackets
 * and the legal-form suffixes are ignored (上海明远精密机械(中国)有限公司 = 【上海明远精密机械】集团).
 * @example normalizeCompanyName("上海明远精密机械(中国)有限公司") === normalizeCompanyName("上海明远精密机械有限公司")
 */
export function normalizeCompanyName(name: string): string {
  let s = name.normalize("NFKC").replace(/\s/g, "").replace(/[(（]中国[)）]/g, "").replace(/[()（）[\]【】〔〕<>《》{}「」『』]/g, "");
  // Suffixes stack (明远集团有限公司): strip them until none is left, but never the whole name.
  for (let m = COMPANY_SUFFIX.exec(s); m && m.index > 0; m = COMPANY_SUFFIX.exec(s)) s = s.slice(0, m.index);
  return s.toLowerCase();
}

/**
 * A phone number's digits without China's +86 on a mobile: `+86 138-1234-5678` and `13812345678` are one phone.
 * @example phoneKey("+86 138 1234 5678") === "13812345678"
 */
export function phoneKey(phone: string): string {
  return phone.replace(/\D/g, "").replace(/^86(?=1\d{10}$)/, "");
}
