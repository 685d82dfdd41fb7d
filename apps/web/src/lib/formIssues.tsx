import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useTranslation } from 'react-i18next';

interface Issue {
  path?: (string | number)[];
  zh?: string;
  en?: string;
  message?: string;
}

/**
 * Server validation problems per input field: `extensions.issues[].path` is ["input", field];
 * a problem without a field goes under "" (shown above the buttons).
 */
export function issuesByField(error: unknown, lang: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!CombinedGraphQLErrors.is(error)) return out;
  for (const e of error.errors) {
    // Without `issues`: one problem at `field` (a path such as ["input", "username"], or a bare name), in both languages when sent.
    const field = e.extensions?.field as string | (string | number)[] | undefined;
    const localized = e.extensions?.localizedMessage as { zh?: string; en?: string } | undefined;
    const issues = (e.extensions?.issues as Issue[] | undefined) ?? [
      { path: Array.isArray(field) ? field : field ? ['input', field] : undefined, zh: localized?.zh, en: localized?.en, message: e.message },
    ];
    for (const issue of issues) {
      const field = issue.path && issue.path[0] === 'input' && typeof issue.path[1] === 'string' ? issue.path[1] : '';
      const text = (lang === 'en' ? issue.en : issue.zh) ?? issue.message ?? e.message;
      (out[field] ??= []).push(text);
    }
  }
  return out;
}

/**
 * A form's server issues, wired to its fields: `described(field)` goes on the input (marks it
 * invalid and points at its message), `fieldError(field)` is the message beside it, `formError()`
 * the problems of no field. `id` is the form's useId(), the prefix of its inputs' ids.
 */
export function useFormIssues(error: unknown, id: string) {
  const { i18n } = useTranslation();
  const issues = issuesByField(error, i18n.language);
  const separator = i18n.language === 'en' ? '; ' : '；';
  const has = (field: string) => (issues[field]?.length ?? 0) > 0;
  return {
    issues,
    described: (field: string) => (has(field) ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {}),
    fieldError: (field: string) =>
      has(field) ? (
        <span id={`${id}-${field}-error`} className="field-error" role="alert">
          {issues[field]!.join(separator)}
        </span>
      ) : null,
    /** The problems that name no field, above the form's buttons. */
    formError: () =>
      has('') ? (
        <p role="alert" className="error-text">
          {issues['']!.join(separator)}
        </p>
      ) : null,
  };
}
