import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceDocument, deviceYaml } from '../../src/device-file/document.js';
import { parseDeviceText } from '../../src/device-file/load.js';
import { platformDevice, reservoirHeatCapacity, type Device, type Reservoir } from '../../src/index.js';
import { SOMMERFELD } from '../../src/physics/heat-capacity.js';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const reservoir = (Tc: number): fc.Arbitrary<Reservoir> =>
  fc.record({
    superconductor: fc.record(
      {
        Tc: fc.constant(Tc),
        gamma: positive(1e-6, 0.1),
        Sigma: positive(1e6, 1e10),
        volume: positive(1e-24, 1e-15),
        sommerfeld: positive(0.01, 1000),
      },
      { requiredKeys: ['Tc', 'gamma', 'Sigma', 'volume'] },
    ),
    normal: fc.record(
      {
        Sigma: positive(1e5, 1e10),
        n: fc.constantFrom(5, 6),
        volume: positive(1e-24, 1e-15),
        sommerfeld: positive(0.01, 1000),
      },
      { requiredKeys: ['Sigma', 'n', 'volume'] },
    ),
    junction: fc.record({
      r0: positive(1e-13, 1e-8),
      c: positive(1e-3, 1),
      area: positive(1e-14, 1e-12), // χ = A_R/A_L within [0.01, 100]
    }),
  });

const device: fc.Arbitrary<Device> = fc
  // f ≥ 0.2 keeps the bath ≥ 0.004 of the larger Tc (src/physics/domain.ts)
  .record({ TcL: positive(0.2, 10), TcR: positive(0.2, 10), f: positive(0.2, 0.9) })
  .chain(({ TcL, TcR, f }) =>
    fc.record({ left: reservoir(TcL), right: reservoir(TcR), Tbath: fc.constant(f * Math.min(TcL, TcR)) }),
  );

describe('a device written as a device file reads back as the same doubles', () => {
  it('the built-in platforms, as YAML with a comment and a name', () => {
    for (const platform of ['ag', 'inas'] as const) {
      const d = platformDevice(platform);
      const text = deviceYaml(d, `saved by a test\n${platform}`, platform);
      expect(text.startsWith(`# saved by a test\n# ${platform}\n`)).toBe(true);
      expect(parseDeviceText(text, 'saved.yaml')).toEqual(d);
    }
  });

  it('any device, both reservoirs different (fast-check, JSON and YAML)', () => {
    fc.assert(
      fc.property(device, (generated) => {
        // A plain copy (fast-check's records have no prototype); JSON keeps every double exactly.
        const d = JSON.parse(JSON.stringify(generated)) as Device;
        // A right superconductor without a Sommerfeld coefficient beside a left one with it is written
        // with aluminium's (the value it uses), lest it inherit the left one's on loading.
        const expected = structuredClone(d);
        if (d.left.superconductor.sommerfeld !== undefined && d.right.superconductor.sommerfeld === undefined)
          expected.right.superconductor.sommerfeld = SOMMERFELD.Al;
        expect(parseDeviceText(JSON.stringify(deviceDocument(d)), 'saved.json')).toStrictEqual(expected);
        expect(parseDeviceText(deviceYaml(d, 'saved'), 'saved.yaml')).toStrictEqual(expected);
        for (const side of ['left', 'right'] as const)
          expect(
            reservoirHeatCapacity(parseDeviceText(deviceYaml(d, 'saved'), 'saved.yaml')[side], 0.1),
          ).toBe(reservoirHeatCapacity(d[side], 0.1));
      }),
      { numRuns: 200 },
    );
  });

  it('every value is written with an SI unit (the file stands on its own)', () => {
    const doc = deviceDocument(platformDevice('ag'));
    expect(doc.Tbath).toBe('0.01 K');
    expect(doc.left.junction.r0).toMatch(/ ohm\*m\^2$/);
    expect(doc.right.normal.Sigma).toMatch(/ W\/m\^3\/K\^5$/);
  });
});
