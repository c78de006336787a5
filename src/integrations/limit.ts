// Runs an async step over many items with at most `limit` at a time. A build touches thousands of
// files (preview images, search index parts); starting every read or copy at once runs out of file
// descriptors (EMFILE) on a large story. Hand-written: 10 lines, where p-limit would be a dependency.
export async function mapLimit<T, R>(items: readonly T[], limit: number, step: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    // After a failure no new item is started (the steps under way finish on their own).
    while (next < items.length && !failed) {
      const i = next++;
      try {
        results[i] = await step(items[i]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
