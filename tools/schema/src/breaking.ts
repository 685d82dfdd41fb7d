import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** One schema change as the check reports it. */
export interface SchemaChange {
  /** Schema coordinate of what changed, e.g. `Query.areas`, `Query.areas.level`, `AreaLevel.CITY`. */
  path: string;
  message: string;
  /** graphql-inspector's change type, e.g. FIELD_REMOVED. */
  type: string;
}

export interface BreakingCheck {
  /** Breaking changes that a "Breaking" section of the changelog names: let through. */
  announced: SchemaChange[];
  /** Breaking changes the changelog does not name: the check fails on these. */
  refused: SchemaChange[];
  /** Changes that may break some clients (a new enum value, an argument default changed). */
  dangerous: SchemaChange[];
  /** Everything else (additions, descriptions). */
  safe: SchemaChange[];
}

/**
 * Compares two SDL texts and sorts the changes: breaking ones are refused unless the changelog
 * announces them under a "Breaking" heading (see `breakingSections`).
 */
export async function checkSchemaChange(input: { before: string; after: string; changelog: string }): Promise<BreakingCheck> {
  const changes = await diff(buildSchema(input.before), buildSchema(input.after));
  const announcedText = breakingSections(input.changelog);
  const result: BreakingCheck = { announced: [], refused: [], dangerous: [], safe: [] };
  for (const change of changes) {
    const entry = toSchemaChange(change);
    if (change.criticality.level === CriticalityLevel.Breaking) {
      (isAnnounced(entry.path, announcedText) ? result.announced : result.refused).push(entry);
    } else if (change.criticality.level === CriticalityLevel.Dangerous) {
      result.dangerous.push(entry);
    } else {
      result.safe.push(entry);
    }
  }
  return result;
}

function toSchemaChange(change: Change): SchemaChange {
  // Every change to a type, field, argument or value has a path; the few without one (the
  // query root type replaced) are named by their type.
  return { path: change.path ?? change.type, message: change.message, type: change.type };
}

/**
 * The text of every section of the changelog whose heading is "Breaking" (any level, e.g.
 * `## Breaking` or `### Breaking changes` under `## Unreleased`), up to the next heading of the
 * same or a higher level. HTML comments are dropped, so an explanation of the convention that
 * gives an example path does not announce that path.
 */
export function breakingSections(changelog: string): string {
  const lines = changelog.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/);
  const sections: string[] = [];
  let level = 0; // > 0 while inside a Breaking section: that section's heading level
  let fence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const heading = fence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const headingLevel = heading[1]!.length;
      if (level > 0 && headingLevel <= level) level = 0;
      if (/^breaking\b/i.test(heading[2]!)) {
        level = headingLevel;
        continue;
      }
    }
    if (level > 0) sections.push(line);
  }
  return sections.join('\n');
}

/**
 * Whether `text` names `path` as a whole coordinate: `Query.areas` is named by "removed
 * `Query.areas`." but not by `Query.areasByCode` nor by `Query.areas.level` (an argument, its
 * own coordinate).
 */
export function isAnnounced(path: string, text: string): boolean {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.])${escaped}(?!\\w|\\.\\w)`).test(text);
}
