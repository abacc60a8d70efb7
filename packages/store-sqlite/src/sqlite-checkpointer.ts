import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Frames the write-ahead log may hold before the write connection copies it into the database
 * file itself (about 40 MiB with 4 KiB pages). The background checkpointer does most of the
 * copying long before; this bounds the log and resets it under sustained load.
 */
export const writerCheckpointFrames = 10_000;

/** Commits between two background checkpoints (about 400 log frames of typical ingest). */
const commitsPerCheckpoint = 32;

/** A background checkpoint also starts after this long, however few commits came in meanwhile. */
const checkpointIntervalMs = 250;

/** States of the checkpoint thread, shared with it through one `Int32Array` slot. */
const idle = 0;
const requested = 1;
const paused = 2;
const closing = 3;
const failed = 4;

/**
 * The checkpoint thread's code (CommonJS, run with `eval`, so the package needs no separate worker
 * file in its build): one connection that sleeps until the store requests a checkpoint, runs it,
 * and goes back to sleep. The state lives in shared memory, so a busy event loop on the store's
 * side delays nothing.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.state);
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.filename, { fileMustExist: true });
  db.pragma('busy_timeout = 1000');
  db.pragma('synchronous = ' + workerData.synchronous);
  for (;;) {
    const now = Atomics.load(state, 0);
    if (now === ${closing}) break;
    if (now !== ${requested}) {
      Atomics.wait(state, 0, now);
      continue;
    }
    db.pragma('wal_checkpoint(PASSIVE)');
    Atomics.compareExchange(state, 0, ${requested}, ${idle});
    Atomics.notify(state, 0);
  }
} catch (error) {
  Atomics.store(state, 0, ${failed});
  parentPort.postMessage(String((error && error.message) || error));
} finally {
  if (db) db.close();
}
`;

/** Copies the write-ahead log into the database file on a worker thread, off the event loop. */
export interface SqliteCheckpointer {
  /** Tells the checkpointer a transaction committed; it starts a checkpoint when one is due. */
  committed(): void;
  /**
   * Waits (blocking, at most `timeoutMs`) for a running checkpoint to finish and starts no other
   * until {@link SqliteCheckpointer.resume}: SQLite lets one checkpoint run at a time, and the
   * writer's own must not find the lock taken.
   */
  pause(timeoutMs: number): void;
  /** Lets checkpoints start again after {@link SqliteCheckpointer.pause}. */
  resume(): void;
  /** Stops the thread (a checkpoint in progress finishes first). */
  close(): Promise<void>;
}

/**
 * Starts the background checkpointer of a database file. A checkpoint in WAL mode copies committed
 * pages from the log into the file and syncs both (with `synchronous` NORMAL or FULL); done on the
 * committing connection, as SQLite does by default every 1,000 frames, it stalls ingest for the
 * copy and two fsyncs. Here a second connection on a worker thread runs `PASSIVE` checkpoints,
 * which never block the writer, while the writer keeps a distant automatic checkpoint of its own
 * ({@link writerCheckpointFrames}): the log only resets when a checkpoint catches up with the last
 * commit, which under sustained load only the writer's own checkpoint, between two transactions, does.
 *
 * @param filename - the database file (already in WAL mode)
 * @param synchronous - the store's durability level, which the checkpoint's syncs follow
 * @param onFailure - called once if the thread cannot run; the writer should checkpoint as usual
 * @returns the checkpointer
 */
export function startSqliteCheckpointer(filename: string, synchronous: 'NORMAL' | 'FULL', onFailure: (error: Error) => void): SqliteCheckpointer {
  const state = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    // The thread loads the driver by path and runs plain CommonJS: it inherits no loader flags (`--import`).
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(workerSource, { eval: true, execArgv: [], workerData: { filename, driver, synchronous, state: state.buffer } });
  } catch (error) {
    // Bundled without a resolvable driver, or no threads: the writer checkpoints as SQLite does by default.
    onFailure(error instanceof Error ? error : new Error(String(error)));
    return { committed: () => undefined, pause: () => undefined, resume: () => undefined, close: async () => undefined };
  }
  let commits = 0;
  let lastRequested = Date.now();
  let reported = false;
  const stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fail = (error: Error) => {
    Atomics.store(state, 0, failed);
    if (reported) return;
    reported = true;
    onFailure(error);
  };
  worker.on('error', fail);
  worker.on('message', (message: unknown) => fail(new Error(`SQLite background checkpoint failed: ${String(message)}`)));
  // After the listeners (adding one refs the thread again): a process that exits without closing
  // the store must not wait for the thread, and an interrupted checkpoint is safe.
  worker.unref();

  return {
    committed() {
      commits++;
      if (commits < commitsPerCheckpoint && Date.now() - lastRequested < checkpointIntervalMs) return;
      // Only from idle: a checkpoint still running covers these commits on its next round.
      if (Atomics.compareExchange(state, 0, idle, requested) !== idle) return;
      Atomics.notify(state, 0);
      commits = 0;
      lastRequested = Date.now();
    },
    pause(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const previous = Atomics.compareExchange(state, 0, idle, paused);
        if (previous !== requested || Date.now() >= deadline) return;
        Atomics.wait(state, 0, requested, Math.max(1, deadline - Date.now()));
      }
    },
    resume() {
      Atomics.compareExchange(state, 0, paused, idle);
    },
    async close() {
      if (Atomics.load(state, 0) !== failed) Atomics.store(state, 0, closing);
      Atomics.notify(state, 0);
      worker.ref();
      await stopped;
    },
  };
}
