/**
 * The spreadsheet columns of each kind: the ONE source of truth for the parser (header → field),
 * the downloadable templates (header row and the notes sheet), the exports (same headers, so an
 * export can be imported back unchanged) and docs/import-guide.md. Headers are Chinese, as the
 * officials who keep the ledgers write them; aliases cover the variants seen in their sheets.
 */

export const IMPORT_KINDS = ['organizations', 'members', 'instructors', 'visits'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

/** The registration gates of the three syncs (三个同步). */
export const GATE_SOURCES = ['REGISTRATION', 'ANNUAL_REVIEW', 'EVALUATION'] as const;
export type GateSource = (typeof GATE_SOURCES)[number];
export const GATE_LABELS: Record<GateSource, string> = {
  REGISTRATION: '登记时同步',
  ANNUAL_REVIEW: '年检时同步',
  EVALUATION: '评估时同步',
};

export type CellType = 'text' | 'multiline' | 'code' | 'integer' | 'date' | 'yesNo' | 'enum' | 'industry';

export interface ColumnSpec {
  /** The field the column fills (the domain's field key where there is one). */
  readonly field: string;
  /** The header as the template writes it. */
  readonly header: string;
  /** Other headers accepted for the same column. */
  readonly aliases?: readonly string[];
  /** The column must be present and every row must fill it. */
  readonly required: boolean;
  /** Required when the import comes from a registration gate (三个同步). */
  readonly gate?: boolean;
  /** Written by exports for the reader, ignored by the importer. */
  readonly exportOnly?: boolean;
  readonly type: CellType;
  /** For `enum`: accepted labels → stored value; the first label of a value is the one exports write. */
  readonly values?: Readonly<Record<string, string>>;
  /** 格式 (template notes). */
  readonly format: string;
  /** 示例 (template notes). */
  readonly example: string;
  /** 说明 (template notes). */
  readonly note: string;
  readonly width?: number;
}

const YES_NO = '“是”或“否”（也可填 1/0、Y/N、有/无）';
const DATE = '日期，如 2024-03-15（也可 2024/3/15、2024年3月15日）';

export const CATEGORY_VALUES = {
  非公有制经济组织: 'NON_PUBLIC_ECONOMIC',
  非公企业: 'NON_PUBLIC_ECONOMIC',
  非公有制企业: 'NON_PUBLIC_ECONOMIC',
  NON_PUBLIC_ECONOMIC: 'NON_PUBLIC_ECONOMIC',
  社会组织: 'SOCIAL',
  SOCIAL: 'SOCIAL',
} as const;

export const GENDER_VALUES = { 男: 'M', 女: 'F', M: 'M', F: 'F' } as const;

export const STAGE_VALUES = {
  入党申请人: 'APPLICANT',
  入党积极分子: 'ACTIVIST',
  积极分子: 'ACTIVIST',
  发展对象: 'CANDIDATE',
  预备党员: 'PROBATIONARY',
  正式党员: 'FULL',
  APPLICANT: 'APPLICANT',
  ACTIVIST: 'ACTIVIST',
  CANDIDATE: 'CANDIDATE',
  PROBATIONARY: 'PROBATIONARY',
  FULL: 'FULL',
} as const;

export const RELATION_VALUES = {
  本单位党组织: 'PARTY_ORGANIZATION',
  党组织: 'PARTY_ORGANIZATION',
  市人事代理党委: 'PERSONNEL_AGENCY',
  人事代理党委: 'PERSONNEL_AGENCY',
  区县人才服务中心: 'TALENT_CENTER',
  人才服务中心: 'TALENT_CENTER',
  社区: 'COMMUNITY',
  无: 'NONE',
  PARTY_ORGANIZATION: 'PARTY_ORGANIZATION',
  PERSONNEL_AGENCY: 'PERSONNEL_AGENCY',
  TALENT_CENTER: 'TALENT_CENTER',
  COMMUNITY: 'COMMUNITY',
  NONE: 'NONE',
} as const;

export const LEDGER_VALUES = {
  市人事代理党委: 'PERSONNEL_AGENCY',
  人事代理党委: 'PERSONNEL_AGENCY',
  区县人才服务中心: 'TALENT_CENTER',
  人才服务中心: 'TALENT_CENTER',
  社区: 'COMMUNITY',
  PERSONNEL_AGENCY: 'PERSONNEL_AGENCY',
  TALENT_CENTER: 'TALENT_CENTER',
  COMMUNITY: 'COMMUNITY',
} as const;

export const LIAISON_KIND_VALUES = {
  直接联系点: 'DIRECT',
  委员单位包挂: 'MEMBER_UNIT',
  街道工作组专包: 'WORK_GROUP',
  工作组专包: 'WORK_GROUP',
  党建工作指导员: 'INSTRUCTOR',
  党建指导员: 'INSTRUCTOR',
  DIRECT: 'DIRECT',
  MEMBER_UNIT: 'MEMBER_UNIT',
  WORK_GROUP: 'WORK_GROUP',
  INSTRUCTOR: 'INSTRUCTOR',
} as const;

export const INTENTION_VALUES = {
  愿意: 'WILLING',
  犹豫: 'UNDECIDED',
  未定: 'UNDECIDED',
  不愿意: 'UNWILLING',
  WILLING: 'WILLING',
  UNDECIDED: 'UNDECIDED',
  UNWILLING: 'UNWILLING',
} as const;

/** GB/T 4754-2017 section names, for the 所属行业 column (a letter or the name). */
export const INDUSTRY_NAMES: Readonly<Record<string, string>> = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
};

/** The label exports write for a stored enum value (the first label listed for it). */
export function labelOf(values: Readonly<Record<string, string>>, stored: string | null | undefined): string | null {
  if (stored == null) return null;
  for (const [label, value] of Object.entries(values)) if (value === stored) return label;
  return stored;
}

const ORGANIZATIONS: readonly ColumnSpec[] = [
  { field: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码'], required: true, type: 'code', format: '18位代码（GB 32100）', example: '91370102MA3C4D5E7Q', note: '组织的唯一标识：已存在则更新，不存在则新增。请将本列设为“文本”格式。', width: 22 },
  { field: 'name', header: '组织名称', aliases: ['名称', '单位名称', '组织全称'], required: true, type: 'text', format: '文字，最多200字', example: '济南示例软件有限公司', note: '登记的全称。', width: 30 },
  { field: 'category', header: '组织类别', required: false, type: 'enum', values: CATEGORY_VALUES, format: '“非公有制经济组织”或“社会组织”', example: '非公有制经济组织', note: '可不填：由信用代码第1位推定（9 市场监管 → 非公有制经济组织，5 民政 → 社会组织）；填写时须与代码一致。代码以 Y 开头时必填。', width: 18 },
  { field: 'industry', header: '所属行业', aliases: ['行业', '行业门类'], required: true, type: 'industry', format: '门类字母 A–T 或门类名称', example: 'I', note: '《国民经济行业分类》（GB/T 4754）门类，如 C 制造业、I 信息传输、软件和信息技术服务业。', width: 10 },
  { field: 'employees', header: '从业人员数', aliases: ['从业人数', '职工人数', '员工人数'], required: true, type: 'integer', format: '0 至 1,000,000 的整数', example: '120', note: '', width: 12 },
  { field: 'registeredOn', header: '登记日期', aliases: ['成立日期', '注册日期'], required: true, type: 'date', format: DATE, example: '2019-03-15', note: '不能晚于今天。', width: 12 },
  { field: 'deregisteredOn', header: '注销日期', required: false, type: 'date', format: DATE, example: '', note: '已注销的填写；不能早于登记日期、不能晚于今天。', width: 12 },
  { field: 'street', header: '所在街道', aliases: ['街道', '所属街道', '街道（镇）', '所在街道（镇）'], required: true, type: 'text', format: '9位街道区划代码或街道名称', example: '370102001', note: '街道名称在全市重复时请填代码。', width: 14 },
  { field: 'park', header: '所在园区', aliases: ['园区'], required: false, type: 'text', format: '园区名称', example: '济南高新技术产业开发区', note: '须为平台已有的园区。', width: 24 },
  { field: 'building', header: '所在楼宇', aliases: ['楼宇'], required: false, type: 'text', format: '楼宇名称', example: '齐鲁软件大厦', note: '须为平台已有的楼宇；重名时取所在街道的那一座。', width: 20 },
  { field: 'businessDistrict', header: '所在商圈', aliases: ['所在商圈/市场', '所在市场', '商圈'], required: false, type: 'text', format: '商圈或市场名称', example: '泉城路商圈', note: '须为平台已有的商圈或市场。', width: 16 },
  { field: 'address', header: '地址', aliases: ['住所', '注册地址', '办公地址'], required: false, type: 'text', format: '文字，最多300字', example: '舜华路1号', note: '', width: 30 },
  { field: 'isKey', header: '是否重点组织', aliases: ['重点组织'], required: false, type: 'yesNo', format: YES_NO, example: '否', note: '不填：新增为“否”，更新时保持原值。', width: 12 },
  { field: 'declaredPartyMembers', header: '党员人数', aliases: ['申报党员人数'], required: false, gate: true, type: 'integer', format: '0 至 1,000,000 的整数', example: '5', note: '申报的党员人数。“三个同步”（登记、年检、评估时同步）导入必填。', width: 10 },
  { field: 'declaredHasPartyOrganization', header: '是否建立党组织', aliases: ['是否已建党组织', '已建党组织'], required: false, gate: true, type: 'yesNo', format: YES_NO, example: '是', note: '申报是否已建立党组织。“三个同步”导入必填。', width: 14 },
  { field: 'district', header: '所在区县', required: false, exportOnly: true, type: 'text', format: '', example: '', note: '导出时写出，导入时忽略。', width: 10 },
  { field: 'streetName', header: '街道名称', required: false, exportOnly: true, type: 'text', format: '', example: '', note: '导出时写出，导入时忽略。', width: 14 },
  { field: 'status', header: '登记状态', required: false, exportOnly: true, type: 'text', format: '', example: '', note: '导出时写出（存续/注销），导入时由注销日期决定。', width: 10 },
];

const MEMBERS: readonly ColumnSpec[] = [
  { field: 'idNumber', header: '公民身份号码', aliases: ['身份证号', '身份证号码', '身份证'], required: true, type: 'code', format: '18位居民身份证号码', example: '370102199001011234', note: '党员的唯一标识：已存在则更新，不存在则新增。请将本列设为“文本”格式，否则 Excel 会丢失后几位。', width: 22 },
  { field: 'name', header: '姓名', required: true, type: 'text', format: '文字，最多100字', example: '张三', note: '', width: 10 },
  { field: 'gender', header: '性别', required: true, type: 'enum', values: GENDER_VALUES, format: '“男”或“女”', example: '男', note: '', width: 6 },
  { field: 'birthDate', header: '出生日期', required: true, type: 'date', format: DATE, example: '1990-01-01', note: '须与身份号码第7至14位一致。', width: 12 },
  { field: 'phone', header: '联系电话', aliases: ['手机号码', '电话'], required: false, type: 'code', format: '5至20位数字、“+”或“-”', example: '13800000000', note: '', width: 14 },
  { field: 'employerCode', header: '工作单位统一社会信用代码', aliases: ['单位统一社会信用代码', '工作单位信用代码'], required: true, type: 'code', format: '18位代码', example: '91370102MA3C4D5E7Q', note: '工作单位须已在平台登记（先导入组织）。', width: 22 },
  { field: 'employedSince', header: '入职日期', required: true, type: 'date', format: DATE, example: '2020-07-01', note: '', width: 12 },
  { field: 'stage', header: '发展阶段', aliases: ['政治面貌'], required: true, type: 'enum', values: STAGE_VALUES, format: '入党申请人、入党积极分子、发展对象、预备党员、正式党员', example: '正式党员', note: '只能前进，不能退回。', width: 12 },
  { field: 'appliedOn', header: '申请入党日期', required: true, type: 'date', format: DATE, example: '2012-03-01', note: '申请时须年满18周岁。', width: 12 },
  { field: 'activistOn', header: '确定积极分子日期', required: false, type: 'date', format: DATE, example: '2012-09-01', note: '已到该阶段的必填，且不早于前一阶段日期。', width: 12 },
  { field: 'candidateOn', header: '确定发展对象日期', required: false, type: 'date', format: DATE, example: '2013-09-01', note: '同上。', width: 12 },
  { field: 'probationaryOn', header: '接收预备党员日期', required: false, type: 'date', format: DATE, example: '2014-07-01', note: '同上。', width: 12 },
  { field: 'fullOn', header: '转正日期', required: false, type: 'date', format: DATE, example: '2015-07-01', note: '同上。', width: 12 },
  { field: 'relationHolder', header: '组织关系所在', required: true, type: 'enum', values: RELATION_VALUES, format: '本单位党组织、市人事代理党委、区县人才服务中心、社区、无', example: '市人事代理党委', note: '预备党员、正式党员必填，其他填“无”。后三者即“三个台账”。', width: 16 },
  { field: 'partyOrganization', header: '所在党组织', required: false, type: 'text', format: '党组织名称', example: '', note: '组织关系在本单位党组织时必填；须为平台已有的党组织。', width: 24 },
  { field: 'ledger', header: '所在台账', aliases: ['台账'], required: false, type: 'enum', values: LEDGER_VALUES, format: '市人事代理党委、区县人才服务中心、社区', example: '市人事代理党委', note: '组织关系在台账中或曾在台账中（已转接）的填写。', width: 16 },
  { field: 'ledgerArea', header: '台账所在区划', required: false, type: 'text', format: '区划代码或名称', example: '', note: '区县人才服务中心填区县，社区填社区（代码或名称）。', width: 14 },
  { field: 'ledgerSince', header: '纳入台账日期', required: false, type: 'date', format: DATE, example: '2016-01-01', note: '', width: 12 },
  { field: 'transferredOn', header: '转接日期', aliases: ['转入日期'], required: false, type: 'date', format: DATE, example: '', note: '组织关系从台账转入本单位党组织的日期。', width: 12 },
  { field: 'revealedOn', header: '亮明身份日期', required: false, type: 'date', format: DATE, example: '', note: '已亮明党员身份的填写。', width: 12 },
  { field: 'address', header: '家庭住址', aliases: ['住址'], required: false, type: 'text', format: '文字，最多300字', example: '', note: '', width: 24 },
];

const INSTRUCTORS: readonly ColumnSpec[] = [
  { field: 'name', header: '姓名', required: true, type: 'text', format: '文字，最多100字', example: '李四', note: '姓名加联系电话是指导员的唯一标识。', width: 10 },
  { field: 'phone', header: '联系电话', aliases: ['手机号码', '电话'], required: true, type: 'code', format: '5至20位数字、“+”或“-”', example: '13900000000', note: '', width: 14 },
  { field: 'pool', header: '所属人才库', aliases: ['人才库'], required: true, type: 'text', format: '市或区县的区划代码或名称', example: '370102', note: '派出指导员的党务工作人才库（市或区县）。', width: 14 },
  { field: 'employer', header: '工作单位', required: false, type: 'text', format: '文字，最多200字', example: '', note: '', width: 24 },
  { field: 'joinedPoolOn', header: '入库日期', required: true, type: 'date', format: DATE, example: '2021-01-01', note: '', width: 12 },
  { field: 'leftPoolOn', header: '出库日期', required: false, type: 'date', format: DATE, example: '', note: '', width: 12 },
  { field: 'assignedOrganization', header: '指导组织统一社会信用代码', aliases: ['派驻组织统一社会信用代码'], required: false, type: 'code', format: '18位代码', example: '', note: '填写则建立“党建工作指导员”联系点（已有则不重复）。组织须已在平台登记。', width: 22 },
  { field: 'assignedSince', header: '派驻日期', required: false, type: 'date', format: DATE, example: '', note: '填写指导组织时必填。', width: 12 },
];

const VISITS: readonly ColumnSpec[] = [
  { field: 'creditCode', header: '统一社会信用代码', aliases: ['组织统一社会信用代码', '信用代码'], required: true, type: 'code', format: '18位代码', example: '91370102MA3C4D5E7Q', note: '被走访的组织，须已在平台登记。', width: 22 },
  { field: 'liaisonKind', header: '联系点类型', required: true, type: 'enum', values: LIAISON_KIND_VALUES, format: '直接联系点、委员单位包挂、街道工作组专包、党建工作指导员', example: '街道工作组专包', note: '', width: 16 },
  { field: 'responsible', header: '责任主体', aliases: ['联系人'], required: false, type: 'text', format: '党工委、委员单位、工作组成员或指导员的名称', example: '', note: '该组织同类联系点不止一个时必填。', width: 16 },
  { field: 'visitedOn', header: '走访日期', required: true, type: 'date', format: DATE, example: '2024-05-20', note: '联系点在该日期须有效；同一联系点同一天的走访视为同一次（更新）。', width: 12 },
  { field: 'visitor', header: '走访人', required: true, type: 'text', format: '文字，最多100字', example: '王五', note: '', width: 10 },
  { field: 'ownerIntention', header: '出资人建党意愿', aliases: ['负责人建党意愿', '出资人（负责人）建党意愿'], required: false, type: 'enum', values: INTENTION_VALUES, format: '愿意、犹豫、不愿意', example: '愿意', note: '', width: 14 },
  { field: 'membersIntention', header: '党员转接意愿', required: false, type: 'enum', values: INTENTION_VALUES, format: '愿意、犹豫、不愿意', example: '犹豫', note: '', width: 14 },
  { field: 'problems', header: '反映问题', required: false, type: 'multiline', format: '文字，最多2000字', example: '', note: '', width: 30 },
  { field: 'helpGiven', header: '帮助解决', aliases: ['帮助解决情况'], required: false, type: 'multiline', format: '文字，最多2000字', example: '', note: '', width: 30 },
];

export const COLUMNS: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  organizations: ORGANIZATIONS,
  members: MEMBERS,
  instructors: INSTRUCTORS,
  visits: VISITS,
};

/** What each kind is called, for sheet names and messages. */
export const KIND_LABELS: Record<ImportKind, { zh: string; en: string; natural: string; naturalEn: string }> = {
  organizations: { zh: '两新组织', en: 'organizations', natural: '统一社会信用代码', naturalEn: 'the credit code' },
  members: { zh: '党员（三个台账）', en: 'Party members', natural: '公民身份号码', naturalEn: 'the identity number' },
  instructors: { zh: '党建工作指导员', en: 'instructors', natural: '姓名 + 联系电话', naturalEn: 'name and phone number' },
  visits: { zh: '走访记录', en: 'visits', natural: '联系点（信用代码 + 联系点类型 + 责任主体）+ 走访日期', naturalEn: 'the liaison point (credit code, kind, responsible body) and the visit date' },
};

/** Headers compare after trimming, dropping a required mark ('*', '（必填）') and unifying brackets. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/[\s\u3000]+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[（(]必填[）)]$/, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}
