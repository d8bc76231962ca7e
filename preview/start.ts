/**
 * `npm start`: the local org with sample data, the components built for the browser, and the
 * preview on 127.0.0.1. The org is readied as an admin would (seed, forecast backfill, targets).
 * Flags: `--port <n>`, `--data <sample-data file>`, `--skip-setup`, `--rebuild`, `--watch`, `--dev`.
 */
import { parseArgs } from 'node:util';
import { startPreview } from './startPreview';

const USAGE = `Usage: npm start -- [--port <n>] [--data <file>] [--skip-setup] [--rebuild] [--watch] [--dev]

  --port <n>      port of the preview on 127.0.0.1 (default: a free port)
  --data <file>   a sample-data file (npm run sample-data -- --out <file>); default: the default sample data
  --skip-setup    leave the local org as the data set has it (no seed, forecast backfill or targets),
                  to walk the admin journey yourself against it
  --rebuild       rebuild the components even if preview/dist holds a build of the same sources
  --watch         rebuild when components change; reload the page to see them
  --dev           LWC development mode: slower, but component mistakes are reported in the console
  --help          this text`;

async function main(): Promise<void> {
  let values: {
    port?: string;
    data?: string;
    'skip-setup'?: boolean;
    rebuild?: boolean;
    watch?: boolean;
    dev?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        'skip-setup': { type: 'boolean' },
        rebuild: { type: 'boolean' },
        watch: { type: 'boolean' },
        dev: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      },
      strict: true
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: expected a port number (0–65535), got "${values.port}"\n\n${USAGE}`);
    process.exit(2);
  }

  const started = Date.now();
  const preview = await startPreview({
    port,
    data: values.data,
    setup: !values['skip-setup'],
    rebuild: values.rebuild,
    watch: values.watch,
    mode: values.dev ? 'development' : 'production',
    log: (message) => console.log(message)
  });
  const build = preview.buildError === undefined ? preview.build : undefined;
  const buildNote = !build
    ? 'they do not build yet (see above); fix them and reload the page'
    : build.cached
      ? `reused build ${build.hash}`
      : `built ${build.hash} in ${(build.durationMs / 1000).toFixed(1)} s`;
  const missing = (build?.pageComponents ?? [])
    .filter((page) => !page.exists)
    .map((page) => page.tag);
  console.log(
    `Local org: ${preview.org.url} (data as of ${preview.data.meta.asOf}, the preview's today)`
  );
  console.log(
    `  scripts reach it with: PACER_LOCAL_ORG_URL=${preview.org.url} npm run <script> -- --target-org local`
  );
  console.log(
    `Components: ${buildNote}${missing.length ? `; not built yet: ${missing.join(', ')}` : ''}`
  );
  console.log(
    `Pacer preview ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${preview.url}/`
  );
  console.log('Press Ctrl+C to stop.');

  const stop = () => {
    preview.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
