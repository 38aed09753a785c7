import { lazy, Suspense, useState } from "react";
import {
  Dropdown, FluentProvider, Option, Text, Toast, ToastTitle, Toaster, makeStyles, tokens, useId, useToastController,
  webDarkTheme, webLightTheme,
} from "@fluentui/react-components";
import { PaneProvider, usePane } from "./context";
import { STRINGS } from "./strings";
import type { WorkbookApi } from "./workbookApi";
import { LANGS, type Lang } from "../core/i18n/lang";
import { languageName } from "../core/i18n/catalogue";
import { Home } from "./features/Home";
import { dashText } from "../core/dashboard/messages";
import { importText } from "../core/import/messages";
import { Spinner } from "@fluentui/react-components";
import { TEAM_OPS_STRINGS } from "./features/teamOpsStrings";
import { PageTabs } from "./PageTabs";

// Pages past Home load on first use: the pane opens faster (the date picker alone is large).
const LogFollowUp = lazy(() => import("./features/LogFollowUp").then((m) => ({ default: m.LogFollowUp })));
const Grade = lazy(() => import("./features/Grade").then((m) => ({ default: m.Grade })));
const Card = lazy(() => import("./features/Card").then((m) => ({ default: m.Card })));
const Check = lazy(() => import("./features/Check").then((m) => ({ default: m.Check })));
const Complaints = lazy(() => import("./features/health/Complaints").then((m) => ({ default: m.Complaints })));
const Pool = lazy(() => import("./features/Pool").then((m) => ({ default: m.Pool })));
const Handover = lazy(() => import("./features/Handover").then((m) => ({ default: m.Handover })));
const Import = lazy(() => import("./features/Import").then((m) => ({ default: m.Import })));
const AuditLog = lazy(() => import("./features/AuditLog").then((m) => ({ default: m.AuditLog })));
const Overview = lazy(() => import("./features/Overview").then((m) => ({ default: m.Overview })));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minHeight: "100vh", boxSizing: "border-box" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  lang: { minWidth: "auto" },
});

type Page = "home" | "log" | "complaints" | "grade" | "card" | "check" | "pool" | "handover" | "overview" | "import" | "audit";
/** In the order the tabs show them; those that do not fit the pane's width go into the More menu, last first. */
const PAGES: readonly Page[] = ["home", "log", "complaints", "grade", "card", "check", "pool", "handover", "overview", "import", "audit"];

function Shell() {
  const { t, lang, setLang } = usePane();
  const s = useStyles();
  const [page, setPage] = useState<Page>("home");
  const toasterId = useId("toaster");
  const { dispatchToast } = useToastController(toasterId);
  const toast = (text: string) => dispatchToast(<Toast><ToastTitle>{text}</ToastTitle></Toast>, { intent: "success" });
  const label: Readonly<Record<Page, string>> = {
    home: t("tabHome"), log: t("tabLog"), complaints: t("tabComplaints"), grade: t("tabGrade"), card: t("tabCard"), check: t("tabCheck"),
    pool: TEAM_OPS_STRINGS[lang].tabPool, handover: TEAM_OPS_STRINGS[lang].tabHandover, overview: dashText(lang, "overviewTitle"),
    import: importText(lang, "tabImport"), audit: t("tabAudit"),
  };
  const tabs = PAGES.map((value) => ({ value, label: label[value] }));
  return (
    <main className={s.root} lang={lang}>
      {/* Inline, so completion notices stay inside the page's main landmark for screen readers. */}
      <Toaster toasterId={toasterId} position="bottom" inline />
      <div className={s.header}>
        <Text as="h1" size={500} weight="semibold">{t("appTitle")}</Text>
        <Dropdown className={s.lang} clearButton={{ "aria-label": t("clearSelection") }} aria-label={t("language")} value={languageName(lang)} selectedOptions={[lang]} onOptionSelect={(_e, d) => setLang(LANGS.find((l) => l === d.optionValue) ?? lang)}>
          {/* Each language by its own name, from its catalogue: a new catalogue appears here by itself. */}
          {LANGS.map((l) => <Option key={l} value={l}>{languageName(l)}</Option>)}
        </Dropdown>
      </div>
      <PageTabs tabs={tabs} selected={page} onSelect={setPage} />
      <div role="tabpanel" aria-label={label[page]}>
        <Suspense fallback={<Spinner label={t("loading")} />}>
          {page === "home" && <Home onToast={toast} />}
          {page === "log" && <LogFollowUp onToast={toast} />}
          {page === "complaints" && <Complaints onToast={toast} />}
          {page === "grade" && <Grade onToast={toast} />}
          {page === "card" && <Card />}
          {page === "check" && <Check />}
          {page === "pool" && <Pool onToast={toast} />}
          {page === "handover" && <Handover onToast={toast} />}
          {page === "overview" && <Overview onToast={toast} />}
          {page === "import" && <Import onToast={toast} />}
          {page === "audit" && <AuditLog />}
        </Suspense>
      </div>
    </main>
  );
}

export function App(props: { api: WorkbookApi; lang: Lang; dark?: boolean }) {
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme}>
      <PaneProvider api={props.api} initialLang={props.lang}>
        <Shell />
      </PaneProvider>
    </FluentProvider>
  );
}

/** Shown in a plain browser or when Office.js cannot reach Excel, instead of failing. */
export function OutsideExcel(props: { lang: Lang }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }} lang={props.lang}>
        <Text as="h1" size={500} weight="semibold">{STRINGS[props.lang].appTitle}</Text>
        <p>{STRINGS[props.lang].outsideExcel}</p>
      </main>
    </FluentProvider>
  );
}
