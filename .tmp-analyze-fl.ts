import { build } from 'vite';
import { gzipSync } from 'node:zlib';
const outDir = process.argv[2] ?? '/tmp/fl/dist';
const perChunk: Record<string, { size: number; gz: number; isEntry: boolean; imports: string[]; dyn: string[]; modules: [string, number][] }> = {};
await build({
  logLevel: 'error',
  mode: 'production',
  build: { outDir, emptyOutDir: true, sourcemap: false, manifest: true, target: 'es2022' },
  plugins: [{
    name: 'analyze',
    generateBundle(_o, bundle) {
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const mods = Object.entries(chunk.modules ?? {}).map(([id, m]: [string, any]) => [id.replace(/.*node_modules\//, 'nm:').replace('/work/main/', ''), m.renderedLength] as [string, number]);
        mods.sort((a, b) => b[1] - a[1]);
        perChunk[file] = { size: chunk.code.length, gz: gzipSync(chunk.code, { level: 9 }).length, isEntry: chunk.isEntry, imports: chunk.imports, dyn: chunk.dynamicImports, modules: mods };
      }
    },
  }],
});
// static closure from main entry
const entry = Object.entries(perChunk).find(([f, c]) => c.isEntry && f.includes('main'))?.[0] ?? Object.entries(perChunk).find(([, c]) => c.isEntry)![0];
const seen = new Set<string>();
const visit = (f: string) => { if (seen.has(f) || !perChunk[f]) return; seen.add(f); perChunk[f].imports.forEach(visit); };
visit(entry);
let gz = 0;
for (const f of seen) { const c = perChunk[f]; gz += c.gz; console.log(`${f} ${Math.round(c.gz/1024)}KB gz ${Math.round(c.size/1024)}KB`); }
console.log('TOTAL static gz KB', Math.round(gz / 1024));
// aggregate modules by package in static closure
const byPkg: Record<string, number> = {};
for (const f of seen) for (const [id, len] of perChunk[f].modules) {
  const key = id.startsWith('nm:') ? id.slice(3).split('/').slice(0, id.slice(3).startsWith('@') ? 2 : 1).join('/') : id;
  byPkg[key] = (byPkg[key] ?? 0) + len;
}
const rows = Object.entries(byPkg).sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 60));
for (const [k, v] of rows) console.log(String(Math.round(v / 1024)).padStart(6), 'KB', k);
console.log('--- all chunks');
for (const [f, c] of Object.entries(perChunk)) if (!seen.has(f)) console.log(`${f} ${Math.round(c.gz/1024)}KB gz`);
