/**
 * Every SLDS icon the components name exists in the SLDS the project ships with: a name that is not
 * in the sprite draws an empty square (`utility:snooze` did, on every snooze button), and neither
 * the LWC compiler nor Salesforce's metadata tooling says so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '../../..');
const ICONS = path.join(ROOT, 'node_modules/@salesforce-ux/design-system/assets/icons');
const NAME = /["'](utility|standard|action|custom|doctype):([a-z0-9_]+)["']/g;

function componentSources(): string[] {
  return execFileSync('git', ['ls-files', 'force-app/main/default/lwc'], {
    cwd: ROOT,
    encoding: 'utf8'
  })
    .split('\n')
    .filter((f) => /\.(js|html)$/.test(f) && !f.includes('/__tests__/'));
}

const sprites = new Map<string, string>();
function inSprite(category: string, name: string): boolean {
  if (!sprites.has(category)) {
    sprites.set(
      category,
      readFileSync(path.join(ICONS, `${category}-sprite/svg/symbols.svg`), 'utf8')
    );
  }
  return sprites.get(category)!.includes(`id="${name}"`);
}

describe('SLDS icons', () => {
  it('names only icons the SLDS sprites hold', () => {
    const named: string[] = [];
    const missing: string[] = [];
    for (const file of componentSources()) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const [, category, name] of text.matchAll(NAME)) {
        named.push(`${category}:${name}`);
        if (!inSprite(category, name)) missing.push(`${file}: ${category}:${name}`);
      }
    }
    expect(named.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('would catch a name the sprite does not hold', () => {
    expect(inSprite('utility', 'snooze')).toBe(false);
    expect(inSprite('utility', 'notification_snoozed')).toBe(true);
  });
});
