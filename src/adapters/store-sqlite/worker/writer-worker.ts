import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedOptions } from '../options.js';
import { StoreWriter } from '../write/writer.js';
import type { Envelope, WriterReply } from './messages.js';
import { serializeError } from './messages.js';
import { WriterLoop } from './writer-loop.js';

/** The writer worker: opens (and recovers) the database, then serves the main thread's requests. */
const port = parentPort;
if (!port) throw new Error('writer-worker must run in a worker thread');
const options = workerData as ResolvedOptions;
const reply = (message: WriterReply): void => port.postMessage(message);

let writer: StoreWriter;
try {
  writer = new StoreWriter(options);
} catch (e) {
  reply({ id: 0, ok: false, error: serializeError(e) });
  throw e;
}

const timer = setInterval(() => loop.tick(), Math.max(50, Math.floor(options.flushIntervalMs / 4)));
// After close the main thread terminates this thread once it has the reply.
const loop = new WriterLoop(writer, reply, options.maxGroupRows, () => clearInterval(timer));
port.on('message', (request: Envelope) => loop.push(request));
reply({ id: 0, ok: true, result: 'ready' });
