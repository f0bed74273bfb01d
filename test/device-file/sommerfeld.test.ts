/** Device files may set the Sommerfeld coefficient of each part (heat capacities, docs/model.md §10). */
import { describe, expect, it } from 'vitest';
import { InputError, deviceYaml, heatCapacityNormal, platformDevice } from '../../src/index.js';
import { parseDeviceText } from '../../src/device-file/load.js';

describe('sommerfeld in device files', () => {
  it('overrides the default, is inherited by the right reservoir, and survives a round trip', () => {
    const d = parseDeviceText(
      'platform: ag\nleft:\n  normal:\n    sommerfeld: 70\n  superconductor:\n    sommerfeld: 140\n',
      'dev.yaml',
    );
    expect(d.left.normal.sommerfeld).toBe(70);
    expect(d.right.normal.sommerfeld).toBe(70);
    expect(d.left.superconductor.sommerfeld).toBe(140);
    expect(heatCapacityNormal(d.left.normal, 0.2)).toBeCloseTo(70 * 5.2e-21 * 0.2, 30);
    expect(parseDeviceText(deviceYaml(d, 'round trip'), 'again.yaml')).toEqual(d);
  });

  it('is not inherited by a part of another material', () => {
    const d = parseDeviceText(
      'platform: ag\nleft:\n  normal:\n    sommerfeld: 70\nright:\n  normal:\n    material: Cu\n',
      'dev.yaml',
    );
    expect(d.right.normal.sommerfeld).toBeUndefined();
  });

  it('is absent unless given (the platform default of heat-capacity.ts applies)', () => {
    const d = parseDeviceText('platform: inas\n', 'dev.yaml');
    expect(d.left.normal.sommerfeld).toBeUndefined();
    expect(heatCapacityNormal(d.left.normal, 0.2)).toBe(
      heatCapacityNormal(platformDevice('inas').left.normal, 0.2),
    );
  });

  it('refuses a value ≤ 0 or not a number, naming the key', () => {
    for (const bad of ['0', '-1', 'lots']) {
      expect(() =>
        parseDeviceText(`platform: ag\nleft:\n  normal:\n    sommerfeld: ${bad}\n`, 'dev.yaml'),
      ).toThrow(/left\.normal\.sommerfeld/);
      expect(() =>
        parseDeviceText(`platform: ag\nleft:\n  normal:\n    sommerfeld: ${bad}\n`, 'dev.yaml'),
      ).toThrow(InputError);
    }
  });
});
