// Small checkers shared by the validators; they collect Discord-style issues instead of throwing at the first one.
import type { Issue } from './errors.ts';

export type Path = (string | number)[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Lengths are counted in UTF-16 units (JS `.length`), which is never less than Discord's count, so a payload
 * the fake accepts is not rejected by Discord for length.
 */
export class IssueList {
  readonly items: Issue[] = [];

  add(path: Path, code: string, message: string): void {
    this.items.push({ path, code, message });
  }

  /** Optional string (absent/null allowed unless `required`), length in [min, max]. Returns the string length. */
  string(path: Path, value: unknown, max: number, opts: { min?: number; required?: boolean } = {}): number {
    const min = opts.min ?? 0;
    if (value === undefined || value === null) {
      if (opts.required) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return 0;
    }
    if (typeof value !== 'string') {
      this.add(path, 'BASE_TYPE_STRING', `Could not interpret "${JSON.stringify(value)}" as string.`);
      return 0;
    }
    if (value.length > max || value.length < min) {
      if (min > 0) this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
      else this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
    return value.length;
  }

  /** Optional array; returns it (or [] when absent) so callers can walk the items. */
  array(path: Path, value: unknown, max: number, opts: { min?: number; required?: boolean } = {}): unknown[] {
    const min = opts.min ?? 0;
    if (value === undefined || value === null) {
      if (opts.required) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return [];
    }
    if (!Array.isArray(value)) {
      this.add(path, 'BASE_TYPE_LIST', 'Must be an array.');
      return [];
    }
    if (value.length > max) this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    if (value.length < min) this.add(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`);
    return value;
  }

  integer(path: Path, value: unknown, min: number, max: number, opts: { required?: boolean } = {}): void {
    if (value === undefined || value === null) {
      if (opts.required) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(path, 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not int.`);
      return;
    }
    if (value < min) this.add(path, 'NUMBER_TYPE_MIN', `int value should be greater than or equal to ${min}.`);
    if (value > max) this.add(path, 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${max}.`);
  }

  oneOf(path: Path, value: unknown, allowed: readonly unknown[], opts: { required?: boolean } = {}): void {
    if (value === undefined || value === null) {
      if (opts.required) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    if (!allowed.includes(value)) {
      this.add(path, 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.map(String).join(', ')}}.`);
    }
  }

  object(path: Path, value: unknown, opts: { required?: boolean } = {}): Record<string, unknown> | undefined {
    if (value === undefined || value === null) {
      if (opts.required) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return undefined;
    }
    if (!isRecord(value)) {
      this.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return undefined;
    }
    return value;
  }
}

export function isHttpUrl(value: unknown, schemes: readonly string[] = ['http:', 'https:']): boolean {
  if (typeof value !== 'string') return false;
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
