/**
 * Answers kept in memory under the data version they were read at (`data_versions`, advanced by
 * triggers on every committed change, on any instance): an answer is reused only while the
 * version is unchanged, so it is never older than what the database holds. Bounded: the oldest
 * answers go first.
 */
export function createVersionedCache<Value>(maxEntries: number) {
  let version: number | undefined;
  const answers = new Map<string, Value>();
  return {
    get(atVersion: number, key: string): Value | undefined {
      if (atVersion !== version) return undefined;
      const answer = answers.get(key);
      if (answer !== undefined) {
        // Most recently used last: the first key is the one to drop.
        answers.delete(key);
        answers.set(key, answer);
      }
      return answer;
    },
    set(atVersion: number, key: string, answer: Value): void {
      if (maxEntries <= 0) return;
      if (atVersion !== version) {
        // Older answers can never be used again; newer ones win over a slow older read.
        if (version !== undefined && atVersion < version) return;
        version = atVersion;
        answers.clear();
      }
      answers.set(key, answer);
      if (answers.size > maxEntries) answers.delete(answers.keys().next().value as string);
    },
  };
}
