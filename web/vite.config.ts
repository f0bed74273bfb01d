/** Build of the static explorer site: web/ → web-dist/, with relative URLs so it deploys under any path. */
import { fileURLToPath } from 'node:url';
import { createLogger, defineConfig } from 'vite';

/**
 * Vite's logger without its notes that `node:` modules are externalized: the explorer imports the
 * library through its one entry (src/index.ts), whose file and sweep-directory parts use node:fs and
 * node:crypto. The explorer never calls them, and a user running `ndtc explore` should not read a
 * page of warnings about it; every other warning still shows.
 */
const logger = createLogger('warn');
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => {
  if (!/has been externalized for browser compatibility/.test(message)) warn(message, options);
};

export default defineConfig({
  // The directory of this file (i.e. 'web'), absolute so the build works from any working directory.
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: '../web-dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  worker: { format: 'es' },
  plugins: [
    {
      // The device-file libraries bundled, not loaded on first use through Node's require.
      name: 'device-file-libraries',
      enforce: 'pre',
      resolveId(source, importer) {
        if (source === './libraries.js' && importer?.replace(/\\/g, '/').includes('/src/device-file/'))
          return fileURLToPath(new URL('./device-file-libraries.ts', import.meta.url));
        return undefined;
      },
    },
  ],

  logLevel: 'warn',
  customLogger: logger,
});
