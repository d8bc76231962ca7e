import { numberFormats } from 'c/numberFormats';

/**
 * Numbers for people: amounts, counts and percentages in the terminal's locale (LC_ALL,
 * LC_NUMERIC or LANG, as `ls` and `date` read it), for Markdown and plain-text output. JSON and
 * CSV carry raw numbers: they are for programs.
 */

/** The BCP 47 locale of the environment (`de_DE.UTF-8` → `de-DE`); `en-US` for C/POSIX or none. */
export function environmentLocale(env: Record<string, string | undefined>): string {
  const raw = env.LC_ALL || env.LC_NUMERIC || env.LANG || '';
  const tag = raw.split('.')[0].split('@')[0].replace('_', '-');
  if (!tag || tag === 'C' || tag === 'POSIX') return 'en-US';
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag])[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/**
 * Formats numbers in one locale (and currency, for amounts) with the panels' rules (c/numberFormats),
 * so a report and the review write a KPI alike. Empty values print as an em dash.
 */
export class NumberFormat {
  private readonly formats: ReturnType<typeof numberFormats>;

  constructor(
    readonly locale: string,
    currency?: string | null
  ) {
    this.formats = numberFormats(locale, currency ?? null);
  }

  /** Money, in whole units: `€495,800` (without a currency: `495,800`). */
  amount(value: number | null | undefined): string {
    return this.formats.currency(value ?? null, null);
  }

  /** A number with at most `digits` decimals: `12.1`. */
  number(value: number | null | undefined, digits = 1): string {
    return this.formats.number(value ?? null, { maximumFractionDigits: digits });
  }

  /** A value in percent units, with the panels' digits (83.4 → `83%`; `percent(83.4, 1)` → `83.4%`). */
  percent(value: number | null | undefined, digits = 0): string {
    return this.formats.percent(value ?? null, digits);
  }

  /** A KPI value by its menu unit (SPM_KPI__c.Unit__c), as the panels show it. */
  kpi(value: number | null | undefined, unit: string | undefined): string {
    return this.formats.kpi(value ?? null, unit, null);
  }
}
