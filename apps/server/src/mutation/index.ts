/** How mutations are written: see README.md in this folder and docs/mutations.md. */
export { runMutation, MUTATION_ATTEMPTS, type Tx, type MutationContext } from './run-mutation.js';
export { mapDatabaseError, type DatabaseErrorOptions } from './database-errors.js';
export { issuesError, refuseIfAny } from './issues.js';
export { audit, type AuditChange } from './audit.js';
export { readRow, lockVersioned, updateVersioned, insertRow, type RowJson, type VersionedTarget, type ColumnValues } from './rows.js';
export { referencedRow, shorten, type ReferenceKind, type ReferenceResult } from './references.js';
export { areaByCodeOrId, areaWithin } from './areas.js';
export { BUILDING, BUSINESS_DISTRICT, ORGANIZATION, PARK, PARTY_ORGANIZATION, STREET } from './reference-kinds.js';
export { dateOutsideStandingIssue, notStandingIssue, type DatedRecord } from './standing.js';
