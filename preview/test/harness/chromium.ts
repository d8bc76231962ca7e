/**
 * Headless Chromium for the browser tests and the first-render benchmark: Debian's
 * /usr/bin/chromium driven by playwright-core.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The browser binary (`CHROMIUM_PATH` overrides; CI installs Debian's chromium). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium switches for a quiet, reproducible headless run. Playwright adds `--headless` and a
 * fresh temporary `--user-data-dir` itself on every launch (it refuses one passed here).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

/** Launches headless Chromium; the error says how to install it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH`
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
