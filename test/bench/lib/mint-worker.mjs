// A worker thread of mintPools (./tokens.mjs): mints `count` tokens with the key in workerData.
import { parentPort, workerData } from 'node:worker_threads';
import { mintMany } from './tokens.mjs';

parentPort.postMessage(mintMany(workerData.key, workerData.count));
