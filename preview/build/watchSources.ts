/**
 * Watch mode: rebuilds the bundle when the components, labels, tab or flexipage metadata or the
 * preview's browser code change, so a component that lands shows on the next page reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PreviewBuild } from './buildPreview';
import type { ProjectPaths } from './projectPaths';

/** Quiet time after the last change before rebuilding (editors write files in bursts). */
const DEBOUNCE_MS = 300;

/** A running watcher. */
export interface SourceWatcher {
  close(): void;
}

/** The folders whose changes change the bundle. */
export function watchedDirs(paths: ProjectPaths): string[] {
  return [
    paths.lwcDir,
    path.dirname(paths.labelsFile),
    path.join(paths.metadataDir, 'tabs'),
    path.join(paths.metadataDir, 'flexipages'),
    paths.platformDir,
    path.dirname(paths.entryFile)
  ];
}

/**
 * Watches the sources and calls `build` after changes (one build at a time; changes during a
 * build cause one more). `onBuild` receives each new build; `onError` a failed one (the old build
 * stays served).
 */
export function watchSources(
  paths: ProjectPaths,
  first: PreviewBuild | undefined,
  build: () => Promise<PreviewBuild>,
  onBuild: (build: PreviewBuild) => void,
  onError: (error: Error) => void
): SourceWatcher {
  let last = first;
  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let again = false;

  const rebuild = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    try {
      const next = await build();
      if (next.hash !== last?.hash) onBuild(next);
      last = next;
    } catch (error) {
      onError(error as Error);
    } finally {
      building = false;
      if (again) {
        again = false;
        void rebuild();
      }
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), DEBOUNCE_MS);
  };

  const watchers = watchedDirs(paths)
    .filter((dir) => fs.existsSync(dir))
    .map((dir) => fs.watch(dir, { recursive: true }, schedule));
  // A metadata folder created later (the first label, the first flexipage) is seen through its parent.
  watchers.push(fs.watch(paths.metadataDir, schedule));
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    }
  };
}
