import type { FieldLabel } from '@liangxin/domain';
import { BadUserInputError } from '../errors/bad-user-input.error.js';
import { fromGlobalId } from '../relay/cursor.js';
import { shorten } from './references.js';

/**
 * The row id of the node a mutation changes, from its global id argument: BAD_USER_INPUT at
 * `[argument]` when the id is malformed (INVALID_ID) or names a node of another type
 * (WRONG_TYPE). Whether the row exists is lockVersioned's question (NOT_FOUND).
 */
export function targetRowId(globalId: string, typeName: string, label: FieldLabel, argument = 'id'): number {
  const decoded = fromGlobalId(globalId.trim());
  if (decoded && decoded.typeName === typeName) return decoded.id;
  const shown = shorten(globalId);
  const en = decoded
    ? `${argument} is the id of a ${decoded.typeName}, not of a ${label.en}.`
    : `${argument} "${shown}" is not a valid ${label.en} id.`;
  const zh = decoded ? `${argument} 指向的是 ${decoded.typeName}，不是${label.zh}` : `${argument}“${shown}”不是有效的${label.zh} ID`;
  throw new BadUserInputError(en, { field: [argument], reason: decoded ? 'WRONG_TYPE' : 'INVALID_ID', localizedMessage: { zh, en } });
}
