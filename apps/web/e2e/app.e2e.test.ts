import { makeCreditCode } from '@liangxin/domain';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot, type OpenBrowser } from './browser';

/**
 * The UI end to end, as a user sees it: real headless Chromium (Debian's), the built app served
 * by the real server on a real database holding the demo data set (global-setup.ts, stack.ts).
 * Every figure the tests compare is asked of the API with the same session token and formatted as
 * the app formats it (Intl, zh-CN / en-GB), so a wrong query, a wrong field or a wrong format shows.
 *
 * SCREENSHOTS=1 (or `npm run screenshots`) also writes a PNG of each main page to docs/screenshots/.
 */

const baseUrl = inject('e2eBaseUrl');

// zh-CN as the app formats (src/lib/format.ts).
const zhInteger = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const zhPercent = new Intl.NumberFormat('zh-CN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const num = (n: number) => zhInteger.format(n);
const pct = (r: number) => zhPercent.format(r);

function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

interface Stats {
  inScope: number;
  organizationCovered: number;
  workCovered: number;
  blindSpots: number;
  organizationCoverageRate: number;
  workCoverageRate: number;
  overallCoverageRate: number;
}
const STATS = 'inScope organizationCovered workCovered blindSpots organizationCoverageRate workCoverageRate overallCoverageRate';

/** POST /graphql with a bearer token, as any API client would; fails on GraphQL errors. */
async function api<T>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`API: HTTP ${response.status} ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

/** The token of the page's session (sessionStorage, src/lib/session.ts): the API is asked as that user. */
async function sessionToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => sessionStorage.getItem('liangxin.session'));
  expect(raw, 'a session after signing in').toBeTruthy();
  return (JSON.parse(raw!) as { token: string }).token;
}

let browser: OpenBrowser;
let page: Page;

async function signIn(username: string, password: string, lands: RegExp): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(lands);
}

/** A tile of CoverageTiles: its big figure, by label. */
function tileValue(region: Locator, label: string): Locator {
  return region.locator('.tile').filter({ has: page.locator('.tile-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.tile-value');
}

describe.skipIf(!baseUrl)('the web app in Chromium against the real server', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    // One profile for the run; each scenario starts signed out, in Chinese, in a new tab.
    await page?.close();
    page = await browser.context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
  });

  it('signs an analyst in to the dashboard, whose city figures are the API’s', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await expect.poll(() => page.getByRole('heading', { name: '登录', exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('region', { name: '演示账号' }).isVisible()).toBe(true);
    await screenshot(page, 'sign-in');

    // The demo table's button fills the form, as a new user would use it.
    await page.getByRole('button', { name: '以 analyst 填入' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { name: '全市两新组织党建总览' }).waitFor();
    const tiles = page.getByRole('region', { name: '覆盖情况' });
    await tiles.waitFor();

    const token = await sessionToken(page);
    const asOf = todayInShanghai();
    const { coverage } = await api<{ coverage: { totals: Stats; rows: { key: string; label: string; stats: Stats }[] } }>(
      token,
      `query($asOf: Date!) { coverage(asOf: $asOf, groupBy: CHILD_AREA) { totals { ${STATS} } rows { key label stats { ${STATS} } } } }`,
      { asOf },
    );
    const city = coverage.totals;
    expect(city.inScope).toBeGreaterThan(1000);
    expect(await tileValue(tiles, '组织覆盖率').textContent()).toBe(pct(city.organizationCoverageRate));
    expect(await tileValue(tiles, '工作覆盖率').textContent()).toBe(pct(city.workCoverageRate));
    expect(await tileValue(tiles, '总覆盖率').textContent()).toBe(pct(city.overallCoverageRate));
    expect(await tileValue(tiles, '空白点').textContent()).toBe(num(city.blindSpots));
    await expect.poll(() => tiles.getByRole('link', { name: `组织覆盖 ${num(city.organizationCovered)} 个` }).count()).toBe(1);
    await expect.poll(() => tiles.getByText(`工作覆盖 ${num(city.workCovered)} 个`).count()).toBe(1);
    await expect.poll(() => tiles.getByRole('link', { name: `在册组织 ${num(city.inScope)} 个` }).count()).toBe(1);
    // Every count links to the list behind it.
    expect(await tiles.getByRole('link', { name: num(city.blindSpots), exact: true }).getAttribute('href')).toBe(`/blind-spots?asOf=${asOf}`);

    // The district ranking: the API's districts, by overall coverage, with its rates and blind spots.
    const ranking = page.getByRole('region', { name: '区县覆盖率排名' });
    const expected = coverage.rows.filter((r) => r.stats.inScope > 0).sort((a, b) => b.stats.overallCoverageRate - a.stats.overallCoverageRate);
    expect(expected.length).toBeGreaterThanOrEqual(10);
    const rows = ranking.locator('table.data tbody tr');
    await expect.poll(() => rows.count()).toBe(expected.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(shown).toEqual(expected.map((r, i) => [num(i + 1), r.label, pct(r.stats.overallCoverageRate), pct(r.stats.organizationCoverageRate), num(r.stats.blindSpots)]));
    // Blind spots by container type (a query of its own): the API's rows, in the card's order.
    const { coverage: byContainer } = await api<{ coverage: { rows: { key: string; stats: Stats }[] } }>(
      token,
      `query($asOf: Date!) { coverage(asOf: $asOf, groupBy: CONTAINER_TYPE) { rows { key stats { ${STATS} } } } }`,
      { asOf },
    );
    const labels: Record<string, string> = { PARK: '园区', BUILDING: '楼宇', BUSINESS_DISTRICT: '商圈/市场', NONE: '不在载体内' };
    const containerRows = page.getByRole('region', { name: '按载体类型的空白点' }).locator('table.data tbody tr');
    await containerRows.first().waitFor();
    const containersShown = await containerRows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(containersShown).toEqual(
      Object.keys(labels)
        .map((key) => byContainer.rows.find((r) => r.key === key))
        .filter((r) => r !== undefined)
        .map((r) => [labels[r.key], num(r.stats.inScope), pct(r.stats.overallCoverageRate), num(r.stats.blindSpots)]),
    );
    expect(containersShown.length).toBeGreaterThanOrEqual(3);
    // The charts are drawn (ECharts, a lazy chunk, renders SVG).
    await ranking.getByRole('img', { name: '按总覆盖率排列的条形图' }).locator('svg').waitFor();
    await page.getByRole('img', { name: '近12个月总覆盖率与组织覆盖率折线图' }).locator('svg').waitFor();
    await page.getByRole('region', { name: '本周通报' }).waitFor();
    await screenshot(page, 'dashboard');

    // A figure leads to the list behind it: the work-covered count opens the organizations that
    // were work-covered on the date, and the list's total is the figure.
    await tiles.getByRole('link', { name: `工作覆盖 ${num(city.workCovered)} 个` }).click();
    await page.waitForURL(/\/organizations\?.*coverage=WORK_COVERED/);
    await expect.poll(() => page.getByText(new RegExp(`共 ${num(city.workCovered)}$`)).count(), { timeout: 15_000 }).toBe(1);
  });

  it('drills down city → district → street → building with breadcrumbs, then opens an organization', async () => {
    await signIn('analyst', 'demo-analyst', /\/dashboard$/);
    const token = await sessionToken(page);
    // A street of 历下区 with buildings, and of those the one the street page lists first (by annual tax) with organizations.
    const { area } = await api<{
      area: { name: string; children: { nodes: { code: string; name: string; buildings: { nodes: { id: string; name: string; organizations: { totalCount: number; nodes: { name: string; creditCode: string }[] } }[] } }[] } };
    }>(
      token,
      `{ area(code: "370102") { name children(first: 100) { nodes { code name
          buildings(first: 1, orderBy: { field: ANNUAL_TAX, direction: DESC }) { nodes { id name organizations(first: 1) { totalCount nodes { name creditCode } } } } } } } }`,
    );
    const street = area.children.nodes.find((s) => (s.buildings.nodes[0]?.organizations.totalCount ?? 0) > 0);
    expect(street, 'a street of 历下区 whose first building holds organizations').toBeDefined();
    const building = street!.buildings.nodes[0]!;

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '逐级查看' }).click();
    await page.waitForURL(/\/areas\/370100$/);
    await page.getByRole('heading', { name: /济南市/ }).waitFor();
    await page.getByRole('region', { name: '下级区划' }).getByRole('link', { name: '历下区', exact: true }).click();
    await page.waitForURL(/\/areas\/370102$/);
    const crumbs = page.getByRole('navigation', { name: '位置' });
    await expect.poll(() => crumbs.locator('li').allTextContents()).toEqual(['济南市', '历下区']);

    await page.getByRole('region', { name: '下级区划' }).getByRole('link', { name: street!.name, exact: true }).click();
    await page.waitForURL(new RegExp(`/areas/${street!.code}$`));
    await page.getByRole('heading', { name: new RegExp(street!.name) }).waitFor();
    await expect.poll(() => crumbs.locator('li').allTextContents()).toEqual(['济南市', '历下区', street!.name]);
    expect(await crumbs.getByRole('link', { name: '历下区' }).getAttribute('href')).toBe('/areas/370102');
    await page.getByRole('region', { name: '两新组织' }).waitFor();
    await screenshot(page, 'drill-down-street');

    await page.getByRole('region', { name: '楼宇' }).getByRole('link', { name: building.name, exact: true }).click();
    await page.waitForURL(/\/containers\//);
    await page.getByRole('heading', { name: new RegExp(building.name) }).waitFor();
    await expect.poll(() => crumbs.locator('li').allTextContents()).toEqual(['济南市', '历下区', street!.name, building.name]);
    // The graph view (Cytoscape, a lazy chunk) draws the building's organizations.
    const graph = page.getByRole('region', { name: '关系图' });
    await graph.locator('canvas').first().waitFor();
    await graph.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'container-graph');

    const org = building.organizations.nodes[0]!;
    await page.getByRole('link', { name: org.name, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/organizations/${org.creditCode}$`));
    await page.getByRole('heading', { name: new RegExp(org.name), level: 1 }).waitFor();
    await expect.poll(() => crumbs.locator('li').allTextContents()).toEqual(['济南市', '历下区', street!.name, building.name, org.name]);
    const facts = page.getByRole('region', { name: '基本情况' });
    await expect.poll(() => facts.textContent()).toContain(org.creditCode);
    await page.getByRole('region', { name: '责任链条' }).waitFor();
    await screenshot(page, 'organization');
  });

  it('lands the street worker on the desk, showing the street’s coverage as the API does', async () => {
    await signIn('street', 'demo-street', /\/desk$/);
    const token = await sessionToken(page);
    const { me } = await api<{ me: { account: { area: { code: string; name: string; coverage: Stats } } } }>(token, `{ me { account { area { code name coverage { ${STATS} } } } } }`);
    const street = me.account.area;
    await page.getByRole('heading', { name: `工作台 · ${street.name}`, level: 1 }).waitFor();
    const tiles = page.getByRole('region', { name: '本街道覆盖情况' });
    await tiles.waitFor();
    expect(await tileValue(tiles, '总覆盖率').textContent()).toBe(pct(street.coverage.overallCoverageRate));
    await expect.poll(() => tiles.getByText(`工作覆盖 ${num(street.coverage.workCovered)} 个`).count()).toBe(1);
    // The worker's own organizations (专包), those due a visit first.
    await page.getByRole('region', { name: /待走访/ }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: /^我是/ }).inputValue()).not.toBe('');
    await screenshot(page, 'desk');

    // The organizations page lists those same organizations (专包, active, looked after today) first.
    type Point = { since: string; until: string | null; organization: { name: string; status: string } };
    const { me: mine } = await api<{ me: { account: { workGroupMember: { liaisonPoints: { nodes: Point[] } } | null } } }>(
      token,
      `{ me { account { workGroupMember { liaisonPoints(first: 100, filter: { kind: [WORK_GROUP] }) { nodes { since until organization { name status } } } } } } }`,
    );
    const today = todayInShanghai();
    const own = new Set(
      mine.account.workGroupMember!.liaisonPoints.nodes
        .filter((p) => p.organization.status === 'ACTIVE' && p.since <= today && (p.until === null || p.until > today))
        .map((p) => p.organization.name),
    );
    expect(own.size, 'the demo street worker looks after some active organizations').toBeGreaterThan(0);
    await page.goto(`${baseUrl}/organizations`);
    await page.getByText('您专包的组织排在前面，其余按登记顺序。').waitFor();
    const list = page.getByRole('region', { name: '两新组织名录' });
    await list.locator('tbody tr').first().waitFor();
    const names = await list.locator('tbody tr td:first-child a').allTextContents();
    // At the screenshots' scale the worker looks after more organizations than one page holds.
    const first = names.slice(0, own.size);
    expect(first.filter((name) => !own.has(name))).toEqual([]);
    if (own.size <= names.length) expect(new Set(first)).toEqual(own);
  });

  it('records a visit on the desk and the street’s coverage moves as the API says', async () => {
    // The demo street worker's organizations are all covered, so a visit would change no figure
    // there; the district officer of 历下区 records one for a blind spot of one of its streets,
    // on that street's desk, as the work-group member who looks after it.
    await signIn('lixia', 'demo-district', /\/dashboard$/);
    const token = await sessionToken(page);
    const { blindSpots } = await api<{
      blindSpots: { nodes: { organization: { id: string; name: string; street: { code: string }; liaisonPoints: { nodes: { kind: string; responsible: { __typename: string; id?: string; name?: string } }[] } } }[] };
    }>(
      token,
      `{ blindSpots(scope: "370102", first: 100) { nodes { organization { id name street { code }
          liaisonPoints(first: 10, filter: { current: true }) { nodes { kind responsible { __typename ... on WorkGroupMember { id name } } } } } } } }`,
    );
    const target = blindSpots.nodes
      .map((b) => ({ org: b.organization, member: b.organization.liaisonPoints.nodes.find((lp) => lp.kind === 'WORK_GROUP')?.responsible }))
      .find((x) => x.member?.id);
    expect(target, 'a blind spot of 历下区 a work-group member looks after').toBeDefined();
    const { org, member } = target!;
    const streetCoverage = async () =>
      (await api<{ area: { coverage: Stats } }>(token, `query($code: String!) { area(code: $code) { coverage { ${STATS} } } }`, { code: org.street.code })).area.coverage;
    const before = await streetCoverage();

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
    await page.getByLabel('街道代码（9位）').fill(org.street.code);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(new RegExp(`/desk\\?street=${org.street.code}$`));
    await page.getByRole('combobox', { name: /^我是/ }).selectOption(member!.id!);
    const tiles = page.getByRole('region', { name: '本街道覆盖情况' });
    await tiles.waitFor();
    await expect.poll(() => tiles.getByText(`工作覆盖 ${num(before.workCovered)} 个`).count()).toBe(1);
    expect(await tileValue(tiles, '空白点').textContent()).toBe(num(before.blindSpots));

    await page.getByRole('region', { name: /待走访/ }).getByRole('button', { name: `记录对 ${org.name} 的走访` }).click();
    const form = page.getByRole('region', { name: `记录走访：${org.name}` });
    await form.waitFor();
    expect(await form.getByLabel('走访日期').inputValue()).toBe(todayInShanghai());
    expect(await form.getByLabel('走访人').inputValue()).toBe(member!.name);
    await form.getByLabel('负责人建立党组织意向').selectOption({ label: '愿意' });
    await form.getByLabel('反映的问题').fill('端到端测试：走访一次');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await form.getByRole('status').filter({ hasText: '已保存' }).waitFor();

    const after = await streetCoverage();
    expect(after.workCovered).toBe(before.workCovered + 1);
    expect(after.blindSpots).toBe(before.blindSpots - 1);
    // The desk shows the new figures without a reload.
    await expect.poll(() => tiles.getByText(`工作覆盖 ${num(after.workCovered)} 个`).count(), { timeout: 10_000 }).toBe(1);
    expect(await tileValue(tiles, '空白点').textContent()).toBe(num(after.blindSpots));
    expect(await tileValue(tiles, '工作覆盖率').textContent()).toBe(pct(after.workCoverageRate));
  });

  it('imports a small CSV through the dry run and shows the report row by row', async () => {
    await signIn('admin', 'demo-admin', /\/dashboard$/);
    const token = await sessionToken(page);
    const { area } = await api<{ area: { children: { nodes: { code: string }[] } } }>(token, '{ area(code: "370102") { children(first: 1) { nodes { code } } } }');
    const street = area.children.nodes[0]!.code;
    const good = makeCreditCode({ authorityChar: '9', categoryChar: '1', divisionCode: '370102', organizationBody: 'E2E00001' });
    const csv = [
      '统一社会信用代码,组织名称,所属行业,从业人员数,登记日期,所在街道,是否重点组织,党员人数,是否建立党组织',
      `${good},济南端到端测试有限公司,C,25,2024-05-01,${street},否,1,否`,
      `91370102BADCODE00,济南错误代码有限公司,C,10,2024-05-01,${street},否,0,否`,
    ].join('\r\n');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '表格导入' }).click();
    await page.waitForURL(/\/imports$/);
    await page.getByRole('heading', { name: '表格导入', level: 1 }).waitFor();
    await page.getByLabel('导入内容').selectOption('organizations');
    await page.getByLabel('文件（.xlsx 或 .csv）').setInputFiles({ name: 'organizations.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8') });
    await page.getByRole('button', { name: '试导入（不写入）' }).click();

    const report = page.getByRole('region', { name: '试导入结果（未写入）' });
    await report.waitFor();
    const figures = await report.locator('dl.figures > div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent]));
    expect(Object.fromEntries(figures)).toEqual({ 行数: '2', 新增: '1', 更新: '0', 无变化: '0', 拒绝: '1' });
    const rows = await report.locator('table.data tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.slice(0, 3)).toEqual(['2', good, '新增']);
    expect(rows[1]![2]).toBe('拒绝');
    expect(rows[1]![3]).toContain('统一社会信用代码');
    // A refused row blocks the real import (unless valid rows only is ticked).
    expect(await page.getByRole('button', { name: '正式导入' }).isDisabled()).toBe(true);
    await screenshot(page, 'import-dry-run');
    // Nothing was written.
    const { organization } = await api<{ organization: { name: string } | null }>(token, `query($c: String!) { organization(creditCode: $c) { name } }`, { c: good });
    expect(organization).toBeNull();
  });

  it('shows blind spots, reports and the GraphQL explorer', async () => {
    await signIn('analyst', 'demo-analyst', /\/dashboard$/);
    const token = await sessionToken(page);
    const { blindSpots } = await api<{ blindSpots: { totalCount: number } }>(token, `query($asOf: Date!) { blindSpots(asOf: $asOf) { totalCount } }`, { asOf: todayInShanghai() });

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '空白点' }).click();
    await page.waitForURL(/\/blind-spots/);
    await page.getByRole('heading', { name: '空白点', level: 1 }).waitFor();
    const list = page.getByRole('region', { name: '空白点' });
    await list.locator('table tbody tr').first().waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain(num(blindSpots.totalCount));
    await screenshot(page, 'blind-spots');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '调度通报' }).click();
    await page.waitForURL(/\/reports/);
    await page.getByRole('heading', { name: '调度通报', level: 1 }).waitFor();
    await page.locator('section[aria-labelledby="report-heading"] table tbody tr').first().waitFor();
    await screenshot(page, 'reports');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: 'GraphQL' }).click();
    await page.waitForURL(/\/explorer/);
    // GraphiQL with the analyst guide's operations as tabs, Monaco's editors drawn.
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-container .monaco-editor').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'explorer');
  });

  it('switches the language to English and shows English labels', async () => {
    await signIn('analyst', 'demo-analyst', /\/dashboard$/);
    await page.getByRole('heading', { name: '全市两新组织党建总览' }).waitFor();
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await page.getByRole('heading', { name: 'Two-new Party building: the city' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(expect.arrayContaining(['Dashboard', 'Blind spots']));
    const tiles = page.getByRole('region', { name: 'Coverage', exact: true });
    await tiles.waitFor();
    expect(await tiles.locator('.tile-label').allTextContents()).toEqual(['Organization coverage', 'Work coverage', 'Overall coverage', 'Blind spots']);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The choice is kept: a reload stays in English.
    await page.reload();
    await page.getByRole('heading', { name: 'Two-new Party building: the city' }).waitFor();
  });

  it('lets a district officer change their own password from the top bar, under row-level security', async () => {
    await signIn('lixia', 'demo-district', /\/dashboard$/);
    await page.locator('.who a').click();
    await page.waitForURL(/\/account$/);
    await page.getByRole('heading', { name: '我的账号' }).waitFor();
    await page.getByLabel('当前密码').fill('demo-district');
    await page.getByLabel('新密码', { exact: true }).fill('e2e-new-password');
    await page.getByLabel('再次输入新密码').fill('e2e-new-password');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
    await screenshot(page, 'account');
    // The new password signs in and the old one no longer does; then the demo password is put back.
    const SIGN_IN = 'mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }';
    const { signIn: fresh } = await api<{ signIn: { token: string } }>(null, SIGN_IN, { u: 'lixia', p: 'e2e-new-password' });
    await expect(api(null, SIGN_IN, { u: 'lixia', p: 'demo-district' })).rejects.toThrow(/Wrong username or password/);
    await api(fresh.token, 'mutation { changePassword(currentPassword: "e2e-new-password", newPassword: "demo-district") { username } }');
  });

  it('lets the city administrator create an account whose password, shown once, signs the person in', async () => {
    await signIn('admin', 'demo-admin', /\/dashboard$/);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '账号管理' }).click();
    await page.waitForURL(/\/admin\/accounts$/);
    const table = page.getByRole('table', { name: '全部账号' });
    await table.getByText('lixia', { exact: true }).waitFor();
    // A made-up name per run: the stack's database is fresh, but a rerun against the same one is not refused.
    const username = `e2e-${Date.now().toString(36)}`;
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('显示名称').fill('端到端测试分析员');
    await page.getByLabel('角色').selectOption('CITY_ANALYST');
    await page.getByRole('button', { name: '创建账号' }).click();
    const handover = page.getByRole('status').filter({ hasText: `${username} 的新密码` });
    await handover.waitFor();
    const password = (await handover.locator('code').textContent())!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await table.getByText(username, { exact: true }).waitFor();
    await screenshot(page, 'accounts');

    await page.evaluate(() => sessionStorage.clear());
    await signIn(username, password, /\/dashboard$/);
    expect(await page.locator('.who').textContent()).toContain('端到端测试分析员');
  });

  it('lets the city administrator link a new street worker to a work-group entry and change it in the editor under its row', async () => {
    await signIn('admin', 'demo-admin', /\/dashboard$/);
    await page.goto(`${baseUrl}/admin/accounts`);
    const table = page.getByRole('table', { name: '全部账号' });
    // The demo street worker's street, as the list shows it: 名称（code）.
    const demoRow = table.getByRole('row').filter({ has: page.getByText('street', { exact: true }) });
    const street = /（(\d{9})）/.exec((await demoRow.getByRole('cell').nth(3).textContent()) ?? '')?.[1];
    expect(street, 'the demo street worker has a street').toBeTruthy();

    const username = `e2e-w-${Date.now().toString(36)}`;
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('显示名称').fill('端到端测试街道人员');
    await page.getByLabel('角色').selectOption('STREET_WORKER');
    await page.getByLabel('街道代码').fill(street!);
    // The street's serving members are offered; take the first and then move the account to the second.
    const entry = page.getByLabel('工作组成员（专包）');
    await entry.locator('option:nth-child(3)').waitFor({ state: 'attached' });
    const options = await entry.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const [first, second] = options.filter((o) => o.value !== '');
    await entry.selectOption(first!.value);
    await page.getByRole('button', { name: '创建账号' }).click();
    await page.getByRole('status').filter({ hasText: `${username} 的新密码` }).waitFor();
    const row = table.getByRole('row').filter({ has: page.getByText(username, { exact: true }) });
    const nameOf = (o: { text: string }) => o.text.replace(/（.*）$/, '');
    await row.getByText(nameOf(first!)).waitFor();

    await row.getByRole('button', { name: `编辑 ${username}` }).click();
    const editor = page.getByRole('form', { name: `编辑账号 ${username}` });
    const select = editor.getByLabel('工作组成员（专包）');
    await select.locator(`option[value="${second!.value}"]`).waitFor({ state: 'attached' });
    await select.selectOption(second!.value);
    await screenshot(page, 'account-editor');
    await editor.getByRole('button', { name: '保存' }).click();
    await row.getByText(nameOf(second!)).waitFor();
    await editor.waitFor({ state: 'detached' });
    // Kept by the server, not only by the page's cache.
    await page.reload();
    await table.getByRole('row').filter({ has: page.getByText(username, { exact: true }) }).getByText(nameOf(second!)).waitFor();
  });

  it('lets the city administrator make an integration token for one district, which reads only that district, and revoke it', async () => {
    await signIn('admin', 'demo-admin', /\/dashboard$/);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '接口令牌' }).click();
    await page.waitForURL(/\/admin\/tokens$/);
    const name = `e2e-portal-${Date.now().toString(36)}`;
    await page.getByLabel('令牌名称').fill(name);
    await page.getByLabel('地区代码').fill('370102');
    await page.getByRole('button', { name: '创建令牌' }).click();
    const handover = page.getByRole('status').filter({ hasText: `令牌 ${name}` });
    await handover.waitFor();
    const token = (await handover.locator('code').textContent())!;
    expect(token).toMatch(/^lxi_/);
    const table = page.getByRole('table', { name: '全部接口令牌' });
    const row = table.getByRole('row').filter({ hasText: name });
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('370102');
    await screenshot(page, 'tokens');

    // The token reads the graph as the district it is bound to: every street it sees is 历下区's.
    const STREETS = '{ organizations(first: 50) { nodes { street { code } } } }';
    const read = await api<{ organizations: { nodes: { street: { code: string } }[] } }>(token, STREETS);
    expect(read.organizations.nodes.length).toBeGreaterThan(0);
    expect(read.organizations.nodes.every((o) => o.street.code.startsWith('370102'))).toBe(true);

    await row.getByRole('button', { name: `吊销 ${name}` }).click();
    await row.getByRole('button', { name: `确认吊销 ${name}` }).click();
    await row.getByText(/已于 .+ 吊销/).waitFor();
    await expect(api(token, STREETS)).rejects.toThrow(/HTTP 401/);

    // Both changes are in the city-wide audit log, newest first, under the administrator's name.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '操作日志' }).click();
    await page.waitForURL(/\/admin\/audit$/);
    await page.getByLabel('对象类型').selectOption('IntegrationToken');
    const log = page.getByRole('table', { name: '操作日志' });
    const ofToken = log.getByRole('row').filter({ hasText: name });
    await ofToken.first().getByText('revokeIntegrationToken').waitFor();
    expect(await ofToken.evaluateAll((rows) => (rows as HTMLTableRowElement[]).map((r) => [r.cells[1]!.textContent, r.cells[2]!.textContent]))).toEqual([
      ['account:admin', 'revokeIntegrationToken'],
      ['account:admin', 'createIntegrationToken'],
    ]);
    await screenshot(page, 'audit-log');
  });
});
