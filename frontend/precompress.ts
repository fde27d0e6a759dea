import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

// Files worth compressing: images and fonts (woff2) are compressed already,
// and under 1 KiB a file fits one packet either way.
const compressible = /\.(?:js|css|html|svg|json|txt|map)$/;
const minBytes = 1024;

/**
 * Writes beside every compressible file of the build its brotli (quality
 * 11) and gzip (level 9) copies, name.br and name.gz, when they are
 * smaller. The Go server sends the one the browser accepts
 * (server/web/compress.go): the best compression, paid once at build time
 * rather than on every request.
 */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "win-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).filter((f) => compressible.test(f));
      await Promise.all(
        files.map(async (f) => {
          const raw = await readFile(join(outDir, f));
          if (raw.length < minBytes) {
            return;
          }
          const copies: [string, Buffer][] = [
            [".br", await brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })],
            [".gz", await gz(raw, { level: 9 })],
          ];
          for (const [suffix, data] of copies) {
            if (data.length < raw.length) {
              await writeFile(join(outDir, f + suffix), data);
            }
          }
        }),
      );
    },
  };
}
