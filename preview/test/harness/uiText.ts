/**
 * What the components show, for tests that act as a user does (by labels, in the user's locale):
 * custom labels read from the project's labels file, filled like the components fill them, and
 * dates typed the way a date field expects them.
 */
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
