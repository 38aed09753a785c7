import { useState } from "react";
import {
  Button, Field, Radio, RadioGroup, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import { usePane } from "../context";
import { useAction } from "../useAction";
import { ErrorBar } from "../ErrorBar";
import type { ImportPreview, ImportRequest, SourceTable } from "../workbookApi";
import { targetColumns, type ColumnUse, type ImportKind, type MapOverride } from "../../core/import/headers";
import { importText, type ImportTextKey } from "../../core/import/messages";
import { contactCountsText, countsText } from "../../core/import/report";
import { CONTACT_FIELDS, contactKey, parseContactKey } from "../../core/import/contactGroups";
import { CONTACT_COLUMNS } from "../../core/contacts/columns";
import { sheetName } from "../../core/template/sheets";
import { readCsv } from "../../core/import/csv";
import type { OnDuplicate } from "../../core/import/planImport";
import { rawString } from "../../core/import/normalizeRow";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  // The preview is as wide as the source: it scrolls inside the narrow pane instead of widening it.
  scroll: { overflowX: "auto", maxWidth: "100%" },
  cell: { whiteSpace: "nowrap" },
  // Columns as wide as their text (Fluent's table shares the width out equally, and text overlaps).
  sample: { tableLayout: "auto", width: "max-content", minWidth: "100%" },
  // Source headers are short; the targets ("Contact 2 · Phone") need the room.
  sourceColumn: { width: "36%" },
});

/** The value of a column's mapping control: one of our keys, or "" for the user's own column. */
const mappedKey = (u: ColumnUse): string => (u.kind === "ours" ? u.key : "");

export function Import(props: { onToast: (text: string) => void }) {
  const { api, t, lang, user } = usePane();
  const s = useStyles();
  const it = (key: ImportTextKey, vars?: Readonly<Record<string, string | number>>) => importText(lang, key, vars);
  const { busy, error, setError, run } = useAction(lang, t("errorTitle"));
  const [kind, setKind] = useState<ImportKind>("customers");
  const [from, setFrom] = useState<"sheet" | "file">("sheet");
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<SourceTable | null>(null);
  const [map, setMap] = useState<Readonly<Record<string, string>>>({});
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>("fill");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const request = (m: Readonly<Record<string, string>>, k = kind, d = onDuplicate): ImportRequest => {
    const overrides: MapOverride[] = Object.entries(m).map(([source, target]) => ({ source, target }));
    return { kind: k, map: overrides, onDuplicate: d };
  };

  const ours = targetColumns(kind).map((c) => ({ key: c.key, label: c.header[lang] }));
  // Groups 2 up to the source's last numbered group and one more, so a column the headers did not
  // give away can join a new group.
  const lastGroup = Math.max(1, ...(preview?.header.uses ?? []).map((u) => (u.kind === "ours" ? (parseContactKey(u.key)?.group ?? 1) : 1)));
  const contactTargets = kind !== "customers" ? [] : Array.from({ length: lastGroup }, (_x, i) => i + 2).flatMap((n) => CONTACT_FIELDS.map((f) => ({
    key: contactKey({ group: n, field: f }), label: it("contactTarget", { n, field: CONTACT_COLUMNS.find((d) => d.key === f)?.header[lang] ?? f }),
  })));
  const targets = kind === "customers" ? [...ours, { key: "region", label: it("targetRegion") }] : [...ours, { key: "matchPhone", label: it("targetMatchPhone") }];

  const refresh = async (src: SourceTable, m: Readonly<Record<string, string>>, k = kind, d = onDuplicate) => {
    const p = await run(() => api.previewImport(src, request(m, k, d)));
    if (p) setPreview(p);
  };

  const readSource = async () => {
    setDone(null);
    setPreview(null);
    const src = await run(async () => {
      if (from === "sheet") return api.importSource();
      if (!file) throw new Error(it("chooseFile"));
      const parsed = readCsv(new Uint8Array(await file.arrayBuffer()));
      return { name: file.name, rows: parsed.rows };
    });
    if (!src) return;
    setSource(src);
    setMap({});
    await refresh(src, {});
  };

  const changeMapping = async (header: string, value: string) => {
    if (!source) return;
    const m = { ...map, [header]: value };
    setMap(m);
    await refresh(source, m);
  };

  const go = async () => {
    if (!source) return;
    const out = await run(() => api.runImport(source, request(map), user));
    if (!out) return;
    const c = out.counts;
    const rows = importText(lang, "reportSummary", { read: c.read, added: c.added, merged: c.merged, skipped: c.skipped, flagged: c.flagged });
    const contacts = contactCountsText(out.contacts, lang);
    const summary = contacts === "" ? rows : `${rows}${it("noteSeparator")}${contacts}`;
    setDone(it("importDone", { summary, sheet: out.reportSheet }));
    props.onToast(it("importDone", { summary, sheet: out.reportSheet }));
    setPreview(null);
    setSource(null);
  };

  return (
    <div className={s.page}>
      <ErrorBar error={error} onDismiss={() => setError(null)} />
      <Field label={it("importInto")}>
        <RadioGroup layout="horizontal" value={kind} onChange={(_e, d) => { const k = d.value as ImportKind; setKind(k); setMap({}); if (source) void refresh(source, {}, k); }}>
          <Radio value="customers" label={it("kindCustomers")} />
          <Radio value="followups" label={it("kindFollowups")} />
        </RadioGroup>
      </Field>
      <Field label={it("sourceLabel")}>
        <RadioGroup value={from} onChange={(_e, d) => setFrom(d.value as "sheet" | "file")}>
          <Radio value="sheet" label={it("sourceSheet")} />
          <Radio value="file" label={it("sourceFile")} />
        </RadioGroup>
      </Field>
      {from === "file" && (
        <Field label={it("chooseFile")}>
          <input type="file" accept=".csv,.txt,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
      )}
      <div className={s.row}>
        <Button onClick={() => void readSource()} disabled={busy || (from === "file" && !file)}>{it("readSource")}</Button>
      </div>
      {done && <Text role="status">{done}</Text>}
      {source && preview && (
        <>
          <Text role="status">{it("sourceRead", { name: source.name, rows: preview.counts.read })}</Text>
          <Text weight="semibold">{countsText(preview.plan, lang)}</Text>
          <Field label={it("onDuplicate")}>
            <Select value={onDuplicate} onChange={(_e, d) => { const v = d.value as OnDuplicate; setOnDuplicate(v); void refresh(source, map, kind, v); }}>
              <option value="fill">{it("dupFill")}</option>
              <option value="skip">{it("dupSkip")}</option>
              <option value="new">{it("dupNew")}</option>
            </Select>
          </Field>
          <Text as="h2" weight="semibold">{it("mappingTitle")}</Text>
          <Text size={200}>{it("mappingHint")}</Text>
          <Table size="small" aria-label={it("mappingTitle")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={s.sourceColumn}>{it("mappingSource")}</TableHeaderCell>
                <TableHeaderCell>{it("mappingTarget")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.header.headers.map((h, i) => {
                const use = preview.header.uses[i] as ColumnUse;
                return (
                  <TableRow key={`${i}:${h}`}>
                    <TableCell>{h}</TableCell>
                    <TableCell>
                      <Select aria-label={`${it("mappingTarget")}: ${h}`} value={mappedKey(use)} disabled={busy} onChange={(_e, d) => void changeMapping(h, d.value)}>
                        <option value="">{it("keepAsOwn")}</option>
                        {targets.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
                        {contactTargets.length > 0 && (
                          <optgroup label={it("contactTargetGroup", { sheet: sheetName("contacts", lang) })}>
                            {contactTargets.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
                          </optgroup>
                        )}
                      </Select>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Text as="h2" weight="semibold">{it("previewTitle")}</Text>
          {/* Scrolls sideways for a wide source: focusable, so keyboard users can scroll it too. */}
          <div className={s.scroll} tabIndex={0} role="region" aria-label={it("previewTitle")}>
            <Table className={s.sample} size="extra-small" aria-label={it("previewTitle")}>
              <TableHeader>
                <TableRow>{preview.header.headers.map((h, i) => <TableHeaderCell key={`${i}:${h}`} className={s.cell}>{h}</TableHeaderCell>)}</TableRow>
              </TableHeader>
              <TableBody>
                {preview.sample.map((r, j) => (
                  <TableRow key={j}>{preview.header.headers.map((_h, i) => <TableCell key={i} className={s.cell}>{rawString(r[i] ?? null)}</TableCell>)}</TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div className={s.row}>
            <Button appearance="primary" onClick={() => void go()} disabled={busy}>{it("runImport")}</Button>
          </div>
        </>
      )}
    </div>
  );
}
