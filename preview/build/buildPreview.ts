/**
 * Builds the browser bundle of the preview: the project's components and service modules, the
 * page shell, lightning-base-components and the preview's platform modules, with Rollup and the
 * LWC compiler. The result is cached in preview/dist/<hash>, keyed by the sources, so restarting
 * on unchanged sources costs nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { rollup, type RollupCache, type RollupLog } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { projectPaths, type ProjectPaths } from './projectPaths';
import { aliasModuleRecords, listLwcBundles } from './lwcBundles';
import { lwcRuntimeModules } from './lwcRuntime';
import { loadCustomLabels } from './customLabels';
import { resolvePageComponents, type PageComponent } from './pageComponents';
import { platformModules } from './platformModules';
import { stripTypes } from './stripTypes';
import { sourceHash } from './sourceHash';

/** The browser entry file name inside a build folder. */
export const ENTRY_FILE = 'main.js';
const MANIFEST_FILE = 'build.json';
/** Old builds kept besides the current one (another process may still serve them). */
const KEEP_OLD_BUILDS = 2;

/** Options of {@link buildPreview}. */
export interface BuildOptions {
  paths?: ProjectPaths;
  /** Rebuild even when a build for the same sources exists. */
  force?: boolean;
  /**
   * `production` (default) is what a production org runs, and renders the review about twice as
   * fast; `development` adds LWC's runtime checks, which report component mistakes in the console.
   */
  mode?: 'development' | 'production';
  /** Progress messages. */
  log?: (message: string) => void;
  /** Rollup's cache from the previous build of this process (watch mode): unchanged modules are not compiled again. */
  rollupCache?: RollupCache;
}

/** A finished (or reused) build. */
export interface PreviewBuild {
  hash: string;
  /** Absolute folder holding the bundle, main.js, and its chunks. */
  dir: string;
  /** True when an existing build was reused. */
  cached: boolean;
  /** Time spent building (0 when cached). */
  durationMs: number;
  pageComponents: PageComponent[];
  /** Warnings about project code (base-component noise is filtered out). */
  warnings: string[];
  /** Rollup's cache, for the next build in the same process (absent when reused from disk). */
  rollupCache?: RollupCache;
}

interface Manifest {
  hash: string;
  builtAt: string;
  durationMs: number;
  pageComponents: PageComponent[];
  warnings: string[];
}

/** Module names lightning-base-components maps itself (labels, gates, en-US i18n stubs). */
export function baseComponentModuleNames(root: string): Set<string> {
  const manifest = path.join(root, 'node_modules', 'lightning-base-components', 'package.json');
  const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
    lwc?: { modules?: Array<{ name?: string }> };
  };
  return new Set((pkg.lwc?.modules ?? []).flatMap((record) => (record.name ? [record.name] : [])));
}

/** Whether a Rollup warning is about our code rather than lightning-base-components' internals. */
export function isProjectWarning(warning: RollupLog): boolean {
  const where = `${warning.id ?? ''} ${warning.loc?.file ?? ''} ${warning.ids?.join(' ') ?? ''}`;
  if (where.includes(`${path.sep}node_modules${path.sep}`)) return false;
  // Circular imports inside the base components are reported without an id of ours.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && !where.includes(`${path.sep}force-app${path.sep}`))
    return false;
  return true;
}

function formatWarning(warning: RollupLog, root: string): string {
  const file = warning.loc?.file ?? warning.id;
  const where = file
    ? `${path.relative(root, file)}${warning.loc ? `:${warning.loc.line}:${warning.loc.column}` : ''}: `
    : '';
  return `${where}${warning.message}`;
}

function readManifest(dir: string): Manifest | undefined {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file) || !fs.existsSync(path.join(dir, ENTRY_FILE))) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

function removeOldBuilds(distDir: string, current: string): void {
  const builds = fs
    .readdirSync(distDir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && entry.name !== current && /^[0-9a-f]{16}$/.test(entry.name)
    )
    .map((entry) => ({
      dir: path.join(distDir, entry.name),
      mtime: fs.statSync(path.join(distDir, entry.name)).mtimeMs
    }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const build of builds.slice(KEEP_OLD_BUILDS))
    fs.rmSync(build.dir, { recursive: true, force: true });
}

/** Builds the preview bundle, or reuses the cached one for the same sources. */
export async function buildPreview(options: BuildOptions = {}): Promise<PreviewBuild> {
  const paths = options.paths ?? projectPaths();
  const mode = options.mode ?? 'production';
  const log = options.log ?? (() => undefined);
  const hash = sourceHash({
    root: paths.root,
    inputs: [
      paths.lwcDir,
      paths.labelsFile,
      path.join(paths.metadataDir, 'tabs'),
      path.join(paths.metadataDir, 'flexipages'),
      paths.platformDir,
      path.join(paths.root, 'preview', 'app'),
      path.join(paths.root, 'preview', 'build'),
      path.join(paths.root, 'preview', 'server', 'localeSettings.ts')
    ],
    extra: { mode }
  });
  const dir = path.join(paths.distDir, hash);
  const cachedManifest = options.force ? undefined : readManifest(dir);
  if (cachedManifest) {
    return {
      hash,
      dir,
      cached: true,
      durationMs: 0,
      pageComponents: cachedManifest.pageComponents,
      warnings: cachedManifest.warnings
    };
  }

  const started = Date.now();
  const bundles = listLwcBundles(paths.lwcDir);
  const pageComponents = resolvePageComponents(paths.metadataDir, bundles);
  log(
    `Building the preview: ${bundles.length} LWC bundle(s) from force-app, lightning-base-components, SLDS…`
  );
  const warnings: string[] = [];
  const build = await rollup({
    input: { main: paths.entryFile },
    cache: options.rollupCache,
    plugins: [
      stripTypes([paths.platformDir, path.dirname(paths.entryFile)]),
      platformModules({
        platformDir: paths.platformDir,
        labels: loadCustomLabels(paths.labelsFile),
        labelsFile: paths.labelsFile,
        pageComponents,
        baseComponentModules: baseComponentModuleNames(paths.root)
      }),
      replace({
        preventAssignment: true,
        values: { 'import.meta.env.SSR': 'false', 'process.env.NODE_ENV': JSON.stringify(mode) }
      }),
      lwc({
        rootDir: paths.root,
        modules: [
          ...aliasModuleRecords(bundles),
          { dir: paths.appModulesDir },
          { npm: 'lightning-base-components' }
        ],
        defaultModules: lwcRuntimeModules(paths.root),
        enableDynamicComponents: true
      })
    ],
    onwarn(warning) {
      if (isProjectWarning(warning)) warnings.push(formatWarning(warning, paths.root));
    }
  });

  fs.mkdirSync(paths.distDir, { recursive: true });
  // Write next to the final folder, then rename: a concurrent start never sees half a build.
  const tmpDir = fs.mkdtempSync(path.join(paths.distDir, `.${hash}-`));
  try {
    await build.write({
      dir: tmpDir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js'
    });
    const rollupCache = build.cache;
    await build.close();
    const durationMs = Date.now() - started;
    const manifest: Manifest = {
      hash,
      builtAt: new Date().toISOString(),
      durationMs,
      pageComponents,
      warnings
    };
    fs.writeFileSync(path.join(tmpDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    // Another process may have finished the same build meanwhile: its copy is identical.
    if (!readManifest(dir)) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(tmpDir, dir);
    }
    removeOldBuilds(paths.distDir, hash);
    fs.chmodSync(dir, 0o755);
    return { hash, dir, cached: false, durationMs, pageComponents, warnings, rollupCache };
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}
