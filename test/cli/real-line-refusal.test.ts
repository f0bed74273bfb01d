/**
 * A device file with a real photon line: commands that compute ideal lines refuse it (exit 2, one line
 * naming --device and 'line') instead of giving the ideal line's numbers silently; `rectification`
 * computes through it, and a zero line is the ideal line everywhere.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ndtc } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'ndtc-line-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const withLine = file('line.yaml', 'platform: ag\nline: { inductance: 1nH }\n');
const zeroLine = file('zero.yaml', 'platform: ag\nline: { inductance: 0nH, resistance: 0ohm }\n');

describe('a device file with a real line', () => {
  it.each([
    ['solve', '--TR', '300mK', '--Jin', '10fW'],
    ['photonic', '--TL', '500mK', '--TR', '300mK'],
    ['sweep', '--vary', 'TR=600mK..800mK:5', '--Jin', '1fW', '--out', join(dir, 's')],
  ])('ndtc %s refuses it with one line', async (command, ...args) => {
    const r = await ndtc(command, ...args, '--device', withLine);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--device.*'line'.*rectification/);
  });

  it('a zero line is the ideal line: the same numbers as the platform', async () => {
    const a = await ndtc('photonic', '--TL', '500mK', '--TR', '300mK', '--device', zeroLine, '--json');
    const b = await ndtc('photonic', '--TL', '500mK', '--TR', '300mK', '--platform', 'ag', '--json');
    expect(a.code).toBe(0);
    const value = (s: string): unknown => (JSON.parse(s) as { points: unknown }).points;
    expect(value(a.stdout)).toEqual(value(b.stdout));
  });

  it('ndtc rectification computes through it', async () => {
    const r = await ndtc('rectification', '--Thot', '500mK', '--Tcold', '100mK', '--device', withLine);
    expect(r.code).toBe(0);
  });
});
