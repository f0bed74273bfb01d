// Preloaded into a child (`node --import ./test/cli/record-modules.mjs …`): every module URL the
// child loads is appended to $NDTC_MODULES_FILE, one per line (through a module loader hook, so
// dynamic imports are seen too).
import { register } from 'node:module';
import process from 'node:process';

register('./record-modules-hooks.mjs', import.meta.url, { data: { file: process.env.NDTC_MODULES_FILE } });
