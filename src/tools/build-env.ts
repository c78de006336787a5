// The environment `npm run build` gives Astro (src/tools/build.ts; the benchmark builds with it too).
//
// MALLOC_ARENA_MAX=2: glibc's malloc gives each thread that allocates an arena of its own, and
// memory freed in one is rarely handed back to the system ("the more arenas you have, the lower
// the per-thread contention, but the higher the memory usage": mallopt(3), M_ARENA_MAX). The build
// runs its preview images (libvips, librsvg) and the bodies' compile on threads of their own: at
// 1,000 documents, two arenas took the cold build's peak from 1,075 to 987 MB in the same time
// (one build each; builds of the same code vary by about 40 MB).
// glibc reads it only when a process starts, so it is set for the build's process, here; other C
// libraries ignore it. A value already set is kept.

/** `env` with what the build's process needs set before it starts. */
export function buildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, MALLOC_ARENA_MAX: env['MALLOC_ARENA_MAX'] ?? '2' };
}
