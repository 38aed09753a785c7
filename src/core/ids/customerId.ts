import { type DayNumber, yearMonth } from "../_lib/calendar";

/** `KH-202605-001` and the older compact `KH-202405001` both name a month and a sequence. */
const ID_PATTERN = /^KH-?(\d{4})(\d{2})-?(\d{3,})$/i;

export function parseCustomerId(id: string): { month: string; seq: number } | null {
  const m = ID_PATTERN.exec(id.trim());
  if (!m) return null;
  return { month: `${m[1]}${m[2]}`, seq: Number(m[3]) };
}

/**
 * Hands out new IDs `KH-YYYYMM-NNN` (NNNN past 999), unique against every existing ID and each
 * other, continuing each month's sequence from the highest existing one in either format.
 * @example new IdAllocator(["KH-202605-007"]).next(may2026) // "KH-202605-008"
 */
export class IdAllocator {
  private readonly taken = new Set<string>();
  private readonly highest = new Map<string, number>();

  constructor(existing: Iterable<string>) {
    for (const id of existing) this.take(id);
  }

  private take(id: string): void {
    this.taken.add(id.trim().toUpperCase());
    const p = parseCustomerId(id);
    if (p && p.seq > (this.highest.get(p.month) ?? 0)) this.highest.set(p.month, p.seq);
  }

  next(createdOn: DayNumber): string {
    const key = yearMonth(createdOn);
    let seq = this.highest.get(key) ?? 0;
    let id: string;
    do {
      seq += 1;
      id = `KH-${key}-${String(seq).padStart(3, "0")}`;
    } while (this.taken.has(id));
    this.take(id);
    return id;
  }
}
