/**
 * Debounces an asynchronous read and answers every caller with the newest reply only. Selection
 * changes and co-authors' edits arrive in bursts: each call restarts the wait; when a reply comes
 * back after a newer call was made, it is dropped and its callers get the newer one instead, so an
 * older card can never overwrite a newer one.
 * @example const card = latestOnly((row: number) => readCard(row), 150); void card(5); void card(6); // one read, of row 6
 */
export function latestOnly<A, R>(read: (arg: A) => Promise<R>, waitMs: number): (arg: A) => Promise<R> {
  type Waiter = { readonly resolve: (r: R) => void; readonly reject: (e: unknown) => void };
  let waiters: Waiter[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest = 0;
  const settle = (n: number, f: (w: Waiter) => void) => {
    // A newer read is waiting or running: these callers get its answer.
    if (n !== latest || timer !== null) return;
    const ws = waiters;
    waiters = [];
    for (const w of ws) f(w);
  };
  return (arg: A) => new Promise<R>((resolve, reject) => {
    waiters.push({ resolve, reject });
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const n = ++latest;
      read(arg).then((r) => settle(n, (w) => w.resolve(r)), (e: unknown) => settle(n, (w) => w.reject(e)));
    }, waitMs);
  });
}
