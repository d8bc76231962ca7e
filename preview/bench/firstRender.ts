/**
 * First render of the Performance Review page, measured in headless Chromium: the time from
 * navigation start to the page's `pacer:data-ready` mark (its components have rendered their
 * data), median of several loads. Cold loads use a fresh browser context each (no HTTP cache);
 * warm loads reload in one context, as a user moving between pages does.
 */
import type { Browser, Page } from 'playwright-core';
import { DATA_READY_MARK } from '../platform/readiness';
import { launchChromium } from '../test/harness/chromium';
import { HOME_PATH } from '../server/previewServer';

const READY_TIMEOUT_MS = 30_000;

/** Options of {@link measureFirstRender}. */
export interface FirstRenderOptions {
  /** The preview's base URL. */
  baseUrl: string;
  /** Page to load (default: the Performance Review tab). */
  path?: string;
  /** Loads per series (default 7). */
  loads?: number;
  /** A browser to reuse (default: launch one and close it after). */
  browser?: Browser;
}

/** Measured times, in milliseconds. */
export interface FirstRenderResult {
  url: string;
  coldMs: number[];
  coldMedianMs: number;
  warmMs: number[];
  warmMedianMs: number;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function readyAt(page: Page): Promise<number> {
  await page.waitForSelector('body[data-ready="true"]', {
    state: 'attached',
    timeout: READY_TIMEOUT_MS
  });
  return page.evaluate(
    (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN,
    DATA_READY_MARK
  );
}

/** Loads the page `loads` times cold and `loads` times warm and returns the times. */
export async function measureFirstRender(options: FirstRenderOptions): Promise<FirstRenderResult> {
  const loads = options.loads ?? 7;
  const url = `${options.baseUrl}${options.path ?? HOME_PATH}`;
  const browser = options.browser ?? (await launchChromium());
  try {
    const coldMs: number[] = [];
    for (let load = 0; load < loads; load += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      coldMs.push(await readyAt(page));
      await context.close();
    }
    const warmMs: number[] = [];
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await readyAt(page);
    for (let load = 0; load < loads; load += 1) {
      await page.reload();
      warmMs.push(await readyAt(page));
    }
    await context.close();
    const round = (values: number[]) => values.map((value) => Math.round(value));
    return {
      url,
      coldMs: round(coldMs),
      coldMedianMs: Math.round(median(coldMs)),
      warmMs: round(warmMs),
      warmMedianMs: Math.round(median(warmMs))
    };
  } finally {
    if (!options.browser) await browser.close();
  }
}

/** One line for logs: `first render (review page): cold median 812 ms [..], warm median 420 ms [..]`. */
export function formatFirstRender(result: FirstRenderResult): string {
  return (
    `first render of ${new URL(result.url).pathname}: cold median ${result.coldMedianMs} ms ` +
    `[${result.coldMs.join(', ')}], warm median ${result.warmMedianMs} ms [${result.warmMs.join(', ')}]`
  );
}
