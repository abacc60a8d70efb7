import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { type TimelineEvent, type TimelineStore, timelineEventSchema } from '@throughline/core';
import { CliUsageError } from '../cli-usage-error';

/**
 * Where the command line reads timeline events from: a store or a JSONL export.
 */
export interface EventSource {
  /** Human-readable name for progress and errors. */
  readonly label: string;
  /** Total units for a progress bar (file bytes), when known. */
  readonly totalUnits: number | undefined;
  /**
   * Every event of a tenant with `from <= occurredAt < to`.
   * @param query - tenant and optional bounds (ISO-8601)
   * @param onProgress - called with units done and events read
   */
  scan(query: { tenantId: string; from?: string; to?: string }, onProgress?: (done: number, events: number) => void): AsyncIterable<TimelineEvent>;
  /** Releases the store or file. */
  close(): Promise<void>;
}

/**
 * Reads a JSONL export: one timeline event per line, validated against the timeline schema
 * unless `validate` is false.
 * @param path - file path
 * @param validate - check each line against `timelineEventSchema` (default true)
 * @returns the event source
 * @throws CliUsageError when the file does not exist
 * @example
 * const source = await openJsonlEvents('events.jsonl');
 */
export async function openJsonlEvents(path: string, validate = true): Promise<EventSource> {
  const size = await stat(path).then(
    (info) => info.size,
    () => {
      throw new CliUsageError(`cannot read ${path}`);
    },
  );
  return {
    label: path,
    totalUnits: size,
    async *scan(query, onProgress) {
      const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
      const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
      let lineNumber = 0;
      let events = 0;
      for await (const line of lines) {
        lineNumber++;
        if (line.trim() === '') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          throw new CliUsageError(`${path}:${lineNumber}: not valid JSON`);
        }
        let event: TimelineEvent;
        if (validate) {
          const result = timelineEventSchema.safeParse(parsed);
          if (!result.success) throw new CliUsageError(`${path}:${lineNumber}: not a timeline event (${result.error.issues[0]?.message ?? 'invalid'})`);
          event = result.data;
        } else {
          event = parsed as TimelineEvent;
        }
        events++;
        if (events % 5000 === 0) onProgress?.(stream.bytesRead, events);
        if (event.tenantId !== query.tenantId) continue;
        if (query.from !== undefined && Date.parse(event.occurredAt) < Date.parse(query.from)) continue;
        if (query.to !== undefined && Date.parse(event.occurredAt) >= Date.parse(query.to)) continue;
        yield event;
      }
      onProgress?.(size, events);
    },
    async close() {},
  };
}

/**
 * Wraps a `TimelineStore`; reads go through `store.scanEvents(tenantId, { from, to })`.
 * @param store - an open store
 * @param label - name shown in progress output
 * @returns the event source
 * @example
 * fromStore(createMemoryStore(), 'memory');
 */
export function fromStore(store: TimelineStore, label: string): EventSource {
  return {
    label,
    totalUnits: undefined,
    async *scan(query, onProgress) {
      let events = 0;
      const bounds = { ...(query.from === undefined ? {} : { from: query.from }), ...(query.to === undefined ? {} : { to: query.to }) };
      for await (const event of store.scanEvents(query.tenantId, bounds)) {
        events++;
        if (events % 5000 === 0) onProgress?.(events, events);
        yield event;
      }
      onProgress?.(events, events);
    },
    close: () => store.close(),
  };
}

type StoreFactory = (settings: Record<string, unknown>) => TimelineStore | Promise<TimelineStore>;

async function loadFactory(packageName: string, exportName: string): Promise<StoreFactory> {
  let module: Record<string, unknown>;
  try {
    module = (await import(packageName)) as Record<string, unknown>;
  } catch {
    throw new CliUsageError(`${packageName} is not installed: npm install ${packageName}`);
  }
  const factory = module[exportName];
  if (typeof factory !== 'function') throw new CliUsageError(`${packageName} has no ${exportName}() export`);
  return factory as StoreFactory;
}

/**
 * Opens the event source named on the command line: `--input file.jsonl`, or
 * `--store sqlite:path/to/file.db` / `--store postgres://…`.
 * @param options - the parsed `input`, `store` and `validate` options
 * @returns the event source
 * @throws CliUsageError when neither or both are given, or the store package is missing
 * @example
 * await openEventSource({ input: 'events.jsonl' });
 */
export async function openEventSource(options: { input?: string | undefined; store?: string | undefined; validate?: boolean }): Promise<EventSource> {
  if ((options.input === undefined) === (options.store === undefined)) {
    throw new CliUsageError('give exactly one of --input <events.jsonl> or --store <sqlite:path | postgres://…>');
  }
  if (options.input !== undefined) return openJsonlEvents(options.input, options.validate ?? true);
  const location = options.store as string;
  if (location.startsWith('sqlite:')) {
    const factory = await loadFactory('@throughline/store-sqlite', 'createSqliteStore');
    return fromStore(await factory({ filename: location.slice('sqlite:'.length) }), location);
  }
  if (location.startsWith('postgres://') || location.startsWith('postgresql://')) {
    const factory = await loadFactory('@throughline/store-postgres', 'createPostgresStore');
    const url = new URL(location);
    const schema = url.searchParams.get('schema') ?? undefined;
    url.searchParams.delete('schema');
    return fromStore(await factory({ url: url.toString(), ...(schema ? { schema } : {}) }), 'postgres');
  }
  throw new CliUsageError(`unknown store "${location}": use sqlite:<path> or postgres://…`);
}
