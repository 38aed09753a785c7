/**
 * The function-command runtime Office gives a ribbon button: the `Office` globals it touches, the
 * dialogs it opens, and its lifetime: `event.completed()` or 5 minutes end the runtime, and a
 * dialog opened from it closes with it (office-js#428).
 */
export const RUNTIME_LIMIT_MS = 5 * 60_000;
const DIALOG_CLOSED = 12006;

type DialogHandler = (arg: { error: number } | { message: string; origin: string | undefined }) => void;

export class DialogDouble {
  open = true;
  closedBy: "user" | "add-in" | "runtime" | null = null;
  private readonly handlers: DialogHandler[] = [];
  constructor(readonly url: string) {}
  get message(): string {
    return decodeURIComponent(this.url.split("?m=")[1] ?? "");
  }
  addEventHandler(type: string, handler: DialogHandler): void {
    if (type === "dialogEventReceived") this.handlers.push(handler);
  }
  close(): void {
    this.shut("add-in");
  }
  /** The user clicks the dialog's close button. */
  userCloses(): void {
    if (!this.open) return;
    this.shut("user");
    for (const h of this.handlers) h({ error: DIALOG_CLOSED });
  }
  shut(by: "user" | "add-in" | "runtime"): void {
    if (!this.open) return;
    this.open = false;
    this.closedBy = by;
  }
}

export class CommandRuntime {
  readonly dialogs: DialogDouble[] = [];
  completedAt: number | null = null;
  /** Office ended the runtime at its time limit before the command completed. */
  killed = false;
  private readonly started = Date.now();
  private readonly limit: ReturnType<typeof setTimeout>;
  constructor(lang: string, private readonly failDialog = false) {
    const g = globalThis as Record<string, unknown>;
    g.Office = {
      context: { displayLanguage: lang, ui: { displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => this.display(url, cb) } },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogEventReceived: "dialogEventReceived", DialogMessageReceived: "dialogMessageReceived" },
      onReady: async () => ({}),
      actions: { associate: () => undefined },
    };
    g.window = { location: { origin: "https://localhost:3000" }, localStorage: { getItem: () => "张三" } };
    this.limit = setTimeout(() => {
      if (this.completedAt !== null) return;
      this.killed = true;
      this.end();
    }, RUNTIME_LIMIT_MS);
  }
  private display(url: string, cb: (r: unknown) => void): void {
    if (this.completedAt !== null || this.killed) throw new Error("the runtime is gone");
    if (this.failDialog) {
      cb({ status: "failed", error: { code: 12007, message: "A dialog box is already opened from this host window." } });
      return;
    }
    const d = new DialogDouble(url);
    this.dialogs.push(d);
    cb({ status: "succeeded", value: d });
  }
  private end(): void {
    clearTimeout(this.limit);
    for (const d of this.dialogs) d.shut("runtime");
  }
  /** The event Office hands the command. */
  event(): Office.AddinCommands.Event {
    return {
      completed: () => {
        if (this.completedAt !== null) throw new Error("completed() called twice");
        this.completedAt = Date.now() - this.started;
        this.end();
      },
    } as unknown as Office.AddinCommands.Event;
  }
}
