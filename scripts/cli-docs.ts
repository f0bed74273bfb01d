/**
 * Writes the command reference of docs/cli.md from the command definitions:
 *   npm run docs:cli
 * Only the block between the markers of src/cli/reference.ts is replaced; the page is then formatted
 * as `npm run format` would, so that the drift test (test/cli/docs-drift.test.ts) compares like with like.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import prettier from 'prettier';
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { buildProgram } from '../src/cli/main.js';
import { commandReference, withCommandReference } from '../src/cli/reference.js';

export const CLI_DOC = fileURLToPath(new URL('../docs/cli.md', import.meta.url));

/** docs/cli.md as it should read: `page` with the reference made from the definitions, formatted. */
export async function renderCliDoc(page: string): Promise<string> {
  const program = await buildProgram({ stdout: () => {}, stderr: () => {}, version: '0.0.0' });
  const options = (await prettier.resolveConfig(CLI_DOC)) ?? {};
  return prettier.format(withCommandReference(page, commandReference(program)), {
    ...options,
    filepath: CLI_DOC,
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const page = readFileSync(CLI_DOC, 'utf8');
  const next = await renderCliDoc(page);
  if (next !== page) writeFileAtomic(CLI_DOC, next);
  process.stdout.write(`${next === page ? 'unchanged' : 'wrote'} ${CLI_DOC}\n`);
}
