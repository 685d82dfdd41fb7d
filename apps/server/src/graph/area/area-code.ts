import { BadUserInputError, type FieldPath } from '../../errors/bad-user-input.error.js';

/** The migration's rule: 6 digits (city, district), 9 (street or town) or 12 (community). */
const AREA_CODE = /^[0-9]{6}([0-9]{3}([0-9]{3})?)?$/;

/** The code trimmed, or BAD_USER_INPUT naming `field` when it cannot be a division code. */
export function checkAreaCode(code: string, field: FieldPath | string): string {
  const trimmed = code.trim();
  if (!AREA_CODE.test(trimmed)) {
    throw new BadUserInputError(
      `"${truncate(trimmed)}" is not an administrative division code: it has 6, 9 or 12 digits (e.g. 370102).`,
      {
        field,
        reason: 'AREA_CODE_FORMAT',
        localizedMessage: {
          zh: `“${truncate(trimmed)}”不是行政区划代码：应为6、9或12位数字（如 370102）`,
          en: `"${truncate(trimmed)}" is not an administrative division code: it has 6, 9 or 12 digits (e.g. 370102).`,
        },
      },
    );
  }
  return trimmed;
}

function truncate(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}
