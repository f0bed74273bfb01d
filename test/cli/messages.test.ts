/** Error lines a terminal can trust: one line, ≤ 200 characters, no control character echoed raw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { InputError, escapeControls, shownValue } from '../../src/errors.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

// C0, DEL, C1, line/paragraph separators, bidi overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('values shown in messages', () => {
  it('escapes every control character and keeps at most 60 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (value) => {
        const shown = shownValue(value);
        expect(shown).not.toMatch(CONTROL);
        expect(shown.length).toBeLessThanOrEqual(60);
        if (escapeControls(value).length <= 60) expect(shown).toBe(escapeControls(value));
      }),
    );
  });
  it('escapes ESC and BEL as \\x1b and \\x07, U+202E as \\u202e; plain text is unchanged', () => {
    expect(escapeControls('\u001b]0;title\u0007')).toBe('\\x1b]0;title\\x07');
    expect(escapeControls('a\u202eb')).toBe('a\\u202eb');
    expect(escapeControls('500 mK, γ = 1e-4 Ω·µm²')).toBe('500 mK, γ = 1e-4 Ω·µm²');
  });
  it('a long value is cut in the middle, keeping both ends', () => {
    const shown = shownValue(`start${'x'.repeat(10_000)}end`);
    expect(shown.startsWith('start')).toBe(true);
    expect(shown.endsWith('end')).toBe(true);
    expect(shown).toContain('…');
  });
  it('InputError keeps the whole value as a property', () => {
    const value = 'y'.repeat(1000);
    expect(new InputError('--T', value, 'a temperature').value).toBe(value);
  });
});

describe('the CLI prints one short, clean error line', () => {
  it('for hostile values of any option', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('--T', '--gamma', '--Tc'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 3000 }),
        async (option, junk) => {
          const base = option === '--T' ? [] : ['--T', '300mK'];
          const r = await run(['resistance', ...base, option, `${junk}\u001b]0;x\u0007`]);
          expect(r.code).toBe(2);
          const lines = r.stderr.split('\n');
          expect(lines).toHaveLength(2); // one line and its newline
          expect(lines[0].length).toBeLessThanOrEqual(200);
          expect(lines[0]).not.toMatch(CONTROL);
          expect(lines[0]).toMatch(new RegExp(`^ndtc resistance: ${option}`));
        },
      ),
      { numRuns: 60 },
    );
  });
  it('for an unknown option carrying escapes (commander’s own message)', async () => {
    const r = await run(['resistance', '--T', '300mK', `--\u001b[31m${'z'.repeat(400)}`]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr.length).toBeLessThanOrEqual(201);
    expect(r.stderr.trimEnd()).not.toMatch(CONTROL);
    expect(r.stderr).toContain('\\x1b[31m');
  });
});

describe('the upper end of the temperature domain', () => {
  it('resistance --T above 10 K is refused naming --T and the accepted range; 10 K itself gives R/R0 = 1', async () => {
    for (const T of ['12K', '100mK..20K:3']) {
      const r = await run(['resistance', '--T', T]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^ndtc resistance: --T: invalid value '1\d(\.\d+)? K': a temperature from 4\.8 mK = 0\.004 Tc \(Tc = 1\.2 K\) to 10 K;/,
      );
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    const ok = await run(['resistance', '--T', '10K', '--json']);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { points: { R_over_R0: number }[] }).points[0].R_over_R0).toBe(1);
  });
});

describe('a mistyped option', () => {
  it('is reported as unknown (with a suggestion), not as a required option missing', async () => {
    const typo = await run(['photonic', '--TL', '500mK', '--TRR', '100mK']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      "ndtc photonic: unknown option '--TRR' (Did you mean --TR?) (see ndtc photonic --help)\n",
    );
    const bogus = await run(['resistance', '--bogus']);
    expect(bogus.stderr).toMatch(/^ndtc resistance: unknown option '--bogus'/);
    // A required option truly missing is still named.
    const missing = await run(['photonic', '--TL', '500mK']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^ndtc photonic: required option '--TR <temps>' not specified/);
  });
});

describe('ndtc help <command>', () => {
  it('names an unknown command in one line (exit 2) instead of printing the whole help', async () => {
    const r = await run(['help', 'bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ndtc: unknown command 'bogus' (see ndtc --help)\n");
    const known = await run(['help', 'photonic']);
    expect(known.stdout + known.stderr).toMatch(/Usage: ndtc photonic/);
  });
});
