/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * Registration systems push organizations in with this code, and a clerk types it by hand,
 * so a wrong code must be refused with a message that says which character is wrong and
 * why — not merely "invalid". The parser therefore checks in the order a person reads the
 * code (length, characters, authority, category, division, the two check characters) and
 * reports the first problem only.
 *
 * Layout (1-based positions):
 *   1      registration authority (登记管理部门码)
 *   2      category within that authority (机构类别码)
 *   3–8    administrative division of the registering office (登记管理机关行政区划码)
 *   9–17   the GB 11714 organization code (组织机构代码): body 9–16, its check at 17
 *   18     check character over 1–17
 */

import { OrganizationCategory, RegistrationAuthority } from './enums.js';
import type { LocalizedMessage } from './types.js';

/** The 31 characters of GB 32100; I, O, Z, S, V are left out because they read like 1, 0, 2, 5, U. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const CREDIT_CODE_LENGTH = 18;

/** Weights of positions 1–17: 3^(i-1) mod 31. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/** Weights of the 8 body characters of a GB 11714 organization code. */
export const ORGANIZATION_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * What kind of body a code names (authority + category). Kept apart from
 * OrganizationCategory: that one is the Party-building classification, this one is what the
 * registration says.
 */
export const CreditCodeEntityType = {
  /** 1-1 机关 */
  ORGAN: 'ORGAN',
  /** 1-2 事业单位 */
  PUBLIC_INSTITUTION: 'PUBLIC_INSTITUTION',
  /** 1-3 中央编办直接管理机构编制的群众团体 */
  MASS_ORGANIZATION: 'MASS_ORGANIZATION',
  /** 1-9 其他 (机构编制) */
  OTHER_INSTITUTIONAL: 'OTHER_INSTITUTIONAL',
  /** 5-1 社会团体 */
  SOCIAL_GROUP: 'SOCIAL_GROUP',
  /** 5-2 民办非企业单位 / 社会服务机构 */
  SOCIAL_SERVICE_AGENCY: 'SOCIAL_SERVICE_AGENCY',
  /** 5-3 基金会 */
  FOUNDATION: 'FOUNDATION',
  /** 5-9 其他 (民政) */
  OTHER_SOCIAL: 'OTHER_SOCIAL',
  /** 9-1 企业 */
  ENTERPRISE: 'ENTERPRISE',
  /** 9-2 个体工商户 */
  INDIVIDUAL_BUSINESS: 'INDIVIDUAL_BUSINESS',
  /** 9-3 农民专业合作社 */
  FARMERS_COOPERATIVE: 'FARMERS_COOPERATIVE',
  /** Y-1 其他 */
  OTHER: 'OTHER',
} as const;
export type CreditCodeEntityType = (typeof CreditCodeEntityType)[keyof typeof CreditCodeEntityType];

/** Chinese names of the entity types, as printed on certificates, for display. */
export const CREDIT_CODE_ENTITY_TYPE_LABELS: Readonly<Record<CreditCodeEntityType, string>> = {
  ORGAN: '机关',
  PUBLIC_INSTITUTION: '事业单位',
  MASS_ORGANIZATION: '群众团体',
  OTHER_INSTITUTIONAL: '其他机构编制单位',
  SOCIAL_GROUP: '社会团体',
  SOCIAL_SERVICE_AGENCY: '民办非企业单位（社会服务机构）',
  FOUNDATION: '基金会',
  OTHER_SOCIAL: '其他民政登记组织',
  ENTERPRISE: '企业',
  INDIVIDUAL_BUSINESS: '个体工商户',
  FARMERS_COOPERATIVE: '农民专业合作社',
  OTHER: '其他',
};

interface AuthorityInfo {
  readonly authority: RegistrationAuthority;
  readonly zh: string;
  readonly en: string;
  readonly categories: Readonly<Record<string, { type: CreditCodeEntityType; zh: string; en: string }>>;
}

/*
 * Only the four authorities the platform deals with. GB 32100 also assigns 2 (foreign
 * affairs), 3 (justice: law firms …), 4, 6, 7, 8, A and N; RegistrationAuthority has no
 * value for them, so they are refused as unknown rather than stored under a wrong label.
 */
const AUTHORITIES: Readonly<Record<string, AuthorityInfo>> = {
  '1': {
    authority: RegistrationAuthority.INSTITUTIONAL,
    zh: '机构编制',
    en: 'institutional',
    categories: {
      '1': { type: 'ORGAN', zh: '机关', en: 'organ' },
      '2': { type: 'PUBLIC_INSTITUTION', zh: '事业单位', en: 'public institution' },
      '3': { type: 'MASS_ORGANIZATION', zh: '群众团体', en: 'mass organization' },
      '9': { type: 'OTHER_INSTITUTIONAL', zh: '其他', en: 'other' },
    },
  },
  '5': {
    authority: RegistrationAuthority.CIVIL_AFFAIRS,
    zh: '民政',
    en: 'civil affairs',
    categories: {
      '1': { type: 'SOCIAL_GROUP', zh: '社会团体', en: 'social group' },
      '2': { type: 'SOCIAL_SERVICE_AGENCY', zh: '民办非企业单位', en: 'social service agency' },
      '3': { type: 'FOUNDATION', zh: '基金会', en: 'foundation' },
      '9': { type: 'OTHER_SOCIAL', zh: '其他', en: 'other' },
    },
  },
  '9': {
    authority: RegistrationAuthority.MARKET_REGULATION,
    zh: '市场监管',
    en: 'market regulation',
    categories: {
      '1': { type: 'ENTERPRISE', zh: '企业', en: 'enterprise' },
      '2': { type: 'INDIVIDUAL_BUSINESS', zh: '个体工商户', en: 'individual business' },
      '3': { type: 'FARMERS_COOPERATIVE', zh: '农民专业合作社', en: "farmers' cooperative" },
    },
  },
  Y: {
    authority: RegistrationAuthority.OTHER,
    zh: '其他',
    en: 'other',
    categories: {
      '1': { type: 'OTHER', zh: '其他', en: 'other' },
    },
  },
};

export interface ParsedCreditCode {
  /** The normalized code: trimmed, upper-case. Store this form. */
  readonly code: string;
  readonly authority: RegistrationAuthority;
  readonly authorityChar: string;
  readonly categoryChar: string;
  readonly entityType: CreditCodeEntityType;
  /** Characters 3–8: the division of the registering office, e.g. 370102 for 历下区. */
  readonly divisionCode: string;
  /** Characters 9–17: the GB 11714 organization code including its check character. */
  readonly organizationCode: string;
  /** Character 18. */
  readonly checkChar: string;
}

export type CreditCodeErrorReason =
  | 'EMPTY'
  | 'LENGTH'
  | 'ILLEGAL_CHARACTER'
  | 'UNKNOWN_AUTHORITY'
  | 'UNKNOWN_CATEGORY'
  | 'DIVISION_CODE'
  | 'ORGANIZATION_CODE_CHECK'
  | 'CHECK_DIGIT';

export interface CreditCodeError {
  readonly reason: CreditCodeErrorReason;
  /** 1-based position of the offending character, when one character is at fault. */
  readonly position?: number;
  /**
   * What should be there: a single character for the check characters, the allowed
   * characters joined by '/' for authority and category ('1/5/9/Y'), '18' for LENGTH,
   * '0-9' for the division.
   */
  readonly expected?: string;
  /** What is there (for LENGTH, the actual length). */
  readonly found?: string;
  readonly message: LocalizedMessage;
}

export type CreditCodeResult =
  | { readonly ok: true; readonly code: string; readonly value: ParsedCreditCode }
  | { readonly ok: false; readonly code: string; readonly error: CreditCodeError };

function alphabetValue(ch: string): number {
  return CREDIT_CODE_ALPHABET.indexOf(ch);
}

/** GB 11714 maps A–Z to 10–35 with all 26 letters, unlike the 31-character alphabet of GB 32100. */
function organizationCodeValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

function organizationCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += organizationCodeValue(body8[i]) * ORGANIZATION_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function creditCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabetValue(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET[c === 31 ? 0 : c];
}

/**
 * Check character (position 17) of a GB 11714 organization code body of 8 characters
 * (digits and upper-case letters). Throws on a malformed body: callers are programs.
 */
export function computeOrganizationCodeCheckChar(body8: string): string {
  if (typeof body8 !== 'string' || !/^[0-9A-Z]{8}$/.test(body8)) {
    throw new Error(`organization code body must be 8 digits or upper-case letters, got ${JSON.stringify(body8)}`);
  }
  return organizationCheck(body8);
}

/**
 * Check character (position 18) over the first 17 characters of a credit code. Throws on
 * malformed input: callers are programs.
 */
export function computeCreditCodeCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || first17.length !== 17 || [...first17].some((ch) => alphabetValue(ch) < 0)) {
    throw new Error(
      `first 17 characters of a credit code must come from ${CREDIT_CODE_ALPHABET}, got ${JSON.stringify(first17)}`,
    );
  }
  return creditCheck(first17);
}

const FORBIDDEN_LETTERS_ZH = 'I、O、Z、S、V';

function describeChar(ch: string): LocalizedMessage {
  if (/^\s$/u.test(ch)) return { zh: '空格', en: 'a space' };
  const c = ch.codePointAt(0) ?? 0;
  // Full-width forms come from Chinese input methods; naming them saves a clerk a puzzle.
  if (c >= 0xff01 && c <= 0xff5e) {
    return { zh: `“${ch}”（全角字符，请改用半角）`, en: `"${ch}" (a full-width character; type it in half-width)` };
  }
  return { zh: `“${ch}”`, en: `"${ch}"` };
}

function fail(code: string, error: CreditCodeError): CreditCodeResult {
  return { ok: false, code, error };
}

function listAllowed(chars: readonly string[], name: (c: string) => LocalizedMessage): LocalizedMessage {
  const parts = chars.map((c) => ({ c, n: name(c) }));
  const zhParts = parts.map((p) => `${p.c}（${p.n.zh}）`);
  const zh = zhParts.length > 1 ? `${zhParts.slice(0, -1).join('、')}或${zhParts[zhParts.length - 1]}` : zhParts.join('');
  const en = parts.map((p) => `${p.c} (${p.n.en})`);
  const enList = en.length > 1 ? `${en.slice(0, -1).join(', ')} or ${en[en.length - 1]}` : en.join('');
  return { zh, en: enList };
}

/**
 * Parses and checks a unified social credit code.
 *
 * The input is trimmed of surrounding whitespace and upper-cased first, so a clerk who
 * pastes `  91370102…  ` or types lower-case letters is not refused; the normalized form is
 * returned as `code` in both outcomes and is the form to store. Inner spaces are not removed:
 * they are reported as an illegal character, because a space inside usually means a
 * character was lost.
 *
 * Checks run in this order and the first failure is returned: EMPTY, LENGTH,
 * ILLEGAL_CHARACTER, UNKNOWN_AUTHORITY, UNKNOWN_CATEGORY, DIVISION_CODE,
 * ORGANIZATION_CODE_CHECK (position 17), CHECK_DIGIT (position 18).
 */
export function parseCreditCode(code: string): CreditCodeResult {
  const normalized = (typeof code === 'string' ? code : '').trim().toUpperCase();
  if (normalized === '') {
    return fail(normalized, {
      reason: 'EMPTY',
      message: { zh: '请填写统一社会信用代码', en: 'The unified social credit code is missing.' },
    });
  }

  const chars = Array.from(normalized);
  if (chars.length !== CREDIT_CODE_LENGTH) {
    return fail(normalized, {
      reason: 'LENGTH',
      expected: String(CREDIT_CODE_LENGTH),
      found: String(chars.length),
      message: {
        zh: `统一社会信用代码应为18位，当前为${chars.length}位`,
        en: `A unified social credit code has 18 characters; this one has ${chars.length}.`,
      },
    });
  }

  const illegal = chars.findIndex((ch) => alphabetValue(ch) < 0);
  if (illegal >= 0) {
    const ch = chars[illegal];
    const d = describeChar(ch);
    return fail(normalized, {
      reason: 'ILLEGAL_CHARACTER',
      position: illegal + 1,
      found: ch,
      message: {
        zh: `第${illegal + 1}位字符${d.zh}不合法：统一社会信用代码只由数字和大写英文字母组成，且不使用 ${FORBIDDEN_LETTERS_ZH}`,
        en: `Character ${illegal + 1} (${d.en}) is not allowed: a unified social credit code has only digits and capital letters, and never uses I, O, Z, S or V.`,
      },
    });
  }

  const authorityChar = chars[0];
  const info = AUTHORITIES[authorityChar];
  if (info === undefined) {
    const allowed = Object.keys(AUTHORITIES);
    const list = listAllowed(allowed, (c) => AUTHORITIES[c]);
    return fail(normalized, {
      reason: 'UNKNOWN_AUTHORITY',
      position: 1,
      expected: allowed.join('/'),
      found: authorityChar,
      message: {
        zh: `第1位登记管理部门代码“${authorityChar}”无法识别：应为 ${list.zh}`,
        en: `Character 1 ("${authorityChar}") is not a known registration authority: expected ${list.en}.`,
      },
    });
  }

  const categoryChar = chars[1];
  const category = info.categories[categoryChar];
  if (category === undefined) {
    const allowed = Object.keys(info.categories);
    const list = listAllowed(allowed, (c) => info.categories[c]);
    return fail(normalized, {
      reason: 'UNKNOWN_CATEGORY',
      position: 2,
      expected: allowed.join('/'),
      found: categoryChar,
      message: {
        zh: `第2位机构类别代码“${categoryChar}”有误：${info.zh}登记的机构类别应为 ${list.zh}`,
        en: `Character 2 ("${categoryChar}") is not a known category for ${info.en} registration: expected ${list.en}.`,
      },
    });
  }

  for (let i = 2; i < 8; i++) {
    const ch = chars[i];
    if (ch < '0' || ch > '9') {
      return fail(normalized, {
        reason: 'DIVISION_CODE',
        position: i + 1,
        expected: '0-9',
        found: ch,
        message: {
          zh: `第${i + 1}位“${ch}”有误：第3至8位是登记管理机关的行政区划代码，只能是数字`,
          en: `Character ${i + 1} ("${ch}") is wrong: characters 3 to 8 are the administrative division code and must be digits.`,
        },
      });
    }
  }

  const orgExpected = organizationCheck(normalized.slice(8, 16));
  const orgFound = chars[16];
  if (orgFound !== orgExpected) {
    return fail(normalized, {
      reason: 'ORGANIZATION_CODE_CHECK',
      position: 17,
      expected: orgExpected,
      found: orgFound,
      message: {
        zh: `第17位组织机构代码校验码错误：应为 ${orgExpected}，实为 ${orgFound}（也可能是第9至16位中有输错的字符，请与证照核对）`,
        en: `Character 17, the check character of the organization code, is wrong: expected ${orgExpected}, found ${orgFound} (or one of characters 9 to 16 is mistyped; compare with the certificate).`,
      },
    });
  }

  const checkExpected = creditCheck(normalized.slice(0, 17));
  const checkFound = chars[17];
  if (checkFound !== checkExpected) {
    return fail(normalized, {
      reason: 'CHECK_DIGIT',
      position: 18,
      expected: checkExpected,
      found: checkFound,
      message: {
        zh: `第18位校验码错误：应为 ${checkExpected}，实为 ${checkFound}（也可能是前17位中有输错的字符，请与证照核对）`,
        en: `Character 18, the check character, is wrong: expected ${checkExpected}, found ${checkFound} (or one of the first 17 characters is mistyped; compare with the certificate).`,
      },
    });
  }

  return {
    ok: true,
    code: normalized,
    value: {
      code: normalized,
      authority: info.authority,
      authorityChar,
      categoryChar,
      entityType: category.type,
      divisionCode: normalized.slice(2, 8),
      organizationCode: normalized.slice(8, 17),
      checkChar: checkFound,
    },
  };
}

/** True when `parseCreditCode` accepts the code (after trimming and upper-casing). */
export function isValidCreditCode(code: string): boolean {
  return parseCreditCode(code).ok;
}

export interface CreditCodeParts {
  /** Character 1: '1', '5', '9' or 'Y'. */
  readonly authorityChar: string;
  /** Character 2, valid for the authority. */
  readonly categoryChar: string;
  /** 6 digits, e.g. '370102'. */
  readonly divisionCode: string;
  /** The 8 body characters of the organization code, from the 31-character alphabet. */
  readonly organizationBody: string;
}

/**
 * Builds a valid code by appending both check characters. Meant for the data generator and
 * tests, so it throws a plain Error on bad parts instead of returning a user-facing message.
 */
export function makeCreditCode(parts: CreditCodeParts): string {
  const { authorityChar, categoryChar, divisionCode, organizationBody } = parts;
  const info = AUTHORITIES[authorityChar];
  if (info === undefined) throw new Error(`unknown registration authority character ${JSON.stringify(authorityChar)}`);
  if (info.categories[categoryChar] === undefined) {
    throw new Error(`category ${JSON.stringify(categoryChar)} is not valid for authority ${authorityChar}`);
  }
  if (typeof divisionCode !== 'string' || !/^[0-9]{6}$/.test(divisionCode)) {
    throw new Error(`division code must be 6 digits, got ${JSON.stringify(divisionCode)}`);
  }
  if (
    typeof organizationBody !== 'string' ||
    organizationBody.length !== 8 ||
    [...organizationBody].some((ch) => alphabetValue(ch) < 0)
  ) {
    throw new Error(
      `organization body must be 8 characters from ${CREDIT_CODE_ALPHABET}, got ${JSON.stringify(organizationBody)}`,
    );
  }
  const first16 = `${authorityChar}${categoryChar}${divisionCode}${organizationBody}`;
  const first17 = first16 + organizationCheck(organizationBody);
  return first17 + creditCheck(first17);
}

/**
 * The Party-building category implied by the registration: civil-affairs registrations
 * (5x) are social organizations, market-regulation registrations (9x) non-public economic
 * organizations. Anything else, including an invalid code, gives null, so that a caller
 * never files an organ or a public institution among the "two new" by accident.
 */
export function categoryFromCreditCode(code: string): OrganizationCategory | null {
  const parsed = parseCreditCode(code);
  if (!parsed.ok) return null;
  switch (parsed.value.authority) {
    case RegistrationAuthority.CIVIL_AFFAIRS:
      return OrganizationCategory.SOCIAL;
    case RegistrationAuthority.MARKET_REGULATION:
      return OrganizationCategory.NON_PUBLIC_ECONOMIC;
    default:
      return null;
  }
}
