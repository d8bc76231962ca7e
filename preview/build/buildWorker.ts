/**
 * Worker-thread side of the build service (see buildService.ts): runs one build at a time and
 * keeps Rollup's cache between builds, so watch-mode rebuilds compile only what changed.
 */
import { parentPort } from 'node:worker_threads';
import type { RollupCache } from 'rollup';
import { buildPreview, type BuildOptions } from './buildPreview';

/** A request from the main thread. */
export interface BuildRequest {
  id: number;
  options: Pick<BuildOptions, 'paths' | 'force' | 'mode'>;
}

let rollupCache: RollupCache | undefined;
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (request: BuildRequest) => {
  queue = queue.then(async () => {
    try {
      const build = await buildPreview({
        ...request.options,
        rollupCache,
        log: (message) => parentPort?.postMessage({ id: request.id, log: message })
      });
      if (build.rollupCache) rollupCache = build.rollupCache;
      // The cache stays here: it is large, and only this thread's next build uses it.
      parentPort?.postMessage({ id: request.id, result: { ...build, rollupCache: undefined } });
    } catch (error) {
      parentPort?.postMessage({ id: request.id, error: (error as Error).message });
    }
  });
});
