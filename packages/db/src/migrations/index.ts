import { Foundation1764316800000 } from './1764316800000-foundation.js';
import { DissolutionEndsCoverage1764403200000 } from './1764403200000-dissolution-ends-coverage.js';
import { AuditAndVersions1764489600000 } from './1764489600000-audit-and-versions.js';
import { CoverageTally1764576000000 } from './1764576000000-coverage-tally.js';
import { Accounts1764662400000 } from './1764662400000-accounts.js';
import { RowLevelSecurity1764748800000 } from './1764748800000-row-level-security.js';
import { FasterCoverageRebuild1764835200000 } from './1764835200000-faster-coverage-rebuild.js';
import { AccountPasswordSelfService1764921600000 } from './1764921600000-account-password-self-service.js';
import { SessionRevocation1765008000000 } from './1765008000000-session-revocation.js';
import { AuditLogIndexes1765094400000 } from './1765094400000-audit-log-indexes.js';
import { OrganizationCategoryStatusIndex1765180800000 } from './1765180800000-organization-category-status-index.js';

/** Every migration, oldest first. The server and the generator run exactly this list. */
export const migrations = [Foundation1764316800000, DissolutionEndsCoverage1764403200000, AuditAndVersions1764489600000, CoverageTally1764576000000, Accounts1764662400000, RowLevelSecurity1764748800000, FasterCoverageRebuild1764835200000, AccountPasswordSelfService1764921600000, SessionRevocation1765008000000, AuditLogIndexes1765094400000, OrganizationCategoryStatusIndex1765180800000];
