import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorState } from './states';

describe('ErrorState', () => {
  it('says the database is out of reach when the server answers 503, and offers a retry', async () => {
    const retry = vi.fn();
    const error = new ServerError('Response not successful: Received status code 503', { response: new Response('', { status: 503 }), bodyText: '' });
    render(<ErrorState error={error} retry={retry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('数据库暂时无法连接，请稍后重试。');
    await userEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('shows another HTTP failure by its status', () => {
    render(<ErrorState error={new ServerError('Response not successful', { response: new Response('', { status: 502 }), bodyText: '' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('HTTP 502');
  });

  it("shows the server's GraphQL error in the page's language when it sent one", () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        { message: 'The database cannot be reached right now. Try again in a few seconds.', extensions: { code: 'SERVICE_UNAVAILABLE', localizedMessage: { zh: '数据库暂时无法连接，请稍后重试。', en: 'The database cannot be reached right now. Try again in a few seconds.' } } },
        { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ],
    });
    render(<ErrorState error={error} />);
    expect(screen.getByRole('alert')).toHaveTextContent('数据库暂时无法连接，请稍后重试。; Internal server error');
  });
});
