import { isIsoDate, todayInShanghai, type IsoDate } from '@liangxin/domain';
import { InvalidDatasetOptionError } from './errors.js';

export interface DatasetOptions {
  /** 1 = the seed's Jinan (60,000 organizations); 20 ≈ 1.2 million. */
  scale: number;
  /** Any 32-bit signed integer; the same seed gives the same data. */
  seed: number;
  /** The day the data set describes: history runs up to it. Default: today in Asia/Shanghai. */
  asOf?: IsoDate;
}

/** Scales above this would need more memory than the loader's budget (and 6 million rows of organizations). */
export const MAX_SCALE = 100;
/** Below this the city would hold fewer organizations than it has districts. */
export const MIN_SCALE = 0.001;

export interface ValidOptions {
  scale: number;
  seed: number;
  asOf: IsoDate;
}

export function validateOptions(options: DatasetOptions): ValidOptions {
  const { scale, seed } = options;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    throw new InvalidDatasetOptionError('scale', {
      en: `The scale must be a positive finite number (1 = 60,000 organizations); got ${String(scale)}.`,
      zh: `规模（scale）必须是正的有限数（1 对应 6万个组织），当前为 ${String(scale)}。`,
    });
  }
  if (scale < MIN_SCALE || scale > MAX_SCALE) {
    throw new InvalidDatasetOptionError('scale', {
      en: `The scale must be between ${MIN_SCALE} and ${MAX_SCALE}; got ${scale}.`,
      zh: `规模（scale）须在 ${MIN_SCALE} 到 ${MAX_SCALE} 之间，当前为 ${scale}。`,
    });
  }
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < -2147483648 || seed > 2147483647) {
    throw new InvalidDatasetOptionError('seed', {
      en: `The seed must be an integer between -2147483648 and 2147483647; got ${String(seed)}.`,
      zh: `随机种子（seed）必须是 -2147483648 到 2147483647 之间的整数，当前为 ${String(seed)}。`,
    });
  }
  const asOf = options.asOf ?? todayInShanghai();
  if (!isIsoDate(asOf) || asOf < '2010-01-01' || asOf > '2099-12-31') {
    throw new InvalidDatasetOptionError('asOf', {
      en: `asOf must be a real date written YYYY-MM-DD between 2010-01-01 and 2099-12-31; got ${JSON.stringify(asOf)}.`,
      zh: `基准日期（asOf）须为 2010-01-01 至 2099-12-31 之间、格式为 YYYY-MM-DD 的有效日期，当前为 ${JSON.stringify(asOf)}。`,
    });
  }
  return { scale, seed, asOf };
}
