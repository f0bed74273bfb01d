/** Build of the static explorer site: web/ → web-dist/, with relative URLs so it deploys under any path. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

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
});
