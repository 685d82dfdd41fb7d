/**
 * Field rules for what people type or import, checked before anything is written.
 *
 * Every check returns Issues instead of throwing, so that a form (a GraphQL mutation) and a
 * spreadsheet import (one row at a time) can both show every problem at once, each beside the
 * field it concerns, in words a clerk understands (Chinese and English). The rules mirror the
 * CHECK constraints of the database (packages/db/src/migrations/1764316800000-foundation.ts):
 * the database stays the last line of defence, these give the message.
 */

import { categoryFromCreditCode, parseCreditCode } from './credit-code.js';
import { isIsoDate, type IsoDate } from './dates.js';
import { OrganizationCategory, RegistrationAuthority } from './enums.js';

/** One problem with one field. `path` is where it sits in the caller's input, e.g. ['input', 'creditCode'] or [12, 'name']. */
export interface Issue {
  readonly path: readonly (string | number)[];
  /** A stable machine word ('TOO_LONG', 'CHECK_DIGIT', 'FUTURE_DATE' …) for programs and tests. */
  readonly reason: string;
  readonly zh: string;
  readonly en: string;
}

export type IssuePath = readonly (string | number)[];

export function issue(path: IssuePath, reason: string, zh: string, en: string): Issue {
  return { path: [...path], reason, zh, en };
}

/** A field's name for messages: Chinese and English. */
export interface FieldLabel {
  readonly zh: string;
  readonly en: string;
}

/*
 * C0 and C1 controls, the line/paragraph separators and the bidirectional overrides: none
 * belongs in a name or an address, and the overrides can make a stored name read differently
 * from what it is (spoofing in lists and exports).
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Length as PostgreSQL's length() counts it: code points, not UTF-16 units. */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export interface TextRule {
  readonly label: FieldLabel;
  readonly max: number;
  /** When true, null/undefined/blank is an issue. */
  readonly required: boolean;
}

/**
 * A single-line text field: checked after trimming (the stored form, see normalizeText),
 * not blank when required, at most `max` characters, no control characters.
 */
export function checkText(path: IssuePath, value: unknown, rule: TextRule): Issue[] {
  const { label, max, required } = rule;
  if (value === null || value === undefined) {
    return required ? [issue(path, 'REQUIRED', `请填写${label.zh}`, `The ${label.en} is missing.`)] : [];
  }
  if (typeof value !== 'string') {
    return [issue(path, 'NOT_TEXT', `${label.zh}应为文字`, `The ${label.en} must be text.`)];
  }
  const trimmed = value.trim();
  if (trimmed === '') {
    return required
      ? [issue(path, 'EMPTY', `${label.zh}不能为空`, `The ${label.en} cannot be empty.`)]
      : [];
  }
  const issues: Issue[] = [];
  const length = codePointLength(trimmed);
  if (length > max) {
    issues.push(
      issue(
        path,
        'TOO_LONG',
        `${label.zh}最多${max}个字，当前为${length}个字`,
        `The ${label.en} can have at most ${max} characters; this one has ${length}.`,
      ),
    );
  }
  const control = CONTROL_CHARACTERS.exec(trimmed);
  if (control !== null) {
    const hex = (control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    issues.push(
      issue(
        path,
        'CONTROL_CHARACTER',
        `${label.zh}含有不可见的控制字符（U+${hex}，例如换行或制表符），请删除后重新填写`,
        `The ${label.en} contains an invisible control character (U+${hex}, such as a line break or tab); remove it.`,
      ),
    );
  }
  return issues;
}

/** The stored form of a text field: trimmed; blank becomes null. */
export function normalizeText(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export interface DateRule {
  readonly label: FieldLabel;
  readonly required: boolean;
  /** Today in Asia/Shanghai; when set, later dates are refused. */
  readonly notAfter?: IsoDate;
  /** Earlier dates are refused as typos (e.g. 0202-05-01). */
  readonly notBefore?: IsoDate;
}

/** A calendar date 'YYYY-MM-DD' that exists, optionally not in the future and not absurdly early. */
export function checkDate(path: IssuePath, value: unknown, rule: DateRule): Issue[] {
  const { label, required, notAfter, notBefore } = rule;
  if (value === null || value === undefined) {
    return required ? [issue(path, 'REQUIRED', `请填写${label.zh}`, `The ${label.en} is missing.`)] : [];
  }
  if (!isIsoDate(value)) {
    const shown = typeof value === 'string' ? value.slice(0, 40) : String(value);
    return [
      issue(
        path,
        'INVALID_DATE',
        `${label.zh}“${shown}”不是有效日期，请按“年-月-日”填写，例如 2024-03-15`,
        `The ${label.en} "${shown}" is not a valid date; write it as YYYY-MM-DD, e.g. 2024-03-15.`,
      ),
    ];
  }
  if (notAfter !== undefined && value > notAfter) {
    return [
      issue(
        path,
        'FUTURE_DATE',
        `${label.zh} ${value} 晚于今天（${notAfter}），不能是将来的日期`,
        `The ${label.en} ${value} is after today (${notAfter}); it cannot be in the future.`,
      ),
    ];
  }
  if (notBefore !== undefined && value < notBefore) {
    return [
      issue(
        path,
        'TOO_EARLY',
        `${label.zh} ${value} 早于 ${notBefore}，请核对年份`,
        `The ${label.en} ${value} is before ${notBefore}; check the year.`,
      ),
    ];
  }
  return [];
}

export interface IntegerRule {
  readonly label: FieldLabel;
  readonly required: boolean;
  readonly min: number;
  readonly max: number;
}

/** A whole number within [min, max]. */
export function checkInteger(path: IssuePath, value: unknown, rule: IntegerRule): Issue[] {
  const { label, required, min, max } = rule;
  if (value === null || value === undefined) {
    return required ? [issue(path, 'REQUIRED', `请填写${label.zh}`, `The ${label.en} is missing.`)] : [];
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return [issue(path, 'NOT_INTEGER', `${label.zh}应为整数`, `The ${label.en} must be a whole number.`)];
  }
  if (value < min || value > max) {
    return [
      issue(
        path,
        'OUT_OF_RANGE',
        `${label.zh}应在 ${min} 到 ${max.toLocaleString('en-US')} 之间，当前为 ${value}`,
        `The ${label.en} must be between ${min} and ${max.toLocaleString('en-US')}; it is ${value}.`,
      ),
    ];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Organizations

export const ORGANIZATION_NAME_MAX = 200;
export const ORGANIZATION_ADDRESS_MAX = 300;
export const ORGANIZATION_EMPLOYEES_MAX = 1_000_000;
/** No registration the platform holds is older than this; an earlier date is a typed-in typo. */
export const EARLIEST_REGISTRATION = '1900-01-01';

/** GB/T 4754-2017 sections A–T. */
export const INDUSTRY_SECTIONS = 'ABCDEFGHIJKLMNOPQRST';

/*
 * GB/T 2260 province-level codes (the first two digits of the division in characters 3–8 of a
 * credit code), plus 10 for bodies registered by national authorities (100000). A code whose
 * division starts with anything else was mistyped, even though its check characters may match.
 */
const PROVINCE_PREFIXES = new Set([
  '10', '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** The fields of an organization that people type or import (the database's columns, camel-cased). */
export interface OrganizationFields {
  name: string;
  creditCode: string;
  /**
   * Optional: follows from the credit code. When given (an import column), it must agree;
   * it is required only for codes of authority Y (其他), which do not tell.
   */
  category?: OrganizationCategory | string | null;
  industry: string;
  employees: number;
  registeredOn: IsoDate;
  deregisteredOn?: IsoDate | null;
  address?: string | null;
  declaredPartyMembers?: number | null;
}

export interface OrganizationValidationOptions {
  /** Prefix of every issue path: ['input'] for a mutation, [rowNumber] for an import. */
  readonly path?: IssuePath;
  /**
   * The stored organization, for a partial update: then only the fields present in `input`
   * (not undefined) are checked, and cross-field rules use the stored value of the others.
   * Without it, every required field must be present.
   */
  readonly current?: OrganizationFields;
}

const LABELS = {
  name: { zh: '组织名称', en: 'organization name' },
  creditCode: { zh: '统一社会信用代码', en: 'unified social credit code' },
  category: { zh: '组织类别', en: 'category' },
  industry: { zh: '所属行业', en: 'industry' },
  employees: { zh: '从业人员数', en: 'number of employees' },
  registeredOn: { zh: '登记日期', en: 'registration date' },
  deregisteredOn: { zh: '注销日期', en: 'deregistration date' },
  address: { zh: '地址', en: 'address' },
  declaredPartyMembers: { zh: '申报党员人数', en: 'declared number of Party members' },
} as const satisfies Record<keyof OrganizationFields, FieldLabel>;

const CATEGORY_LABELS: Record<OrganizationCategory, FieldLabel> = {
  NON_PUBLIC_ECONOMIC: { zh: '非公有制经济组织', en: 'non-public economic organization' },
  SOCIAL: { zh: '社会组织', en: 'social organization' },
};

function isCategory(value: unknown): value is OrganizationCategory {
  return value === OrganizationCategory.NON_PUBLIC_ECONOMIC || value === OrganizationCategory.SOCIAL;
}

/**
 * The stored form of organization fields: names and addresses trimmed, the credit code trimmed
 * and upper-cased (as parseCreditCode normalizes it), the industry letter upper-cased, and the
 * category filled in from the code. Only keys present in `input` appear in the result, so a
 * partial update stays partial. validateOrganizationFields judges exactly this form.
 */
export function normalizeOrganizationFields<T extends Partial<OrganizationFields>>(input: T): T {
  const out: Partial<OrganizationFields> = { ...input };
  if (typeof input.name === 'string') out.name = input.name.trim();
  if (typeof input.creditCode === 'string') {
    out.creditCode = input.creditCode.trim().toUpperCase();
    const derived = categoryFromCreditCode(out.creditCode);
    if (derived !== null && (input.category === undefined || input.category === null)) out.category = derived;
  }
  if (typeof input.industry === 'string') out.industry = input.industry.trim().toUpperCase();
  if ('address' in input) out.address = normalizeText(input.address);
  if (typeof input.category === 'string') out.category = input.category.trim().toUpperCase();
  return out as T;
}

/** The Party-building category the code implies, or the issue that keeps it from implying one. */
function categoryIssues(
  base: IssuePath,
  code: string,
  given: unknown,
  authority: RegistrationAuthority,
): Issue[] {
  const derived = categoryFromCreditCode(code);
  if (authority === RegistrationAuthority.INSTITUTIONAL) {
    return [
      issue(
        [...base, 'creditCode'],
        'NOT_TWO_NEW',
        '该代码以“1”开头，是机构编制部门登记的机关、事业单位或群众团体，不属于“两新”组织，不能在此登记',
        'This code starts with "1": it belongs to an organ, public institution or mass organization registered by the institutional authority, which is not a "two new" organization and cannot be registered here.',
      ),
    ];
  }
  if (given === undefined || given === null || given === '') {
    if (derived === null) {
      return [
        issue(
          [...base, 'category'],
          'CATEGORY_REQUIRED',
          '该代码由其他登记管理部门（“Y”）赋予，无法据此判断组织类别，请选择“非公有制经济组织”或“社会组织”',
          'This code was issued by another authority ("Y"), which does not tell the category; choose non-public economic organization or social organization.',
        ),
      ];
    }
    return [];
  }
  const normalized = typeof given === 'string' ? given.trim().toUpperCase() : given;
  if (!isCategory(normalized)) {
    return [
      issue(
        [...base, 'category'],
        'UNKNOWN_CATEGORY',
        '组织类别应为“非公有制经济组织”（NON_PUBLIC_ECONOMIC）或“社会组织”（SOCIAL）',
        'The category must be NON_PUBLIC_ECONOMIC (non-public economic organization) or SOCIAL (social organization).',
      ),
    ];
  }
  if (derived !== null && derived !== normalized) {
    const d = CATEGORY_LABELS[derived];
    const g = CATEGORY_LABELS[normalized];
    return [
      issue(
        [...base, 'category'],
        'CATEGORY_MISMATCH',
        `组织类别与统一社会信用代码不符：代码表明是${d.zh}，填写的是${g.zh}`,
        `The category does not match the credit code: the code says ${d.en}, the category says ${g.en}.`,
      ),
    ];
  }
  return [];
}

function creditCodeIssues(base: IssuePath, code: unknown, category: unknown, checkCategory: boolean): Issue[] {
  const path = [...base, 'creditCode'];
  if (code === null || code === undefined) {
    return [issue(path, 'REQUIRED', '请填写统一社会信用代码', 'The unified social credit code is missing.')];
  }
  if (typeof code !== 'string') {
    return [issue(path, 'NOT_TEXT', '统一社会信用代码应为文字', 'The unified social credit code must be text.')];
  }
  const parsed = parseCreditCode(code);
  if (!parsed.ok) return [issue(path, parsed.error.reason, parsed.error.message.zh, parsed.error.message.en)];
  const division = parsed.value.divisionCode;
  if (!PROVINCE_PREFIXES.has(division.slice(0, 2))) {
    return [
      issue(
        path,
        'UNKNOWN_DIVISION',
        `第3至8位行政区划代码“${division}”不存在（前两位应为省级代码，如济南为 37），请与证照核对`,
        `Characters 3 to 8 ("${division}") are not an administrative division (the first two digits name a province, e.g. 37 for Shandong); compare with the certificate.`,
      ),
    ];
  }
  return checkCategory ? categoryIssues(base, parsed.code, category, parsed.value.authority) : [];
}

/**
 * Every issue with an organization's fields, for a registration (all required fields) or,
 * with `options.current`, for a partial update (only the fields given). `today` is the date
 * in Asia/Shanghai (todayInShanghai()). Returns [] when the fields may be stored, after
 * normalizeOrganizationFields.
 *
 * What is not checked here, because it needs the database: references (street, park …),
 * uniqueness of the credit code.
 */
export function validateOrganizationFields(
  input: Partial<OrganizationFields>,
  today: IsoDate,
  options: OrganizationValidationOptions = {},
): Issue[] {
  const base = options.path ?? [];
  const current = options.current;
  const given = (key: keyof OrganizationFields): boolean => current === undefined || input[key] !== undefined;
  const at = (key: keyof OrganizationFields): IssuePath => [...base, key];
  const issues: Issue[] = [];

  if (given('name')) {
    issues.push(...checkText(at('name'), input.name, { label: LABELS.name, max: ORGANIZATION_NAME_MAX, required: true }));
  }
  if (given('creditCode') || input.category !== undefined) {
    const code = input.creditCode ?? current?.creditCode;
    const category = input.category !== undefined ? input.category : current === undefined ? undefined : null;
    issues.push(...creditCodeIssues(base, code, category, true));
  }
  if (given('industry')) {
    const industry = input.industry;
    if (industry === null || industry === undefined) {
      issues.push(issue(at('industry'), 'REQUIRED', '请填写所属行业', 'The industry is missing.'));
    } else if (typeof industry !== 'string' || !/^[A-T]$/.test(industry.trim().toUpperCase())) {
      const shown = String(industry).slice(0, 20);
      issues.push(
        issue(
          at('industry'),
          'UNKNOWN_INDUSTRY',
          `所属行业“${shown}”有误：应为《国民经济行业分类》（GB/T 4754）的门类字母 A 至 T，例如制造业为 C`,
          `The industry "${shown}" is not a GB/T 4754 section: use one letter from A to T, e.g. C for manufacturing.`,
        ),
      );
    }
  }
  if (given('employees')) {
    issues.push(
      ...checkInteger(at('employees'), input.employees, {
        label: LABELS.employees,
        required: true,
        min: 0,
        max: ORGANIZATION_EMPLOYEES_MAX,
      }),
    );
  }
  if (input.declaredPartyMembers !== undefined) {
    issues.push(
      ...checkInteger(at('declaredPartyMembers'), input.declaredPartyMembers, {
        label: LABELS.declaredPartyMembers,
        required: false,
        min: 0,
        max: ORGANIZATION_EMPLOYEES_MAX,
      }),
    );
  }
  if (input.address !== undefined) {
    issues.push(...checkText(at('address'), input.address, { label: LABELS.address, max: ORGANIZATION_ADDRESS_MAX, required: false }));
  }

  const registeredIssues = given('registeredOn')
    ? checkDate(at('registeredOn'), input.registeredOn, {
        label: LABELS.registeredOn,
        required: true,
        notAfter: today,
        notBefore: EARLIEST_REGISTRATION,
      })
    : [];
  const deregisteredIssues =
    input.deregisteredOn !== undefined
      ? checkDate(at('deregisteredOn'), input.deregisteredOn, {
          label: LABELS.deregisteredOn,
          required: false,
          notAfter: today,
        })
      : [];
  issues.push(...registeredIssues, ...deregisteredIssues);

  // The order of the two dates, only when each is a valid date on its own.
  if (registeredIssues.length === 0 && deregisteredIssues.length === 0) {
    const registeredOn = input.registeredOn !== undefined ? input.registeredOn : current?.registeredOn;
    const deregisteredOn = input.deregisteredOn !== undefined ? input.deregisteredOn : current?.deregisteredOn;
    if (isIsoDate(registeredOn) && isIsoDate(deregisteredOn) && deregisteredOn < registeredOn) {
      // Blame the date the caller is giving now; the stored one was fine until then.
      const blame: keyof OrganizationFields = input.deregisteredOn !== undefined ? 'deregisteredOn' : 'registeredOn';
      issues.push(
        issue(
          at(blame),
          'DATES_OUT_OF_ORDER',
          `注销日期（${deregisteredOn}）早于登记日期（${registeredOn}），注销日期不能早于登记日期`,
          `The deregistration date (${deregisteredOn}) is before the registration date (${registeredOn}); an organization cannot be deregistered before it was registered.`,
        ),
      );
    }
  }
  return issues;
}
