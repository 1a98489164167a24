// tesseract.js's worker script behind a wall: any attempt to reach the
// network from the OCR worker thread throws, failing the recognition.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { createRequire } from 'node:module';

const refuse = (what) => () => {
  throw new Error(`network access from the OCR worker: ${what}`);
};
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = typeof input === 'object' && input !== null && 'url' in input ? String(input.url) : String(input);
  if (!url.startsWith('file:')) throw new Error(`network access from the OCR worker: ${url}`);
  return realFetch(input, init);
};
http.request = refuse('http.request');
http.get = refuse('http.get');
https.request = refuse('https.request');
https.get = refuse('https.get');
net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');

const require = createRequire(import.meta.url);
require(require.resolve('tesseract.js/src/worker-script/node/index.js'));
