import { parseArgs } from 'node:util';
import { redactUrl, resolveDatabase, type DatabaseTarget } from '@liangxin/db';
import { DatasetExistsError, InvalidDatasetOptionError } from './errors.js';
import { loadDataset, type Progress } from './load.js';
import { validateOptions } from './options.js';

export const USAGE = `Usage: liangxin-datagen [--scale S] [--seed N] [--as-of YYYY-MM-DD] [--replace] [--database-url URL]

Generates the deterministic Jinan demo data set and loads it with COPY.
  --scale S            size: 1 = the seed's Jinan (60,000 organizations), 20 ≈ 1.2 million (default 1)
  --seed N             integer seed; the same scale, seed and date give the same data (default 1)
  --as-of YYYY-MM-DD   the day the data describes (default: today in Asia/Shanghai)
  --replace            empty a database that already holds data and reload it
  --database-url URL   target database (default: DATABASE_URL, else the embedded server of npm start)
`;

export interface CommandIo {
  env: NodeJS.ProcessEnv;
  stderr: (text: string) => void;
}

const NUMBER = /^\+?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const INTEGER = /^[-+]?\d+$/;

/**
 * The CLI as a function (cli.ts only wires it to the process), so tests run it in-process.
 * Exit codes: 0 loaded; 2 bad arguments or a database that already holds data (nothing
 * touched); 1 anything else (the load rolled back).
 */
export async function runCommand(argv: string[], io: CommandIo): Promise<number> {
  const say = (line: string) => io.stderr(line + '\n');
  let values: { scale?: string; seed?: string; 'as-of'?: string; replace?: boolean; 'database-url'?: string; help?: boolean };
  try {
    values = parseArgs({
      args: attachNegativeNumbers(argv),
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        'as-of': { type: 'string' },
        replace: { type: 'boolean' },
        'database-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    say(`datagen: ${(error as Error).message}`);
    say(USAGE);
    return 2;
  }
  if (values.help) {
    say(USAGE);
    return 0;
  }

  let options: ReturnType<typeof validateOptions>;
  try {
    const scaleText = values.scale ?? '1';
    const seedText = values.seed ?? '1';
    if (!NUMBER.test(scaleText.trim())) {
      say(`datagen: --scale must be a positive finite number, got ${JSON.stringify(scaleText)}. 规模须为正数。`);
      return 2;
    }
    if (!INTEGER.test(seedText.trim())) {
      say(`datagen: --seed must be an integer, got ${JSON.stringify(seedText)}. 随机种子须为整数。`);
      return 2;
    }
    options = validateOptions({ scale: Number(scaleText), seed: Number(seedText), asOf: values['as-of'] });
  } catch (error) {
    if (error instanceof InvalidDatasetOptionError) {
      say(`datagen: ${error.localized.en}\n         ${error.localized.zh}`);
      return 2;
    }
    throw error;
  }

  let target: DatabaseTarget;
  const explicit = values['database-url'] ?? io.env.DATABASE_URL;
  if (explicit) {
    target = { url: explicit, embedded: false, close: async () => {} };
  } else {
    say('datagen: no DATABASE_URL; starting the embedded PostgreSQL of npm start');
    target = await resolveDatabase({ env: io.env });
  }
  say(`datagen: scale ${options.scale}, seed ${options.seed}, as of ${options.asOf} → ${redactUrl(target.url)}`);
  try {
    const report = await loadDataset(target.url, { ...options, replace: values.replace ?? false, onProgress: printer(say) });
    const total = Object.values(report.rowCounts).reduce((a, b) => a + b, 0);
    say(
      `datagen: loaded ${total.toLocaleString('en-US')} rows in ${(report.millis / 1000).toFixed(1)} s ` +
        `(${Math.round(total / (report.millis / 1000)).toLocaleString('en-US')} rows/s overall)`,
    );
    say(`datagen: checksum ${report.checksum}`);
    return 0;
  } catch (error) {
    if (error instanceof DatasetExistsError) {
      say(`datagen: ${error.localized.en.replace('Load with replace: true (--replace)', 'Pass --replace')}`);
      say(`         ${error.localized.zh.replace('请使用 replace: true（命令行 --replace）', '请加上 --replace 参数')}`);
      return 2;
    }
    say(`datagen: the load failed and was rolled back: ${(error as Error).stack ?? String(error)}`);
    return 1;
  } finally {
    await target.close();
  }
}

/**
 * parseArgs reads "--seed -5" as a missing value followed by an unknown option "-5"; join such
 * numbers to their option so that a negative seed works and "--scale -1" gets the scale's
 * own message.
 */
function attachNegativeNumbers(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (['--scale', '--seed'].includes(argv[i]) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else {
      out.push(argv[i]);
    }
  }
  return out;
}

function printer(say: (line: string) => void): (p: Progress) => void {
  let phaseStart = 0;
  return (p) => {
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    if (p.phase === 'copy') {
      const name = (p.table ?? '').padEnd(28);
      const rows = (p.rows ?? 0).toLocaleString('en-US').padStart(11);
      const rate = (p.rowsPerSecond ?? 0).toLocaleString('en-US').padStart(10);
      say(`  ${p.finished ? 'copied ' : 'copying'} ${name}${rows} rows ${rate} rows/s   [${s(p.elapsedMs)}]`);
      return;
    }
    if (!p.finished) {
      phaseStart = p.elapsedMs;
      return;
    }
    if (p.phase !== 'done') say(`  ${p.phase.padEnd(36)}${s(p.elapsedMs - phaseStart).padStart(19)}          [${s(p.elapsedMs)}]`);
  };
}
