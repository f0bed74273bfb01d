/** What every CLI command gets: where to write, the package version, and the optional device-file loader. */
import type { Command } from 'commander';
import type { Device } from '../index.js';

/** Reads a device file (YAML/JSON) into an SI Device; throws InputError naming `option` and the file. */
export type DeviceFileLoader = (path: string, option?: string) => Device;

export interface CliContext {
  /** Standard output (results). */
  stdout(text: string): void;
  /** Standard error (warnings, notes, errors). */
  stderr(text: string): void;
  /** ndtc's version, from package.json. */
  version: string;
  /** Loader for `--device FILE`; without it `--device` is refused with a clear message. */
  loadDeviceFile?: DeviceFileLoader;
}

/** A command module registers its subcommand (options, help with examples, action) on the program. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;
