#!/usr/bin/env node
// The `lifeline` command: runs the compiled CLI, or the TypeScript sources through tsx when not built.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/app/cli.js`;
if (existsSync(built) && !process.env.LIFELINE_FROM_SOURCE) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(`${root}src/app/cli.ts`).href);
}
