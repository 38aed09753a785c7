import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import type { WorkbookApi } from "./workbookApi";
import type { Lang } from "../core/i18n/lang";
import { STRINGS, format, type StringKey } from "./strings";

interface PaneContext {
  readonly api: WorkbookApi;
  readonly lang: Lang;
  readonly setLang: (l: Lang) => void;
  readonly t: (key: StringKey, values?: Readonly<Record<string, string | number>>) => string;
  readonly user: string;
  readonly setUser: (u: string) => void;
}

const Ctx = createContext<PaneContext | null>(null);
const USER_KEY = "crm-sheets.user";

function storedUser(): string {
  try {
    return window.localStorage.getItem(USER_KEY) ?? "";
  } catch {
    return "";
  }
}

export function PaneProvider(props: { api: WorkbookApi; initialLang: Lang; children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(props.initialLang);
  const [user, setUserState] = useState<string>(storedUser);
  const value = useMemo<PaneContext>(() => ({
    api: props.api, lang, setLang, user,
    t: (key, values) => format(STRINGS[lang][key], values),
    setUser: (u: string) => {
      setUserState(u);
      try {
        // The name stays on this machine: co-authors share workbook settings, not local storage.
        window.localStorage.setItem(USER_KEY, u);
      } catch {
        /* private mode: the name lasts for this session only */
      }
    },
  }), [props.api, lang, user]);
  return <Ctx.Provider value={value}>{props.children}</Ctx.Provider>;
}

export function usePane(): PaneContext {
  const c = useContext(Ctx);
  if (!c) throw new Error("usePane outside PaneProvider");
  return c;
}

export function useWorkbook(): WorkbookApi {
  return usePane().api;
}
