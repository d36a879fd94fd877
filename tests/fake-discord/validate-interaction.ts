// Rules for interaction callbacks: which callback type fits which interaction, autocomplete results and modals.
import { invalidFormBody, throwIfIssues } from './errors.ts';
import {
  CHOICES_MAX,
  CHOICE_NAME_MAX,
  CHOICE_NAME_MIN,
  CHOICE_STRING_VALUE_MAX,
  COMPONENTS_V2_TEXT_MAX,
  CUSTOM_ID_MAX,
  LABEL_DESCRIPTION_MAX,
  MODAL_COMPONENTS_MAX,
  MODAL_TITLE_MAX,
  TEXT_INPUT_LABEL_MAX,
  TEXT_INPUT_PLACEHOLDER_MAX,
  TEXT_INPUT_VALUE_MAX,
} from './limits.ts';
import { SELECT_TYPES, validateSelect } from './validate-components.ts';
import { IssueList, type Path, isRecord } from './validate-common.ts';

/** Interaction callback types (InteractionResponseType). */
export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredMessageUpdate: 6,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
} as const;

/**
 * What Discord accepts per interaction type: updates only make sense on a message with components,
 * autocomplete only takes choices, and a modal cannot answer a modal.
 */
export function allowedCallbackTypes(interactionType: number, modalFromComponent: boolean): readonly number[] {
  switch (interactionType) {
    case 2:
      return [4, 5, 9];
    case 3:
      return [4, 5, 6, 7, 9];
    case 4:
      return [8];
    case 5:
      return modalFromComponent ? [4, 5, 6, 7] : [4, 5];
    default:
      return [];
  }
}

export function assertCallbackType(body: unknown, allowed: readonly number[]): number {
  const type = isRecord(body) ? body.type : undefined;
  if (typeof type !== 'number' || !allowed.includes(type)) {
    throw invalidFormBody([
      { path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of {${allowed.join(', ')}} for this interaction.` },
    ]);
  }
  return type;
}

/** Autocomplete result (callback type 8): at most 25 choices with 1-100 char names and ≤100 char string values. */
export function assertValidAutocomplete(data: unknown): void {
  const issues = new IssueList();
  const d = issues.object([], data, { required: true });
  const choices = d ? issues.array(['choices'], d.choices, CHOICES_MAX, { required: true }) : [];
  choices.forEach((c, i) => validateChoice(issues, c, ['choices', i]));
  throwIfIssues(issues.items, ['data']);
}

export function validateChoice(issues: IssueList, c: unknown, path: Path): void {
  const choice = issues.object(path, c, { required: true });
  if (!choice) return;
  issues.string([...path, 'name'], choice.name, CHOICE_NAME_MAX, { min: CHOICE_NAME_MIN, required: true });
  if (isRecord(choice.name_localizations)) {
    for (const [locale, name] of Object.entries(choice.name_localizations)) {
      issues.string([...path, 'name_localizations', locale], name, CHOICE_NAME_MAX, { min: CHOICE_NAME_MIN });
    }
  }
  if (typeof choice.value === 'string') issues.string([...path, 'value'], choice.value, CHOICE_STRING_VALUE_MAX);
  else if (typeof choice.value !== 'number' || !Number.isFinite(choice.value)) {
    issues.add([...path, 'value'], 'BASE_TYPE_REQUIRED', 'Must be a string or a number.');
  }
}

/** Modal (callback type 9): custom_id, title ≤45, 1-5 rows/labels holding text inputs or selects. */
export function assertValidModal(data: unknown): void {
  const issues = new IssueList();
  const d = issues.object([], data, { required: true });
  if (d) {
    const seen = new Set<string>();
    issues.string(['custom_id'], d.custom_id, CUSTOM_ID_MAX, { min: 1, required: true });
    issues.string(['title'], d.title, MODAL_TITLE_MAX, { min: 1, required: true });
    const components = issues.array(['components'], d.components, MODAL_COMPONENTS_MAX, { min: 1, required: true });
    components.forEach((c, i) => validateModalComponent(issues, c, ['components', i], seen));
  }
  throwIfIssues(issues.items, ['data']);
}

function validateModalComponent(issues: IssueList, c: unknown, path: Path, seen: Set<string>): void {
  const comp = issues.object(path, c, { required: true });
  if (!comp) return;
  if (comp.type === 1) {
    const inner = issues.array([...path, 'components'], comp.components, 1, { min: 1, required: true });
    inner.forEach((t, i) => {
      if (isRecord(t) && t.type === 4) validateTextInput(issues, t, [...path, 'components', i], seen, true);
      else issues.add([...path, 'components', i, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (4,).');
    });
  } else if (comp.type === 18) {
    issues.string([...path, 'label'], comp.label, TEXT_INPUT_LABEL_MAX, { min: 1, required: true });
    issues.string([...path, 'description'], comp.description, LABEL_DESCRIPTION_MAX);
    const inner = issues.object([...path, 'component'], comp.component, { required: true });
    if (inner?.type === 4) validateTextInput(issues, inner, [...path, 'component'], seen, false);
    else if (inner && SELECT_TYPES.includes(inner.type as number)) validateSelect(issues, inner, [...path, 'component'], seen);
    else if (inner && inner.type !== 19) issues.add([...path, 'component', 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (3, 4, 5, 6, 7, 8, 19).');
  } else if (comp.type === 10) {
    issues.string([...path, 'content'], comp.content, COMPONENTS_V2_TEXT_MAX, { min: 1, required: true });
  } else {
    issues.add([...path, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1, 10, 18).');
  }
}

function validateTextInput(issues: IssueList, t: Record<string, unknown>, path: Path, seen: Set<string>, needsLabel: boolean): void {
  issues.string([...path, 'custom_id'], t.custom_id, CUSTOM_ID_MAX, { min: 1, required: true });
  if (typeof t.custom_id === 'string') {
    if (seen.has(t.custom_id)) issues.add([...path, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
    seen.add(t.custom_id);
  }
  issues.oneOf([...path, 'style'], t.style, [1, 2], { required: true });
  if (needsLabel) issues.string([...path, 'label'], t.label, TEXT_INPUT_LABEL_MAX, { min: 1, required: true });
  else if (t.label !== undefined) issues.add([...path, 'label'], 'TEXT_INPUT_LABEL_NOT_ALLOWED', 'Use the label component for the label.');
  issues.integer([...path, 'min_length'], t.min_length, 0, TEXT_INPUT_VALUE_MAX);
  issues.integer([...path, 'max_length'], t.max_length, 1, TEXT_INPUT_VALUE_MAX);
  issues.string([...path, 'value'], t.value, TEXT_INPUT_VALUE_MAX);
  issues.string([...path, 'placeholder'], t.placeholder, TEXT_INPUT_PLACEHOLDER_MAX);
}
