// The typed documents of docs/queries: for each operation `X`, `XDocument` (a TypedDocumentNode
// any GraphQL client accepts), `XQuery` / `XMutation` (the result) and `X…Variables`; for each
// fragment `F`, `FFragment` and `FFragmentDoc`; and the schema's enums as string unions.
//
// A re-export of the whole generated file, unlike the named lists elsewhere: the file grows with
// every document added to docs/queries, and a hand-kept list here would lag behind it.
export * from './generated/graphql.js';
