import { describe, it, expect } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  categoryFromCreditCode,
  computeCreditCodeCheckChar,
  computeOrganizationCodeCheckChar,
  isValidCreditCode,
  makeCreditCode,
  parseCreditCode,
  type CreditCodeError,
} from './credit-code.js';
import { OrganizationCategory, RegistrationAuthority } from './enums.js';

/*
 * Hand-computed vectors. Two value tables are in play: GB 11714 (chars 9–16) maps A–Z to
 * 10–35 over all 26 letters (M = 22, Y = 34, J = 19), while GB 32100 (chars 1–17) uses the
 * index in 0123456789ABCDEFGHJKLMNPQRTUWXY (M = 21, Y = 30, J = 18, X = 29, N = 22).
 *
 * JINAN_ENTERPRISE = 91370102MA3C8LN7 + 8 + N  (enterprise, 历下区 370102, fictitious)
 *   GB 11714 over MA3C8LN7, weights 3 7 9 10 5 8 4 2:
 *     M 22×3=66, A 10×7=70, 3×9=27, C 12×10=120, 8×5=40, L 21×8=168, N 23×4=92, 7×2=14
 *     Σ = 597; 597 mod 11 = 3; 11 − 3 = 8                       → char 17 = '8'
 *   GB 32100 over 91370102MA3C8LN78, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
 *     9×1=9, 1×3=3, 3×9=27, 7×27=189, 0×19=0, 1×26=26, 0×16=0, 2×17=34,
 *     M 21×20=420, A 10×29=290, 3×25=75, C 12×13=156, 8×8=64, L 20×24=480, N 22×10=220,
 *     7×30=210, 8×28=224
 *     Σ = 2427; 2427 mod 31 = 9; 31 − 9 = 22 → alphabet[22] = 'N'  → char 18 = 'N'
 *
 * JINAN_SOCIAL_GROUP = 52370102MJD12345 + X + 9  (social service agency, 历下区, fictitious)
 *   GB 11714 over MJD12345: M 22×3=66, J 19×7=133, D 13×9=117, 1×10=10, 2×5=10, 3×8=24,
 *     4×4=16, 5×2=10; Σ = 386; 386 mod 11 = 1; 11 − 1 = 10       → char 17 = 'X'
 *   GB 32100: 5×1=5, 2×3=6, 3×9=27, 7×27=189, 0, 1×26=26, 0, 2×17=34, M 21×20=420,
 *     J 18×29=522, D 13×25=325, 1×13=13, 2×8=16, 3×24=72, 4×10=40, 5×30=150, X 29×28=812
 *     Σ = 2657; 2657 mod 31 = 22; 31 − 22 = 9                    → char 18 = '9'
 *
 * BOTH_WRAP = 93370112 00000000 0 0  (farmers' cooperative, 历城区, fictitious)
 *   GB 11714: Σ = 0; 11 − 0 = 11 → '0'.
 *   GB 32100: 9 + 9 + 27 + 189 + 0 + 26 + 16 + 34 = 310 = 10 × 31; 31 − 0 = 31 → 0 → '0'.
 */
const JINAN_ENTERPRISE = '91370102MA3C8LN78N';
const JINAN_SOCIAL_SERVICE_AGENCY = '52370102MJD12345X9';
const BOTH_WRAP = '933701120000000000';

/*
 * Published codes. The first is the worked example of GB 32100 that circulates in guides:
 *   GB 11714 over M000100Y: M 22×3=66, 1×5=5, Y 34×2=68; Σ = 139; mod 11 = 7; 11 − 7 = 4.
 *   GB 32100: 9 + 3 + 27 + 135 + 26 + M 21×20=420 + 1×8=8 + Y 30×30=900 + 4×28=112 = 1640;
 *   1640 mod 31 = 28; 31 − 28 = 3.
 * The other two are printed on the business licences of two well-known Shenzhen companies;
 * the second has 'X' as its organization-code check character.
 */
const PUBLISHED = ['91350100M000100Y43', '914403001922038216', '9144030071526726XG'];

function errorOf(code: string): CreditCodeError {
  const r = parseCreditCode(code);
  if (r.ok) throw new Error(`expected ${code} to be refused`);
  return r.error;
}

describe('check characters', () => {
  it('computes the GB 11714 check by hand-checked vectors', () => {
    expect(computeOrganizationCodeCheckChar('MA3C8LN7')).toBe('8');
    expect(computeOrganizationCodeCheckChar('MJD12345')).toBe('X');
    expect(computeOrganizationCodeCheckChar('00000000')).toBe('0');
    expect(computeOrganizationCodeCheckChar('M000100Y')).toBe('4');
  });

  it('computes the GB 32100 check by hand-checked vectors', () => {
    expect(computeCreditCodeCheckChar('91370102MA3C8LN78')).toBe('N');
    expect(computeCreditCodeCheckChar('52370102MJD12345X')).toBe('9');
    expect(computeCreditCodeCheckChar('93370112000000000')).toBe('0');
    expect(computeCreditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('throws on malformed input to the programmer tools', () => {
    expect(() => computeOrganizationCodeCheckChar('MA3C8LN')).toThrow(Error);
    expect(() => computeOrganizationCodeCheckChar('ma3c8ln7')).toThrow(Error);
    expect(() => computeCreditCodeCheckChar('91370102MA3C8LN7')).toThrow(Error);
    expect(() => computeCreditCodeCheckChar('91370102MA3C8LN7O')).toThrow(Error);
  });
});

describe('parseCreditCode: valid codes', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('parses a Jinan enterprise into its parts', () => {
    const r = parseCreditCode(JINAN_ENTERPRISE);
    expect(r).toEqual({
      ok: true,
      code: JINAN_ENTERPRISE,
      value: {
        code: JINAN_ENTERPRISE,
        authority: RegistrationAuthority.MARKET_REGULATION,
        authorityChar: '9',
        categoryChar: '1',
        entityType: 'ENTERPRISE',
        divisionCode: '370102',
        organizationCode: 'MA3C8LN78',
        checkChar: 'N',
      },
    });
  });

  it('parses a social service agency with X as organization check', () => {
    const r = parseCreditCode(JINAN_SOCIAL_SERVICE_AGENCY);
    expect(r.ok && r.value.authority).toBe(RegistrationAuthority.CIVIL_AFFAIRS);
    expect(r.ok && r.value.entityType).toBe('SOCIAL_SERVICE_AGENCY');
    expect(r.ok && r.value.organizationCode).toBe('MJD12345X');
  });

  it('accepts the wrap-around cases 11 → 0 and 31 → 0', () => {
    const r = parseCreditCode(BOTH_WRAP);
    expect(r.ok && r.value.entityType).toBe('FARMERS_COOPERATIVE');
  });

  it('accepts lower case and surrounding whitespace, returning the normalized code', () => {
    const r = parseCreditCode(`  ${JINAN_ENTERPRISE.toLowerCase()}\t\n`);
    expect(r.ok).toBe(true);
    expect(r.code).toBe(JINAN_ENTERPRISE);
    // Ideographic space, as a Chinese input method types it.
    expect(isValidCreditCode(`\u3000${JINAN_ENTERPRISE}\u3000`)).toBe(true);
  });

  it('names every entity type of the four authorities', () => {
    const cases: Array<[string, string, string]> = [
      ['1', '1', 'ORGAN'],
      ['1', '2', 'PUBLIC_INSTITUTION'],
      ['1', '3', 'MASS_ORGANIZATION'],
      ['1', '9', 'OTHER_INSTITUTIONAL'],
      ['5', '1', 'SOCIAL_GROUP'],
      ['5', '2', 'SOCIAL_SERVICE_AGENCY'],
      ['5', '3', 'FOUNDATION'],
      ['5', '9', 'OTHER_SOCIAL'],
      ['9', '1', 'ENTERPRISE'],
      ['9', '2', 'INDIVIDUAL_BUSINESS'],
      ['9', '3', 'FARMERS_COOPERATIVE'],
      ['Y', '1', 'OTHER'],
    ];
    for (const [authorityChar, categoryChar, type] of cases) {
      const code = makeCreditCode({ authorityChar, categoryChar, divisionCode: '370103', organizationBody: 'MA3C8LN7' });
      const r = parseCreditCode(code);
      expect(r.ok && r.value.entityType).toBe(type);
    }
  });
});

describe('parseCreditCode: each refusal', () => {
  it('EMPTY for nothing or only whitespace', () => {
    expect(errorOf('').reason).toBe('EMPTY');
    expect(errorOf('   ').reason).toBe('EMPTY');
  });

  it('LENGTH with the actual length in the message', () => {
    const e = errorOf(JINAN_ENTERPRISE.slice(0, 17));
    expect(e).toMatchObject({ reason: 'LENGTH', expected: '18', found: '17' });
    expect(e.message.zh).toBe('统一社会信用代码应为18位，当前为17位');
    expect(e.message.en).toBe('A unified social credit code has 18 characters; this one has 17.');
    expect(errorOf(`${JINAN_ENTERPRISE}0`).found).toBe('19');
  });

  it('ILLEGAL_CHARACTER names the position and the character, and the letters never used', () => {
    // 'O' typed for '0' at position 5.
    const e = errorOf('9137O102MA3C8LN78N');
    expect(e).toMatchObject({ reason: 'ILLEGAL_CHARACTER', position: 5, found: 'O' });
    expect(e.message.zh).toContain('第5位字符“O”不合法');
    expect(e.message.zh).toContain('I、O、Z、S、V');
    expect(e.message.en).toContain('Character 5 ("O")');
    expect(e.message.en).toContain('I, O, Z, S or V');
  });

  it('ILLEGAL_CHARACTER for an inner space and a full-width digit', () => {
    expect(errorOf('91370102 A3C8LN78N')).toMatchObject({ reason: 'ILLEGAL_CHARACTER', position: 9, found: ' ' });
    const e = errorOf('91370102MA３C8LN78N');
    expect(e).toMatchObject({ reason: 'ILLEGAL_CHARACTER', position: 11, found: '３' });
    expect(e.message.zh).toContain('全角');
  });

  it('ILLEGAL_CHARACTER is reported before the authority', () => {
    expect(errorOf('3137010SMA3C8LN78N')).toMatchObject({ reason: 'ILLEGAL_CHARACTER', position: 8 });
  });

  it('UNKNOWN_AUTHORITY for an authority the platform does not handle (3: justice)', () => {
    const e = errorOf('31370102MA3C8LN78N');
    expect(e).toMatchObject({ reason: 'UNKNOWN_AUTHORITY', position: 1, expected: '1/5/9/Y', found: '3' });
    expect(e.message.zh).toContain('5（民政）');
  });

  it('UNKNOWN_CATEGORY for a category the authority does not have', () => {
    expect(errorOf('94370102MA3C8LN78N')).toMatchObject({
      reason: 'UNKNOWN_CATEGORY',
      position: 2,
      expected: '1/2/3',
      found: '4',
    });
    expect(errorOf('99370102MA3C8LN78N')).toMatchObject({ reason: 'UNKNOWN_CATEGORY', expected: '1/2/3' });
    expect(errorOf('54370102MA3C8LN78N')).toMatchObject({ reason: 'UNKNOWN_CATEGORY', expected: '1/2/3/9' });
    expect(errorOf('Y2370102MA3C8LN78N')).toMatchObject({ reason: 'UNKNOWN_CATEGORY', expected: '1' });
    expect(errorOf('94370102MA3C8LN78N').message.zh).toContain('2（个体工商户）');
  });

  it('DIVISION_CODE at the first letter among characters 3–8', () => {
    const e = errorOf('913701A2MA3C8LN78N');
    expect(e).toMatchObject({ reason: 'DIVISION_CODE', position: 7, expected: '0-9', found: 'A' });
    expect(e.message.zh).toContain('行政区划代码');
  });

  it('ORGANIZATION_CODE_CHECK at 17 with the expected character', () => {
    const e = errorOf('91370102MA3C8LN79N');
    expect(e).toMatchObject({ reason: 'ORGANIZATION_CODE_CHECK', position: 17, expected: '8', found: '9' });
    expect(e.message.zh).toContain('第17位组织机构代码校验码错误：应为 8，实为 9');
    // A mistyped body character (L → K) is caught here too, before character 18.
    expect(errorOf('91370102MA3C8KN78N').reason).toBe('ORGANIZATION_CODE_CHECK');
  });

  it('CHECK_DIGIT at 18 with the expected character', () => {
    const e = errorOf('91370102MA3C8LN78P');
    expect(e).toMatchObject({ reason: 'CHECK_DIGIT', position: 18, expected: 'N', found: 'P' });
    expect(e.message.zh).toContain('第18位校验码错误：应为 N，实为 P');
    expect(e.message.en).toContain('expected N, found P');
    // A mistyped division (370102 → 370103) leaves 17 intact and is caught at 18:
    // Σ grows by 1 × 17 to 2444; 2444 mod 31 = 26; 31 − 26 = 5.
    expect(errorOf('91370103MA3C8LN78N')).toMatchObject({ reason: 'CHECK_DIGIT', expected: '5' });
  });

  it('refuses a published code with one character changed', () => {
    expect(errorOf('91350100M000100Y44').reason).toBe('CHECK_DIGIT');
  });
});

describe('makeCreditCode', () => {
  it('round-trips through parseCreditCode', () => {
    const code = makeCreditCode({
      authorityChar: '9',
      categoryChar: '1',
      divisionCode: '370102',
      organizationBody: 'MA3C8LN7',
    });
    expect(code).toBe(JINAN_ENTERPRISE);
    const r = parseCreditCode(code);
    expect(r.ok && r.value.divisionCode).toBe('370102');
  });

  it('round-trips every body made of alphabet characters (sampled)', () => {
    for (let i = 0; i < 500; i++) {
      let body = '';
      for (let k = 0; k < 8; k++) body += CREDIT_CODE_ALPHABET[(i * 7 + k * 13 + i * k) % 31];
      const code = makeCreditCode({ authorityChar: '5', categoryChar: '1', divisionCode: '370116', organizationBody: body });
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('throws a plain Error on bad parts', () => {
    const good = { authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: 'MA3C8LN7' };
    expect(() => makeCreditCode({ ...good, authorityChar: '3' })).toThrow(Error);
    expect(() => makeCreditCode({ ...good, categoryChar: '9' })).toThrow(Error);
    expect(() => makeCreditCode({ ...good, divisionCode: '3701' })).toThrow(Error);
    expect(() => makeCreditCode({ ...good, organizationBody: 'MA3C8LNO' })).toThrow(Error);
    expect(() => makeCreditCode({ ...good, organizationBody: 'MA3C8L' })).toThrow(Error);
  });
});

describe('categoryFromCreditCode', () => {
  it('maps civil affairs to SOCIAL and market regulation to NON_PUBLIC_ECONOMIC', () => {
    expect(categoryFromCreditCode(JINAN_SOCIAL_SERVICE_AGENCY)).toBe(OrganizationCategory.SOCIAL);
    expect(categoryFromCreditCode(JINAN_ENTERPRISE)).toBe(OrganizationCategory.NON_PUBLIC_ECONOMIC);
    expect(categoryFromCreditCode(BOTH_WRAP)).toBe(OrganizationCategory.NON_PUBLIC_ECONOMIC);
    expect(categoryFromCreditCode(` ${JINAN_ENTERPRISE.toLowerCase()} `)).toBe(OrganizationCategory.NON_PUBLIC_ECONOMIC);
  });

  it('gives null for institutional and other codes, and for invalid codes', () => {
    const organ = makeCreditCode({ authorityChar: '1', categoryChar: '1', divisionCode: '370100', organizationBody: '00000000' });
    const other = makeCreditCode({ authorityChar: 'Y', categoryChar: '1', divisionCode: '370100', organizationBody: '00000000' });
    expect(categoryFromCreditCode(organ)).toBeNull();
    expect(categoryFromCreditCode(other)).toBeNull();
    expect(categoryFromCreditCode('91370102MA3C8LN78P')).toBeNull();
    expect(categoryFromCreditCode('')).toBeNull();
  });
});
