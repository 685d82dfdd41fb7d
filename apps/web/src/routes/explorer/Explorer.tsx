import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import './monaco-workers';
import 'graphiql/style.css';
import { useMemo } from 'react';
import { authFetch } from '../../lib/authFetch';
import { EXAMPLES } from './examples';

/**
 * GraphiQL bundled from npm (no CDN: intranets are often offline), talking to /graphql as the
 * signed-in user: the fetcher goes through authFetch, which adds the session's token and sends
 * the user to sign-in on a 401. Headers are not persisted, so no token lands in localStorage.
 */
export default function Explorer() {
  const fetcher = useMemo(() => createGraphiQLFetcher({ url: '/graphql', fetch: authFetch as typeof fetch }), []);
  // GraphiQL 5 fills the variables editor of the first tab from `initialVariables`, not from
  // the tab: give it the first example's, unless tabs were kept from an earlier visit.
  const firstVisit = useMemo(() => {
    try {
      return !localStorage.getItem('graphiql:tabs');
    } catch {
      return true;
    }
  }, []);
  return (
    <div className="explorer">
      <GraphiQL
        fetcher={fetcher}
        defaultTabs={EXAMPLES.map((e) => ({ query: e.query, variables: e.variables }))}
        initialVariables={firstVisit ? EXAMPLES[0]?.variables : undefined}
        shouldPersistHeaders={false}
        defaultEditorToolsVisibility="variables"
      />
    </div>
  );
}
