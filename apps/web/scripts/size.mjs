#!/usr/bin/env node
// Prints the gzip size of what the first page load fetches: the entry chunk(s) and CSS that
// dist/index.html references (modulepreload included). Fails when the JS exceeds the budget
// of issue 7 (300 KB gzip). Run after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 300 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error('dist/index.html not found: run `npm run build -w @liangxin/web` first');
  process.exit(1);
}
const referenced = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

let js = 0;
for (const file of referenced) {
  const size = gz(file);
  if (file.endsWith('.js')) js += size;
  console.log(`initial  ${file.padEnd(48)} ${kb(size).padStart(10)} gzip`);
}
const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !referenced.includes(`assets/${f}`));
const lazyTotal = lazy.reduce((s, f) => s + gz(`assets/${f}`), 0);
console.log(`lazy     ${`${lazy.length} chunks (routes, charts, graph view)`.padEnd(48)} ${kb(lazyTotal).padStart(10)} gzip`);
console.log(`initial JS: ${kb(js)} gzip (budget ${kb(BUDGET)})`);
if (js > BUDGET) {
  console.error('over budget: code-split something');
  process.exit(1);
}
