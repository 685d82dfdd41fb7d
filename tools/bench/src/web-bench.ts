/**
 * Dashboard benchmark (issue 7's target: the dashboard interactive in under 1.5 s at scale 1,
 * measured in headless Chromium). The production build of the server, started as `npm start`
 * starts it (NODE_ENV=production, its default workers, demo accounts on the generator's data
 * set), serving the built web app; Debian's Chromium driven by playwright-core signs in as the
 * analyst through the sign-in page, then opens /dashboard in a new tab again and again and
 * measures, from the navigation's start (performance.timeOrigin):
 *
 * - figures: the dashboard's figures are in the DOM — the four coverage tiles, the district
 *   ranking, the 12-month trend table and the week's bulletin;
 * - interactive: those figures painted and the page responding: the first frame after the figures
 *   (requestAnimationFrame), then the first task after that frame (a MessageChannel message, which
 *   runs as soon as the main thread is free, as an input event would);
 * - containers: the blind spots by container type (its own query since it is the slow part);
 * - charts: both ECharts charts drawn (a lazy chunk).
 *
 * Cold runs disable the browser's HTTP cache (a first visit: every script fetched); warm runs keep
 * it (the hashed assets are cached for a year). Results replace the section between the markers in
 * docs/benchmarks.md.
 *
 *   DATABASE_URL=postgres://… npm run bench:web -- [--scale 1] [--runs 10] [--port 4392] [--no-write]
 *
 * The database must hold the generator's data set (an empty one is loaded at --scale first).
 */
import { hasDataset, loadDataset } from '@liangxin/datagen';
import { findProjectRoot, redactUrl, resolveDatabase, runMigrations } from '@liangxin/db';
import { todayInShanghai } from '@liangxin/domain';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { chromium, type BrowserContext } from 'playwright-core';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '10' },
    port: { type: 'string', default: '4392' },
    // Print the figures without writing docs/benchmarks.md.
    'no-write': { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const runs = Number(values.runs);
const port = Number(values.port);
const write = !values['no-write'];
const root = findProjectRoot();
const base = `http://127.0.0.1:${port}`;

const CHROMIUM = '/usr/bin/chromium';
/** As apps/web/e2e/browser.ts launches it. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TARGET_MS = 1500;

interface Marks {
  figures?: number;
  interactive?: number;
  containers?: number;
  charts?: number;
  /** When each /graphql request of the page was sent and answered (its resource timing). */
  graphql?: { start: number; end: number }[];
  /** The scripts the page had fetched by `interactive`. */
  scriptsBefore?: string[];
}

/**
 * Runs in the page before its scripts: puts the signed-in session into this tab's sessionStorage
 * (where the app keeps it; sessionStorage is per tab) and watches the DOM for the marks above.
 * Selectors are the dashboard's sections (DashboardPage.tsx, Bulletin.tsx, CoverageTiles.tsx).
 */
function probe(session: string): void {
  if (!sessionStorage.getItem('liangxin.session')) sessionStorage.setItem('liangxin.session', session);
  const marks: Record<string, unknown> = {};
  (window as unknown as { __bench: unknown }).__bench = marks;
  const q = (s: string) => document.querySelector(s);
  const figuresReady = () => {
    const tiles = [...document.querySelectorAll('section.tiles .tile-value')];
    return (
      tiles.length === 4 &&
      tiles.every((t) => (t.textContent ?? '').trim() !== '') &&
      !!q('section[aria-labelledby="ranking-heading"] table tbody tr') &&
      !!q('section[aria-labelledby="trend-heading"] table tbody tr') &&
      !!q('section[aria-labelledby="bulletin-heading"] dl.figures dd')
    );
  };
  const check = () => {
    const now = performance.now();
    if (marks.figures === undefined && figuresReady()) {
      marks.figures = now;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          marks.interactive = performance.now();
        };
        channel.port2.postMessage(null);
      });
    }
    if (marks.containers === undefined && q('section[aria-labelledby="containers-heading"] table tbody tr')) marks.containers = now;
    if (marks.charts === undefined && document.querySelectorAll('[role="img"] svg').length >= 2) marks.charts = now;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

async function main(): Promise<void> {
  const database = await resolveDatabase({ log: () => {} });
  await runMigrations(database.url);
  if (!(await hasDataset(database.url))) {
    process.stderr.write(`loading the Jinan set at scale ${scale} into ${redactUrl(database.url)}\n`);
    await loadDataset(database.url, { scale, seed: 1 });
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const dataset = (await client.query(`SELECT scale, seed, as_of::text FROM dataset ORDER BY id DESC LIMIT 1`)).rows[0];
  const postgres = (await client.query(`SHOW server_version`)).rows[0].server_version as string;
  const organizations = (await client.query(`SELECT count(*)::int AS n FROM organization`)).rows[0].n as number;
  await client.end();

  const uptimeBefore = uptime();
  // As `npm start` runs it: production, the default workers, demo data on (the data set is
  // present, so nothing is loaded; the demo accounts are made if the database has none).
  const server = spawn(process.execPath, [join(root, 'apps/server/dist/main.js')], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const userDataDir = mkdtempSync(join(tmpdir(), 'liangxin-bench-chromium-'));
  let context: BrowserContext | undefined;
  try {
    await waitReady(`${base}/health/ready`);
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const chromiumVersion = context.browser()?.version() ?? execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();

    // Sign in as a user would: the sign-in page, the analyst's demo account.
    const signInPage = await context.newPage();
    await signInPage.goto(`${base}/sign-in`);
    await signInPage.getByLabel('用户名').fill('analyst');
    await signInPage.getByLabel('密码', { exact: true }).fill('demo-analyst');
    const signInStart = Date.now();
    await signInPage.getByRole('button', { name: '登录', exact: true }).click();
    await signInPage.waitForURL(/\/dashboard$/);
    await signInPage.locator('section.tiles .tile-value').first().waitFor({ timeout: 60_000 });
    const signInToFigures = Date.now() - signInStart;
    const session = await signInPage.evaluate(() => sessionStorage.getItem('liangxin.session'));
    if (!session) throw new Error('no session after signing in');
    await signInPage.close();

    const measure = async (cold: boolean) => {
      const page = await context!.newPage();
      try {
        const cdp = await context!.newCDPSession(page);
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: cold });
        await page.addInitScript(probe, session);
        const scripts = new Map<string, Promise<number>>();
        page.on('response', (response) => {
          if (response.url().endsWith('.js')) scripts.set(response.url(), response.body().then((b) => gzipSync(b, { level: 9 }).length, () => 0));
        });
        await page.goto(`${base}/dashboard?asOf=${todayInShanghai()}`, { waitUntil: 'commit' });
        await page.waitForFunction(() => {
          const m = (window as unknown as { __bench?: Marks }).__bench;
          return m?.interactive !== undefined && m.containers !== undefined && m.charts !== undefined;
        }, undefined, { timeout: 60_000, polling: 50 });
        const marks = await page.evaluate(() => {
          const m = (window as unknown as { __bench: Marks }).__bench;
          const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          m.graphql = resources.filter((e) => e.name.endsWith('/graphql')).map((e) => ({ start: e.startTime, end: e.responseEnd }));
          m.scriptsBefore = resources.filter((e) => e.name.endsWith('.js') && e.responseEnd <= m.interactive!).map((e) => e.name);
          return m;
        });
        // Scripts fetched until interactive: the entry chunk and the dashboard's route chunk (ECharts comes later).
        const sizes = await Promise.all((marks.scriptsBefore ?? []).map((url) => scripts.get(url) ?? Promise.resolve(0)));
        return { ...marks, jsGzip: sizes.reduce((a, b) => a + b, 0) };
      } finally {
        await page.close();
      }
    };

    // One of each first, not counted: the server's and PostgreSQL's first answers are slower.
    await measure(true);
    await measure(false);
    const cold: Awaited<ReturnType<typeof measure>>[] = [];
    const warm: Awaited<ReturnType<typeof measure>>[] = [];
    for (let i = 0; i < runs; i++) {
      cold.push(await measure(true));
      warm.push(await measure(false));
      process.stderr.write(`run ${i + 1}: cold interactive ${ms(cold[i]!.interactive)} ms, warm ${ms(warm[i]!.interactive)} ms\n`);
    }
    const uptimeAfter = uptime();

    const size = execFileSync(process.execPath, [join(root, 'apps/web/scripts/size.mjs')], { encoding: 'utf8' });
    const initialJs = /initial JS: ([\d.]+ KB) gzip/.exec(size)?.[1] ?? '?';

    const row = (label: string, set: typeof cold) => {
      const col = (pick: (m: Marks) => number | undefined) => {
        const xs = set.map(pick).filter((x): x is number => x !== undefined);
        return `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.9))}`;
      };
      const sent = (m: Marks) => (m.graphql?.length ? Math.min(...m.graphql.map((g) => g.start)) : undefined);
      const firstAnswer = (m: Marks) => (m.graphql?.length ? Math.min(...m.graphql.map((g) => g.end)) : undefined);
      const lastAnswer = (m: Marks) => (m.graphql?.length ? Math.max(...m.graphql.map((g) => g.end)) : undefined);
      return `| ${label} | ${col((m) => m.interactive)} | ${col((m) => m.figures)} | ${col(sent)} | ${col(firstAnswer)} | ${col(lastAnswer)} | ${col((m) => m.containers)} | ${col((m) => m.charts)} | ${(quantile(set.map((m) => m.jsGzip), 0.5) / 1024).toFixed(1)} |`;
    };
    const interactiveMedian = quantile(cold.map((m) => m.interactive!), 0.5);
    const interactiveP90 = quantile(cold.map((m) => m.interactive!), 0.9);
    const section = [
      `Command: \`DATABASE_URL=… npm run bench:web -- --scale ${scale} --runs ${runs}\` (${new Date().toISOString().slice(0, 10)}).`,
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average (1/5/15 min) before ${uptimeBefore}, after ${uptimeAfter}; Node ${process.version}; PostgreSQL ${postgres}; ${chromiumVersion.startsWith('Chromium') ? chromiumVersion : `Chromium ${chromiumVersion}`} (Debian package, headless, playwright-core).`,
      `Data: Jinan set scale ${dataset?.scale ?? scale} (seed ${dataset?.seed ?? 1}, as of ${dataset?.as_of ?? '?'}), ${organizations.toLocaleString('en')} organizations; signed in as the demo analyst (CITY_ANALYST: the whole city).`,
      `Server: the production build (\`node apps/server/dist/main.js\`, NODE_ENV=production, default workers) serving apps/web/dist on the same port, on the same machine as the browser. Initial JS (\`npm run size -w @liangxin/web\`): ${initialJs} gzip.`,
      `Runs: ${runs} cold (HTTP cache off) and ${runs} warm (cached assets), alternating, each a new tab opening /dashboard with the session in place, after one of each not counted. Sign-in (click → dashboard figures, once): ${signInToFigures} ms.`,
      '',
      '| runs | interactive ms (median / p90) | figures ms | /graphql sent ms | first /graphql answered ms | last /graphql answered ms | containers table ms | charts drawn ms | JS until interactive KB gzip (median) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      row('cold', cold),
      row('warm', warm),
      '',
      `Target (issue 7): interactive in under ${TARGET_MS / 1000} s at scale 1 — cold median ${ms(interactiveMedian)} ms, p90 ${ms(interactiveP90)} ms: **${interactiveP90 < TARGET_MS ? 'met' : interactiveMedian < TARGET_MS ? 'met at the median, not at p90' : 'not met'}**${scale === 1 ? '' : ` (this run is scale ${scale})`}.`,
    ].join('\n');
    if (write) writeSection(section);
    process.stderr.write(`${section}\n`);
  } finally {
    await context?.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await database.close();
  }
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  // Nearest rank: the p90 of 10 runs is the 9th.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function ms(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? '—' : String(Math.round(x));
}

function uptime(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not ready at ${url}`);
}

const BEGIN = '<!-- bench:web:begin -->';
const END = '<!-- bench:web:end -->';

/** Replaces the figures between the markers (added, under their own heading, on the first run). */
function writeSection(section: string): void {
  const file = join(root, 'docs/benchmarks.md');
  let text = readFileSync(file, 'utf8');
  if (text.indexOf(BEGIN) < 0 || text.indexOf(END) < 0) {
    text = `${text.trimEnd()}\n\n## Dashboard in the browser (issue 7)\n\n${BEGIN}\n${END}\n`;
  }
  writeFileSync(file, `${text.slice(0, text.indexOf(BEGIN) + BEGIN.length)}\n${section}\n${text.slice(text.indexOf(END))}`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
