/**
 * A small SQL builder: tagged templates whose interpolations become bind parameters, and whose
 * nested fragments are spliced in. Every read of the API is composed from these, so no value a
 * client sends is ever concatenated into SQL text.
 */
export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** Trusted SQL text (identifiers and fragments written in this code base, never client input). */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

export function join(parts: readonly Sql[], separator: string): Sql {
  if (parts.length === 0) return raw('');
  const strings: string[] = [''];
  const values: unknown[] = [];
  parts.forEach((part, index) => {
    if (index > 0) strings[strings.length - 1] += separator;
    values.push(part);
    strings.push('');
  });
  return new Sql(strings, values);
}

/** AND of the conditions; TRUE when there are none. */
export function and(conditions: readonly Sql[]): Sql {
  if (conditions.length === 0) return raw('TRUE');
  if (conditions.length === 1) return conditions[0]!;
  return sql`(${join(conditions.map((c) => sql`(${c})`), ' AND ')})`;
}

/** OR of the conditions; FALSE when there are none. */
export function or(conditions: readonly Sql[]): Sql {
  if (conditions.length === 0) return raw('FALSE');
  if (conditions.length === 1) return conditions[0]!;
  return sql`(${join(conditions.map((c) => sql`(${c})`), ' OR ')})`;
}

export function render(fragment: Sql): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const walk = (f: Sql): string => {
    let text = f.strings[0]!;
    for (let i = 0; i < f.values.length; i++) {
      const value = f.values[i];
      if (value instanceof Sql) {
        text += walk(value);
      } else {
        values.push(value);
        text += `$${values.length}`;
      }
      text += f.strings[i + 1]!;
    }
    return text;
  };
  return { text: walk(fragment), values };
}

/**
 * True when rendering the fragment sends bind parameters. A statement without any has one plan
 * for every execution, so it can run prepared (db/prepared.ts) with nothing to lose.
 */
export function hasParameters(fragment: Sql): boolean {
  return fragment.values.some((value) => !(value instanceof Sql) || hasParameters(value));
}

/** What a GraphQL enum value looks like (the spec's Name, as this schema writes its enums). */
const ENUM_VALUE = /^[A-Z][A-Z0-9_]*$/;

/**
 * A value of a GraphQL enum written into the SQL as a quoted literal rather than sent as a
 * parameter. The schema has already refused anything outside the enum, so the texts are a small
 * fixed set, and a statement whose plan depends on the value (a count under a skewed filter) can
 * be prepared with that value in it: PostgreSQL then plans it once per connection for that value,
 * instead of once per request, or once for all values (db/prepared.ts). The pattern check keeps
 * anything that is not an enum value — which could not be quoted safely this way — out.
 */
export function enumLiteral(value: unknown): Sql {
  if (typeof value !== 'string' || !ENUM_VALUE.test(value)) throw new TypeError(`not an enum value: ${JSON.stringify(value)}`);
  return raw(`'${value}'`);
}

/** A count the server computed (a page size), written into the SQL: LIMIT $n would leave PostgreSQL to plan for any size. */
export function intLiteral(value: number): Sql {
  if (!Number.isSafeInteger(value)) throw new TypeError(`not an integer: ${value}`);
  return raw(String(value));
}
