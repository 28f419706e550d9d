/**
 * A tool's input comes from a language model: checked here, field by field, whatever the schema
 * promised. Each reader returns the value or a problem said in words the model can act on.
 */
import { isWindowId, type WindowId } from '../feed/windows';
import { parsePaperRef } from '../paper/arxiv';

export type Read<T> = { readonly ok: true; readonly value: T; readonly note?: string } | { readonly ok: false; readonly problem: string };

export const MIN_LIMIT = 1;
export const MAX_LIMIT = 50;
/** Papers a write tool takes at once. */
export const MAX_IDS = 20;
const MAX_QUERY_CHARS = 500;

function fieldOf(input: unknown, name: string): unknown {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>)[name] : undefined;
}

/** Whether the input is an object at all (a model may send a string or an array). */
export function isInputObject(input: unknown): boolean {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** A required or optional string, trimmed and bounded. */
export function readString(input: unknown, name: string, options: { readonly required: boolean; readonly maxLength?: number }): Read<string | undefined> {
  const value = fieldOf(input, name);
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return options.required ? { ok: false, problem: `"${name}" is required: a non-empty string.` } : { ok: true, value: undefined };
  }
  if (typeof value !== 'string') {
    return { ok: false, problem: `"${name}" must be a string, not ${describe(value)}.` };
  }
  const max = options.maxLength ?? MAX_QUERY_CHARS;
  const text = value.trim();
  return text.length > max
    ? { ok: true, value: text.slice(0, max), note: `"${name}" was cut to its first ${max} characters.` }
    : { ok: true, value: text };
}

/** A whole number in MIN_LIMIT..MAX_LIMIT; out of range is clamped, with a note saying so. */
export function readLimit(input: unknown, fallback: number): Read<number> {
  const value = fieldOf(input, 'limit');
  if (value === undefined || value === null) {
    return { ok: true, value: fallback };
  }
  const number = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    return { ok: false, problem: `"limit" must be a whole number from ${MIN_LIMIT} to ${MAX_LIMIT}, not ${describe(value)}.` };
  }
  const clamped = Math.max(MIN_LIMIT, Math.min(MAX_LIMIT, Math.floor(number)));
  if (clamped === number) {
    return { ok: true, value: clamped };
  }
  return { ok: true, value: clamped, note: Number.isInteger(number) ? `"limit" ${String(number)} is outside ${MIN_LIMIT}..${MAX_LIMIT}; used ${clamped}.` : `"limit" ${String(number)} is not a whole number; used ${clamped}.` };
}

/** One paper: an arXiv id (any version, `arXiv:` prefix) or an arXiv / Hugging Face paper URL. */
export function readPaperRef(input: unknown, name = 'id'): Read<string> {
  const text = readString(input, name, { required: true, maxLength: 300 });
  if (!text.ok) {
    return text;
  }
  const id = parsePaperRef(text.value as string);
  return id ? { ok: true, value: id } : { ok: false, problem: `"${quoted(text.value as string)}" is not an arXiv id (like 2608.19880) or an arXiv / Hugging Face paper URL.` };
}

/** Several papers (a lone string is taken as one); every one must be valid, duplicates dropped. */
export function readPaperRefs(input: unknown, name = 'ids'): Read<string[]> {
  const raw = fieldOf(input, name);
  const values = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(values) || values.length === 0) {
    return { ok: false, problem: `"${name}" is required: a list of 1 to ${MAX_IDS} arXiv ids or paper URLs${raw === undefined ? '' : `, not ${describe(raw)}`}.` };
  }
  if (values.length > MAX_IDS) {
    return { ok: false, problem: `"${name}" has ${values.length} papers; at most ${MAX_IDS} at once.` };
  }
  const ids: string[] = [];
  const wrong: string[] = [];
  for (const value of values) {
    const id = typeof value === 'string' ? parsePaperRef(value.slice(0, 300)) : undefined;
    if (id) {
      if (!ids.includes(id)) {
        ids.push(id);
      }
    } else {
      wrong.push(typeof value === 'string' ? `"${quoted(value)}"` : describe(value));
    }
  }
  return wrong.length > 0
    ? { ok: false, problem: `Not arXiv ids or paper URLs: ${wrong.slice(0, 5).join(', ')}${wrong.length > 5 ? ` and ${wrong.length - 5} more` : ''}. Nothing was done.` }
    : { ok: true, value: ids };
}

/**
 * A feed window: `today` (the default), `days`, `week`, `month`, `trending`, a day `YYYY-MM-DD`, a
 * week `YYYY-Www`, a month `YYYY-MM`, or a window id of CONTRACT.md (`date:…`, `week:…`, `month:…`).
 */
export function readWindow(input: unknown): Read<WindowId> {
  const text = readString(input, 'window', { required: false, maxLength: 40 });
  if (!text.ok) {
    return text;
  }
  const value = (text.value ?? 'today').toLowerCase();
  const id = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `date:${value}`
    : /^\d{4}-w\d{2}$/.test(value) ? `week:${value.toUpperCase()}`
      : /^\d{4}-\d{2}$/.test(value) ? `month:${value}`
        : /^week:/.test(value) ? value.replace(/w(\d{2})$/, 'W$1') : value;
  return isWindowId(id)
    ? { ok: true, value: id }
    : { ok: false, problem: `"${quoted(text.value ?? '')}" is not a window: use today, days, week, month, trending, a day YYYY-MM-DD, a week YYYY-Www or a month YYYY-MM.` };
}

/** Text of the model's own input, shown back to it on one line, bounded and without fence markers. */
function quoted(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const line = text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/<{2,}|>{2,}/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
