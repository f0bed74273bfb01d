/**
 * `ndtc reproduce` without the command line: compute the panels and claims, render them, and put the
 * files into the output directory so that an interruption never leaves a partial file or directory
 * behind (everything is written into a hidden staging directory first — inside an existing output
 * directory, beside a new one — and moved into place at the end).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { FileError, fileError } from '../io/file-error.js';
import { makeDirectory } from '../io/make-directory.js';
import { createProgress } from '../io/progress.js';
import { evaluateClaims, type Claim } from './claims.js';
import { panelCsv } from './csv.js';
import type { Panel } from './panel.js';
import { computePanel, PANEL_IDS, type PanelId } from './panels.js';
import { provenance, type Provenance } from './provenance.js';
import { svgToPdf } from './pdf.js';
import { renderSvg, svgToPng } from './render.js';
import { reportMarkdown, reportSummary, type ReportInput } from './report.js';
import { Study } from './study.js';
import { validitySummary } from './validity.js';

export const OUTPUT_FORMATS = ['svg', 'png', 'pdf', 'csv', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** Written unless formats are asked for: all but PDF (vector, for LaTeX; ~0.1 s of CPU per panel). */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['svg', 'png', 'csv', 'json'];

/** Parse `--only 2a,3b` (case-insensitive, spaces allowed). */
export function parsePanelList(text: string, option = '--only'): PanelId[] {
  return parseChoiceList(text, option, PANEL_IDS, 'panels from');
}

/** Parse `--format svg,png`. */
export function parseFormatList(text: string, option = '--format'): OutputFormat[] {
  return parseChoiceList(text, option, OUTPUT_FORMATS, 'formats from');
}

/** A comma-separated list of names from `choices` (any case), in the choices' order; an empty item is refused. */
function parseChoiceList<T extends string>(
  text: string,
  option: string,
  choices: readonly T[],
  what: string,
): T[] {
  const items = text.split(',').map((s) => s.trim().toLowerCase());
  const accepted = `a comma-separated list of ${what} ${choices.join(', ')}`;
  if (items.some((s) => s.length === 0))
    throw new InputError(option, text, `${accepted}, without empty items`);
  if (items.some((s) => !(choices as readonly string[]).includes(s)))
    throw new InputError(option, text, accepted);
  return choices.filter((c) => items.includes(c));
}

export interface ComputedReproduction {
  study: Study;
  panels: Panel[];
  claims: Claim[];
}

/** The panels and the claims, with no output (what the benchmark times). */
export function computeReproduction(
  ids: readonly PanelId[] = PANEL_IDS,
  study = new Study(),
): ComputedReproduction {
  const panels = ids.map((id) => computePanel(id, study));
  return { study, panels, claims: evaluateClaims(study) };
}

export interface ReproduceOptions {
  /** Output directory (created if missing; files not produced by reproduce are kept). */
  out: string;
  only?: readonly PanelId[];
  formats?: readonly OutputFormat[];
  quiet?: boolean;
  /** Show progress also when the stream is not a terminal (the CLI's --progress). */
  progress?: boolean;
  /** Progress stream (stderr by default). */
  progressStream?: NodeJS.WriteStream;
  /** Abort between steps (the CLI aborts on SIGINT); the partial directory is removed. */
  signal?: AbortSignal;
}

export interface ReproduceResult {
  outDir: string;
  /** File names written, relative to outDir. */
  written: string[];
  claims: Claim[];
  panels: Panel[];
  summary: string;
  provenance: Provenance;
}

export function panelFileName(id: string, format: OutputFormat): string {
  return `fig${id}.${format}`;
}

/** Let pending signals (SIGINT) run between the synchronous computation steps. */
function yieldToEvents(signal?: AbortSignal): Promise<void> {
  return new Promise((done, fail) =>
    setImmediate(() => (signal?.aborted ? fail(new Error('interrupted; no files were changed')) : done())),
  );
}

export async function reproduce(options: ReproduceOptions): Promise<ReproduceResult> {
  const outDir = resolve(options.out);
  // As every command that writes a directory says it (makeDirectory): an I/O failure, exit 1.
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    throw new FileError(
      outDir,
      'ENOTDIR',
      `cannot create the directory ${options.out}: it exists and is not a directory (ENOTDIR)`,
    );
  const ids = options.only ?? PANEL_IDS;
  const formats = options.formats ?? DEFAULT_FORMATS;
  const prov = provenance();

  try {
    makeDirectory(dirname(outDir));
  } catch (error) {
    // Named as --out was given (its parent is what is made here): "/dev/null/x: /dev/null is not …".
    if (!(error instanceof FileError)) throw error;
    const why = error.message.replace(/^cannot create the directory [^:]*: (it exists and )?/, '');
    const parent = error.message.includes(': it exists and ') ? `${dirname(outDir)} ` : '';
    throw new FileError(outDir, error.code, `cannot create the directory ${outDir}: ${parent}${why}`);
  }
  removeStaleStaging(outDir);
  // Staged inside an existing --out (its parent may not be ours to write: a scratch directory given
  // to us), else beside it (a new --out is made in its parent anyway).
  const stagingName = `${stagingPrefix(outDir)}${process.pid}-${Date.now()}`;
  const staging = existsSync(outDir) ? join(outDir, stagingName) : join(dirname(outDir), stagingName);
  try {
    mkdirSync(staging);
  } catch (error) {
    throw fileError('write into', outDir, error); // its staging directory could not be made
  }
  const progress = createProgress({
    label: 'reproduce',
    total: ids.length * (1 + formats.length) + 2,
    quiet: options.quiet,
    force: options.progress,
    stream: options.progressStream,
  });
  try {
    const study = new Study();
    const panels: Panel[] = [];
    for (const id of ids) {
      await yieldToEvents(options.signal);
      panels.push(computePanel(id, study));
      progress.tick();
    }
    await yieldToEvents(options.signal);
    const claims = evaluateClaims(study);
    progress.tick();

    const files: Record<string, string[]> = {};
    const written: string[] = [];
    const write = (name: string, data: string | Uint8Array): void => {
      writeFileAtomic(join(staging, name), data);
      written.push(name);
    };
    for (const panel of panels) {
      files[panel.id] = [];
      let svg: string | undefined;
      for (const format of formats) {
        await yieldToEvents(options.signal);
        const name = panelFileName(panel.id, format);
        if (format === 'json') write(name, JSON.stringify({ panel, metadata: prov }, null, 1) + '\n');
        else if (format === 'csv') write(name, panelCsv(panel));
        else {
          svg ??= await renderSvg(panel);
          write(
            name,
            format === 'svg' ? svg : format === 'pdf' ? await svgToPdf(svg) : await svgToPng(svg, 2),
          );
        }
        files[panel.id].push(name);
        progress.tick();
      }
    }
    const input: ReportInput = {
      provenance: prov,
      devices: { ag: study.device('ag'), inas: study.device('inas') },
      operatingPoints: { ag: study.operatingPoints('ag'), inas: study.operatingPoints('inas') },
      claims,
      panels,
      files,
      validity: validitySummary(study),
    };
    write('report.md', reportMarkdown(input));
    write(
      'report.json',
      JSON.stringify(
        {
          metadata: prov,
          devices: input.devices,
          operatingPoints: input.operatingPoints,
          claims,
          validity: input.validity,
          files,
        },
        null,
        1,
      ) + '\n',
    );
    progress.tick();
    await yieldToEvents(options.signal);
    try {
      moveIntoPlace(staging, outDir);
    } catch (error) {
      // A failed rename names the staging file; the user asked for outDir.
      if ((error as NodeJS.ErrnoException).syscall === undefined) throw error;
      throw fileError('write into', outDir, error);
    }
    progress.done();
    return { outDir, written, claims, panels, summary: reportSummary(input), provenance: prov };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Whether process `pid` is alive on this machine (EPERM: alive, but not ours to signal). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Staging directories of runs that were killed (SIGKILL leaves no chance to clean up): ours by name,
 * stale when the process that named them is gone. A live concurrent run's directory is left alone.
 */
export function removeStaleStaging(outDir: string): void {
  const prefix = stagingPrefix(outDir);
  for (const dir of [dirname(outDir), outDir]) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // not there yet, or not ours to list: nothing of ours in it either
    }
    for (const name of names) {
      const m = name.startsWith(prefix) ? /^(\d+)-\d+$/.exec(name.slice(prefix.length)) : null;
      if (m && !processAlive(Number(m[1]))) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}

/** The name of a staging directory of `outDir` up to the process id: `.reproduce.partial-` for `…/reproduce`. */
const stagingPrefix = (outDir: string): string => `.${basename(outDir)}.partial-`;

/**
 * A fresh output directory appears by one rename. Into an existing one (staged inside it) each of our
 * files is renamed over its old version (each rename is atomic), and everything else is left alone.
 */
function moveIntoPlace(staging: string, outDir: string): void {
  if (!existsSync(outDir)) {
    renameSync(staging, outDir);
    return;
  }
  for (const name of readdirSync(staging)) renameSync(join(staging, name), join(outDir, name));
}
