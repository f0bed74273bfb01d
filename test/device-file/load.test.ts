import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, chiOf, platformDevice, type Device } from '../../src/index.js';
import { loadDeviceFile, parseDeviceText } from '../../src/device-file/load.js';
import { editDistance, nearestName } from '../../src/device-file/nearest-name.js';

/** Every leaf of a device with its dotted path. */
function leaves(device: Device): [string, number][] {
  const out: [string, number][] = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'number') out.push([path, node]);
    else for (const [k, v] of Object.entries(node as object)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(device, '');
  return out;
}

function errorOf(text: string): InputError {
  try {
    parseDeviceText(text, 'dev.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('example device files equal the built-in platforms', () => {
  for (const platform of ['ag', 'inas'] as const) {
    it(`examples/${platform}.yaml`, () => {
      const file = loadDeviceFile(`examples/${platform}.yaml`);
      const builtIn = platformDevice(platform);
      expect(leaves(file).map(([k]) => k)).toEqual(leaves(builtIn).map(([k]) => k));
      for (const [[path, value], [, expected]] of leaves(file).map(
        (l, i) => [l, leaves(builtIn)[i]] as const,
      )) {
        expect(value, path).toBe(expected);
      }
      expect(file).toEqual(builtIn);
      expect(chiOf(file)).toBe(2);
    });
  }

  it('platform: starts from the built-in device and overrides only what is given', () => {
    const d = loadDeviceFile('examples/ag-short.yaml');
    const ag = platformDevice('ag');
    expect(d.left.junction.c).toBeCloseTo(0.07, 15);
    expect(d.right.junction.c).toBe(d.left.junction.c);
    expect(chiOf(d)).toBeCloseTo(3, 14); // χ = A_R/A_L is a ratio of floating-point areas
    expect(d.left.normal).toEqual(ag.left.normal);
    expect(d.Tbath).toBe(ag.Tbath);
  });

  it('JSON device with materials and an explicit right area', () => {
    const d = loadDeviceFile('examples/asymmetric.json');
    expect(d.right.normal.Sigma).toBe(2e9); // Cu from the materials table
    expect(d.left.normal.Sigma).toBe(5e8);
    expect(d.right.normal.volume).toBe(d.left.normal.volume);
    expect(d.left.superconductor.Tc).toBe(1.2);
    expect(d.left.superconductor.gamma).toBe(1e-4);
    expect(chiOf(d)).toBeCloseTo(3, 12);
  });
});

describe('the published JSON Schema', () => {
  const schema = JSON.parse(readFileSync('schema/device.schema.json', 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);
  it('a missing file named like a shipped example points to it (the docs run outside a clone)', () => {
    const shipped = join(process.cwd(), 'examples', 'inas.yaml');
    expect(() => loadDeviceFile(join(tmpdir(), 'no-such-dir', 'inas.yaml'), '--device')).toThrowError(
      `a device file; not found, but ndtc ships ${shipped}`,
    );
    // Any other missing file: the cause alone.
    expect(() => loadDeviceFile(join(tmpdir(), 'no-such-dir', 'mine.yaml'), '--device')).toThrowError(
      /a readable YAML or JSON device file \(see docs\/devices\.md\); no such file or directory \(ENOENT\)$/,
    );
  });

  it('accepts every example', () => {
    for (const f of ['ag.yaml', 'inas.yaml', 'ag-short.yaml', 'asymmetric.json']) {
      const data = parseYaml(readFileSync(`examples/${f}`, 'utf8'));
      expect(validate(data), f + JSON.stringify(validate.errors)).toBe(true);
    }
  });
  it('rejects an unknown key and a wrong material', () => {
    expect(validate({ Tbath: '10mK', left: { normal: { Sigam: 1 } } })).toBe(false);
    expect(validate({ left: { normal: { material: 'Au' } } })).toBe(false);
  });
});

describe('errors name the file, the key path, the value and what is accepted', () => {
  const base = `Tbath: 10mK
left:
  superconductor: { material: Al, volume: 2um x 0.2um x 0.01um }
  normal: { material: Ag, volume: 2 x 1.3um x 0.2um x 0.01um }
  junction: { r0: 10ohm*um^2, c: 50fF/um^2, area: 0.1um^2 }
right: { chi: 2 }
`;
  it('the minimal file parses', () => {
    expect(parseDeviceText(base, 'dev.yaml').left.normal.n).toBe(5);
  });
  it('unknown key suggests the nearest', () => {
    const e = errorOf(base.replace('material: Ag,', 'material: Ag, Sigam: 5e8 W/m^3/K^5,'));
    expect(e.option).toBe('dev.yaml: left.normal');
    expect(e.value).toBe('Sigam');
    expect(e.accepted).toContain("did you mean 'Sigma'");
  });
  it('unknown top-level key', () => {
    const e = errorOf(base + 'Tbth: 20mK\n');
    expect(e.accepted).toContain("did you mean 'Tbath'");
  });
  it('wrong unit names the key path', () => {
    const e = errorOf(base.replace('c: 50fF/um^2', 'c: 50fF'));
    expect(e.option).toBe('dev.yaml: left.junction.c');
    expect(e.value).toBe('50fF');
  });
  it('malformed YAML names the line, and the message ends on what went wrong (no dangling colon)', () => {
    const e = errorOf('platform: ag\nleft:\n  normal: [\n');
    expect(e.value).toBe('line 4');
    expect(e.accepted).toMatch(/^YAML or JSON; the YAML parser stops there: .*at line 4, column 1$/);
  });
  it('missing unit', () => {
    const e = errorOf(base.replace('Tbath: 10mK', 'Tbath: 0.01'));
    expect(e.option).toBe('dev.yaml: Tbath');
  });
  it('unknown material suggests the nearest', () => {
    const e = errorOf(base.replace('material: Ag', 'material: Ah'));
    expect(e.option).toBe('dev.yaml: left.normal.material');
    expect(e.accepted).toContain('Ag, Cu, InAsOI');
  });
  it('missing required quantity', () => {
    const e = errorOf(base.replace(', area: 0.1um^2', ''));
    expect(e.option).toBe('dev.yaml: left.junction.area');
    expect(e.value).toBe('(missing)');
  });
  it('missing right reservoir', () => {
    const e = errorOf(base.replace('right: { chi: 2 }\n', ''));
    expect(e.option).toBe('dev.yaml: right');
  });
  it('chi and right area together', () => {
    const e = errorOf(base.replace('right: { chi: 2 }', 'right: { chi: 2, junction: { area: 0.2um^2 } }'));
    expect(e.option).toBe('dev.yaml: right.chi');
  });
  it('chi outside its range (infinite, or past 100) is named as right.chi, not as the area it scales', () => {
    for (const chi of ['1e400', '1000', '0']) {
      const e = errorOf(base.replace('right: { chi: 2 }', `right: { chi: ${chi} }`));
      expect(e.option).toBe('dev.yaml: right.chi');
    }
  });
  it('Sigma exponent must match n', () => {
    const e = errorOf(base.replace('material: Ag,', 'material: Ag, Sigma: 3e7 W/m^3/K^6,'));
    expect(e.option).toBe('dev.yaml: left.normal.Sigma');
    expect(e.accepted).toContain('K^5');
  });
  it('a Sigma exponent sets n when nothing else does', () => {
    const d = parseDeviceText(base.replace('material: Ag,', 'Sigma: 3e7 W/m^3/K^6,'), 'dev.yaml');
    expect(d.left.normal.n).toBe(6);
    expect(d.left.normal.Sigma).toBe(3e7);
  });
  it('gamma outside (0, 1)', () => {
    const e = errorOf(base.replace('material: Al,', 'material: Al, gamma: 2,'));
    expect(e.option).toBe('dev.yaml: left.superconductor.gamma');
    expect(e.value).toBe('2');
  });
  it('non-positive quantity', () => {
    const e = errorOf(base.replace('area: 0.1um^2', 'area: -0.1um^2'));
    expect(e.option).toBe('dev.yaml: left.junction.area');
  });
  it('bath above Tc', () => {
    const e = errorOf(base.replace('Tbath: 10mK', 'Tbath: 2K'));
    expect(e.option).toBe('dev.yaml: Tbath');
  });
  it('a Tc out of its range is named itself, not the bath it leaves above', () => {
    const e = errorOf(base.replace('material: Al,', 'material: Al, Tc: 1.2mK,'));
    expect(e.option).toBe('dev.yaml: left.superconductor.Tc');
    expect(e.value).toBe('1.2 mK');
    expect(e.accepted).toMatch(/^from 10 mK to 10 K/);
  });
  it('YAML syntax error gives the line', () => {
    const e = errorOf('Tbath: 10mK\nleft: { normal: [\n');
    expect(e.value).toMatch(/line \d/);
  });
  it('unreadable file: the library names its parameter, the CLI its option', () => {
    expect(() => loadDeviceFile('does/not/exist.yaml')).toThrow(
      /^loadDeviceFile path: invalid value 'does\/not\/exist.yaml': a readable YAML or JSON device file/,
    );
    expect(() => loadDeviceFile('does/not/exist.yaml', '--device')).toThrow(
      /^--device: invalid value 'does\/not\/exist.yaml'/,
    );
  });
  it('YAML that does not parse names the file, and --device only when the CLI says so', () => {
    const path = join(tmpdir(), `ndtc-bad-${process.pid}.yaml`);
    writeFileSync(path, 'Tbath: 10mK\nleft: { normal: [\n');
    const thrown = (load: () => unknown): InputError => {
      try {
        load();
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return error as InputError;
      }
      throw new Error('expected an InputError');
    };
    try {
      const library = thrown(() => loadDeviceFile(path));
      expect(library.option).toBe(path);
      expect(library.message).not.toContain('--device');
      expect(thrown(() => loadDeviceFile(path, '--device')).option).toBe(`--device ${path}`);
    } finally {
      rmSync(path, { force: true });
    }
  });
});

describe('nearest name', () => {
  it('edit distance on textbook pairs', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('Sigma', 'sigma')).toBe(0);
  });
  it('suggests only plausible names', () => {
    expect(nearestName('volum', ['volume', 'n', 'Sigma'])).toBe('volume');
    expect(nearestName('zzzzzzzz', ['volume', 'n', 'Sigma'])).toBeUndefined();
  });
});

describe('files that are not device files are refused at once, naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ndtc-device-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const refusal = (path: string): InputError => {
    try {
      loadDeviceFile(path);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toContain(path);
      return error as InputError;
    }
    throw new Error(`expected ${path} to be refused`);
  };
  it('a character device, a directory, a FIFO (without blocking), a missing file', () => {
    expect(refusal('/dev/zero').message).toMatch(/not a regular file/);
    expect(refusal(dir).message).toMatch(/not a regular file/);
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(fifo).message).toMatch(/not a regular file/);
    expect(refusal(join(dir, 'absent.yaml')).message).toMatch(/no such file or directory \(ENOENT\)/);
  });
  it('a file over 1 MiB, by its size, without parsing it', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(1 << 20)}\n`);
    expect(refusal(big).message).toMatch(/at most 1 MiB; this one has 1048579 bytes/);
  });
  it('a YAML alias bomb stops at the alias limit', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const bomb = join(dir, 'bomb.yaml');
    writeFileSync(bomb, levels.join('\n') + '\n');
    const error = refusal(bomb);
    expect(error.message).toMatch(/excessive aliases/);
  });
});
