/**
 * Builds off the main thread. Rollup and the LWC compiler are synchronous work; run on the
 * server's thread they would stall the preview and the in-process local org for the length of a
 * build (a first start, every watch-mode rebuild). A worker keeps both answering meanwhile.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuildOptions, PreviewBuild } from './buildPreview';
import type { BuildRequest } from './buildWorker';

/** Builds in a worker thread. */
export interface BuildService {
  build(options: Pick<BuildOptions, 'paths' | 'force' | 'mode'>): Promise<PreviewBuild>;
  close(): Promise<void>;
}

type Reply = { id: number; log?: string; result?: PreviewBuild; error?: string };

/** Starts the worker. `log` receives the build's progress messages. */
export function startBuildService(log: (message: string) => void = () => undefined): BuildService {
  // Workers inherit the process's loader flags, so tsx compiles the worker's TypeScript too.
  const worker = new Worker(path.join(__dirname, 'buildWorker.ts'));
  const pending = new Map<
    number,
    { resolve: (build: PreviewBuild) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  worker.on('message', (reply: Reply) => {
    if (reply.log !== undefined) return log(reply.log);
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
    else if (reply.result) waiting?.resolve(reply.result);
  });
  worker.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  // The worker must not keep the process alive once the preview is closed.
  worker.unref();
  return {
    build(options) {
      const id = nextId++;
      return new Promise<PreviewBuild>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, options } satisfies BuildRequest);
      });
    },
    async close() {
      await worker.terminate();
    }
  };
}
