/**
 * The keys two rows must share to be likely the same customer.
 * @example normalizeCompanyName("上海明远精密机械(中国)有限公司") === normalizeCompanyName("上海明远精密机械有限公司")
 */
export function normalizeCompanyName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\s/g, "")
    .replace(/[(（]中国[)）]/g, "")
    .replace(/(股份有限公司|有限责任公司|有限公司|集团公司|公司)$/, "")
    .toLowerCase();
}

/**
 * A phone number's digits without China's +86 on a mobile: `+86 138-1234-5678` and `13812345678` are one phone.
 * @example phoneKey("+86 138 1234 5678") === "13812345678"
 */
export function phoneKey(phone: string): string {
  return phone.replace(/\D/g, "").replace(/^86(?=1\d{10}$)/, "");
}
