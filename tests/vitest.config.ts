import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Vitest's root is the repository, so paths in tests resolve from there.
    root: new URL('..', import.meta.url).pathname,
  },
});
