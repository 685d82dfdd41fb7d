/** The roles of people's accounts (issue 6). What each may see is enforced later; see docs/security.md. */
export const ACCOUNT_ROLES = ['CITY_ANALYST', 'CITY_ADMIN', 'DISTRICT_OFFICER', 'STREET_WORKER'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** What an integration token may do. */
export const TOKEN_SCOPES = ['read', 'import'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Who a request acts for, once its bearer token checked out. Anonymous requests have none (null). */
export interface Principal {
  readonly kind: 'account' | 'integration';
  /** account.id or integration_token.id. */
  readonly id: number;
  /** The account's role; null for an integration token. */
  readonly role: AccountRole | null;
  /** Area row ids the principal is scoped to: an officer's district, a worker's street, a token's areas; [] for city roles. */
  readonly areaIds: readonly number[];
  /** A token's scopes; an account has none (its role says what it may do). */
  readonly scopes: readonly TokenScope[];
  /** A token's operation allow-list (SHA-256 hex of the document); null: any operation. */
  readonly allowedOperationHashes: readonly string[] | null;
  /** audit_log.actor: 'account:<username>' or 'token:<name>'. */
  readonly actor: string;
}
