/**
 * Word lists for names and texts. Everything is assembled from common characters and generic
 * trade words, so names read like Jinan's but name no real person, company or place below the
 * district level. Nothing here may contain a tab, a newline or a backslash: the COPY text is
 * written without escaping.
 */

import type { Rng } from './random.js';

const SURNAMES = [...'王张李刘孙杨赵陈徐高马郭韩朱胡于吕周宋魏郑孔曹田崔梁董袁程许谢邢冯石彭姜苏丁吴任侯秦黄林卢贾毕邱武范岳蒋牛韦尹薛杜宫郝付葛路邵商亓乔'];
// Zipf-like: the first surnames are far more common (王, 张, 李 make up a fifth of Shandong).
const SURNAME_CUMULATIVE = (() => {
  const out: number[] = [];
  let s = 0;
  for (let i = 0; i < SURNAMES.length; i++) out.push((s += 1 / (i + 4)));
  return out;
})();
const GIVEN_MALE = [...'伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫波宁峰建国志海东亮林晨浩宇轩博文昊然俊凯健永成帅兴德福庆瑞振广立新金'];
const GIVEN_FEMALE = [...'芳娜敏静丽艳娟霞燕玲婷雪琳慧颖倩洁萍红梅琴晶欣怡悦佳璐蕾媛薇彤楠月雯莉丹秀英凤蕊'];

export function personName(rng: Rng, male: boolean): string {
  const surname = SURNAMES[rng.weighted(SURNAME_CUMULATIVE)];
  const pool = male ? GIVEN_MALE : GIVEN_FEMALE;
  return rng.chance(0.65) ? surname + rng.pick(pool) + rng.pick(pool) : surname + rng.pick(pool);
}

const PLACE_FIRST = [...'泉明锦瑞福嘉和兴安康宁丰盛景文德新祥泰荣裕启恒润清翠云柳松梅兰竹华春秋玉金鸿凤麟溪湖峰岭林舜齐鲁汇通'];
const PLACE_SECOND = [...'华源阳山河泉平安丰兴苑园桥庄湾岗屯坊营集埠亭川岳坡冈店台湖林苑溪城'];

/** A two-character place word; `used` keeps a set of names unique. */
export function placeWord(rng: Rng, used?: Set<string>): string {
  for (;;) {
    const w = rng.pick(PLACE_FIRST) + rng.pick(PLACE_SECOND);
    if (w[0] === w[1]) continue;
    if (!used) return w;
    if (!used.has(w)) {
      used.add(w);
      return w;
    }
  }
}

const BRAND = [...'鑫瑞恒泰华德信诚博创联科智达腾宇宏远盛昌汇通海天润嘉佳优卓越立新源丰益安康福禾晟昊泽鼎隆航锐拓铭骏明辰'];

export function brand(rng: Rng): string {
  const a = rng.pick(BRAND);
  let b = rng.pick(BRAND);
  while (b === a) b = rng.pick(BRAND);
  return a + b;
}

/** GB/T 4754 sections A–T, in order; index = letter − 'A'. */
export const INDUSTRY_LETTERS = 'ABCDEFGHIJKLMNOPQRST';

const ENTERPRISE_TRADE: readonly (readonly string[])[] = [
  ['农业科技', '生态农业', '果蔬种植', '畜牧养殖'], // A
  ['矿业', '石材'], // B
  ['机械制造', '电子科技', '新材料', '精密机械', '食品', '包装制品', '服装', '汽车配件', '医疗器械', '智能装备'], // C
  ['能源', '燃气', '新能源科技'], // D
  ['建筑工程', '装饰工程', '建设工程', '安装工程'], // E
  ['商贸', '贸易', '电子商务', '医药连锁', '五金机电', '建材', '食品销售'], // F
  ['物流', '运输', '供应链管理', '快递服务'], // G
  ['餐饮管理', '酒店管理', '餐饮服务'], // H
  ['信息技术', '软件', '网络科技', '数据科技', '智能科技'], // I
  ['投资管理', '融资担保', '金融信息服务'], // J
  ['房地产开发', '物业管理', '置业'], // K
  ['企业管理咨询', '人力资源', '广告', '商务服务', '会展服务', '租赁'], // L
  ['检测技术', '工程设计', '生物技术', '环境科技', '技术研究'], // M
  ['环保科技', '园林绿化', '水务'], // N
  ['家政服务', '汽车维修', '美容美发', '洗涤服务'], // O
  ['教育科技', '文化培训'], // P
  ['医疗管理', '健康管理', '康养服务'], // Q
  ['文化传媒', '体育发展', '影视', '文化创意'], // R
  ['社会服务'], // S
  ['国际交流'], // T
];

const SHOP: readonly (readonly string[])[] = [
  ['种植园', '养殖场'], // A
  ['石料厂'], // B
  ['加工厂', '服装加工部', '门窗加工部'], // C
  ['电器维修部'], // D
  ['装修队', '水电安装部'], // E
  ['便利店', '五金店', '水果店', '烟酒店', '日用品商行', '建材经营部', '服装店', '粮油店'], // F
  ['货运部', '搬家服务部'], // G
  ['小吃店', '饭店', '面馆', '快餐店', '烧烤店', '包子铺'], // H
  ['手机维修部', '电脑经营部'], // I
  ['财务咨询部'], // J
  ['房屋中介部'], // K
  ['广告部', '图文快印店'], // L
  ['设计工作室'], // M
  ['保洁服务部'], // N
  ['理发店', '干洗店', '汽车美容店', '修车铺', '家政服务部'], // O
  ['辅导班'], // P
  ['诊所', '药店'], // Q
  ['茶社', '棋牌室', '健身馆'], // R
  ['服务部'], // S
  ['服务部'], // T
];

const COOP_PRODUCT = ['蔬菜种植', '果品', '畜牧养殖', '农机', '苗木', '食用菌', '粮食种植', '中药材'];

export const SOCIAL_GROUP_KINDS = ['协会', '商会', '学会', '联合会', '志愿者协会', '人民调解协会'] as const;
const SOCIAL_GROUP_TRADE = ['餐饮行业', '软件行业', '物流行业', '装饰行业', '电子商务', '家政服务', '文化创意', '老年体育', '书法', '摄影', '健康管理', '物业管理'];
export const AGENCY_KINDS = ['社会工作服务中心', '养老服务中心', '培训学校', '幼儿园', '康复中心', '社区服务中心', '法律服务中心', '文化艺术中心'] as const;

/** Industry of a social service agency, by kind (index into AGENCY_KINDS). */
export const AGENCY_INDUSTRY = 'SQPPQOSR';
/** Industry of a social group, by kind (index into SOCIAL_GROUP_KINDS). */
export const SOCIAL_GROUP_INDUSTRY = 'SSMSSS';

export type Subtype = 0 | 1 | 2 | 3 | 4 | 5;
export const ENTERPRISE = 0;
export const INDIVIDUAL = 1;
export const COOPERATIVE = 2;
export const SOCIAL_GROUP = 3;
export const SOCIAL_AGENCY = 4;
export const FOUNDATION = 5;
/** Credit-code authority and category characters per subtype. */
export const SUBTYPE_CODE: readonly [string, string][] = [
  ['9', '1'],
  ['9', '2'],
  ['9', '3'],
  ['5', '1'],
  ['5', '2'],
  ['5', '3'],
];

/**
 * An organization's name. `variant` is the kind drawn for social organizations (index into
 * the lists above); `large` adds the forms big companies use.
 */
export function organizationName(
  rng: Rng,
  subtype: number,
  industry: number,
  variant: number,
  districtName: string,
  large: boolean,
): string {
  switch (subtype) {
    case ENTERPRISE: {
      const prefix = rng.chance(0.25) ? '山东' : '济南';
      const form = large ? (rng.chance(0.5) ? '集团有限公司' : '股份有限公司') : '有限公司';
      return prefix + brand(rng) + rng.pick(ENTERPRISE_TRADE[industry]) + form;
    }
    case INDIVIDUAL:
      return districtName + brand(rng) + rng.pick(SHOP[industry]);
    case COOPERATIVE:
      return districtName + brand(rng) + rng.pick(COOP_PRODUCT) + '专业合作社';
    case SOCIAL_GROUP: {
      const kind = SOCIAL_GROUP_KINDS[variant];
      if (kind === '商会') return `${districtName}${rng.pick(['温州', '福建', '浙江', '河南', '江苏'])}${brand(rng)}商会`;
      if (kind === '学会') return `济南市${rng.pick(['机械工程', '计算机', '心理', '营养', '环境科学', '地方史'])}${brand(rng)}学会`;
      if (kind === '志愿者协会' || kind === '人民调解协会') return `${districtName}${brand(rng)}${kind}`;
      return `济南市${rng.pick(SOCIAL_GROUP_TRADE)}${brand(rng)}${kind}`;
    }
    case SOCIAL_AGENCY:
      return districtName + brand(rng) + AGENCY_KINDS[variant];
    default:
      return `${rng.chance(0.5) ? '济南市' : '山东'}${brand(rng)}${rng.pick(['公益', '慈善', '教育', '助老'])}基金会`;
  }
}

const ROAD_SUFFIX = ['路', '街', '大道', '路', '路'];

export function roadAddress(rng: Rng): string {
  return `${placeWord(rng)}${rng.pick(ROAD_SUFFIX)}${rng.int(1, 999)}号`;
}

const BUILDING_SUFFIX = ['大厦', '国际中心', '广场', '商务中心', '科技大厦', '财富中心', '时代广场', '国际大厦', '写字楼'];
const BIG_BUILDING_SUFFIX = ['国际金融中心', '总部大厦', '金融广场', '中心大厦'];

export function buildingName(rng: Rng, big: boolean): string {
  return brand(rng) + rng.pick(big ? BIG_BUILDING_SUFFIX : BUILDING_SUFFIX);
}

const PARK_NATIONAL = ['国家高新技术产业开发区', '国家级经济技术开发区', '国家农业科技园区'];
const PARK_PROVINCIAL = ['高新技术产业园', '经济开发区', '现代物流园', '智能制造产业园', '生物医药产业园', '新材料产业园', '化工产业园'];
const PARK_MUNICIPAL = ['电子商务产业园', '文化创意产业园', '软件产业园', '食品加工产业园', '服装产业园', '现代农业产业园', '科技孵化园', '电商物流园'];

export function parkName(rng: Rng, level: 'NATIONAL' | 'PROVINCIAL' | 'MUNICIPAL', used: Set<string>): string {
  for (;;) {
    const suffix = rng.pick(level === 'NATIONAL' ? PARK_NATIONAL : level === 'PROVINCIAL' ? PARK_PROVINCIAL : PARK_MUNICIPAL);
    const name = `${level === 'MUNICIPAL' ? '' : '济南'}${placeWord(rng)}${suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

const DISTRICT_SUFFIX = ['商圈', '路商圈', '步行街', '中央商务区', '商业街'];
const MARKET_SUFFIX = ['农贸市场', '批发市场', '建材市场', '小商品市场', '汽配城', '茶叶市场', '服装城', '蔬菜批发市场', '家居建材城'];

export function businessDistrictName(rng: Rng, market: boolean): string {
  return placeWord(rng) + rng.pick(market ? MARKET_SUFFIX : DISTRICT_SUFFIX);
}

export const WORK_GROUP_TITLES = ['街道工作组组长', '街道党工委委员', '组织委员', '党建工作站站长', '两新组织党建专员', '社区党委书记', '街道组织办主任', '网格党支部书记', '党群服务中心主任'];

export const INSTRUCTOR_EMPLOYERS = ['组织部', '退休干部', '党校', '国有企业党委', '高校党委', '机关工委', '律师事务所党支部', '社区党委', '街道党工委'];

/** Short industry labels used in joint Party organizations' names. */
export const INDUSTRY_LABEL = [
  '农业', '矿业', '制造业', '能源', '建筑业', '商贸', '物流', '餐饮服务业', '科技企业', '金融服务', '房地产业', '商务服务业',
  '科研服务', '环保', '生活服务业', '教育培训', '健康服务', '文化产业', '社会组织', '涉外组织',
];

const PROBLEMS = [
  '党员流动性大，组织关系转接不及时',
  '企业负责人对党建工作认识不足',
  '缺少固定的党员活动场所',
  '正式党员不足3名，暂不具备单独组建条件',
  '员工加班多，集中活动时间难以保证',
  '党务工作者均为兼职，精力有限',
  '希望得到党建工作业务指导',
  '经营压力较大，党建工作开展不够经常',
  '部分党员未亮明身份，底数不够清楚',
  '活动经费不足',
  '党员组织关系仍在人才服务中心，未转入企业',
  '新招聘员工中党员情况尚未摸清',
];

const HELP = [
  '指导建立党员信息台账',
  '协调纳入所在楼宇联合党支部',
  '宣讲非公企业党建工作政策',
  '帮助对接人才服务中心转接组织关系',
  '协调解决融资对接需求',
  '邀请参加红领沙龙活动',
  '送学上门，开展党课辅导',
  '协助申请党建工作经费',
  '协调解决员工子女入学问题',
  '指导办理年报和登记变更',
  '推荐党建指导员结对帮扶',
  '协助布置党员活动室',
];

function sentences(rng: Rng, pool: readonly string[]): string {
  const first = rng.pick(pool);
  if (rng.chance(0.4)) {
    let second = rng.pick(pool);
    while (second === first) second = rng.pick(pool);
    return `${first}；${second}。`;
  }
  return `${first}。`;
}

export function problemText(rng: Rng): string {
  return sentences(rng, PROBLEMS);
}

export function helpText(rng: Rng): string {
  return sentences(rng, HELP);
}

const SALON_TOPICS = ['党建引领企业发展', '数字经济与企业创新', '青年人才成长', '诚信经营与社会责任', '营商环境面对面', '新就业群体服务'];
const LECTURE_TOPICS = ['党史学习专题讲座', '党章党规学习辅导', '红色文化专题讲座', '优秀共产党员事迹报告会', '民营经济政策解读'];
const TRAINING_TOPICS = ['党务工作者培训班', '发展党员工作培训', '党费收缴与管理培训', '入党积极分子培训班', '党组织书记轮训'];
const THEMED_TOPICS = ['走进红色教育基地', '重温入党誓词', '党员志愿服务进社区', '学习身边榜样', '清明祭英烈'];
const VOLUNTEER_TOPICS = ['社区环境整治志愿服务', '关爱空巢老人志愿服务', '文明交通劝导', '义务献血', '爱心助学'];

export const ACTIVITY_KINDS = ['REGULAR_MEETING', 'THEMED_PARTY_DAY', 'TRAINING', 'LECTURE', 'RED_COLLAR_SALON', 'VOLUNTEER_SERVICE'] as const;

const BODY: Record<string, string> = { COMMITTEE: '党委', GENERAL_BRANCH: '党总支', BRANCH: '支部' };

export function activityTitle(rng: Rng, kind: number, month: number, year: number, partyKind: string): string {
  switch (kind) {
    case 0:
      return rng.chance(0.6) ? `${year}年${month}月党员大会` : `${year}年${month}月${BODY[partyKind] ?? '支部'}委员会会议`;
    case 1:
      return `主题党日：${rng.pick(THEMED_TOPICS)}`;
    case 2:
      return rng.pick(TRAINING_TOPICS);
    case 3:
      return `红色大讲堂：${rng.pick(LECTURE_TOPICS)}`;
    case 4:
      return `红领沙龙：${rng.pick(SALON_TOPICS)}`;
    default:
      return rng.pick(VOLUNTEER_TOPICS);
  }
}
