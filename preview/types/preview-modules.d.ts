/**
 * Modules that exist only inside the preview's Rollup build (see preview/build/platformModules.ts).
 */
declare module 'preview:pages' {
  import type { LightningElement } from 'lwc';

  /** The component the Performance Review tab hosts, or null when it is not built yet. */
  export const reviewTab: typeof LightningElement | null;
  /** The component the Account record page hosts, or null when it is not built yet. */
  export const accountRecordPage: typeof LightningElement | null;
  /** What each page hosts and whether it exists. */
  export const pageComponents: Array<{
    page: 'reviewTab' | 'accountRecordPage';
    bundle: string;
    tag: string;
    source: string;
    exists: boolean;
  }>;
}

declare module 'preview/app' {
  import type { LightningElement } from 'lwc';

  /** The page shell's root component. */
  const PreviewApp: typeof LightningElement;
  export default PreviewApp;
}
