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
