// Rules Discord applies when registering application commands (PUT .../commands), so a bad deploy fails in tests.
import { invalidFormBody } from './errors.ts';
import {
  CHAT_INPUT_COMMANDS_MAX,
  CHOICES_MAX,
  COMMAND_DESCRIPTION_MAX,
  COMMAND_NAME_MAX,
  COMMAND_NAME_PATTERN,
  COMMAND_OPTIONS_MAX,
  COMMAND_TOTAL_CHARS_MAX,
  STRING_OPTION_LENGTH_MAX,
} from './limits.ts';
import { IssueList, type Path, isRecord } from './validate-common.ts';
import { validateChoice } from './validate-interaction.ts';

const CHAT_INPUT = 1;
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const CHOICE_TYPES: readonly number[] = [3, 4, 10];

export function assertValidCommands(body: unknown, locales: readonly string[]): void {
  const issues = new IssueList();
  if (!Array.isArray(body)) {
    throw invalidFormBody([{ path: [], code: 'BASE_TYPE_LIST', message: 'Must be an array of commands.' }]);
  }
  const seen = new Set<string>();
  let chatInputCount = 0;
  body.forEach((raw, i) => {
    const cmd = issues.object([i], raw, { required: true });
    if (!cmd) return;
    const type = cmd.type ?? CHAT_INPUT;
    issues.oneOf([i, 'type'], type, [1, 2, 3, 4]);
    if (type === CHAT_INPUT) chatInputCount += 1;
    const key = `${String(type)}:${String(cmd.name)}`;
    if (seen.has(key)) issues.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique (${String(cmd.name)}).`);
    seen.add(key);
    const chars = validateNamed(issues, cmd, [i], locales, type === CHAT_INPUT);
    const total = chars + validateOptions(issues, cmd.options, [i, 'options'], locales, 'command');
    if (type !== CHAT_INPUT && cmd.options !== undefined) issues.add([i, 'options'], 'BASE_TYPE_MAX_LENGTH', 'Only chat input commands can have options.');
    // Installation contexts (GUILD_INSTALL 0, USER_INSTALL 1) and interaction contexts (GUILD 0, BOT_DM 1, PRIVATE_CHANNEL 2).
    issues.array([i, 'integration_types'], cmd.integration_types, 2).forEach((v, j) => issues.oneOf([i, 'integration_types', j], v, [0, 1], { required: true }));
    issues.array([i, 'contexts'], cmd.contexts, 3).forEach((v, j) => issues.oneOf([i, 'contexts', j], v, [0, 1, 2], { required: true }));
    if (total > COMMAND_TOTAL_CHARS_MAX) {
      issues.add([i], 'APPLICATION_COMMAND_TOO_LARGE', `Command exceeds maximum size (${COMMAND_TOTAL_CHARS_MAX}).`);
    }
  });
  if (chatInputCount > CHAT_INPUT_COMMANDS_MAX) {
    issues.add([], 'BASE_TYPE_MAX_LENGTH', `At most ${CHAT_INPUT_COMMANDS_MAX} chat input commands.`);
  }
  if (issues.items.length > 0) throw invalidFormBody(issues.items);
}

/** Name/description (+ localizations) of a command or option; returns the characters they count toward the size cap. */
function validateNamed(issues: IssueList, o: Record<string, unknown>, path: Path, locales: readonly string[], chatInput: boolean): number {
  let chars = checkName(issues, o.name, [...path, 'name'], chatInput);
  if (chatInput) {
    chars += issues.string([...path, 'description'], o.description, COMMAND_DESCRIPTION_MAX, { min: 1, required: true });
  } else if (typeof o.description === 'string' && o.description !== '') {
    issues.add([...path, 'description'], 'BASE_TYPE_MAX_LENGTH', 'Must be empty for user and message commands.');
  }
  for (const field of ['name_localizations', 'description_localizations'] as const) {
    const map = issues.object([...path, field], o[field]);
    if (!map) continue;
    for (const [locale, value] of Object.entries(map)) {
      const p = [...path, field, locale];
      if (!locales.includes(locale)) issues.add(p, 'LOCALE_INVALID', `Invalid locale "${locale}".`);
      if (value === null) continue;
      if (field === 'name_localizations') checkName(issues, value, p, chatInput);
      else issues.string(p, value, COMMAND_DESCRIPTION_MAX, { min: 1 });
    }
  }
  return chars;
}

function checkName(issues: IssueList, name: unknown, path: Path, chatInput: boolean): number {
  const len = issues.string(path, name, COMMAND_NAME_MAX, { min: 1, required: true });
  if (typeof name !== 'string' || !chatInput) return len;
  if (!COMMAND_NAME_PATTERN.test(name)) issues.add(path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid: "${name}".`);
  if (name !== name.toLowerCase()) issues.add(path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name must be lowercase: "${name}".`);
  return len;
}

type OptionParent = 'command' | 'group' | 'sub';

function validateOptions(issues: IssueList, value: unknown, path: Path, locales: readonly string[], parent: OptionParent): number {
  const options = issues.array(path, value, COMMAND_OPTIONS_MAX);
  let chars = 0;
  let sawOptional = false;
  const names = new Set<unknown>();
  const kinds = new Set<string>();
  options.forEach((raw, i) => {
    const p = [...path, i];
    const o = issues.object(p, raw, { required: true });
    if (!o) return;
    issues.oneOf([...p, 'type'], o.type, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], { required: true });
    chars += validateNamed(issues, o, p, locales, true);
    if (names.has(o.name)) issues.add([...p, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option names must be unique.');
    names.add(o.name);
    const isSub = o.type === SUB_COMMAND || o.type === SUB_COMMAND_GROUP;
    kinds.add(isSub ? 'sub' : 'value');
    const allowedHere = parent === 'command' || (parent === 'group' ? o.type === SUB_COMMAND : !isSub);
    if (!allowedHere) {
      issues.add([...p, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', `Option type ${String(o.type)} is not allowed inside a ${parent}.`);
    }
    if (isSub) {
      chars += validateOptions(issues, o.options, [...p, 'options'], locales, o.type === SUB_COMMAND ? 'sub' : 'group');
      return;
    }
    if (o.required === true && sawOptional) issues.add([...p, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options.');
    if (o.required !== true) sawOptional = true;
    if (o.choices !== undefined) {
      if (!CHOICE_TYPES.includes(o.type as number)) issues.add([...p, 'choices'], 'APPLICATION_COMMAND_OPTION_CHOICES_INVALID', 'Only string, integer and number options can have choices.');
      if (o.autocomplete === true) issues.add([...p, 'autocomplete'], 'APPLICATION_COMMAND_AUTOCOMPLETE_WITH_CHOICES', 'Autocomplete cannot be set with choices.');
      const choices = issues.array([...p, 'choices'], o.choices, CHOICES_MAX);
      choices.forEach((c, j) => {
        validateChoice(issues, c, [...p, 'choices', j]);
        if (isRecord(c)) chars += String(c.name ?? '').length + String(c.value ?? '').length;
      });
    }
    issues.integer([...p, 'min_length'], o.min_length, 0, STRING_OPTION_LENGTH_MAX);
    issues.integer([...p, 'max_length'], o.max_length, 1, STRING_OPTION_LENGTH_MAX);
  });
  if (kinds.size > 1) issues.add(path, 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Subcommands cannot be mixed with other options.');
  return chars;
}
