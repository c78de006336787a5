// No page of an interrupted build is copied into a later one (src/integrations/incremental-guard.ts):
// a build that finds the mark of one that did not finish forgets Astro's manifest of copied pages.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { incrementalGuard, MANIFEST, MARK } from '../../src/integrations/incremental-guard.ts';

const work = mkdtempSync(join(tmpdir(), 'incremental-guard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cacheDir = join(work, '.astro');
const manifest = join(cacheDir, MANIFEST);

/** Runs the guard's hooks as one `astro <command>` does, up to build:done when `finishes`. */
function run(command: 'build' | 'dev', finishes: boolean) {
  const hooks = incrementalGuard().hooks as Record<string, (options: unknown) => void>;
  const warn = vi.fn();
  hooks['astro:config:setup']!({ command });
  hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${cacheDir}/`) }, logger: { warn } });
  // Astro renders the pages and writes its manifest here.
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(manifest, '{}');
  if (finishes) hooks['astro:build:done']!({});
  return warn;
}

describe('incrementalGuard', () => {
  it('keeps the manifest of a build that finished, and forgets that of one that did not', () => {
    expect(run('build', true)).not.toHaveBeenCalled();
    expect(existsSync(join(cacheDir, MARK))).toBe(false);
    // A build killed while rendering: its mark stays, and the next build forgets the manifest.
    run('build', false);
    expect(existsSync(join(cacheDir, MARK))).toBe(true);
    const next = incrementalGuard().hooks as Record<string, (options: unknown) => void>;
    const warn = vi.fn();
    next['astro:config:setup']!({ command: 'build' });
    next['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${cacheDir}/`) }, logger: { warn } });
    expect(existsSync(manifest)).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/did not finish: every page is rendered again/));
  });

  it('leaves no mark outside a build', () => {
    rmSync(cacheDir, { recursive: true, force: true });
    run('dev', false);
    expect(existsSync(join(cacheDir, MARK))).toBe(false);
  });
});
