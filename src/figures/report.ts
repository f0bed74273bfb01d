/** The reproduction report: parameter table, the eight claims with their numbers, the panels written. */
import { PAPER_DEFAULTS, type Device } from '../index.js';
import type { Claim } from './claims.js';
import type { Panel } from './panel.js';
import type { Provenance } from './provenance.js';
import { PLATFORMS, PLATFORM_LABEL, type OperatingPoint } from './study.js';

export interface ReportInput {
  provenance: Provenance;
  devices: Record<'ag' | 'inas', Device>;
  operatingPoints: Record<'ag' | 'inas', OperatingPoint[]>;
  claims: Claim[];
  panels: Panel[];
  /** File names written per panel id. */
  files: Record<string, string[]>;
  /** docs/model.md §9 checks of the steady states (one line each). */
  validity: string[];
}

const C_REASON =
  'The paper prints c = 50 pF/µm², a typo: AlOx tunnel junctions have 50–100 fF/µm², and with pF the ' +
  'photonic cutoff ħω_c/k_B falls below 1 mK, J_γ drops to ~0.03 fW and none of the figures come out ' +
  '(docs/model.md §3). ndtc uses c = 50 fF/µm².';

const verdict = (c: Claim): string => (c.holds ? 'HOLDS' : 'DOES NOT HOLD');

const um = 1e-6;
const g = (x: number): string => Number(x.toPrecision(4)).toString();

function parameterRows(devices: ReportInput['devices']): string[][] {
  const { ag, inas } = devices;
  const both = (f: (d: Device) => string): [string, string] => [f(ag), f(inas)];
  return [
    ['T_c (Al)', ...both((d) => `${g(d.left.superconductor.Tc)} K`)],
    ['γ = Γ/Δ0', ...both((d) => g(d.left.superconductor.gamma))],
    ['Σ_S (Al)', ...both((d) => `${g(d.left.superconductor.Sigma)} W m⁻³ K⁻⁵`)],
    ['V_S (left Al)', ...both((d) => `${g(d.left.superconductor.volume / um ** 3)} µm³`)],
    ['normal part: n', ...both((d) => String(d.left.normal.n))],
    ['Σ_N', ...both((d) => `${g(d.left.normal.Sigma)} W m⁻³ K⁻${d.left.normal.n === 5 ? '⁵' : '⁶'}`)],
    ['V_N (left)', ...both((d) => `${g(d.left.normal.volume / um ** 3)} µm³`)],
    ['r0 = R0·A', ...both((d) => `${g(d.left.junction.r0 / um ** 2)} Ω·µm²`)],
    ['c (specific capacitance)', ...both((d) => `${g(d.left.junction.c * um ** 2 * 1e15)} fF/µm²`)],
    ['A_L', ...both((d) => `${g(d.left.junction.area / um ** 2)} µm²`)],
    ['χ = A_R/A_L', ...both((d) => g(d.right.junction.area / d.left.junction.area))],
    ['T_bath (setup 1)', ...both((d) => `${g(d.Tbath * 1e3)} mK`)],
  ];
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function reportMarkdown(input: ReportInput): string {
  const { provenance: p, claims, panels, files } = input;
  const held = claims.filter((c) => c.holds).length;
  const out: string[] = [];
  out.push('# ndtc reproduction report');
  out.push('');
  out.push(
    'Pioldi, De Simoni, Braggio, Giazotto, *Photonic negative differential thermal conductance enabled by NIS junctions*: every panel recomputed, every claim tested.',
  );
  out.push('');
  out.push(
    `- ndtc ${p.ndtcVersion}, ${p.gitCommit === null ? 'an installed package (no git checkout)' : `git commit ${p.gitCommit}${p.gitDirty ? ' with uncommitted changes' : ''}`}`,
  );
  out.push(`- generated ${p.date}`);
  out.push('');
  out.push('## Parameters');
  out.push('');
  out.push(table(['parameter', 'Ag (Al/AlOx/Ag)', 'InAsOI (Al/AlOx/InAsOI)'], parameterRows(input.devices)));
  out.push('');
  out.push(`**c = ${g(PAPER_DEFAULTS.c * um ** 2 * 1e15)} fF/µm².** ${C_REASON}`);
  out.push('');
  out.push('Input powers of Figs. 3–4 (T_L at T_R = T_bath = 10 mK, found with `inputPowerForTarget`):');
  out.push('');
  out.push(
    table(
      ['T_L(10 mK)', ...PLATFORMS.map((pl) => `J_in, ${PLATFORM_LABEL[pl]}`)],
      input.operatingPoints.ag.map((op, i) => [
        `${g(op.TL0 * 1e3)} mK`,
        ...PLATFORMS.map((pl) => `${g(input.operatingPoints[pl][i].Jin * 1e15)} fW`),
      ]),
    ),
  );
  out.push('');
  out.push(`## Claims: ${held} of ${claims.length} hold`);
  out.push('');
  for (const c of claims) {
    out.push(`### ${c.id}. ${verdict(c)} — ${c.statement}`);
    out.push('');
    out.push(`*Test:* ${c.test}`);
    out.push('');
    for (const e of c.evidence) out.push(`- ${e}`);
    out.push('');
  }
  out.push('## Validity (docs/model.md §9)');
  out.push('');
  out.push(
    'Linear response needs the rms junction voltage √(k_B T / C_total) ≪ Δ(T)/e (flagged above 0.2 Δ/e) and every temperature below T_c:',
  );
  out.push('');
  for (const v of input.validity) out.push(`- ${v}`);
  out.push('');
  out.push('## Panels');
  out.push('');
  out.push(
    table(
      ['panel', 'title', 'files'],
      panels.map((panel) => [
        panel.id,
        panel.title,
        (files[panel.id] ?? []).map((f) => `\`${f}\``).join(' '),
      ]),
    ),
  );
  const notes = panels.flatMap((panel) => (panel.notes ?? []).map((n) => `- ${panel.id}: ${n}`));
  if (notes.length > 0) {
    out.push('');
    out.push('### Notes on the panels');
    out.push('');
    out.push(...notes);
  }
  out.push('');
  return out.join('\n');
}

/** A short plain-text summary for stdout. */
export function reportSummary(input: ReportInput): string {
  const held = input.claims.filter((c) => c.holds).length;
  const lines = [
    `ndtc reproduce — c = ${g(PAPER_DEFAULTS.c * um ** 2 * 1e15)} fF/µm² (the paper's "pF/µm²" is a typo), r0 = ${g(PAPER_DEFAULTS.r0 / um ** 2)} Ω·µm², χ = ${PAPER_DEFAULTS.chi}, γ = ${PAPER_DEFAULTS.gamma}, T_bath = ${g(PAPER_DEFAULTS.Tbath * 1e3)} mK`,
    `claims: ${held} of ${input.claims.length} hold`,
  ];
  for (const c of input.claims) {
    lines.push(`  ${c.id}. ${verdict(c).padEnd(13)} ${c.statement}`);
    for (const e of c.evidence.slice(0, 3)) lines.push(`       ${e}`);
    if (c.evidence.length > 3) lines.push(`       … (${c.evidence.length - 3} more lines in report.md)`);
  }
  return lines.join('\n') + '\n';
}
