/**
 * What the components show, for tests that act as a user does (by labels, in the user's locale):
 * custom labels read from the project's labels file, filled like the components fill them, dates
 * typed the way a date field expects them, and lightning-combobox options picked by their labels.
 */
import type { Locator, Page } from 'playwright-core';
import { loadCustomLabels } from '../../build/customLabels';
import { projectPaths } from '../../build/projectPaths';
import { localeFromSidKey } from '../../server/localeSettings';

let labels: Map<string, string> | undefined;

/** The text of custom label `name`, `{0}`, `{1}`… replaced by `args`; throws if it does not exist. */
export function label(name: string, ...args: Array<string | number>): string {
  labels ??= loadCustomLabels(projectPaths().labelsFile);
  const text = labels.get(name);
  if (text === undefined) throw new Error(`No custom label ${name} in the project`);
  return text.replace(/\{(\d+)\}/g, (placeholder, index: string) =>
    args[Number(index)] === undefined ? placeholder : String(args[Number(index)])
  );
}

/**
 * A date (`YYYY-MM-DD`) as a user of `localeSidKey` types it into lightning-input type="date":
 * the locale's medium date format (`15 Dec 2026` in en-GB, `Dec 15, 2026` in en-US).
 */
export function typedDate(isoDate: string, localeSidKey: string | null): string {
  return new Intl.DateTimeFormat(localeFromSidKey(localeSidKey), {
    dateStyle: 'medium',
    timeZone: 'UTC'
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** `YYYY-MM-DD` `days` after `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

function comboboxLabelled(page: Page, name: string): Locator {
  return page.locator('lightning-combobox').filter({ has: page.getByText(name, { exact: true }) });
}

/** Picks `option` in the lightning-combobox labelled `name`, as a user does. */
export async function choose(page: Page, name: string, option: string): Promise<void> {
  const combobox = comboboxLabelled(page, name);
  await combobox.locator('.slds-combobox__input').click();
  await combobox.getByRole('option', { name: option, exact: true }).click();
}

/** The options of the lightning-combobox labelled `name`, as a user sees them (opens and closes it). */
export async function optionsOf(page: Page, name: string): Promise<string[]> {
  const combobox = comboboxLabelled(page, name);
  await combobox.locator('.slds-combobox__input').click();
  const options = (await combobox.getByRole('option').allInnerTexts()).map((o) => o.trim());
  await page.keyboard.press('Escape');
  return options;
}

/** The option shown as chosen in the lightning-combobox labelled `name`. */
export async function chosen(page: Page, name: string): Promise<string> {
  // lightning-combobox draws its value as the text of its input button.
  return (await comboboxLabelled(page, name).locator('.slds-combobox__input').innerText()).trim();
}
