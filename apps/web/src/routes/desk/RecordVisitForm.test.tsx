import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { renderPage, testSession } from '../../test/render';
import { recordVisitMutation, RecordVisitForm } from './RecordVisitForm';

const liaisonPoint = { id: 'TGlhaXNvblBvaW50OjE', organization: { id: 'T3JnYW5pemF0aW9uOjE', name: '济南示例科技有限公司' } };

describe('RecordVisitForm', () => {
  it("shows the server's BAD_USER_INPUT issues next to the fields they concern", async () => {
    const visitedOn = '2030-01-01';
    const mocks = [
      {
        request: {
          query: recordVisitMutation,
          variables: {
            input: { organization: liaisonPoint.organization.id, liaisonPoint: liaisonPoint.id, visitedOn, visitor: '', ownerIntention: null, membersIntention: null, problems: null, helpGiven: null },
          },
        },
        result: {
          errors: [
            new GraphQLError('The visit date is in the future. (1 more problem: see extensions.issues)', {
              extensions: {
                code: 'BAD_USER_INPUT',
                issues: [
                  { path: ['input', 'visitedOn'], reason: 'FUTURE_DATE', zh: '走访日期不能晚于今天', en: 'The visit date cannot be after today.' },
                  { path: ['input', 'visitor'], reason: 'EMPTY', zh: '走访人不能为空', en: 'The visitor cannot be empty.' },
                ],
              },
            }),
          ],
        },
      },
    ];
    const onRecorded = vi.fn();
    renderPage(<RecordVisitForm liaisonPoint={liaisonPoint} visitor="" onClose={() => {}} onRecorded={onRecorded} />, { mocks, session: testSession('STREET_WORKER') });
    const date = screen.getByLabelText('走访日期');
    await userEvent.clear(date);
    await userEvent.type(date, visitedOn);
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('走访日期不能晚于今天')).toBeInTheDocument();
    expect(screen.getByLabelText('走访日期')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('走访日期')).toHaveAccessibleDescription('走访日期不能晚于今天');
    expect(screen.getByLabelText('走访人')).toHaveAccessibleDescription('走访人不能为空');
    expect(onRecorded).not.toHaveBeenCalled();
  });
});
