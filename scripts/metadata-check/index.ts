/**
 * The offline metadata check: Salesforce's own conversion, then Pacer's rules on top.
 * `checkMetadata(rootDir)` runs it on any project directory (the repo, or a broken copy in tests).
 */
import { FindingCollector, sortFindings, type Finding } from './findings';
import { indexProject } from './projectIndex';
import { checkApplications } from './rules/applicationRules';
import { checkConversion } from './rules/conversionRules';
import { checkDocumentFields } from './rules/documentFieldRules';
import { checkFields } from './rules/fieldRules';
import { checkForbiddenSource } from './rules/forbiddenSource';
import { checkLabels } from './rules/labelRules';
import { checkLayout } from './rules/layoutRules';
import { checkLightningPages } from './rules/lightningPageRules';
import { checkObjects } from './rules/objectRules';
import { checkPermissionSets } from './rules/permissionSetRules';
import { checkTabs } from './rules/tabRules';
import { checkWellFormedXml } from './rules/wellFormedXml';
import { convertWithSalesforceTooling } from './salesforceConversion';
import { readPackageDirectories } from './sourceTree';

export { formatFinding, type Finding, type Severity } from './findings';

/** The outcome of a check, with the counts the command prints. */
export interface MetadataCheckReport {
  /** Every finding, errors and warnings, sorted by file and line. */
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  /** Components Salesforce's converter wrote (0 when it failed). */
  componentsConverted: number;
  /** Child components (fields, list views) inside them. */
  childComponents: number;
  /** Rule evaluations made. */
  rulesChecked: number;
  /** Files under the package directories. */
  filesChecked: number;
  packageDirs: string[];
}

/**
 * Runs the whole check on the SFDX project at `rootDir` (its sfdx-project.json names the package
 * directories; `force-app` without one).
 */
export async function runMetadataCheck(rootDir: string): Promise<MetadataCheckReport> {
  const packageDirs = await readPackageDirectories(rootDir);
  const index = await indexProject(rootDir, packageDirs);
  const collector = new FindingCollector();

  const conversion = await convertWithSalesforceTooling(rootDir, packageDirs, index.files);
  checkConversion(index, conversion, collector);
  checkWellFormedXml(index, collector);
  checkLayout(index, collector);
  checkObjects(index, collector);
  checkFields(index, collector);
  checkPermissionSets(index, collector);
  checkDocumentFields(index, collector);
  checkTabs(index, collector);
  checkApplications(index, collector);
  checkLightningPages(index, collector);
  await checkLabels(index, collector);
  await checkForbiddenSource(index, collector);

  const findings = sortFindings(collector.findings);
  return {
    findings,
    errorCount: findings.filter((finding) => finding.severity === 'error').length,
    warningCount: findings.filter((finding) => finding.severity === 'warning').length,
    componentsConverted: conversion.componentCount,
    childComponents: conversion.childCount,
    rulesChecked: collector.rulesChecked,
    filesChecked: index.files.length,
    packageDirs
  };
}

/**
 * Checks the project at `rootDir` and returns every finding (errors and warnings).
 * The project is valid when no finding has severity `error`.
 */
export async function checkMetadata(rootDir: string): Promise<Finding[]> {
  return (await runMetadataCheck(rootDir)).findings;
}
