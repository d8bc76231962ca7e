/**
 * What Pacer never ships (docs/engine.md, "Layers and what may import what"): Apex, and hand-written DOM (`innerHTML`
 * and its relatives, `lwc:dom="manual"`). A grep over every file under the package directories,
 * tests and mocks included, so a pattern cannot slip in through a helper.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FindingCollector } from '../findings';
import { APEX_FOLDERS } from '../metadataLayout';
import type { ProjectIndex } from '../projectIndex';
import { lineAt } from '../xmlDocument';

const APEX_EXTENSIONS = ['.cls', '.trigger', '.cls-meta.xml', '.trigger-meta.xml'];
const MAX_SCANNED_BYTES = 5 * 1024 * 1024;

/** Patterns that must not appear in any source file, and why. */
const FORBIDDEN_PATTERNS: ReadonlyArray<{
  pattern: RegExp;
  what: string;
  reason: string;
}> = [
  {
    pattern: /\binnerHTML\b/g,
    what: 'innerHTML',
    reason:
      'injects raw HTML (an XSS risk that Lightning Web Security does not sanitise); render through template bindings'
  },
  {
    pattern: /\b(outerHTML|insertAdjacentHTML)\b/g,
    what: 'raw HTML insertion',
    reason: 'injects raw HTML like innerHTML; render through template bindings'
  },
  {
    pattern: /lwc:dom\s*=\s*["']?manual\b/g,
    what: 'lwc:dom="manual"',
    reason:
      'hands the DOM to hand-written code; Pacer renders with templates only (charts are SVG in templates)'
  }
];

/** Reports Apex files and forbidden DOM patterns, with the line of each occurrence. */
export async function checkForbiddenSource(
  index: ProjectIndex,
  collector: FindingCollector
): Promise<void> {
  for (const file of index.files) {
    const segments = file.split('/');
    const apexFolder = segments.find((segment) => APEX_FOLDERS.includes(segment));
    const apexExtension = APEX_EXTENSIONS.find((extension) => file.endsWith(extension));
    collector.expect(apexFolder === undefined && apexExtension === undefined, {
      rule: 'source/no-apex',
      file,
      reason: `Apex is not allowed: Pacer reads with GraphQL and writes with the UI API, no Apex (${apexFolder ? `${apexFolder}/ folder` : `${apexExtension} file`})`
    });

    const absolute = path.join(index.rootDir, file);
    const stat = await fs.stat(absolute);
    if (stat.size > MAX_SCANNED_BYTES) continue;
    const buffer = await fs.readFile(absolute);
    if (buffer.includes(0)) continue; // binary (images, fonts): no source to scan
    const text = buffer.toString('utf8');
    for (const { pattern, what, reason } of FORBIDDEN_PATTERNS) {
      const matches = [...text.matchAll(pattern)];
      collector.expect(matches.length === 0, () => ({
        rule: 'source/no-raw-dom',
        file,
        line: lineAt(text, matches[0].index ?? 0),
        element: matches[0][0],
        reason: `${what} is not allowed: it ${reason}${matches.length > 1 ? ` (${matches.length} occurrences, first shown)` : ''}`
      }));
    }
  }
}
