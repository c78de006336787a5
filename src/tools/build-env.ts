// The environment `npm run build` gives Astro (src/tools/build.ts; the benchmark builds with it too).
//
// MALLOC_ARENA_MAX=2: glibc's malloc gives each thread that allocates an arena of its own, and
// memory freed in one is rarely handed back to the system ("the more arenas you have, the lower
// the per-thread contention, but the higher the memory usage": mallopt(3), M_ARENA_MAX). The build
// runs its preview images (Skia, libvips) and the bodies' compile on threads of their own: at
// 1,000 documents, two arenas took the cold build's peak from 1,075 to 987 MB in the same time
// (one build each; builds of the same code vary by about 40 MB).
//
// MALLOC_MMAP_THRESHOLD_=131072 (128 KiB, glibc's own starting value, now kept from rising): a
// block that large which no free chunk of the arena holds gets pages of its own, which go back to the
// system when it is freed. Left to itself glibc raises the threshold each time such a block is freed
// (up to 32 MiB on 64-bit systems), and the trim threshold with it to twice that, so that large
// blocks then stay in the arenas: the bodies' worker thread's, at the end of the content load, while
// the pages render. Setting it turns that adjustment off (mallopt(3), M_MMAP_THRESHOLD). At 1,000
// documents: 916 and 906 MB against 976 and 993, for 1.6% and 8.5% more CPU in two pairs of cold
// builds (tests/bench/README.md); rebuilds took the same time.
//
// glibc reads both only when a process starts, so they are set for the build's process, here;
// other C libraries ignore them. A value already set is kept.

/** `env` with what the build's process needs set before it starts. */
export function buildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    MALLOC_ARENA_MAX: env['MALLOC_ARENA_MAX'] ?? '2',
    MALLOC_MMAP_THRESHOLD_: env['MALLOC_MMAP_THRESHOLD_'] ?? '131072',
  };
}
