import type { LocalizedMessage } from '@liangxin/domain';

/** A scale, seed or asOf the generator cannot use. Nothing has been touched when it is thrown. */
export class InvalidDatasetOptionError extends Error {
  readonly code = 'INVALID_DATASET_OPTION';

  constructor(
    readonly option: 'scale' | 'seed' | 'asOf',
    readonly localized: LocalizedMessage,
  ) {
    super(`${localized.en} ${localized.zh}`);
    this.name = 'InvalidDatasetOptionError';
  }
}

/**
 * The database already holds data (organizations, areas or a loaded data set) and the caller
 * did not ask to replace it. Nothing has been changed when it is thrown.
 */
export class DatasetExistsError extends Error {
  readonly code = 'DATASET_EXISTS';
  readonly localized: LocalizedMessage;

  constructor(readonly found: { organizations: number; areas: number; datasets: number }) {
    const en =
      `The database already holds data (${found.organizations} organizations, ${found.areas} areas, ` +
      `${found.datasets} loaded data set(s)); it was left unchanged. Load with replace: true (--replace) to reload it.`;
    const zh =
      `数据库中已有数据（组织${found.organizations}个、区划${found.areas}个、已加载数据集${found.datasets}个），未作任何改动；` +
      `如需清空后重新加载，请使用 replace: true（命令行 --replace）。`;
    super(`${en} ${zh}`);
    this.name = 'DatasetExistsError';
    this.localized = { en, zh };
  }
}
