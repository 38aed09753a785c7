import { createRoot } from "react-dom/client";
import { App, OutsideExcel } from "./App";
import { createOfficeWorkbook } from "./officeDoor";
import { toLang } from "../core/i18n/lang";

/** Dark when Office's body background is dark. */
function officeIsDark(): boolean {
  const bg = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!bg || !/^#?[0-9a-f]{6}$/i.test(bg)) return false;
  const n = parseInt(bg.replace("#", ""), 16);
  return ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114 < 128;
}

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  const browserLang = toLang(navigator.language);
  if (typeof Office === "undefined") {
    root.render(<OutsideExcel lang={browserLang} />);
  } else {
    void Office.onReady((info) => {
      if (info.host !== Office.HostType.Excel || typeof Excel === "undefined") {
        root.render(<OutsideExcel lang={browserLang} />);
        return;
      }
      root.render(<App api={createOfficeWorkbook()} lang={toLang(Office.context.displayLanguage)} dark={officeIsDark()} />);
    });
  }
}
