import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, testSession } from '../../test/render';
import { ImportPage } from './ImportPage';

const dryRunReport = {
  kind: 'organizations',
  dryRun: true,
  validRowsOnly: false,
  source: null,
  applied: false,
  file: { format: 'csv', encoding: 'UTF-8', sheet: null, headerRow: 1, columns: ['统一社会信用代码', '组织名称'], ignoredColumns: [] },
  summary: { rows: 2, created: 1, updated: 0, unchanged: 0, refused: 1 },
  rows: [
    { row: 2, key: '91370102MAWEBT015W', outcome: 'CREATE' },
    {
      row: 3,
      key: '91370102MAWEBT023X',
      outcome: 'REFUSED',
      issues: [{ code: 'BAD_USER_INPUT', reason: 'CHECK_DIGIT', row: 3, column: '统一社会信用代码', message: 'Character 18, the check character, is wrong', messageZh: '第18位校验码错误' }],
    },
  ],
};

describe('ImportPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the file for a dry run and shows the report row by row; a refused row blocks the import', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(dryRunReport), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    renderPage(<ImportPage />, { session: testSession('CITY_ADMIN') });
    const file = new File(['统一社会信用代码,组织名称\n'], 'orgs.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('文件（.xlsx 或 .csv）'), file);
    await userEvent.click(screen.getByRole('button', { name: '试导入（不写入）' }));
    const report = await screen.findByRole('region', { name: '试导入结果（未写入）' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/import/organizations?dryRun=1');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer test-token');
    const rows = within(report).getAllByRole('row');
    expect(rows[2]).toHaveTextContent('拒绝');
    expect(rows[2]).toHaveTextContent('统一社会信用代码: 第18位校验码错误');
    expect(screen.getByRole('button', { name: '正式导入' })).toBeDisabled();
  });
});
