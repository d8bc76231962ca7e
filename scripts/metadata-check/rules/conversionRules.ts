/**
 * Findings from Salesforce's own conversion: it must not throw, and every file that is not
 * force-ignored must have been resolved into a component (the converter skips what it does not
 * recognise without a word, so a misnamed file would silently never deploy).
 */
import type { FindingCollector } from '../findings';
import { KNOWN_FOLDERS } from '../metadataLayout';
import type { ProjectIndex } from '../projectIndex';
import type { ConversionResult } from '../salesforceConversion';

/** Reports a failed conversion, and files the conversion did not pick up. */
export function checkConversion(
  index: ProjectIndex,
  conversion: ConversionResult,
  collector: FindingCollector
): void {
  const converted = collector.expect(conversion.error === undefined, {
    rule: 'convert/salesforce-tooling',
    file: conversion.errorFile ?? index.packageDirs[0],
    reason: `Salesforce's converter (source-deploy-retrieve) failed: ${conversion.error}`
  });
  if (!converted) return; // the resolved-file list is incomplete after a failure

  const alreadyReported = new Set(index.misplaced.map((entry) => entry.file));
  for (const file of index.files) {
    if (conversion.ignoredFiles.has(file) || alreadyReported.has(file)) continue;
    const inTypeFolder =
      file.endsWith('-meta.xml') || file.split('/').some((segment) => KNOWN_FOLDERS.has(segment));
    collector.expect(conversion.resolvedFiles.has(file), {
      rule: 'convert/unresolved-file',
      file,
      severity: inTypeFolder ? 'error' : 'warning',
      reason:
        "Salesforce's converter did not resolve this file into any component, so it would not deploy; " +
        'fix its name or folder, or list it in .forceignore'
    });
  }
}
