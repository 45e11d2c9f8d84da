/**
 * One-line rendering of field values for diff output, shared by the text and markdown renderers and the guard.
 * Scalars print as they are (`10.0.0.0/16`), lists and maps in YAML flow style, long values are shortened.
 */

/** Longest value printed before it is cut with an ellipsis. */
export const MAX_VALUE_LENGTH = 160;

function flow(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') {
    return value === '' || /[\n,:{}[\]#"']|^\s|\s$/.test(value) ? JSON.stringify(value) : value;
  }
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${flow(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/** A value on one line, at most `max` characters. */
export function formatValue(value: unknown, max = MAX_VALUE_LENGTH): string {
  const text = flow(value);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `1 object`, `3 objects`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
