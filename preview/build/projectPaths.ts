/**
 * Where the preview finds the project's sources and puts its build, in one place so the build,
 * the server, the tests and the bench agree.
 */
import path from 'node:path';

/** Absolute paths the preview reads from and writes to. */
export interface ProjectPaths {
  /** The project root (holds package.json and force-app). */
  root: string;
  /** `force-app/main/default`: the metadata the org would receive. */
  metadataDir: string;
  /** `force-app/main/default/lwc`: one folder per component or service module. */
  lwcDir: string;
  /** The custom labels file that `@salesforce/label/c.*` imports read. */
  labelsFile: string;
  /** Browser-side implementations of the platform modules (`lightning/graphql`, …). */
  platformDir: string;
  /** The preview's own LWC modules (page shell), namespace `preview`. */
  appModulesDir: string;
  /** The browser entry point. */
  entryFile: string;
  /** Build cache: one folder per source hash. */
  distDir: string;
  /** SLDS assets (styles, icons, images), served under /assets. */
  sldsAssetsDir: string;
}

/** The project's paths, from its root (default: two levels above this file). */
export function projectPaths(root: string = path.resolve(__dirname, '..', '..')): ProjectPaths {
  const metadataDir = path.join(root, 'force-app', 'main', 'default');
  const previewDir = path.join(root, 'preview');
  return {
    root,
    metadataDir,
    lwcDir: path.join(metadataDir, 'lwc'),
    labelsFile: path.join(metadataDir, 'labels', 'CustomLabels.labels-meta.xml'),
    platformDir: path.join(previewDir, 'platform'),
    appModulesDir: path.join(previewDir, 'app', 'modules'),
    entryFile: path.join(previewDir, 'app', 'main.ts'),
    distDir: path.join(previewDir, 'dist'),
    sldsAssetsDir: path.join(root, 'node_modules', '@salesforce-ux', 'design-system', 'assets')
  };
}
