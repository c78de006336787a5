// The environment npm run build starts Astro with (src/tools/build-env.ts).
import { describe, expect, it } from 'vitest';
import { buildEnvironment } from '../../src/tools/build-env.ts';

describe('buildEnvironment', () => {
  it('gives glibc two arenas and a fixed mmap threshold, and passes everything else on', () => {
    const env = buildEnvironment({ PATH: '/bin', STORY_DIR: 'x' });
    expect(env).toEqual({ PATH: '/bin', STORY_DIR: 'x', MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' });
  });
  it('keeps the values a caller set', () => {
    const env = buildEnvironment({ MALLOC_ARENA_MAX: '8', MALLOC_MMAP_THRESHOLD_: '0' });
    expect([env['MALLOC_ARENA_MAX'], env['MALLOC_MMAP_THRESHOLD_']]).toEqual(['8', '0']);
  });
});
