/**
 * What a browser test is and what it gets: a fresh page (own browser context) on the running
 * preview, helpers to open pages as a given user and wait until they have rendered their data,
 * screenshots, and the people of the data set by role.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningPreview } from '../../startPreview';
import { classifyUsers, type OrgUser } from '../../server/users';

/** Where screenshots go (CI keeps artifacts/). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '..', 'artifacts', 'screenshots');
/** How long a page may take to render its data before a test fails. */
export const READY_TIMEOUT_MS = 20_000;

/** People of the data set by role, for "as a manager…" journeys. */
export interface People {
  director: OrgUser;
  manager: OrgUser;
  rep: OrgUser;
  all: OrgUser[];
}

/** What a test receives. */
export interface BrowserTestContext {
  page: Page;
  preview: RunningPreview;
  people: People;
  /** Opens a preview path (e.g. `/lightning/o/Account/list`) as `user` and waits for its data. */
  open(
    pathname: string,
    params?: { user?: string; locale?: string; [key: string]: string | undefined }
  ): Promise<void>;
  /** Waits until the current page has rendered its data (`body[data-ready]`). */
  waitForReady(): Promise<void>;
  /** Saves a full-page screenshot as artifacts/screenshots/<name>.png; returns the path. */
  screenshot(name: string): Promise<string>;
  /** Console errors and uncaught exceptions seen on the page so far. */
  consoleErrors(): string[];
}

/** A browser test: a title and an async body that throws on failure. */
export interface BrowserTest {
  title: string;
  run(context: BrowserTestContext): Promise<void>;
}

/** Declares a browser test (files in preview/test/browser export an array `tests` of them). */
export function browserTest(
  title: string,
  run: (context: BrowserTestContext) => Promise<void>
): BrowserTest {
  return { title, run };
}

/** The director, a manager and a rep of the preview's data set (the first of each by name). */
export function peopleOf(preview: RunningPreview): People {
  const all = classifyUsers(
    (preview.data.records.User ?? []).map((user) => ({
      Id: String(user.Id),
      Name: String(user.Name ?? user.Id),
      Title: (user.Title as string | null) ?? null,
      ManagerId: (user.ManagerId as string | null) ?? null,
      IsActive: user.IsActive !== false,
      LocaleSidKey: (user.LocaleSidKey as string | null) ?? null,
      TimeZoneSidKey: (user.TimeZoneSidKey as string | null) ?? null
    }))
  );
  const first = (persona: OrgUser['persona']) => {
    const user = all.find((candidate) => candidate.persona === persona);
    if (!user) throw new Error(`The data set has no ${persona}`);
    return user;
  };
  return { director: first('Director'), manager: first('Manager'), rep: first('Rep'), all };
}

/** The context for one test on one page. */
export function testContext(
  page: Page,
  preview: RunningPreview,
  people: People
): BrowserTestContext {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));

  const waitForReady = async () => {
    await page.waitForSelector('body[data-ready="true"]', {
      state: 'attached',
      timeout: READY_TIMEOUT_MS
    });
  };
  return {
    page,
    preview,
    people,
    waitForReady,
    async open(pathname, params = {}) {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(params))
        if (value !== undefined) query.set(key, value);
      const search = query.toString();
      await page.goto(`${preview.url}${pathname}${search ? `?${search}` : ''}`);
      await waitForReady();
    },
    async screenshot(name) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    consoleErrors: () => [...errors]
  };
}
