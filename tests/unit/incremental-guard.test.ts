// No page of an interrupted build is copied into a later one (src/integrations/incremental-guard.ts):
// a build that finds the mark of one that did not finish forgets Astro's manifest and copies.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COPIES, incrementalGuard, MANIFEST, MARK } from '../../src/integrations/incremental-guard.ts';

const work = mkdtempSync(join(tmpdir(), 'incremental-guard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cacheDir = join(work, '.astro');
const manifest = join(cacheDir, MANIFEST);
const copy = join(cacheDir, COPIES, 'articles', 'a.html');

/** Runs the guard's hooks as `astro build` does: up to the pages when `renders`, to the end when `finishes`. */
function build({ renders, finishes }: { renders: boolean; finishes: boolean }) {
  const hooks = incrementalGuard().hooks as Record<string, (options: unknown) => void>;
  const warn = vi.fn();
  hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${cacheDir}/`) } });
  // A mistake in the content stops the build here, before build:start.
  if (!renders) return warn;
  hooks['astro:build:start']!({ logger: { warn } });
  // Astro renders the pages, keeping a copy of each, and writes its manifest at the end.
  mkdirSync(join(cacheDir, COPIES, 'articles'), { recursive: true });
  writeFileSync(copy, '<p>copy</p>');
  if (finishes) {
    writeFileSync(manifest, '{}');
    hooks['astro:build:done']!({});
  }
  return warn;
}

describe('incrementalGuard', () => {
  it('keeps the manifest of a build that finished, and of one that stopped before its pages', () => {
    expect(build({ renders: true, finishes: true })).not.toHaveBeenCalled();
    expect(existsSync(join(cacheDir, MARK))).toBe(false);
    build({ renders: false, finishes: false });
    expect(build({ renders: true, finishes: true })).not.toHaveBeenCalled();
    expect(existsSync(manifest)).toBe(true);
  });

  it('forgets the manifest and the copies after a build killed while rendering', () => {
    build({ renders: true, finishes: false });
    expect(existsSync(join(cacheDir, MARK))).toBe(true);
    const hooks = incrementalGuard().hooks as Record<string, (options: unknown) => void>;
    const warn = vi.fn();
    hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${cacheDir}/`) } });
    hooks['astro:build:start']!({ logger: { warn } });
    expect(existsSync(manifest)).toBe(false);
    expect(existsSync(copy)).toBe(false);
    expect(existsSync(join(cacheDir, MARK))).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/did not finish: every page is rendered again/));
  });
});
