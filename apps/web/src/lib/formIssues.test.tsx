import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { issuesByField, useFormIssues } from './formIssues';

// What the server sends for bad input (BAD_USER_INPUT): one error, each issue at its field's path.
const badInput = new CombinedGraphQLErrors({
  errors: [
    {
      message: 'The input has 3 problems.',
      extensions: {
        code: 'BAD_USER_INPUT',
        issues: [
          { path: ['input', 'areas', 1], zh: '没有代码为 379999 的地区', en: 'no area has the code 379999', message: 'no area has the code 379999' },
          { path: ['input', 'areas', 2], zh: '没有代码为 378888 的地区', en: 'no area has the code 378888', message: 'no area has the code 378888' },
          { path: ['name'], zh: '无字段', en: 'no field', message: 'no field' },
        ],
      },
    },
    // An error with one field and no issues list (a CONFLICT on a unique name, say).
    { message: 'A token named x exists.', extensions: { code: 'CONFLICT', field: ['input', 'name'], localizedMessage: { zh: '已有名为 x 的令牌', en: 'A token named x exists.' } } },
  ],
});

describe('issuesByField', () => {
  it('puts each issue under its input field, in the page’s language, and the rest under ""', () => {
    expect(issuesByField(badInput, 'zh-CN')).toEqual({
      areas: ['没有代码为 379999 的地区', '没有代码为 378888 的地区'],
      '': ['无字段'],
      name: ['已有名为 x 的令牌'],
    });
    expect(issuesByField(badInput, 'en').areas).toEqual(['no area has the code 379999', 'no area has the code 378888']);
  });

  it('has nothing for an error that is not the server’s GraphQL answer', () => {
    expect(issuesByField(new Error('offline'), 'zh-CN')).toEqual({});
  });
});

function Field({ error }: { error: unknown }) {
  const { described, fieldError, formError } = useFormIssues(error, 'f');
  return (
    <div>
      {formError()}
      <input aria-label="地区代码" {...described('areas')} />
      {fieldError('areas')}
      <input aria-label="令牌名称" {...described('scopes')} />
      {fieldError('scopes')}
    </div>
  );
}

describe('useFormIssues', () => {
  it('marks a field with issues invalid and points it at its message; a field without stays plain', () => {
    render(<Field error={badInput} />);
    const areas = screen.getByRole('textbox', { name: '地区代码' });
    expect(areas).toHaveAttribute('aria-invalid', 'true');
    expect(areas).toHaveAccessibleDescription('没有代码为 379999 的地区；没有代码为 378888 的地区');
    const other = screen.getByRole('textbox', { name: '令牌名称' });
    expect(other).not.toHaveAttribute('aria-invalid');
    // One message beside the areas, one above the form for the issue of no field.
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['无字段', '没有代码为 379999 的地区；没有代码为 378888 的地区']);
  });
});
