// What the build's Tinypool pools (the bodies' compile, the preview images) share about their
// threads' failures.
import type Tinypool from 'tinypool';

/**
 * `pool.run`, failing when the pool's thread fails before it is ready (out of memory while it
 * loads, or a module that cannot load): such a thread takes no task with it, Tinypool reports it
 * only on the pool and starts no other, and the tasks would wait for ever.
 */
export function runFailingWithPool(pool: Tinypool): <T>(task: object) => Promise<T> {
  const failedToStart = new Promise<never>((_, reject) => pool.on('error', reject));
  failedToStart.catch(() => {});
  return <T>(task: object) => Promise.race([pool.run(task) as Promise<T>, failedToStart]);
}

/** Whether a worker thread ended at its heap limit (Node's error, passed on by Tinypool). */
export const outOfMemory = (error: unknown): boolean => (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
