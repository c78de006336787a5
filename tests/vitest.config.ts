import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Vitest's root is the repository, so paths in tests resolve from there (fileURLToPath, so a
    // checkout whose path holds spaces or Japanese characters works).
    root: fileURLToPath(new URL('..', import.meta.url)),
    // The real builds of broken content (bad-content.test.ts) take a few seconds each.
    testTimeout: 120_000,
    // One module graph per worker rather than per file: the heavy imports (Astro's container, the
    // tokenizer) load once, 33 → 27 s. Tests keep no state between files (they pass shuffled:
    // vitest run --sequence.shuffle).
    isolate: false,
    // And a spy a failed test left in place does not silence the next file's console.
    restoreMocks: true,
  },
});
