import type { Page } from "playwright-core";

/** The More menu's button: "More pages (3)" / "更多页面(3 个)". */
export const moreButton = (page: Page) => page.getByRole("button", { name: /^(More pages|更多页面)/ });

/**
 * Opens a page of the pane as a user would: its tab when the pane's width shows it, else through
 * the More menu that holds the tabs that did not fit.
 */
export async function openPage(page: Page, name: string | RegExp): Promise<void> {
  const tab = page.getByRole("tab", { name, exact: typeof name === "string" });
  if (await tab.isVisible()) {
    await tab.click();
  } else {
    await moreButton(page).click();
    await page.getByRole("menuitem", { name, exact: typeof name === "string" }).click();
  }
  // The chosen page's tab is shown and selected (it outranks the others for the room there is).
  await page.getByRole("tab", { name, exact: typeof name === "string", selected: true }).waitFor();
}
