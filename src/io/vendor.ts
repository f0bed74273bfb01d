/**
 * Libraries from the build's bundles (dist/vendor/NAME.js, scripts/bundle-vendor.mjs): one
 * minified file each, cheaper to load than the packages' modules; running from the sources, where
 * there is none, from the packages themselves. Both are the same code.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bundle `name` when the build wrote it, else what `fromPackage` loads. */
export function importVendor<T>(name: string, fromPackage: () => Promise<T>): Promise<T> {
  const bundle = new URL(`../vendor/${name}.js`, import.meta.url);
  return existsSync(fileURLToPath(bundle)) ? (import(bundle.href) as Promise<T>) : fromPackage();
}
