/**
 * What every part of the local org needs to answer a request: the schema, the records, the org's
 * calendar (its "today" is the data set's asOf, so the sample data never ages), currency, the
 * session user and a clock for audit fields.
 */
import type { OrgSchema } from './schema/model';
import type { RecordStore } from './store';
import type { CalendarSettings } from './time';

/** The org as seen by one request. */
export interface OrgContext {
  schema: OrgSchema;
  store: RecordStore;
  calendar: CalendarSettings;
  currency: string;
  /** Locale used for display values (en_GB style). */
  locale: string;
  /** The id of the user the request runs as: its token's user, else the session user. */
  userId: string;
  /** The current instant as ISO UTC (used for CreatedDate, LastModifiedDate, …). */
  now(): string;
}

/** Display values of the UI API: formatted numbers, dates and picklist labels; null for text and ids. */
export class DisplayFormatter {
  private readonly money: Intl.NumberFormat;
  private readonly numbers = new Map<number, Intl.NumberFormat>();
  private readonly dateTime: Intl.DateTimeFormat;

  constructor(
    currency: string,
    private readonly timeZone: string
  ) {
    this.money = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
    this.dateTime = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    });
  }

  /** `€1,234.50` */
  currency(value: number): string {
    return this.money.format(value);
  }

  /** `1,234.5` with at most `scale` decimals. */
  number(value: number, scale: number): string {
    let format = this.numbers.get(scale);
    if (!format) {
      format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: scale });
      this.numbers.set(scale, format);
    }
    return format.format(value);
  }

  /** `23/11/2026` */
  date(value: string): string {
    return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
  }

  /** `23/11/2026, 10:30` in the org's time zone. */
  dateTimeValue(value: string): string {
    return this.dateTime.format(new Date(value));
  }
}
