/**
 * The commented header atop a table describes both reservoirs of an asymmetric device (Tc, γ, c, r0,
 * area, volumes, couplings, each side), and stays one line for reservoirs that differ only in area (χ).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ndtc } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'ndtc-headers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every value of the right reservoir differs from the left's, in a value the header prints. */
const device = join(dir, 'asymmetric.yaml');
writeFileSync(
  device,
  `Tbath: 20mK
left:
  superconductor: { material: Al, Tc: 1.2K, gamma: 1e-4, Sigma: 3e8 W/m^3/K^5, volume: 0.004um^3 }
  normal: { material: Ag, Sigma: 5e8 W/m^3/K^5, n: 5, volume: 0.0052um^3 }
  junction: { r0: 10ohm*um^2, c: 50fF/um^2, area: 0.1um^2 }
right:
  superconductor: { material: Al, Tc: 1.1K, gamma: 2e-4, Sigma: 4e8 W/m^3/K^5, volume: 0.008um^3 }
  normal: { material: InAsOI, Sigma: 3e7 W/m^3/K^6, n: 6, volume: 0.02um^3 }
  junction: { r0: 20ohm*um^2, c: 80fF/um^2, area: 0.3um^2 }
`,
);

const LEFT =
  '# left:  Tc = 1.2 K, γ = 0.0001, c = 50 fF/µm², r0 = 10 Ω·µm², A = 0.1 µm², V_S = 0.004 µm³, V_N = 0.0052 µm³, Σ_S = 3e8 W/m³/K⁵, Σ_N = 5e8 W/m³/K⁵';
const RIGHT =
  '# right: Tc = 1.1 K, γ = 0.0002, c = 80 fF/µm², r0 = 20 Ω·µm², A = 0.3 µm², V_S = 0.008 µm³, V_N = 0.02 µm³, Σ_S = 4e8 W/m³/K⁵, Σ_N = 3e7 W/m³/K⁶';

/** The `#` lines atop the output. */
const header = (stdout: string): string[] => stdout.split('\n').filter((l) => l.startsWith('#'));

describe('an asymmetric device', () => {
  it.each([
    ['photonic', ['--TL', '300mK', '--TR', '100mK'], ''],
    ['phonon', ['--Te', '300mK', '--Tbath', '100mK'], ''],
    ['solve', ['--Jin', '100fW', '--TR', '100mK'], ', setup 1'],
  ])('ndtc %s: a line per reservoir, then χ and the bath', async (command, argv, suffix) => {
    const r = await ndtc(command, '--device', device, ...argv);
    expect(r.code, r.stderr).toBe(0);
    expect(header(r.stdout)).toEqual([
      `# device ${device}: the reservoirs differ`,
      LEFT,
      RIGHT,
      `# χ = 3, T_bath = 20 mK${suffix}`,
    ]);
    expect(r.stdout.split('\n')[4]).not.toMatch(/^#/); // then the table
  });
});

describe('reservoirs that differ only in area', () => {
  it('keep the one-line header with χ', async () => {
    const r = await ndtc('photonic', '--platform', 'ag', '--chi', '5', '--TL', '300mK', '--TR', '100mK');
    expect(header(r.stdout)).toEqual([
      '# platform ag, χ = 5, c = 50 fF/µm², r0 = 10 Ω·µm², Tc = 1.2 K, γ = 0.0001',
    ]);
  });
});
