// Rules for message components (action rows, buttons, selects and Components V2 layout) that Discord enforces.
import {
  ACTION_ROWS_MAX,
  BUTTONS_PER_ROW_MAX,
  BUTTON_LABEL_MAX,
  COMPONENTS_V2_TEXT_MAX,
  COMPONENTS_V2_TOTAL_MAX,
  CUSTOM_ID_MAX,
  EMBED_COLOR_MAX,
  MEDIA_GALLERY_ITEMS_MAX,
  SECTION_TEXTS_MAX,
  SELECT_OPTIONS_MAX,
  SELECT_OPTIONS_MIN,
  SELECT_OPTION_DESCRIPTION_MAX,
  SELECT_OPTION_LABEL_MAX,
  SELECT_OPTION_VALUE_MAX,
  SELECT_PLACEHOLDER_MAX,
  SELECT_VALUES_MAX,
} from './limits.ts';
import { type IssueList, type Path, isHttpUrl, isRecord } from './validate-common.ts';

export const MESSAGE_FLAG_COMPONENTS_V2 = 1 << 15;
export const SELECT_TYPES: readonly number[] = [3, 5, 6, 7, 8];
const V2_TOP_LEVEL: readonly number[] = [1, 9, 10, 12, 13, 14, 17];
const CONTAINER_CHILDREN: readonly number[] = [1, 9, 10, 12, 13, 14];

interface Walk {
  issues: IssueList;
  v2: boolean;
  customIds: Set<string>;
  total: number;
  text: number;
}

/** Validates `components` of a message payload; `flags` decides between classic rows and Components V2. */
export function validateMessageComponents(issues: IssueList, components: unknown, flags: number, path: Path): void {
  const v2 = (flags & MESSAGE_FLAG_COMPONENTS_V2) !== 0;
  const list = issues.array(path, components, v2 ? COMPONENTS_V2_TOTAL_MAX : ACTION_ROWS_MAX);
  const walk: Walk = { issues, v2, customIds: new Set(), total: 0, text: 0 };
  list.forEach((component, i) => {
    const type = isRecord(component) ? component.type : undefined;
    const allowed = v2 ? V2_TOP_LEVEL : [1];
    if (!allowed.includes(type as number)) {
      issues.add([...path, i, 'type'], 'UNION_TYPE_CHOICES', `Value of field "type" must be one of (${allowed.join(', ')}).`);
      return;
    }
    validateComponent(walk, component as Record<string, unknown>, [...path, i]);
  });
  if (v2 && walk.total > COMPONENTS_V2_TOTAL_MAX) {
    issues.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${COMPONENTS_V2_TOTAL_MAX} or fewer in length (nested components counted).`);
  }
  if (v2 && walk.text > COMPONENTS_V2_TEXT_MAX) {
    issues.add(path, 'MAX_TOTAL_TEXT_EXCEEDED', `Total text of text displays must be ${COMPONENTS_V2_TEXT_MAX} or fewer.`);
  }
}

function validateComponent(walk: Walk, c: Record<string, unknown>, path: Path): void {
  const { issues } = walk;
  walk.total += 1;
  switch (c.type) {
    case 1:
      return validateActionRow(walk, c, path);
    case 9: {
      const parts = issues.array([...path, 'components'], c.components, SECTION_TEXTS_MAX, { min: 1, required: true });
      parts.forEach((p, i) => child(walk, p, [...path, 'components', i], [10]));
      return child(walk, c.accessory, [...path, 'accessory'], [2, 11]);
    }
    case 10:
      walk.text += issues.string([...path, 'content'], c.content, COMPONENTS_V2_TEXT_MAX, { min: 1, required: true });
      return;
    case 11:
      if (!isRecord(c.media) || typeof c.media.url !== 'string') issues.add([...path, 'media', 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    case 12: {
      const items = issues.array([...path, 'items'], c.items, MEDIA_GALLERY_ITEMS_MAX, { min: 1, required: true });
      items.forEach((item, i) => {
        if (!isRecord(item) || !isRecord(item.media) || typeof item.media.url !== 'string') {
          issues.add([...path, 'items', i, 'media', 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
        }
      });
      return;
    }
    case 13:
      if (!isRecord(c.file) || typeof c.file.url !== 'string' || !c.file.url.startsWith('attachment://')) {
        issues.add([...path, 'file', 'url'], 'BASE_TYPE_REQUIRED', 'Must be an attachment:// reference.');
      }
      return;
    case 14:
      return;
    case 17: {
      issues.integer([...path, 'accent_color'], c.accent_color, 0, EMBED_COLOR_MAX);
      const parts = issues.array([...path, 'components'], c.components, COMPONENTS_V2_TOTAL_MAX, { min: 1, required: true });
      parts.forEach((p, i) => child(walk, p, [...path, 'components', i], CONTAINER_CHILDREN));
      return;
    }
    default:
      issues.add([...path, 'type'], 'UNION_TYPE_CHOICES', `Component type ${String(c.type)} is not valid here.`);
  }
}

function child(walk: Walk, value: unknown, path: Path, allowed: readonly number[]): void {
  if (!isRecord(value) || !walk.v2 || !allowed.includes(value.type as number)) {
    walk.issues.add([...path, 'type'], 'UNION_TYPE_CHOICES', `Value of field "type" must be one of (${allowed.join(', ')}).`);
    return;
  }
  if (value.type === 2) walk.total += 1;
  if (value.type === 2) validateButton(walk.issues, value, path, walk.customIds);
  else validateComponent(walk, value, path);
}

function validateActionRow(walk: Walk, row: Record<string, unknown>, path: Path): void {
  const { issues } = walk;
  const items = issues.array([...path, 'components'], row.components, BUTTONS_PER_ROW_MAX, { min: 1, required: true });
  const hasSelect = items.some((c) => isRecord(c) && SELECT_TYPES.includes(c.type as number));
  if (hasSelect && items.length > 1) {
    issues.add([...path, 'components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'A select menu must be alone in its action row.');
  }
  items.forEach((c, i) => {
    const p = [...path, 'components', i];
    walk.total += 1;
    if (isRecord(c) && c.type === 2) validateButton(issues, c, p, walk.customIds);
    else if (isRecord(c) && SELECT_TYPES.includes(c.type as number)) validateSelect(issues, c, p, walk.customIds);
    else issues.add([...p, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).');
  });
}

function customId(issues: IssueList, value: unknown, path: Path, seen: Set<string>): void {
  issues.string([...path, 'custom_id'], value, CUSTOM_ID_MAX, { min: 1, required: true });
  if (typeof value !== 'string') return;
  if (seen.has(value)) issues.add([...path, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
  seen.add(value);
}

export function validateButton(issues: IssueList, b: Record<string, unknown>, path: Path, seen: Set<string>): void {
  issues.oneOf([...path, 'style'], b.style, [1, 2, 3, 4, 5, 6], { required: true });
  issues.string([...path, 'label'], b.label, BUTTON_LABEL_MAX);
  const has = (k: string): boolean => b[k] !== undefined && b[k] !== null;
  if (b.style === 5) {
    if (!isHttpUrl(b.url, ['http:', 'https:', 'discord:'])) issues.add([...path, 'url'], 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
    if (has('custom_id')) issues.add([...path, 'custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', 'A link button cannot have a custom_id.');
  } else if (b.style === 6) {
    if (!has('sku_id')) issues.add([...path, 'sku_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    for (const k of ['custom_id', 'url', 'label', 'emoji']) {
      if (has(k)) issues.add([...path, k], 'BUTTON_COMPONENT_PREMIUM_FIELD_NOT_ALLOWED', `A premium button cannot have ${k}.`);
    }
  } else {
    customId(issues, b.custom_id, path, seen);
    if (has('url')) issues.add([...path, 'url'], 'BUTTON_COMPONENT_URL_NOT_ALLOWED', 'Only link buttons can have a url.');
  }
  if (b.style !== 6 && !has('label') && !has('emoji')) {
    issues.add([...path, 'label'], 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', 'A button needs a label or an emoji.');
  }
}

export function validateSelect(issues: IssueList, s: Record<string, unknown>, path: Path, seen: Set<string>): void {
  customId(issues, s.custom_id, path, seen);
  issues.string([...path, 'placeholder'], s.placeholder, SELECT_PLACEHOLDER_MAX);
  issues.integer([...path, 'min_values'], s.min_values, 0, SELECT_VALUES_MAX);
  issues.integer([...path, 'max_values'], s.max_values, 1, SELECT_VALUES_MAX);
  const min = typeof s.min_values === 'number' ? s.min_values : 1;
  const max = typeof s.max_values === 'number' ? s.max_values : 1;
  if (min > max) issues.add([...path, 'min_values'], 'SELECT_COMPONENT_MIN_GREATER_THAN_MAX', 'min_values must be <= max_values.');
  if (s.type !== 3) return;
  const options = issues.array([...path, 'options'], s.options, SELECT_OPTIONS_MAX, { min: SELECT_OPTIONS_MIN, required: true });
  const values = new Set<unknown>();
  options.forEach((o, i) => {
    const p = [...path, 'options', i];
    const opt = issues.object(p, o, { required: true });
    if (!opt) return;
    issues.string([...p, 'label'], opt.label, SELECT_OPTION_LABEL_MAX, { min: 1, required: true });
    issues.string([...p, 'value'], opt.value, SELECT_OPTION_VALUE_MAX, { min: 1, required: true });
    issues.string([...p, 'description'], opt.description, SELECT_OPTION_DESCRIPTION_MAX);
    if (values.has(opt.value)) issues.add([...p, 'value'], 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', 'Option values must be unique.');
    values.add(opt.value);
  });
  if (options.length > 0 && max > options.length) {
    issues.add([...path, 'max_values'], 'SELECT_COMPONENT_MAX_VALUES_TOO_HIGH', `max_values must be <= the number of options (${options.length}).`);
  }
}
