import * as fs from "fs";
import { say } from "../../core/i18n/catalogue";
import { TEMPLATE_VERSION } from "../../core/template/sheets";
import { XlsxError } from "../../xlsx/book";
import { templateInfo } from "../../xlsx/usecases";
import { atomicWrite } from "../../xlsx/save";
import { langFlag, needFile, type Parsed } from "../args";
import type { Run } from "../io";
import { loadInit } from "./loadInit";

/** `init <file> [--lang]`: a new workbook with the template; an existing one of ours is only reported. */
export async function init(p: Parsed, { io, speaking }: Run): Promise<number> {
  const file = needFile(p, speaking);
  const lang = langFlag(p.flags, speaking);
  if (fs.existsSync(file)) {
    const info = await templateInfo(file);
    if (!info || info.version === null) throw XlsxError.of("notOurs", { file });
    const current = info.version >= TEMPLATE_VERSION;
    io.out(say(info.lang, "cli", current ? "alreadyTemplateCurrent" : "alreadyTemplate", { file, version: info.version }));
    return 0;
  }
  atomicWrite(file, await (await loadInit()).templateWorkbook(lang));
  io.out(say(lang, "cli", "created", { file, version: TEMPLATE_VERSION }));
  return 0;
}
