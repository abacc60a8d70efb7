import type { TranscriptEntry } from './automation-ports';

/** Automation's conversation per case, bounded in memory. */
export interface TranscriptLog {
  /**
   * Appends a line to a case's transcript.
   * @param caseId - the case
   * @param entry - the line
   */
  add(caseId: string, entry: TranscriptEntry): void;
  /**
   * Reads a case's transcript.
   * @param caseId - the case
   * @returns the lines, oldest first
   */
  read(caseId: string): readonly TranscriptEntry[];
}

/**
 * Creates a transcript log that keeps the latest lines of the most recently active cases.
 *
 * @param options - lines kept per case (default 50) and cases kept (default 10 000)
 * @returns the log
 */
export function createTranscriptLog(options: { maxEntriesPerCase?: number; maxCases?: number } = {}): TranscriptLog {
  const maxEntries = options.maxEntriesPerCase ?? 50;
  const maxCases = options.maxCases ?? 10_000;
  const byCase = new Map<string, TranscriptEntry[]>();
  return {
    add(caseId, entry) {
      const entries = byCase.get(caseId) ?? [];
      byCase.delete(caseId);
      entries.push(entry);
      if (entries.length > maxEntries) entries.splice(0, entries.length - maxEntries);
      byCase.set(caseId, entries);
      if (byCase.size > maxCases) byCase.delete(byCase.keys().next().value!);
    },
    read: (caseId) => [...(byCase.get(caseId) ?? [])],
  };
}
