/**
 * The preview's part of `npm run bench`: start a preview, measure the Performance Review page's
 * first render in headless Chromium, stop it.
 */
import { startPreview, type StartPreviewOptions } from '../startPreview';
import { measureFirstRender, type FirstRenderResult } from './firstRender';

/** {@link FirstRenderResult} plus how long the preview took to start. */
export interface PreviewBenchResult extends FirstRenderResult {
  build: { hash: string; cached: boolean; durationMs: number };
  startMs: number;
}

/**
 * Starts a preview (default data unless `data` is given), measures the review page's first render
 * and stops it. For `npm run bench`.
 */
export async function benchPreviewFirstRender(
  options: { loads?: number; data?: StartPreviewOptions['data'] } = {}
): Promise<PreviewBenchResult> {
  const started = Date.now();
  const preview = await startPreview({ data: options.data });
  const startMs = Date.now() - started;
  try {
    const result = await measureFirstRender({ baseUrl: preview.url, loads: options.loads });
    const { hash, cached, durationMs } = preview.build;
    return { ...result, build: { hash, cached, durationMs }, startMs };
  } finally {
    await preview.close();
  }
}
