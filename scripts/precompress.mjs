// Writes a brotli (.br, highest quality) and a gzip (.gz) copy beside every script, wasm module
// and stylesheet of a built site, which the server then sends as they are instead of
// compressing on every request at a lower quality.
//
//   node scripts/precompress.mjs target/site/pkg
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] ?? 'target/site/pkg';
for (const name of fs.readdirSync(dir)) {
  if (!/\.(js|wasm|css)$/.test(name)) continue;
  const file = path.join(dir, name);
  const source = fs.statSync(file);
  const fresh = (copy) => fs.existsSync(copy) && fs.statSync(copy).mtimeMs >= source.mtimeMs;
  const content = fs.readFileSync(file);
  if (!fresh(`${file}.br`)) {
    const br = zlib.brotliCompressSync(content, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    fs.writeFileSync(`${file}.br`, br);
  }
  if (!fresh(`${file}.gz`)) fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
  const size = (f) => fs.statSync(f).size;
  console.log(`${name}: ${size(file)} bytes, brotli ${size(`${file}.br`)}, gzip ${size(`${file}.gz`)}`);
}
