/**
 * Field rules for Party members, instructors and visits: the kinds a spreadsheet import brings
 * in besides organizations (validation.ts holds those and the shared checks). Same contract as
 * validateOrganizationFields: pure, every problem at once as Issues, paths made of the field
 * keys below prefixed by `options.path`, rules mirroring the database's CHECK constraints
 * (packages/db/src/migrations/1764316800000-foundation.ts) so the database never has to refuse
 * what passed here. References (the employer, a ledger's area, a liaison point) need the
 * database and are checked by the caller.
 */

import { isIsoDate, type IsoDate } from './dates.js';
import { MEMBER_STAGE_ORDER, MemberStage, RelationHolder, Intention } from './enums.js';
import { checkDate, checkText, issue, type FieldLabel, type Issue, type IssuePath } from './validation.js';

/** Nobody the platform records was born, or applied, before this; an earlier date is a typo. */
export const EARLIEST_BIRTH = '1900-01-01';

/** GB 11643 weights of the first 17 characters of a resident identity number. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Check character (position 18) of a resident identity number's first 17 digits (ISO 7064 MOD 11-2). */
export function identityNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

const PHONE = /^[0-9+-]{5,20}$/;

function checkPhone(path: IssuePath, value: unknown, label: FieldLabel, required: boolean): Issue[] {
  if (value === null || value === undefined || value === '') {
    return required ? [issue(path, 'REQUIRED', `请填写${label.zh}`, `The ${label.en} is missing.`)] : [];
  }
  if (typeof value !== 'string' || !PHONE.test(value)) {
    return [
      issue(
        path,
        'PHONE',
        `${label.zh}格式有误：只能由 5 至 20 位数字、“+”和“-”组成`,
        `The ${label.en} must be 5 to 20 digits, "+" or "-".`,
      ),
    ];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Party members

export interface PartyMemberFields {
  idNumber: string;
  name: string;
  gender: 'M' | 'F' | string;
  birthDate: IsoDate;
  phone?: string | null;
  address?: string | null;
  employedSince: IsoDate;
  stage: MemberStage | string;
  appliedOn: IsoDate;
  activistOn?: IsoDate | null;
  candidateOn?: IsoDate | null;
  probationaryOn?: IsoDate | null;
  fullOn?: IsoDate | null;
  relationHolder: RelationHolder | string;
  /** Whether a Party organization is named for the relation (the caller resolves which). */
  hasPartyOrganization?: boolean;
  ledger?: RelationHolder | string | null;
  /** Whether the ledger's area (a district's talent centre, a community) is named. */
  hasLedgerArea?: boolean;
  ledgerSince?: IsoDate | null;
  transferredOn?: IsoDate | null;
  revealedOn?: IsoDate | null;
}

const MEMBER_LABELS = {
  idNumber: { zh: '公民身份号码', en: 'identity number' },
  name: { zh: '姓名', en: 'name' },
  gender: { zh: '性别', en: 'gender' },
  birthDate: { zh: '出生日期', en: 'date of birth' },
  phone: { zh: '联系电话', en: 'phone number' },
  address: { zh: '家庭住址', en: 'address' },
  employedSince: { zh: '入职日期', en: 'employment date' },
  stage: { zh: '发展阶段', en: 'stage' },
  appliedOn: { zh: '申请入党日期', en: 'application date' },
  activistOn: { zh: '确定积极分子日期', en: 'date named an activist' },
  candidateOn: { zh: '确定发展对象日期', en: 'date named a candidate' },
  probationaryOn: { zh: '接收预备党员日期', en: 'date admitted as probationary member' },
  fullOn: { zh: '转正日期', en: 'date of full membership' },
  relationHolder: { zh: '组织关系所在', en: 'holder of the organizational relation' },
  ledger: { zh: '所在台账', en: 'ledger' },
  ledgerSince: { zh: '纳入台账日期', en: 'date entered in the ledger' },
  transferredOn: { zh: '转接日期', en: 'transfer date' },
  revealedOn: { zh: '亮明身份日期', en: 'date identity revealed' },
} as const satisfies Record<string, FieldLabel>;

/** The stage each date marks, in order; a stage needs its own date and every earlier one. */
const STAGE_DATES = [
  ['appliedOn', MemberStage.APPLICANT],
  ['activistOn', MemberStage.ACTIVIST],
  ['candidateOn', MemberStage.CANDIDATE],
  ['probationaryOn', MemberStage.PROBATIONARY],
  ['fullOn', MemberStage.FULL],
] as const;

const LEDGER_VALUES: readonly string[] = [RelationHolder.PERSONNEL_AGENCY, RelationHolder.TALENT_CENTER, RelationHolder.COMMUNITY];

/**
 * Every issue with a Party member's fields: a whole record (after merging an update over the
 * stored row), so the cross-field rules of the database (stage dates, relation, ledger,
 * transfer) are all checked here. `today` is the date in Asia/Shanghai.
 */
export function validatePartyMemberFields(input: PartyMemberFields, today: IsoDate, options: { path?: IssuePath } = {}): Issue[] {
  const base = options.path ?? [];
  const at = (key: keyof typeof MEMBER_LABELS): IssuePath => [...base, key];
  const issues: Issue[] = [];

  issues.push(...checkIdentityNumber(at('idNumber'), input.idNumber));
  issues.push(...checkText(at('name'), input.name, { label: MEMBER_LABELS.name, max: 100, required: true }));
  if (input.gender !== 'M' && input.gender !== 'F') {
    issues.push(issue(at('gender'), 'UNKNOWN_VALUE', '性别应为“男”或“女”', 'The gender must be 男 (male) or 女 (female).'));
  }
  const birth = checkDate(at('birthDate'), input.birthDate, { label: MEMBER_LABELS.birthDate, required: true, notAfter: today, notBefore: EARLIEST_BIRTH });
  issues.push(...birth);
  if (birth.length === 0 && typeof input.idNumber === 'string' && /^[0-9]{17}[0-9X]$/.test(input.idNumber)) {
    const fromId = `${input.idNumber.slice(6, 10)}-${input.idNumber.slice(10, 12)}-${input.idNumber.slice(12, 14)}`;
    if (fromId !== input.birthDate) {
      issues.push(
        issue(
          at('birthDate'),
          'BIRTH_DATE_MISMATCH',
          `出生日期（${input.birthDate}）与公民身份号码第7至14位不符`,
          `The date of birth (${input.birthDate}) does not match characters 7 to 14 of the identity number.`,
        ),
      );
    }
  }
  issues.push(...checkPhone(at('phone'), input.phone, MEMBER_LABELS.phone, false));
  issues.push(...checkText(at('address'), input.address, { label: MEMBER_LABELS.address, max: 300, required: false }));
  const employed = checkDate(at('employedSince'), input.employedSince, { label: MEMBER_LABELS.employedSince, required: true, notAfter: today, notBefore: EARLIEST_BIRTH });
  issues.push(...employed);

  // Stage and its dates: each date after the one before; the stage reached has its date and all before it, none after.
  const stageIndex = MEMBER_STAGE_ORDER.indexOf(input.stage as MemberStage);
  if (stageIndex < 0) {
    issues.push(
      issue(
        at('stage'),
        'UNKNOWN_VALUE',
        '发展阶段应为“入党申请人”“入党积极分子”“发展对象”“预备党员”或“正式党员”',
        'The stage must be 入党申请人 (applicant), 入党积极分子 (activist), 发展对象 (candidate), 预备党员 (probationary) or 正式党员 (full).',
      ),
    );
  }
  let previous: { key: string; date: string } | undefined;
  let datesOk = true;
  for (const [key, stage] of STAGE_DATES) {
    const value = input[key];
    const own = checkDate(at(key), value, { label: MEMBER_LABELS[key], required: key === 'appliedOn', notAfter: today, notBefore: EARLIEST_BIRTH });
    issues.push(...own);
    if (own.length > 0) {
      datesOk = false;
      continue;
    }
    const reached = stageIndex >= MEMBER_STAGE_ORDER.indexOf(stage);
    if (stageIndex >= 0 && key !== 'appliedOn' && reached !== (value != null)) {
      const label = MEMBER_LABELS[key];
      issues.push(
        reached
          ? issue(at(key), 'STAGE_DATE_REQUIRED', `发展阶段已到该阶段，请填写${label.zh}`, `The stage has been reached: the ${label.en} is required.`)
          : issue(at(key), 'STAGE_DATE_NOT_REACHED', `发展阶段尚未到该阶段，${label.zh}应为空`, `The stage has not been reached: the ${label.en} must be empty.`),
      );
    }
    if (value != null && isIsoDate(value)) {
      if (previous && value < previous.date) {
        const label = MEMBER_LABELS[key];
        const prevLabel = MEMBER_LABELS[previous.key as keyof typeof MEMBER_LABELS];
        issues.push(
          issue(
            at(key),
            'DATES_OUT_OF_ORDER',
            `${label.zh}（${value}）早于${prevLabel.zh}（${previous.date}）`,
            `The ${label.en} (${value}) is before the ${prevLabel.en} (${previous.date}).`,
          ),
        );
      }
      previous = { key, date: value };
    }
  }
  if (datesOk && birth.length === 0 && isIsoDate(input.appliedOn) && isIsoDate(input.birthDate)) {
    const adult = `${Number(input.birthDate.slice(0, 4)) + 18}${input.birthDate.slice(4)}`;
    if (input.appliedOn < adult) {
      issues.push(
        issue(at('appliedOn'), 'TOO_YOUNG', '申请入党时应年满十八周岁', 'An applicant must be at least 18 years old on the application date.'),
      );
    }
  }

  // Relation: only Party members (probationary, full) hold one; a Party organization is named when it holds it.
  const holders: readonly string[] = Object.values(RelationHolder);
  const holder = input.relationHolder;
  if (!holders.includes(holder)) {
    issues.push(
      issue(
        at('relationHolder'),
        'UNKNOWN_VALUE',
        '组织关系所在应为“本单位党组织”“市人事代理党委”“区县人才服务中心”“社区”或“无”',
        'The relation holder must be 本单位党组织, 市人事代理党委, 区县人才服务中心, 社区 or 无.',
      ),
    );
  } else if (stageIndex >= 0) {
    const member = stageIndex >= MEMBER_STAGE_ORDER.indexOf(MemberStage.PROBATIONARY);
    if (member !== (holder !== RelationHolder.NONE)) {
      issues.push(
        member
          ? issue(at('relationHolder'), 'RELATION_REQUIRED', '预备党员和正式党员须填写组织关系所在', 'A probationary or full member has an organizational relation: say who holds it.')
          : issue(at('relationHolder'), 'RELATION_NOT_MEMBER', '尚未成为预备党员的，组织关系所在应为“无”', 'Only probationary and full members have an organizational relation: use 无 (none).'),
      );
    }
    if (holder === RelationHolder.PARTY_ORGANIZATION && !input.hasPartyOrganization) {
      issues.push(issue([...base, 'partyOrganization'], 'REQUIRED', '组织关系在本单位党组织的，请填写所在党组织', 'The relation is held by a Party organization: name it.'));
    }
  }

  // Ledger: a ledger holder is its own ledger; a ledger has a date and (except the personnel agency) an area; a transfer leaves it.
  const ledger = input.ledger ?? null;
  if (ledger !== null && !LEDGER_VALUES.includes(ledger)) {
    issues.push(issue(at('ledger'), 'UNKNOWN_VALUE', '所在台账应为“市人事代理党委”“区县人才服务中心”或“社区”', 'The ledger must be 市人事代理党委, 区县人才服务中心 or 社区.'));
  } else {
    if (LEDGER_VALUES.includes(holder) && ledger !== holder) {
      issues.push(issue(at('ledger'), 'LEDGER_MISMATCH', '组织关系在台账中的，所在台账应与组织关系所在一致', 'When the relation sits in a ledger, the ledger must be that one.'));
    }
    if ((ledger === null) !== (input.ledgerSince == null)) {
      issues.push(
        ledger === null
          ? issue(at('ledger'), 'REQUIRED', '填写了纳入台账日期，请填写所在台账', 'A ledger date is given: name the ledger.')
          : issue(at('ledgerSince'), 'REQUIRED', '请填写纳入台账日期', 'The date entered in the ledger is missing.'),
      );
    }
    if (ledger !== null && ledger !== RelationHolder.PERSONNEL_AGENCY && !input.hasLedgerArea) {
      issues.push(issue([...base, 'ledgerArea'], 'REQUIRED', '区县人才服务中心或社区台账须填写台账所在区划', 'A talent-centre or community ledger needs its area.'));
    }
  }
  const ledgerSince = checkDate(at('ledgerSince'), input.ledgerSince, { label: MEMBER_LABELS.ledgerSince, required: false, notAfter: today, notBefore: EARLIEST_BIRTH });
  const transferred = checkDate(at('transferredOn'), input.transferredOn, { label: MEMBER_LABELS.transferredOn, required: false, notAfter: today, notBefore: EARLIEST_BIRTH });
  issues.push(...ledgerSince, ...transferred);
  const shouldBeTransferred = ledger !== null && holder === RelationHolder.PARTY_ORGANIZATION;
  if (shouldBeTransferred !== (input.transferredOn != null)) {
    issues.push(
      shouldBeTransferred
        ? issue(at('transferredOn'), 'REQUIRED', '已从台账转入本单位党组织的，请填写转接日期', 'The relation moved from a ledger to a Party organization: give the transfer date.')
        : issue(at('transferredOn'), 'TRANSFER_WITHOUT_LEDGER', '只有从台账转入本单位党组织的才有转接日期', 'A transfer date belongs only to a relation moved from a ledger to a Party organization.'),
    );
  } else if (ledgerSince.length === 0 && transferred.length === 0 && input.transferredOn && input.ledgerSince && input.transferredOn < input.ledgerSince) {
    issues.push(
      issue(
        at('transferredOn'),
        'DATES_OUT_OF_ORDER',
        `转接日期（${input.transferredOn}）早于纳入台账日期（${input.ledgerSince}）`,
        `The transfer date (${input.transferredOn}) is before the date entered in the ledger (${input.ledgerSince}).`,
      ),
    );
  }
  issues.push(...checkDate(at('revealedOn'), input.revealedOn, { label: MEMBER_LABELS.revealedOn, required: false, notAfter: today, notBefore: EARLIEST_BIRTH }));
  return issues;
}

/** 18 characters, digits and a final digit or X, a real birth date at 7–14, the GB 11643 check character. */
export function checkIdentityNumber(path: IssuePath, value: unknown): Issue[] {
  if (value === null || value === undefined || value === '') {
    return [issue(path, 'REQUIRED', '请填写公民身份号码', 'The identity number is missing.')];
  }
  if (typeof value !== 'string' || !/^[0-9]{17}[0-9X]$/.test(value)) {
    return [
      issue(path, 'ID_NUMBER_FORMAT', '公民身份号码应为18位：17位数字加1位数字或 X', 'An identity number has 18 characters: 17 digits, then a digit or X.'),
    ];
  }
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isIsoDate(birth)) {
    return [issue(path, 'ID_NUMBER_BIRTH_DATE', '公民身份号码第7至14位不是有效的出生日期', 'Characters 7 to 14 of the identity number are not a valid date of birth.')];
  }
  const expected = identityNumberCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    // The expected character is not shown: it would help guess a masked number.
    return [issue(path, 'CHECK_DIGIT', '公民身份号码第18位校验码错误，请与身份证核对', 'Character 18 of the identity number, its check character, is wrong; compare with the identity card.')];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Instructors

export interface InstructorFields {
  name: string;
  phone: string | null;
  employer?: string | null;
  joinedPoolOn: IsoDate;
  leftPoolOn?: IsoDate | null;
  /** The organization an instructor is sent to, and since when (both or neither). */
  hasAssignment?: boolean;
  assignedSince?: IsoDate | null;
}

const INSTRUCTOR_LABELS = {
  name: { zh: '姓名', en: 'name' },
  phone: { zh: '联系电话', en: 'phone number' },
  employer: { zh: '工作单位', en: 'employer' },
  joinedPoolOn: { zh: '入库日期', en: 'date joined the talent pool' },
  leftPoolOn: { zh: '出库日期', en: 'date left the talent pool' },
  assignedSince: { zh: '派驻日期', en: 'date assigned' },
} as const satisfies Record<string, FieldLabel>;

export function validateInstructorFields(input: InstructorFields, today: IsoDate, options: { path?: IssuePath; phoneRequired?: boolean } = {}): Issue[] {
  const base = options.path ?? [];
  const at = (key: keyof typeof INSTRUCTOR_LABELS): IssuePath => [...base, key];
  const issues: Issue[] = [];
  issues.push(...checkText(at('name'), input.name, { label: INSTRUCTOR_LABELS.name, max: 100, required: true }));
  issues.push(...checkPhone(at('phone'), input.phone, INSTRUCTOR_LABELS.phone, options.phoneRequired ?? false));
  issues.push(...checkText(at('employer'), input.employer, { label: INSTRUCTOR_LABELS.employer, max: 200, required: false }));
  const joined = checkDate(at('joinedPoolOn'), input.joinedPoolOn, { label: INSTRUCTOR_LABELS.joinedPoolOn, required: true, notAfter: today, notBefore: EARLIEST_BIRTH });
  const left = checkDate(at('leftPoolOn'), input.leftPoolOn, { label: INSTRUCTOR_LABELS.leftPoolOn, required: false, notAfter: today, notBefore: EARLIEST_BIRTH });
  issues.push(...joined, ...left);
  if (joined.length === 0 && left.length === 0 && input.leftPoolOn && input.leftPoolOn < input.joinedPoolOn) {
    issues.push(
      issue(
        at('leftPoolOn'),
        'DATES_OUT_OF_ORDER',
        `出库日期（${input.leftPoolOn}）早于入库日期（${input.joinedPoolOn}）`,
        `The date left the pool (${input.leftPoolOn}) is before the date joined (${input.joinedPoolOn}).`,
      ),
    );
  }
  if (input.hasAssignment || input.assignedSince != null) {
    const assigned = checkDate(at('assignedSince'), input.assignedSince, { label: INSTRUCTOR_LABELS.assignedSince, required: true, notAfter: today, notBefore: EARLIEST_BIRTH });
    issues.push(...assigned);
    if (!input.hasAssignment) {
      issues.push(issue([...base, 'assignedOrganization'], 'REQUIRED', '填写了派驻日期，请填写指导组织的统一社会信用代码', 'A date assigned is given: give the credit code of the organization.'));
    }
    if (assigned.length === 0 && joined.length === 0 && input.assignedSince! < input.joinedPoolOn) {
      issues.push(
        issue(
          at('assignedSince'),
          'DATES_OUT_OF_ORDER',
          `派驻日期（${input.assignedSince}）早于入库日期（${input.joinedPoolOn}）`,
          `The date assigned (${input.assignedSince}) is before the date joined the pool (${input.joinedPoolOn}).`,
        ),
      );
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Visits

export interface VisitFields {
  visitedOn: IsoDate;
  visitor: string;
  ownerIntention?: Intention | string | null;
  membersIntention?: Intention | string | null;
  problems?: string | null;
  helpGiven?: string | null;
}

const VISIT_LABELS = {
  visitedOn: { zh: '走访日期', en: 'visit date' },
  visitor: { zh: '走访人', en: 'visitor' },
  ownerIntention: { zh: '出资人（负责人）建党意愿', en: "owner's intention" },
  membersIntention: { zh: '党员转接意愿', en: "members' intention" },
  problems: { zh: '反映问题', en: 'problems raised' },
  helpGiven: { zh: '帮助解决', en: 'help given' },
} as const satisfies Record<string, FieldLabel>;

export function validateVisitFields(input: VisitFields, today: IsoDate, options: { path?: IssuePath } = {}): Issue[] {
  const base = options.path ?? [];
  const at = (key: keyof typeof VISIT_LABELS): IssuePath => [...base, key];
  const intentions: readonly string[] = Object.values(Intention);
  const issues: Issue[] = [];
  issues.push(...checkDate(at('visitedOn'), input.visitedOn, { label: VISIT_LABELS.visitedOn, required: true, notAfter: today, notBefore: EARLIEST_BIRTH }));
  issues.push(...checkText(at('visitor'), input.visitor, { label: VISIT_LABELS.visitor, max: 100, required: true }));
  for (const key of ['ownerIntention', 'membersIntention'] as const) {
    const value = input[key];
    if (value != null && !intentions.includes(value)) {
      issues.push(issue(at(key), 'UNKNOWN_VALUE', `${VISIT_LABELS[key].zh}应为“愿意”“犹豫”或“不愿意”`, `The ${VISIT_LABELS[key].en} must be 愿意, 犹豫 or 不愿意.`));
    }
  }
  // Notes may run over several lines in a cell; line breaks are kept, other controls are not.
  const oneLine = (text: string | null | undefined) => (typeof text === 'string' ? text.replace(/\r?\n/g, ' ') : text);
  issues.push(...checkText(at('problems'), oneLine(input.problems), { label: VISIT_LABELS.problems, max: 2000, required: false }));
  issues.push(...checkText(at('helpGiven'), oneLine(input.helpGiven), { label: VISIT_LABELS.helpGiven, max: 2000, required: false }));
  return issues;
}
