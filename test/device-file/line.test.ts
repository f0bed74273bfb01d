/** Device files: the optional `line` mapping (series inductance and resistance per line). */
import { describe, expect, it } from 'vitest';
import { deviceYaml, InputError, parseDeviceText, platformDevice } from '../../src/index.js';

describe('device file line', () => {
  it('parses units and defaults a missing element to 0', () => {
    const d = parseDeviceText('platform: ag\nline:\n  inductance: 25nH\n');
    expect(d.line).toEqual({ inductance: 25e-9, resistance: 0 });
    expect(parseDeviceText('platform: ag\nline: { resistance: 2kohm }').line).toEqual({
      inductance: 0,
      resistance: 2000,
    });
  });

  it('no line key: no line (the paper)', () => {
    expect(parseDeviceText('platform: ag').line).toBeUndefined();
  });

  it('round-trips through the document', () => {
    const device = { ...platformDevice('inas'), line: { inductance: 3.3e-9, resistance: 0.7 } };
    expect(parseDeviceText(deviceYaml(device, 'test')).line).toEqual(device.line);
  });

  it('refuses a negative value or a wrong unit, naming the key', () => {
    expect(() => parseDeviceText('platform: ag\nline: { resistance: -1ohm }')).toThrow(InputError);
    expect(() => parseDeviceText('platform: ag\nline: { resistance: -1ohm }')).toThrow(/line\.resistance/);
    expect(() => parseDeviceText('platform: ag\nline: { inductance: 10nF }')).toThrow(
      /line\.inductance.*inductance/,
    );
    expect(() => parseDeviceText('platform: ag\nline: { capacitance: 1fF }')).toThrow(/unknown key/);
  });
});
