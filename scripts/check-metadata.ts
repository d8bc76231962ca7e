/**
 * `npm run check:metadata` — converts force-app with Salesforce's own tooling and applies Pacer's
 * metadata rules, offline. Prints every finding (file, line, element, reason) and a summary;
 * exits 1 on any error.
 *
 * Usage: tsx scripts/check-metadata.ts [projectDir]   (default: the current directory)
 */
import path from 'node:path';
import { formatFinding, runMetadataCheck } from './metadata-check';

async function main(): Promise<void> {
  const rootDir = path.resolve(process.argv[2] ?? process.cwd());
  const report = await runMetadataCheck(rootDir);
  for (const finding of report.findings) console.log(formatFinding(finding));
  const verdict = report.errorCount === 0 ? 'metadata OK' : 'metadata check FAILED';
  console.log(
    `${verdict}: ${report.componentsConverted} components (with ${report.childComponents} fields and list views) ` +
      `converted by Salesforce's tooling, ` +
      `${report.rulesChecked} rules checked over ${report.filesChecked} files in ${report.packageDirs.join(', ')}; ` +
      `${report.errorCount} errors, ${report.warningCount} warnings`
  );
  process.exitCode = report.errorCount === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(
    `check:metadata could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
  );
  process.exitCode = 2;
});
