// Preloaded into a child (`node --import ./test/cli/record-modules.mjs …`): every module URL the
// child loads is appended to $NDTC_MODULES_FILE, one per line (through a module loader hook, so
// dynamic imports are seen too); the CommonJS modules in require's cache at exit, which the hook does
// not see when loaded by require, go to $NDTC_MODULES_FILE.required.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const file = process.env.NDTC_MODULES_FILE;
register('./record-modules-hooks.mjs', import.meta.url, { data: { file } });
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const required = Object.keys(cache).map((path) => pathToFileURL(path).href);
  appendFileSync(`${file}.required`, required.join('\n') + '\n');
});
