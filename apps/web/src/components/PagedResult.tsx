import type { ErrorLike } from '@apollo/client';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Pager } from './Pager';
import { Empty, ErrorState, Loading } from './states';

/** What a list page's connection must hold for paging (every connection of the schema does). */
interface Page {
  totalCount: number;
  nodes: readonly unknown[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface CursorPages {
  /** The cursor to ask the page shown with (`after`); null for the first page. */
  after: string | null;
  hasPrevious: boolean;
  next(endCursor: string | null | undefined): void;
  previous(): void;
  /** Back to the first page: the filter changed. */
  reset(): void;
}

/** Keyset paging state: the cursors of the pages seen so far form a stack, so "previous" is exact. */
export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1] ?? null,
    hasPrevious: cursors.length > 1,
    next: (endCursor) => setCursors((c) => [...c, endCursor ?? null]),
    previous: () => setCursors((c) => c.slice(0, -1)),
    reset: () => setCursors([null]),
  };
}

/**
 * A list page's filters, kept in the URL: `update` sets one (an empty value removes it) and goes
 * back to the first page, since the pages seen belong to the old filter.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const pages = useCursorPages();
  function update(key: string, value: string) {
    pages.reset();
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });
  }
  return { params, pages, update };
}

/**
 * The result part of a list page: the error (with retry) or the loading state until the first
 * answer, then the rows (`children`, given the connection) — or `empty` when there are none —
 * and the pager. While a later page loads, the rows shown stay and the section says it is busy.
 */
export function PagedResult<P extends Page>({
  label,
  page,
  loading,
  error,
  retry,
  pages,
  empty,
  children,
}: {
  label: string;
  /** Said when the list is empty; omitted: `children` show the empty list themselves. */
  empty?: string;
  page: P | undefined;
  loading: boolean;
  error: ErrorLike | undefined;
  retry: () => unknown;
  pages: CursorPages;
  children: (page: P) => ReactNode;
}) {
  if (!page) return error ? <ErrorState error={error} retry={retry} /> : <Loading />;
  return (
    <section aria-busy={loading} aria-label={label}>
      {empty !== undefined && page.nodes.length === 0 ? <Empty>{empty}</Empty> : children(page)}
      <Pager
        total={page.totalCount}
        shown={page.nodes.length}
        hasNext={page.pageInfo.hasNextPage}
        hasPrevious={pages.hasPrevious}
        onNext={() => pages.next(page.pageInfo.endCursor)}
        onPrevious={pages.previous}
      />
    </section>
  );
}
