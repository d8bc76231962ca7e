/**
 * The values of the `@salesforce/i18n/*` modules for the preview's current user, computed with
 * Node's ICU so the browser modules are plain look-ups. Keys the preview does not compute fall
 * back to lightning-base-components' defaults (en-US) at build time.
 */

/** The `@salesforce/i18n/<key>` modules the preview answers from the current user's locale. */
export const I18N_KEYS = [
  'locale',
  'lang',
  'dir',
  'currency',
  'timeZone',
  'firstDayOfWeek',
  'number.decimalSeparator',
  'number.groupingSeparator',
  'number.currencySymbol',
  'number.percentSign',
  'number.minusSign',
  'dateTime.shortDateFormat',
  'dateTime.mediumDateFormat',
  'dateTime.longDateFormat',
  'dateTime.shortTimeFormat',
  'dateTime.mediumTimeFormat',
  'dateTime.shortDateTimeFormat',
  'dateTime.mediumDateTimeFormat'
] as const;

/** One of the i18n keys above. */
export type I18nKey = (typeof I18N_KEYS)[number];

/** The i18n values for one page load. */
export type I18nSettings = Record<I18nKey, string | number>;

const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi']);
// A morning in early March: single-digit day, month and hour show whether a format pads them.
const SAMPLE_DATE = new Date(Date.UTC(2026, 2, 5, 9, 7, 8));

/** Salesforce `LocaleSidKey` (`fr_FR`) → BCP 47 tag (`fr-FR`); invalid keys fall back to en-US. */
export function localeFromSidKey(sidKey: string | null | undefined): string {
  if (!sidKey) return 'en-US';
  try {
    return new Intl.Locale(sidKey.replace(/_/g, '-')).toString();
  } catch {
    return 'en-US';
  }
}

/**
 * The first day of the week as Salesforce numbers it (1 = Sunday, 2 = Monday), from CLDR week data.
 */
export function firstDayOfWeek(locale: string): number {
  const intlLocale = new Intl.Locale(locale) as Intl.Locale & {
    weekInfo?: { firstDay: number };
    getWeekInfo?: () => { firstDay: number };
  };
  const info = intlLocale.getWeekInfo?.() ?? intlLocale.weekInfo;
  // CLDR: 1 = Monday … 7 = Sunday.
  const isoFirstDay = info?.firstDay ?? 7;
  return (isoFirstDay % 7) + 1;
}

/** A Java-style date pattern (`d/M/yyyy`, `MMM d, yyyy h:mm a`) for an Intl format, as Salesforce exposes them. */
export function datePattern(locale: string, options: Intl.DateTimeFormatOptions): string {
  const parts = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).formatToParts(
    SAMPLE_DATE
  );
  const name = (option: Intl.DateTimeFormatOptions, type: 'month' | 'weekday') =>
    new Intl.DateTimeFormat(locale, { ...option, timeZone: 'UTC' })
      .formatToParts(SAMPLE_DATE)
      .find((part) => part.type === type)?.value;
  return parts
    .map((part) => {
      switch (part.type) {
        case 'year':
          return part.value.length === 2 ? 'yy' : 'yyyy';
        case 'month':
          if (/^\d+$/.test(part.value)) return part.value.length === 2 ? 'MM' : 'M';
          return part.value === name({ month: 'long', day: 'numeric' }, 'month') ? 'MMMM' : 'MMM';
        case 'day':
          return part.value.length === 2 ? 'dd' : 'd';
        case 'weekday':
          return part.value === name({ weekday: 'long' }, 'weekday') ? 'EEEE' : 'EEE';
        case 'hour': {
          const letter = parts.some((p) => p.type === 'dayPeriod') ? 'h' : 'H';
          return part.value.length === 2 ? letter + letter : letter;
        }
        case 'minute':
          return 'mm';
        case 'second':
          return 'ss';
        case 'dayPeriod':
          return 'a';
        default: {
          // ICU puts narrow no-break spaces before AM/PM; Salesforce patterns use plain spaces.
          const literal = part.value.replace(/[\u00a0\u202f]/g, ' ');
          // Letters in literals are quoted, as in Java patterns ("d 'de' MMMM").
          return /[A-Za-z]/.test(literal) ? `'${literal}'` : literal;
        }
      }
    })
    .join('');
}

function numberSymbol(
  locale: string,
  type: Intl.NumberFormatPartTypes,
  value: number,
  options?: Intl.NumberFormatOptions
): string {
  return (
    new Intl.NumberFormat(locale, options).formatToParts(value).find((part) => part.type === type)
      ?.value ?? ''
  );
}

/** The i18n values for a locale, a currency (ISO 4217) and a time zone (IANA). */
export function localeSettings(locale: string, currency: string, timeZone: string): I18nSettings {
  const lang = new Intl.Locale(locale).language;
  return {
    locale,
    lang,
    dir: RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr',
    currency,
    timeZone,
    firstDayOfWeek: firstDayOfWeek(locale),
    'number.decimalSeparator': numberSymbol(locale, 'decimal', 1.5) || '.',
    'number.groupingSeparator': numberSymbol(locale, 'group', 1234567) || ',',
    'number.currencySymbol':
      numberSymbol(locale, 'currency', 1, { style: 'currency', currency }) || currency,
    'number.percentSign': numberSymbol(locale, 'percentSign', 0.5, { style: 'percent' }) || '%',
    'number.minusSign': numberSymbol(locale, 'minusSign', -1) || '-',
    'dateTime.shortDateFormat': datePattern(locale, { dateStyle: 'short' }),
    'dateTime.mediumDateFormat': datePattern(locale, { dateStyle: 'medium' }),
    'dateTime.longDateFormat': datePattern(locale, { dateStyle: 'long' }),
    'dateTime.shortTimeFormat': datePattern(locale, { timeStyle: 'short' }),
    'dateTime.mediumTimeFormat': datePattern(locale, { timeStyle: 'medium' }),
    'dateTime.shortDateTimeFormat': datePattern(locale, { dateStyle: 'short', timeStyle: 'short' }),
    'dateTime.mediumDateTimeFormat': datePattern(locale, {
      dateStyle: 'medium',
      timeStyle: 'medium'
    })
  };
}
