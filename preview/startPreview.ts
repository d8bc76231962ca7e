/**
 * Starts the whole preview in-process: the local org with a data set, the bundle (built or
 * reused from preview/dist) and the HTTP server. Used by `npm start`, the browser tests and the
 * benchmark.
 */
import { startLocalOrg } from '../localorg/server';
import type { SampleDataSet } from '../sample-data/types';
import type { PreviewBuild } from './build/buildPreview';
import { startBuildService } from './build/buildService';
import { projectPaths, type ProjectPaths } from './build/projectPaths';
import { watchSources, type SourceWatcher } from './build/watchSources';
import { startPreviewServer } from './server/previewServer';
import { prepareLocalOrg } from './prepareOrg';

/** Options of {@link startPreview}. */
export interface StartPreviewOptions {
  /** Port of the preview (default 0: any free port). */
  port?: number;
  /** A sample-data file (`npm run sample-data -- --out …`) or a data set; default: the default sample data. */
  data?: string | SampleDataSet;
  /** Rebuild even if preview/dist holds a build for the same sources. */
  rebuild?: boolean;
  /** LWC runtime mode of the bundle (default production; development adds LWC's runtime checks). */
  mode?: 'development' | 'production';
  /**
   * Ready the org as an admin would (seed the config, backfill forecast snapshots, plan targets);
   * default true. False leaves the data set alone, to walk the admin journey by hand.
   */
  setup?: boolean;
  /** Rebuild when the components or the preview's browser code change (served from the next page load). */
  watch?: boolean;
  paths?: ProjectPaths;
  /** Progress messages (default: none). */
  log?: (message: string) => void;
}

/** A running preview. */
export interface RunningPreview {
  /** The preview's base URL, e.g. `http://127.0.0.1:4321`. */
  url: string;
  port: number;
  /** The local org behind it (the scripts reach it with PACER_LOCAL_ORG_URL and PACER_LOCAL_ORG_TOKEN). */
  org: { url: string; accessToken: string };
  /** The data set the local org holds. */
  data: SampleDataSet;
  /** The build served (the latest good one in watch mode); throws while there is none. */
  readonly build: PreviewBuild;
  /** Why there is no build yet (watch mode started on sources that do not build). */
  readonly buildError: string | undefined;
  close(): Promise<void>;
}

/** Starts the local org, the build and the server; `close()` stops what it started. */
export async function startPreview(options: StartPreviewOptions = {}): Promise<RunningPreview> {
  const paths = options.paths ?? projectPaths();
  const log = options.log ?? (() => undefined);

  const startOrg = async () => {
    const started = await startLocalOrg({ port: 0, data: options.data, projectDir: paths.root });
    try {
      if (options.setup !== false) await prepareLocalOrg(started, { root: paths.root, log });
    } catch (error) {
      await started.close();
      throw error;
    }
    return started;
  };
  // The build runs in a worker thread, so the org answers the setup commands meanwhile.
  const builder = startBuildService(log);
  const [built, started] = await Promise.allSettled([
    builder.build({ paths, force: options.rebuild, mode: options.mode }),
    startOrg()
  ]);
  // In watch mode a build error waits for the next change; otherwise it stops the start.
  const waitForFix = options.watch && built.status === 'rejected' && started.status === 'fulfilled';
  if (!waitForFix && (built.status === 'rejected' || started.status === 'rejected')) {
    if (started.status === 'fulfilled') await started.value.close();
    await builder.close();
    if (built.status === 'rejected')
      throw new Error(`The components do not build:\n${(built.reason as Error).message}`);
    throw (started as PromiseRejectedResult).reason;
  }
  const org = (started as PromiseFulfilledResult<Awaited<ReturnType<typeof startOrg>>>).value;
  let current: PreviewBuild | undefined = built.status === 'fulfilled' ? built.value : undefined;
  const firstError = built.status === 'rejected' ? (built.reason as Error).message : '';
  try {
    if (current) for (const warning of current.warnings) log(`warning: ${warning}`);
    else
      log(
        `The components do not build yet; the preview rebuilds on the next change:\n${firstError}`
      );
    const { meta } = org.data;
    const server = await startPreviewServer({
      org: { url: org.url, accessToken: org.accessToken },
      orgSettings: {
        currency: meta.currency,
        orgTimeZone: meta.orgTimeZone,
        asOf: meta.asOf ?? null
      },
      build: current ?? { error: firstError },
      sldsAssetsDir: paths.sldsAssetsDir,
      port: options.port ?? 0
    });
    let watcher: SourceWatcher | undefined;
    if (options.watch) {
      watcher = watchSources(
        paths,
        current,
        () => builder.build({ paths, mode: options.mode }),
        (next) => {
          current = next;
          server.setBuild(next);
          log(
            `Rebuilt the components in ${(next.durationMs / 1000).toFixed(1)} s: reload the page to see them.`
          );
          for (const warning of next.warnings) log(`warning: ${warning}`);
        },
        (error) => {
          // Without a good build yet, the page shows the error; otherwise it keeps the last good one.
          if (!current) server.setBuild({ error: error.message });
          log(
            `The rebuild failed${current ? ', the page keeps the previous build' : ''}:\n${error.message}`
          );
        }
      );
    }
    return {
      url: server.url,
      port: server.port,
      org: { url: org.url, accessToken: org.accessToken },
      data: org.data,
      get build(): PreviewBuild {
        if (!current) throw new Error('The components do not build yet');
        return current;
      },
      get buildError(): string | undefined {
        return current ? undefined : firstError;
      },
      close: async () => {
        watcher?.close();
        await builder.close();
        await server.close();
        await org.close();
      }
    };
  } catch (error) {
    await builder.close();
    await org.close();
    throw error;
  }
}
