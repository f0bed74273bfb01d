/** `ndtc solve` without --setup is setup 1 (the paper's Fig. 3), as the explorer's saved commands assume. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: () => {} });
  return { code, stdout };
}

describe('solve --setup', () => {
  it('defaults to 1: the same points as --setup 1, different from --setup 2', async () => {
    const argv = ['solve', '--Jin', '100fW', '--TR', '300mK', '--json'];
    const implicit = await run(argv);
    const one = await run([...argv, '--setup', '1']);
    const two = await run([...argv, '--setup', '2']);
    expect(implicit.code).toBe(0);
    const points = (r: { stdout: string }): unknown => (JSON.parse(r.stdout) as { points: unknown }).points;
    expect(points(implicit)).toEqual(points(one));
    expect(points(implicit)).not.toEqual(points(two));
  });
});
