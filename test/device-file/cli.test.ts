import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

/** The output without the lines/fields that name where the device came from. */
const body = (text: string): string =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('#') && !/"(platform|deviceFile)"/.test(l))
    .join('\n');

describe('--device FILE on the commands', () => {
  for (const platform of ['ag', 'inas']) {
    it(`${platform}: photonic and solve print exactly what --platform ${platform} prints (table and JSON)`, async () => {
      for (const args of [
        ['photonic', '--TL', '500mK', '--TR', '10mK..490mK:7'],
        ['solve', '--setup', '1', '--Jin', '100fW', '--TR', '100mK,300mK,600mK'],
      ]) {
        for (const format of [[], ['--json']]) {
          const a = await run(...args, ...format, '--platform', platform);
          const b = await run(...args, ...format, '--device', `examples/${platform}.yaml`);
          expect(a.code, a.stderr).toBe(0);
          expect(b.code, b.stderr).toBe(0);
          expect(body(b.stdout)).toBe(body(a.stdout));
          expect(b.stdout).not.toBe(''); // the comparison is not vacuous
        }
      }
    });
  }

  it('command-line options override the file', async () => {
    const a = await run(
      'photonic',
      '--TL',
      '500mK',
      '--TR',
      '300mK',
      '--json',
      '--platform',
      'ag',
      '--chi',
      '5',
      '--c',
      '80fF/um^2',
    );
    const b = await run(
      'photonic',
      '--TL',
      '500mK',
      '--TR',
      '300mK',
      '--json',
      '--device',
      'examples/ag.yaml',
      '--chi',
      '5',
      '--c',
      '80fF/um^2',
    );
    expect(JSON.parse(b.stdout).points).toEqual(JSON.parse(a.stdout).points);
    const plain = await run(
      'photonic',
      '--TL',
      '500mK',
      '--TR',
      '300mK',
      '--json',
      '--device',
      'examples/ag.yaml',
    );
    expect(JSON.parse(plain.stdout).points).not.toEqual(JSON.parse(a.stdout).points);
  });

  it('a bad file: one line, exit 2, naming file and key', async () => {
    const r = await run(
      'photonic',
      '--TL',
      '500mK',
      '--TR',
      '300mK',
      '--device',
      'test/device-file/fixtures/typo.yaml',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "ndtc photonic: test/device-file/fixtures/typo.yaml: left.junction: invalid value 'ara': unknown key; did you mean 'area'? (accepted keys: r0, c, area)\n",
    );
    const missing = await run('photonic', '--TL', '500mK', '--TR', '300mK', '--device', 'nope.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^ndtc photonic: --device: invalid value 'nope.yaml'/);
  });
});
