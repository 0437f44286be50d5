// What a browser downloads for each page: the HTML and every script, wasm module and stylesheet
// it loads, in bytes as the server sends them (brotli when offered) and uncompressed.
//
//   node bench/sizes.mjs http://127.0.0.1:3000 / /learn /guide
//
// Prints a table, and one JSON line per page after "JSON " for scripts.
import http from 'node:http';
import zlib from 'node:zlib';

const [base, ...pages] = process.argv.slice(2);

function get(path) {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, base), { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const wire = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const body =
          encoding === 'br' ? zlib.brotliDecompressSync(wire) : encoding === 'gzip' ? zlib.gunzipSync(wire) : wire;
        if (response.statusCode !== 200) reject(new Error(`${path}: ${response.statusCode}`));
        else resolve({ wire: wire.length, raw: body.length, encoding: encoding ?? 'none', text: body.toString('utf8') });
      });
    });
    request.on('error', reject);
  });
}

// Everything the page itself asks for: scripts, preloads, stylesheets, and the module a
// script imports by a literal path (the islands' loader imports the bundle that way).
function assets(html) {
  const found = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!url || url.startsWith('http') || url.startsWith('data:')) continue;
    if (tag.startsWith('<link') && !/rel="(stylesheet|modulepreload|preload)"/.test(tag)) continue;
    found.add(url);
  }
  for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
    for (const m of script.matchAll(/["'](\/pkg\/[^"']+\.(?:js|wasm))["']/g)) found.add(m[1]);
  }
  return [...found];
}

const kind = (url) => (url.endsWith('.wasm') ? 'wasm' : url.endsWith('.css') ? 'css' : 'js');
const kB = (n) => (n / 1000).toFixed(1);

const rows = [];
for (const page of pages) {
  const html = await get(page);
  const islands = (html.text.match(/<leptos-island\b/g) ?? []).length;
  const totals = { page, islands, html: html.wire, js: 0, wasm: 0, css: 0, raw_js: 0, raw_wasm: 0, files: [] };
  for (const url of assets(html.text)) {
    const file = await get(url);
    totals[kind(url)] += file.wire;
    if (kind(url) !== 'css') totals[`raw_${kind(url)}`] += file.raw;
    totals.files.push({ url, bytes: file.wire, encoding: file.encoding });
  }
  // Scripts inlined in the page travel inside its HTML; what they add to it is about their
  // size compressed on their own (so the JS column counts them, and the HTML column too).
  const inline = (html.text.match(/<script\b(?![^>]*\bsrc=)[^>]*>[\s\S]*?<\/script>/g) ?? [])
    .map((tag) => tag.replace(/^<script\b[^>]*>/, '').replace(/<\/script>$/, ''))
    .filter((body) => body.trim() !== '')
    .join('\n');
  if (inline) {
    const quality = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } };
    const bytes = zlib.brotliCompressSync(Buffer.from(inline), quality).length;
    totals.js += bytes;
    totals.raw_js += Buffer.byteLength(inline);
    totals.files.push({ url: 'inline', bytes, encoding: 'br' });
  }
  totals.script_total = totals.js + totals.wasm;
  rows.push(totals);
}

console.log('page                      HTML kB   JS kB   wasm kB   JS+wasm kB   CSS kB   (compressed, as sent)');
for (const r of rows) {
  console.log(
    `${r.page.padEnd(24)} ${kB(r.html).padStart(8)} ${kB(r.js).padStart(7)} ${kB(r.wasm).padStart(9)} ${kB(r.script_total).padStart(12)} ${kB(r.css).padStart(8)}`,
  );
}
for (const r of rows) console.log('JSON ' + JSON.stringify(r));
