import { describe, it, expect } from 'vitest';
import { makeCreditCode } from './credit-code.js';
import {
  checkDate,
  checkInteger,
  checkText,
  codePointLength,
  normalizeOrganizationFields,
  validateOrganizationFields,
  type OrganizationFields,
} from './validation.js';

const TODAY = '2026-03-01';
const ENTERPRISE = '91370102MA3C8LN78N'; // hand-checked in credit-code.test.ts
const SOCIAL = makeCreditCode({ authorityChar: '5', categoryChar: '2', divisionCode: '370102', organizationBody: 'MJD12345' });
const ORGAN = makeCreditCode({ authorityChar: '1', categoryChar: '1', divisionCode: '370102', organizationBody: 'MJD12345' });
const OTHER = makeCreditCode({ authorityChar: 'Y', categoryChar: '1', divisionCode: '370102', organizationBody: 'MJD12345' });
const NO_PROVINCE = makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '990102', organizationBody: 'MA3C8LN7' });

const GOOD: OrganizationFields = {
  name: '济南示例科技有限公司',
  creditCode: ENTERPRISE,
  industry: 'I',
  employees: 42,
  registeredOn: '2019-05-20',
};

/** Only the reasons with their paths: what a form needs to place each message. */
function reasons(input: Partial<OrganizationFields>, options = {}): string[] {
  return validateOrganizationFields(input, TODAY, options).map((i) => `${i.path.join('.')}:${i.reason}`);
}

describe('validateOrganizationFields: a registration', () => {
  it('accepts a complete, correct organization', () => {
    expect(validateOrganizationFields(GOOD, TODAY)).toEqual([]);
    expect(validateOrganizationFields({ ...GOOD, creditCode: SOCIAL, industry: 'S' }, TODAY)).toEqual([]);
  });

  it('accepts what the normalizer will store: lower case, surrounding spaces', () => {
    const typed = { ...GOOD, name: '  济南示例科技有限公司 ', creditCode: ` ${ENTERPRISE.toLowerCase()} `, industry: 'i' };
    expect(validateOrganizationFields(typed, TODAY)).toEqual([]);
    expect(normalizeOrganizationFields(typed)).toMatchObject({
      name: '济南示例科技有限公司',
      creditCode: ENTERPRISE,
      industry: 'I',
      category: 'NON_PUBLIC_ECONOMIC',
    });
  });

  it('reports every missing required field, each at its own path, under the prefix', () => {
    expect(reasons({}, { path: ['input'] })).toEqual([
      'input.name:REQUIRED',
      'input.creditCode:REQUIRED',
      'input.industry:REQUIRED',
      'input.employees:REQUIRED',
      'input.registeredOn:REQUIRED',
    ]);
  });

  it('gives the credit-code parser’s reason and both messages', () => {
    const wrongCheck = ENTERPRISE.slice(0, 17) + 'M';
    const [found] = validateOrganizationFields({ ...GOOD, creditCode: wrongCheck }, TODAY, { path: ['input'] });
    expect(found).toMatchObject({ path: ['input', 'creditCode'], reason: 'CHECK_DIGIT' });
    expect(found.zh).toContain('第18位校验码错误：应为 N，实为 M');
    expect(found.en).toContain('expected N, found M');
    expect(reasons({ ...GOOD, creditCode: ENTERPRISE.replace('0', 'O') })).toEqual(['creditCode:ILLEGAL_CHARACTER']);
    expect(reasons({ ...GOOD, creditCode: ENTERPRISE.slice(0, 17) })).toEqual(['creditCode:LENGTH']);
    expect(reasons({ ...GOOD, creditCode: '' })).toEqual(['creditCode:EMPTY']);
  });

  it('refuses a division whose province does not exist', () => {
    const [found] = validateOrganizationFields({ ...GOOD, creditCode: NO_PROVINCE }, TODAY);
    expect(found.reason).toBe('UNKNOWN_DIVISION');
    expect(found.zh).toContain('990102');
  });

  it('derives the category, refuses organs, and asks for it only when the code cannot tell', () => {
    expect(reasons({ ...GOOD, creditCode: ORGAN })).toEqual(['creditCode:NOT_TWO_NEW']);
    expect(reasons({ ...GOOD, creditCode: OTHER })).toEqual(['category:CATEGORY_REQUIRED']);
    expect(reasons({ ...GOOD, creditCode: OTHER, category: 'SOCIAL' })).toEqual([]);
    expect(reasons({ ...GOOD, category: 'SOCIAL' })).toEqual(['category:CATEGORY_MISMATCH']);
    expect(reasons({ ...GOOD, category: 'non_public_economic' })).toEqual([]);
    expect(reasons({ ...GOOD, category: 'PRIVATE' })).toEqual(['category:UNKNOWN_CATEGORY']);
  });

  it('checks the name: blank, length in characters, control characters', () => {
    expect(reasons({ ...GOOD, name: '   ' })).toEqual(['name:EMPTY']);
    expect(reasons({ ...GOOD, name: '企'.repeat(200) })).toEqual([]);
    expect(reasons({ ...GOOD, name: '企'.repeat(201) })).toEqual(['name:TOO_LONG']);
    // 200 astral characters are 400 UTF-16 units but 200 characters to PostgreSQL.
    expect(reasons({ ...GOOD, name: '𠀀'.repeat(200) })).toEqual([]);
    expect(reasons({ ...GOOD, name: '济南\n科技' })).toEqual(['name:CONTROL_CHARACTER']);
    expect(reasons({ ...GOOD, name: '济南\u202e科技' })).toEqual(['name:CONTROL_CHARACTER']);
    expect(reasons({ ...GOOD, name: 'x'.repeat(10_000) + '\u0000' })).toEqual(['name:TOO_LONG', 'name:CONTROL_CHARACTER']);
  });

  it('takes injection strings as plain text: they are legal names', () => {
    expect(reasons({ ...GOOD, name: "Robert'); DROP TABLE organization;--" })).toEqual([]);
    expect(reasons({ ...GOOD, name: "=cmd|' /C calc'!A0" })).toEqual([]);
  });

  it('checks the industry letter of GB/T 4754', () => {
    expect(reasons({ ...GOOD, industry: 'U' })).toEqual(['industry:UNKNOWN_INDUSTRY']);
    expect(reasons({ ...GOOD, industry: 'CC' })).toEqual(['industry:UNKNOWN_INDUSTRY']);
    expect(reasons({ ...GOOD, industry: '' })).toEqual(['industry:UNKNOWN_INDUSTRY']);
  });

  it('checks employees: whole, 0 to 1,000,000', () => {
    expect(reasons({ ...GOOD, employees: 0 })).toEqual([]);
    expect(reasons({ ...GOOD, employees: 1_000_000 })).toEqual([]);
    expect(reasons({ ...GOOD, employees: -1 })).toEqual(['employees:OUT_OF_RANGE']);
    expect(reasons({ ...GOOD, employees: 1_000_001 })).toEqual(['employees:OUT_OF_RANGE']);
    expect(reasons({ ...GOOD, employees: 2.5 })).toEqual(['employees:NOT_INTEGER']);
    expect(reasons({ ...GOOD, employees: Number.NaN })).toEqual(['employees:NOT_INTEGER']);
    expect(reasons({ ...GOOD, declaredPartyMembers: -3 })).toEqual(['declaredPartyMembers:OUT_OF_RANGE']);
  });

  it('checks dates: real, not in the future, not absurdly early, in order', () => {
    expect(reasons({ ...GOOD, registeredOn: TODAY })).toEqual([]);
    expect(reasons({ ...GOOD, registeredOn: '2026-03-02' })).toEqual(['registeredOn:FUTURE_DATE']);
    expect(reasons({ ...GOOD, registeredOn: '2025-02-29' })).toEqual(['registeredOn:INVALID_DATE']);
    expect(reasons({ ...GOOD, registeredOn: '2025/02/01' })).toEqual(['registeredOn:INVALID_DATE']);
    expect(reasons({ ...GOOD, registeredOn: '0202-05-01' })).toEqual(['registeredOn:TOO_EARLY']);
    expect(reasons({ ...GOOD, deregisteredOn: '2019-05-19' })).toEqual(['deregisteredOn:DATES_OUT_OF_ORDER']);
    expect(reasons({ ...GOOD, deregisteredOn: '2019-05-20' })).toEqual([]);
    expect(reasons({ ...GOOD, deregisteredOn: '2027-01-01' })).toEqual(['deregisteredOn:FUTURE_DATE']);
    const [future] = validateOrganizationFields({ ...GOOD, registeredOn: '2030-01-01' }, TODAY);
    expect(future.zh).toContain('不能是将来的日期');
    expect(future.en).toContain('cannot be in the future');
  });
});

describe('validateOrganizationFields: a partial update', () => {
  const current: OrganizationFields = { ...GOOD, deregisteredOn: '2024-01-01' };

  it('checks only the fields given', () => {
    expect(reasons({}, { current })).toEqual([]);
    expect(reasons({ employees: 7 }, { current })).toEqual([]);
    expect(reasons({ employees: -7 }, { current, path: ['input'] })).toEqual(['input.employees:OUT_OF_RANGE']);
  });

  it('refuses clearing a required field', () => {
    expect(reasons({ name: null as unknown as string }, { current })).toEqual(['name:REQUIRED']);
  });

  it('checks the date order against the stored date and blames the date being changed', () => {
    expect(reasons({ registeredOn: '2024-06-01' }, { current })).toEqual(['registeredOn:DATES_OUT_OF_ORDER']);
  });

  it('checks a new category against the stored code', () => {
    expect(reasons({ category: 'SOCIAL' }, { current })).toEqual(['category:CATEGORY_MISMATCH']);
    expect(reasons({ creditCode: SOCIAL }, { current })).toEqual([]);
  });
});

describe('building blocks', () => {
  const label = { zh: '备注', en: 'note' };
  it('checkText lets an optional field be absent or blank', () => {
    expect(checkText(['note'], undefined, { label, max: 5, required: false })).toEqual([]);
    expect(checkText(['note'], '  ', { label, max: 5, required: false })).toEqual([]);
    expect(checkText(['note'], 5, { label, max: 5, required: false })[0].reason).toBe('NOT_TEXT');
  });
  it('checkDate and checkInteger name the field in both languages', () => {
    const [d] = checkDate(['on'], 'tomorrow', { label, required: true });
    expect(d.zh).toContain('备注');
    expect(d.en).toContain('note');
    const [n] = checkInteger(['n'], '3', { label, required: true, min: 0, max: 9 });
    expect(n.reason).toBe('NOT_INTEGER');
  });
  it('codePointLength counts what PostgreSQL counts', () => {
    expect(codePointLength('a𠀀b')).toBe(3);
  });
});
