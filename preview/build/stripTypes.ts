/**
 * Rollup plugin that turns the preview's own browser TypeScript (preview/platform, preview/app)
 * into JavaScript before the LWC compiler sees it. Target ESNext keeps class fields and
 * decorators (`@api`, `@wire`) as written, which is what the LWC compiler expects.
 */
import path from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'rollup';

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  useDefineForClassFields: true,
  verbatimModuleSyntax: false,
  isolatedModules: true,
  sourceMap: false
};

/** Strips types from `.ts` files under `dirs` (absolute paths). */
export function stripTypes(dirs: readonly string[]): Plugin {
  const roots = dirs.map((dir) => path.resolve(dir) + path.sep);
  return {
    name: 'pacer-strip-types',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!file.endsWith('.ts') || !roots.some((root) => file.startsWith(root))) return null;
      const output = ts.transpileModule(code, {
        compilerOptions: COMPILER_OPTIONS,
        fileName: file
      });
      return { code: output.outputText, map: null };
    }
  };
}
