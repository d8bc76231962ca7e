/**
 * The sample data set: a realistic, deterministic sales org (a director, managers and reps linked
 * by User.ManagerId; accounts; two years of opportunities with stage history; calls, emails and
 * meetings) with the data-trust problems real orgs have, at realistic rates.
 *
 * Same options → same records, field for field (the seed drives one PRNG; `asOf` is an input, never
 * today). The set is a snapshot taken at the start of `asOf`: every change happened by the day
 * before; tasks and meetings from `asOf` on are planned, not done. Built in compact loops over typed arrays so the benchmark size (100 reps, 100,000+
 * opportunities, 500,000+ activities) takes seconds: no closure per record, day and time strings
 * cached and shared between records.
 */
import { makeId, STANDARD_KEY_PREFIXES } from './ids';
import { DAY_MS, dayToIso, isIsoDate, isoToDay, tzOffsetMinutes } from './calendar';
import { Prng } from './prng';
import { LOST, STAGES, WON } from './stages';
import type { SampleDataSet, SObjectRecord } from './types';
import * as words from './words';

/** What to generate; every option has a default. */
export interface SampleDataOptions {
  /** PRNG seed (default 42). */
  seed?: number;
  /** The "today" of the data set, 'YYYY-MM-DD' (default 2026-11-23). */
  asOf?: string;
  /** Sales reps (default 12). */
  reps?: number;
  /** Sales managers between the director and the reps (default: one per six reps). */
  managers?: number;
  /** Opportunities created over the last two years or so (default 4,000). */
  opportunities?: number;
  /** Accounts (default: one per eight opportunities, at least four per rep). */
  accounts?: number;
  /** Calls, emails and meetings a rep logs in an average week (default 10). */
  activitiesPerRepPerWeek?: number;
  /** Org time zone (default Europe/Paris). */
  orgTimeZone?: string;
  /** Org currency (default EUR). */
  currency?: string;
  /** First month of the fiscal year (default 1). */
  fiscalYearStartMonth?: number;
}

/** The defaults: about 15 people and 4,000 opportunities. */
export const DEFAULT_SAMPLE_OPTIONS = {
  seed: 42,
  asOf: '2026-11-23',
  reps: 12,
  opportunities: 4000,
  activitiesPerRepPerWeek: 10,
  orgTimeZone: 'Europe/Paris',
  currency: 'EUR',
  fiscalYearStartMonth: 1
} as const;

/** Days before asOf over which opportunities are created (two years of closes plus a cycle). */
const CREATION_SPAN_DAYS = 760;
/** Days of activity history before asOf (104 weeks). */
const ACTIVITY_SPAN_DAYS = 728;
/** Meetings and tasks are already planned this many days ahead. */
const PLANNED_AHEAD_DAYS = 13;
/**
 * "Not updated for N days" threshold (docs/engine.md, "Definitions every number follows"), used to
 * place stale deals beyond it.
 */
const STALE_AFTER_DAYS = 60;
/** Old deals that stay open long after they should have closed, per rep-average sloppiness. */
const ZOMBIE_SHARE = 0.025;
/** Opportunities without an amount yet: a share of open Prospecting deals. */
const MISSING_AMOUNT_SHARE = 0.15;
/** Work hours in minutes after local midnight (08:00–18:59). */
const WORK_START_MINUTE = 8 * 60;
const WORK_MINUTES = 11 * 60;
/** How far a lost deal got before it was lost, as stage indices (weights by repetition). */
const LOST_AT = [0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5] as const;

interface ResolvedOptions {
  seed: number;
  asOf: string;
  reps: number;
  managers: number;
  opportunities: number;
  accounts: number;
  activitiesPerRepPerWeek: number;
  orgTimeZone: string;
  currency: string;
  fiscalYearStartMonth: number;
}

function positiveInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `sample data option ${name} must be an integer ≥ ${min}, got ${String(value)}`
    );
  }
  return value;
}

/** Fills defaults and checks every option, naming the one that is wrong. */
function resolveSampleOptions(options: SampleDataOptions = {}): ResolvedOptions {
  const reps = positiveInteger('reps', options.reps ?? DEFAULT_SAMPLE_OPTIONS.reps, 1);
  const opportunities = positiveInteger(
    'opportunities',
    options.opportunities ?? DEFAULT_SAMPLE_OPTIONS.opportunities,
    0
  );
  const asOf = options.asOf ?? DEFAULT_SAMPLE_OPTIONS.asOf;
  if (!isIsoDate(asOf))
    throw new RangeError(`sample data option asOf must be a date YYYY-MM-DD, got ${asOf}`);
  const perWeek = options.activitiesPerRepPerWeek ?? DEFAULT_SAMPLE_OPTIONS.activitiesPerRepPerWeek;
  if (!(perWeek >= 0) || !Number.isFinite(perWeek)) {
    throw new RangeError(
      `sample data option activitiesPerRepPerWeek must be ≥ 0, got ${String(perWeek)}`
    );
  }
  const fiscal = options.fiscalYearStartMonth ?? DEFAULT_SAMPLE_OPTIONS.fiscalYearStartMonth;
  if (!Number.isInteger(fiscal) || fiscal < 1 || fiscal > 12) {
    throw new RangeError(
      `sample data option fiscalYearStartMonth must be 1–12, got ${String(fiscal)}`
    );
  }
  const timeZone = options.orgTimeZone ?? DEFAULT_SAMPLE_OPTIONS.orgTimeZone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`sample data option orgTimeZone is not a time zone: ${timeZone}`);
  }
  return {
    seed: positiveInteger('seed', options.seed ?? DEFAULT_SAMPLE_OPTIONS.seed, 0),
    asOf,
    reps,
    managers: positiveInteger('managers', options.managers ?? Math.max(1, Math.round(reps / 6)), 1),
    opportunities,
    accounts: positiveInteger(
      'accounts',
      options.accounts ?? Math.max(reps * 4, Math.round(opportunities / 8)),
      reps
    ),
    activitiesPerRepPerWeek: perWeek,
    orgTimeZone: timeZone,
    currency: options.currency ?? DEFAULT_SAMPLE_OPTIONS.currency,
    fiscalYearStartMonth: fiscal
  };
}

/**
 * Day and date-time strings, cached per day so the hundreds of thousands of records that share a
 * date share one string, and the time-zone offset is looked up once a day.
 */
class Calendar {
  private readonly base: number;
  private readonly dates: string[] = [];
  private readonly offsets: number[] = [];

  constructor(
    private readonly timeZone: string,
    asOfDay: number
  ) {
    this.base = asOfDay - 4000;
  }

  /** 'YYYY-MM-DD' of a day. */
  date(day: number): string {
    const i = day - this.base;
    return this.dates[i] ?? (this.dates[i] = dayToIso(day));
  }

  /** ISO UTC of a local wall-clock minute on a day (offset taken at local noon). */
  at(day: number, minuteOfDay: number): string {
    const i = day - this.base;
    let offset = this.offsets[i];
    if (offset === undefined) {
      offset = tzOffsetMinutes(this.timeZone, day * DAY_MS + 12 * 3_600_000);
      this.offsets[i] = offset;
    }
    return new Date(day * DAY_MS + (minuteOfDay - offset) * 60_000).toISOString();
  }
}

/** Per-rep tendencies: some reps win more, sell bigger, log more, keep cleaner data. */
interface RepProfiles {
  winRate: Float64Array;
  dealSize: Float64Array;
  cycle: Float64Array;
  activity: Float64Array;
  /** Above 1: more data-trust problems than average. */
  sloppiness: Float64Array;
  /** Cumulative share of new opportunities, for a weighted pick. */
  cumulativeCapacity: Float64Array;
}

function makeRepProfiles(rng: Prng, reps: number): RepProfiles {
  const p: RepProfiles = {
    winRate: new Float64Array(reps),
    dealSize: new Float64Array(reps),
    cycle: new Float64Array(reps),
    activity: new Float64Array(reps),
    sloppiness: new Float64Array(reps),
    cumulativeCapacity: new Float64Array(reps)
  };
  let total = 0;
  for (let r = 0; r < reps; r++) {
    p.winRate[r] = 0.2 + rng.next() * 0.2;
    p.dealSize[r] = 0.6 + rng.next() * 1.0;
    p.cycle[r] = 0.7 + rng.next() * 0.6;
    p.activity[r] = 0.7 + rng.next() * 0.6;
    p.sloppiness[r] = 0.5 + rng.next() * 1.2;
    total += 0.7 + rng.next() * 0.6;
    p.cumulativeCapacity[r] = total;
  }
  for (let r = 0; r < reps; r++) p.cumulativeCapacity[r] /= total;
  return p;
}

function pickWeighted(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function uniqueName(taken: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
  taken.add(name);
  return name;
}

function makeUsers(rng: Prng, o: ResolvedOptions, cal: Calendar, asOfDay: number): SObjectRecord[] {
  const taken = new Set<string>();
  const users: SObjectRecord[] = [];
  const total = 1 + o.managers + o.reps;
  for (let i = 0; i < total; i++) {
    let first = '';
    let last = '';
    let name = '';
    for (let attempt = 0; attempt < 50 && (name === '' || taken.has(name)); attempt++) {
      first = rng.pick(words.FIRST_NAMES);
      last = rng.pick(words.LAST_NAMES);
      name = `${first} ${last}`;
    }
    name = uniqueName(taken, name);
    const role = i === 0 ? 'director' : i <= o.managers ? 'manager' : 'rep';
    const managerIndex =
      role === 'director' ? -1 : role === 'manager' ? 0 : 1 + ((i - 1 - o.managers) % o.managers);
    const login = `${first}.${last}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z.]/g, '');
    const suffix = name === `${first} ${last}` ? '' : String(i);
    users.push({
      Id: makeId(STANDARD_KEY_PREFIXES.User, i + 1),
      Name: name,
      FirstName: first,
      LastName: name.slice(first.length + 1),
      Username: `${login}${suffix}@pacer-sample.example`,
      Email: `${login}${suffix}@pacer-sample.example`,
      IsActive: true,
      ManagerId: managerIndex < 0 ? null : makeId(STANDARD_KEY_PREFIXES.User, managerIndex + 1),
      Title:
        role === 'director'
          ? 'Sales Director'
          : role === 'manager'
            ? 'Sales Manager'
            : 'Account Executive',
      UserRoleId: null,
      TimeZoneSidKey: o.orgTimeZone,
      LocaleSidKey: 'en_GB',
      CreatedDate: cal.at(asOfDay - 1500 + i, WORK_START_MINUTE)
    });
  }
  return users;
}

interface OpportunityResult {
  opportunities: SObjectRecord[];
  histories: SObjectRecord[];
  /** Owner rep index per opportunity. */
  rep: Int32Array;
  account: Int32Array;
  createdDay: Int32Array;
  /** Close day of closed deals; a day far ahead for open ones. */
  endDay: Int32Array;
  won: Uint8Array;
}

/** Day of a stage path step, drawn in (lo, hi], sorted, with strictly increasing local minutes. */
function spreadTransitions(
  rng: Prng,
  count: number,
  lo: number,
  hi: number,
  firstMinute: number,
  lastDayFixed: number | null
): { days: number[]; minutes: number[] } {
  const days: number[] = [lo];
  for (let j = 0; j < count; j++) {
    const isLast = j === count - 1;
    days.push(
      isLast && lastDayFixed !== null ? lastDayFixed : hi > lo ? lo + 1 + rng.int(hi - lo) : lo
    );
  }
  days.sort((a, b) => a - b);
  const minutes: number[] = [firstMinute];
  for (let j = 1; j < days.length; j++) {
    let minute = WORK_START_MINUTE + rng.int(WORK_MINUTES);
    if (days[j] === days[j - 1] && minute <= minutes[j - 1])
      minute = Math.min(1439, minutes[j - 1] + 1 + rng.int(20));
    minutes.push(minute);
  }
  return { days, minutes };
}

function stagePath(rng: Prng, finalStage: number): number[] {
  if (finalStage === WON) {
    const path = [0, 1, 2, 3, 4, 5];
    if (rng.chance(0.25)) path.splice(1 + rng.int(3), 1);
    path.push(WON);
    return path;
  }
  const top = finalStage === LOST ? rng.pick(LOST_AT) : finalStage;
  const path: number[] = [];
  for (let s = 0; s <= top; s++) path.push(s);
  if (top >= 3 && rng.chance(0.2)) path.splice(1 + rng.int(top - 1), 1);
  if (finalStage === LOST) path.push(LOST);
  return path;
}

function makeOpportunities(
  rng: Prng,
  o: ResolvedOptions,
  cal: Calendar,
  asOfDay: number,
  users: SObjectRecord[],
  accountIds: string[],
  accountNames: string[],
  accountsByRep: number[][],
  profiles: RepProfiles
): OpportunityResult {
  const n = o.opportunities;
  const repBase = 1 + o.managers;
  const offsets = new Int32Array(n);
  for (let i = 0; i < n; i++)
    offsets[i] = Math.floor(CREATION_SPAN_DAYS * Math.pow(rng.next(), 1.15));
  offsets.sort();

  const result: OpportunityResult = {
    opportunities: new Array<SObjectRecord>(n),
    histories: [],
    rep: new Int32Array(n),
    account: new Int32Array(n),
    createdDay: new Int32Array(n),
    endDay: new Int32Array(n),
    won: new Uint8Array(n)
  };
  let historyCount = 0;
  // The data set is a snapshot taken at the start of asOf: everything recorded happened by yesterday.
  const yesterday = asOfDay - 1;

  for (let i = 0; i < n; i++) {
    // Oldest first, so ids grow with CreatedDate as they do in an org.
    const created = asOfDay - 1 - offsets[n - 1 - i];
    const r = pickWeighted(profiles.cumulativeCapacity, rng.next());
    const repAccounts = accountsByRep[r];
    // Squaring the draw concentrates deals on each rep's first (key) accounts.
    const a = repAccounts[Math.floor(rng.next() * rng.next() * repAccounts.length)];
    const owner = users[repBase + r].Id as string;
    const existing = rng.chance(0.35);
    const cycle = Math.min(
      400,
      Math.max(7, Math.round((18 + rng.exponential(60)) * profiles.cycle[r] * (existing ? 0.6 : 1)))
    );
    const planned = created + cycle;
    const amountRaw =
      Math.exp(Math.log(22_000) + 0.9 * rng.normal()) * profiles.dealSize[r] * (existing ? 0.6 : 1);
    let amount: number | null = Math.max(1000, Math.round(amountRaw / 100) * 100);
    const sloppy = profiles.sloppiness[r];

    let finalStage: number;
    let closeDay: number;
    let zombie = false;
    if (planned < asOfDay) {
      // Overdue deals that are still open get rarer the longer ago they should have closed…
      const stillOpen = rng.chance(0.35 * sloppy * Math.exp(-(asOfDay - planned) / 45));
      // …except zombies: old deals nobody closes, their close date pushed out again and again.
      zombie = !stillOpen && rng.chance(ZOMBIE_SHARE * sloppy);
      if (stillOpen || zombie) {
        finalStage = rng.between(1, 5);
        closeDay = zombie && rng.chance(0.6) ? asOfDay + rng.between(5, 120) : planned;
      } else {
        finalStage = rng.chance(profiles.winRate[r]) ? WON : LOST;
        closeDay = Math.min(yesterday, Math.max(created + 1, planned + rng.between(-7, 21)));
      }
    } else {
      const progress = (asOfDay - created) / cycle;
      finalStage = Math.min(5, Math.max(0, Math.floor(progress * 5.5 + 0.7 * rng.normal())));
      closeDay = planned;
    }
    const isOpen = finalStage !== WON && finalStage !== LOST;
    // Early-stage deals whose close date is due within 30 days: optimistic dates nobody revisited.
    if (isOpen && closeDay >= asOfDay && rng.chance(0.06 * sloppy)) {
      finalStage = rng.int(2);
      closeDay = asOfDay + rng.int(31);
    }
    if (isOpen && finalStage === 0 && rng.chance(MISSING_AMOUNT_SHARE)) amount = null;

    const overdue = isOpen && closeDay < asOfDay;
    let staleDay = -1;
    if (isOpen && rng.chance((zombie ? 0.7 : overdue ? 0.5 : 0.13) * sloppy)) {
      const candidate = asOfDay - rng.between(STALE_AFTER_DAYS + 1, 200);
      if (candidate > created) staleDay = candidate;
    }
    const bound =
      finalStage === WON || finalStage === LOST ? closeDay : staleDay >= 0 ? staleDay : yesterday;

    const path = stagePath(rng, finalStage);
    const createdMinute = WORK_START_MINUTE + rng.int(WORK_MINUTES);
    const closed = !isOpen;
    const spread = spreadTransitions(
      rng,
      path.length - 1,
      created,
      bound,
      createdMinute,
      closed ? closeDay : null
    );

    // A close date pushed out after the last stage change: a history row without a stage change.
    const pushOut = isOpen && staleDay < 0 && finalStage >= 2 && rng.chance(0.2);
    const expectedClose = pushOut
      ? closeDay - rng.between(14, 60)
      : closed
        ? created + cycle
        : closeDay;
    if (pushOut) {
      const lastDay = spread.days[spread.days.length - 1];
      const day = lastDay + rng.int(Math.max(1, bound - lastDay + 1));
      let minute = WORK_START_MINUTE + rng.int(WORK_MINUTES);
      if (day === lastDay && minute <= spread.minutes[spread.minutes.length - 1]) {
        minute = Math.min(1439, spread.minutes[spread.minutes.length - 1] + 1);
      }
      spread.days.push(day);
      spread.minutes.push(minute);
      path.push(path[path.length - 1]);
    }

    const oppId = makeId(STANDARD_KEY_PREFIXES.Opportunity, i + 1);
    const firstAmount =
      amount === null
        ? null
        : Math.max(1000, Math.round((amount * (0.6 + 0.8 * rng.next())) / 100) * 100);
    let settle = path.length - 1;
    for (let j = 0; j < path.length; j++) {
      if (path[j] >= 4 && path[j] !== LOST) {
        settle = j;
        break;
      }
    }
    let lastStageChange: string | null = null;
    let offerEnteredDay = -1;
    const rows = path.length;
    for (let j = 0; j < rows; j++) {
      const stage = STAGES[path[j]];
      const when = cal.at(spread.days[j], spread.minutes[j]);
      if (j > 0 && path[j] !== path[j - 1]) lastStageChange = when;
      if (offerEnteredDay < 0 && (path[j] === 4 || path[j] === 5)) offerEnteredDay = spread.days[j];
      const last = j === rows - 1;
      result.histories.push({
        Id: makeId(STANDARD_KEY_PREFIXES.OpportunityHistory, ++historyCount),
        OpportunityId: oppId,
        StageName: stage.name,
        Amount: last || j >= settle ? amount : firstAmount,
        Probability: stage.probability,
        CloseDate: cal.date(last ? closeDay : expectedClose),
        ForecastCategory: stage.historyForecastCategory,
        CreatedDate: when,
        CreatedById: owner
      });
    }

    const createdIso = cal.at(created, createdMinute);
    const lastRowIso = cal.at(spread.days[rows - 1], spread.minutes[rows - 1]);
    let lastModified = lastRowIso;
    if (isOpen) {
      const touchDay =
        staleDay >= 0
          ? staleDay
          : yesterday - rng.int(Math.max(1, Math.min(45, yesterday - created)));
      const touch = cal.at(touchDay, WORK_START_MINUTE + rng.int(WORK_MINUTES));
      if (touch > lastModified) lastModified = touch;
    }

    let snoozedUntil: string | null = null;
    let snoozeReason: string | null = null;
    if (isOpen && (overdue || staleDay >= 0) && rng.chance(0.08)) {
      snoozedUntil = cal.date(asOfDay + rng.between(3, 40));
      snoozeReason = rng.pick(words.SNOOZE_REASONS);
    } else if (isOpen && rng.chance(0.01)) {
      snoozedUntil = cal.date(asOfDay - rng.between(1, 30));
      snoozeReason = rng.pick(words.SNOOZE_REASONS);
    }

    const stage = STAGES[finalStage];
    result.opportunities[i] = {
      Id: oppId,
      Name: `${accountNames[a]} - ${rng.pick(words.PRODUCTS)}`,
      AccountId: accountIds[a],
      OwnerId: owner,
      StageName: stage.name,
      Amount: amount,
      Probability: stage.probability,
      CloseDate: cal.date(closeDay),
      IsClosed: stage.isClosed,
      IsWon: stage.isWon,
      ForecastCategoryName: stage.forecastCategoryName,
      Type: existing ? 'Existing Business' : 'New Business',
      NextStep: isOpen ? rng.pick(words.NEXT_STEPS) : null,
      LastActivityDate: null,
      LastStageChangeDate: lastStageChange,
      SPM_Offer_Check_Date__c:
        isOpen && offerEnteredDay >= 0 && (finalStage === 4 || finalStage === 5)
          ? cal.date(offerEnteredDay + rng.between(7, 40))
          : null,
      SPM_Flag_Snoozed_Until__c: snoozedUntil,
      SPM_Flag_Snooze_Reason__c: snoozeReason,
      CreatedDate: createdIso,
      CreatedById: owner,
      LastModifiedDate: lastModified,
      LastModifiedById: owner,
      SystemModstamp: lastModified
    };
    result.rep[i] = r;
    result.account[i] = a;
    result.createdDay[i] = created;
    result.endDay[i] = closed ? closeDay : asOfDay + 100_000;
    result.won[i] = finalStage === WON ? 1 : 0;
  }
  return result;
}

function makeAccounts(
  rng: Prng,
  o: ResolvedOptions,
  cal: Calendar,
  asOfDay: number,
  users: SObjectRecord[],
  ids: string[],
  names: string[],
  owners: Int32Array,
  opps: OpportunityResult
): SObjectRecord[] {
  const n = ids.length;
  const firstOpp = new Int32Array(n).fill(-1);
  const hasWon = new Uint8Array(n);
  for (let i = 0; i < opps.account.length; i++) {
    const a = opps.account[i];
    if (firstOpp[a] < 0) firstOpp[a] = opps.createdDay[i];
    if (opps.won[i]) hasWon[a] = 1;
  }
  const accounts: SObjectRecord[] = new Array<SObjectRecord>(n);
  const repBase = 1 + o.managers;
  for (let a = 0; a < n; a++) {
    const newLogo = firstOpp[a] >= 0 && rng.chance(0.35);
    const created = newLogo ? firstOpp[a] - rng.int(31) : asOfDay - rng.between(800, 2400);
    const modified = Math.max(created, asOfDay - rng.int(400));
    accounts[a] = {
      Id: ids[a],
      Name: names[a],
      OwnerId: users[repBase + owners[a]].Id,
      Industry: rng.pick(words.INDUSTRIES),
      Type: hasWon[a]
        ? rng.chance(0.15)
          ? 'Customer - Channel'
          : 'Customer - Direct'
        : 'Prospect',
      CreatedDate: cal.at(created, WORK_START_MINUTE + rng.int(WORK_MINUTES)),
      LastModifiedDate: cal.at(modified, WORK_START_MINUTE + rng.int(WORK_MINUTES))
    };
  }
  return accounts;
}

interface ActivityResult {
  tasks: SObjectRecord[];
  events: SObjectRecord[];
}

function makeActivities(
  rng: Prng,
  o: ResolvedOptions,
  cal: Calendar,
  asOfDay: number,
  users: SObjectRecord[],
  accountIds: string[],
  accountsByRep: number[][],
  opps: OpportunityResult,
  profiles: RepProfiles
): ActivityResult {
  const tasks: SObjectRecord[] = [];
  const events: SObjectRecord[] = [];
  const repBase = 1 + o.managers;
  const reps = o.reps;

  // Each rep's opportunities in creation order (they were generated oldest first).
  const start = new Int32Array(reps + 1);
  for (let i = 0; i < opps.rep.length; i++) start[opps.rep[i] + 1]++;
  for (let r = 0; r < reps; r++) start[r + 1] += start[r];
  const fill = start.slice(0, reps);
  const byRep = new Int32Array(opps.rep.length);
  for (let i = 0; i < opps.rep.length; i++) byRep[fill[opps.rep[i]]++] = i;
  const lastActivity = new Int32Array(opps.rep.length).fill(-1);

  // Weeks start on Monday; 1970-01-01 was a Thursday.
  const firstDay = asOfDay - ACTIVITY_SPAN_DAYS;
  const firstMonday = firstDay - ((((firstDay + 3) % 7) + 7) % 7);
  let taskCount = 0;
  let eventCount = 0;

  for (let r = 0; r < reps; r++) {
    const owner = users[repBase + r].Id as string;
    const from = start[r];
    const to = start[r + 1];
    for (let week = firstMonday; week <= asOfDay + PLANNED_AHEAD_DAYS; week += 7) {
      const future = week > asOfDay;
      let count = Math.round(
        o.activitiesPerRepPerWeek * profiles.activity[r] * (0.6 + 0.8 * rng.next())
      );
      if (future) count = Math.round(count * 0.3);
      for (let k = 0; k < count; k++) {
        const day = week + rng.int(5);
        if (day < firstDay || day > asOfDay + PLANNED_AHEAD_DAYS) continue;
        const kindDraw = rng.next();
        const kind = future
          ? kindDraw < 0.6
            ? 2
            : 0
          : kindDraw < 0.45
            ? 0
            : kindDraw < 0.7
              ? 1
              : 2;

        // Most activity is about a live deal; the rest is account work.
        let opp = -1;
        if (rng.chance(0.7)) {
          let lo = from;
          let hi = to;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (opps.createdDay[byRep[mid]] <= day) lo = mid + 1;
            else hi = mid;
          }
          const window = Math.min(60, lo - from);
          for (let attempt = 0; attempt < 4 && window > 0; attempt++) {
            const candidate = byRep[lo - 1 - rng.int(window)];
            if (opps.endDay[candidate] >= day) {
              opp = candidate;
              break;
            }
          }
        }
        const account = opp >= 0 ? opps.account[opp] : rng.pick(accountsByRep[r]);
        const whatId = opp >= 0 ? (opps.opportunities[opp].Id as string) : accountIds[account];
        if (opp >= 0 && day < asOfDay && day > lastActivity[opp]) lastActivity[opp] = day;
        const minute = WORK_START_MINUTE + rng.int(WORK_MINUTES - 60);

        if (kind === 2) {
          const duration = rng.pick(words.MEETING_MINUTES);
          const startMinute = 9 * 60 + 30 * rng.int(16);
          const createdDay = Math.min(asOfDay - 1, day - rng.between(1, 10));
          events.push({
            Id: makeId(STANDARD_KEY_PREFIXES.Event, ++eventCount),
            Subject: rng.pick(words.MEETING_SUBJECTS),
            OwnerId: owner,
            WhatId: whatId,
            WhoId: null,
            AccountId: accountIds[account],
            ActivityDate: cal.date(day),
            StartDateTime: cal.at(day, startMinute),
            EndDateTime: cal.at(day, startMinute + duration),
            DurationInMinutes: duration,
            Type: 'Meeting',
            CreatedDate: cal.at(createdDay, minute)
          });
        } else {
          const call = kind === 0;
          tasks.push({
            Id: makeId(STANDARD_KEY_PREFIXES.Task, ++taskCount),
            Subject: rng.pick(call ? words.CALL_SUBJECTS : words.EMAIL_SUBJECTS),
            OwnerId: owner,
            WhatId: whatId,
            WhoId: null,
            AccountId: accountIds[account],
            ActivityDate: cal.date(day),
            Status: day < asOfDay ? 'Completed' : 'Not Started',
            Type: call ? 'Call' : 'Email',
            TaskSubtype: call ? 'Call' : 'Email',
            CreatedDate: cal.at(Math.min(day, asOfDay - 1), minute)
          });
        }
      }
    }
  }
  for (let i = 0; i < lastActivity.length; i++) {
    if (lastActivity[i] >= 0) opps.opportunities[i].LastActivityDate = cal.date(lastActivity[i]);
  }
  return { tasks, events };
}

/**
 * Generates the sample data set. Deterministic: equal options give equal records in equal order,
 * so the written file is byte-identical.
 */
export function generateSampleData(options: SampleDataOptions = {}): SampleDataSet {
  const o = resolveSampleOptions(options);
  const rng = new Prng(o.seed);
  const asOfDay = isoToDay(o.asOf);
  const cal = new Calendar(o.orgTimeZone, asOfDay);
  const profiles = makeRepProfiles(rng, o.reps);
  const users = makeUsers(rng, o, cal, asOfDay);

  const accountIds: string[] = new Array<string>(o.accounts);
  const accountNames: string[] = new Array<string>(o.accounts);
  const accountOwners = new Int32Array(o.accounts);
  const accountsByRep: number[][] = Array.from({ length: o.reps }, () => []);
  const takenNames = new Set<string>();
  for (let a = 0; a < o.accounts; a++) {
    accountIds[a] = makeId(STANDARD_KEY_PREFIXES.Account, a + 1);
    const base = `${rng.pick(words.COMPANY_PREFIXES)} ${rng.pick(words.COMPANY_CORES)} ${rng.pick(words.COMPANY_SUFFIXES)}`;
    accountNames[a] = uniqueName(takenNames, base);
    // Every rep gets accounts; the rest are spread at random.
    const r = a < o.reps ? a : rng.int(o.reps);
    accountOwners[a] = r;
    accountsByRep[r].push(a);
  }

  const opps = makeOpportunities(
    rng,
    o,
    cal,
    asOfDay,
    users,
    accountIds,
    accountNames,
    accountsByRep,
    profiles
  );
  const accounts = makeAccounts(
    rng,
    o,
    cal,
    asOfDay,
    users,
    accountIds,
    accountNames,
    accountOwners,
    opps
  );
  const activities = makeActivities(
    rng,
    o,
    cal,
    asOfDay,
    users,
    accountIds,
    accountsByRep,
    opps,
    profiles
  );

  return {
    meta: {
      seed: o.seed,
      generatedAt: o.asOf,
      asOf: o.asOf,
      orgTimeZone: o.orgTimeZone,
      currency: o.currency,
      fiscalYearStartMonth: o.fiscalYearStartMonth
    },
    records: {
      User: users,
      Account: accounts,
      Opportunity: opps.opportunities,
      OpportunityHistory: opps.histories,
      Task: activities.tasks,
      Event: activities.events
    }
  };
}
