#!/usr/bin/env node
import { tuneCompiler } from '../dist/cli/compiler-tuning.js';
import { main } from '../dist/cli/main.js';

tuneCompiler(process.argv.slice(2));
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `ndtc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
