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

/** Formats numbers in one locale (and currency, for amounts). Empty values print as an em dash. */
export class NumberFormat {
  private readonly cache = new Map<string, Intl.NumberFormat>();

  constructor(
    readonly locale: string,
    private readonly currency?: string | null
  ) {}

  private format(value: number | null | undefined, options: Intl.NumberFormatOptions): string {
    if (value === null || value === undefined || !Number.isFinite(value)) return '—';
    const key = JSON.stringify(options);
    let formatter = this.cache.get(key);
    if (!formatter) {
      formatter = new Intl.NumberFormat(this.locale, options);
      this.cache.set(key, formatter);
    }
    return formatter.format(value);
  }

  /** Money, in whole units: `€495,800` (without a currency: `495,800`). */
  amount(value: number | null | undefined): string {
    return this.format(
      value,
      this.currency
        ? { style: 'currency', currency: this.currency, maximumFractionDigits: 0 }
        : { maximumFractionDigits: 0 }
    );
  }

  /** A number with at most `digits` decimals: `12.1`. */
  number(value: number | null | undefined, digits = 1): string {
    return this.format(value, { maximumFractionDigits: digits });
  }

  /** A value in percent units (83.4 → `83.4%`). */
  percent(value: number | null | undefined, digits = 1): string {
    return this.format(value === null || value === undefined ? value : value / 100, {
      style: 'percent',
      maximumFractionDigits: digits
    });
  }

  /** A KPI value by its menu unit (SPM_KPI__c.Unit__c), as the panels show it. */
  kpi(value: number | null | undefined, unit: string | undefined): string {
    switch (unit) {
      case 'Currency':
        return this.amount(value);
      case 'Percent':
        return this.percent(value);
      case 'Ratio':
        return this.number(value, 2);
      case 'Hours':
      case 'Days':
        return this.number(value, 1);
      default:
        return this.number(value, 0);
    }
  }
}
