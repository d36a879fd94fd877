// Checks that a click/selection/modal submission is one the Discord client could produce from what the bot sent.
import { ComponentType } from 'discord.js';
import type { APIMessageComponentGuildInteraction, APIModalSubmitGuildInteraction } from 'discord.js';
import type { StoredMessage } from './messages.ts';
import { isRecord } from './validate-common.ts';

type Json = Record<string, unknown>;

/** Depth-first search through rows, sections, containers and labels. */
export function findComponent(components: unknown, customId: string): Json | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const c of components) {
    if (!isRecord(c)) continue;
    if (c.custom_id === customId) return c;
    const nested = findComponent(c.components, customId) ?? findComponent([c.accessory, c.component].filter(Boolean), customId);
    if (nested) return nested;
  }
  return undefined;
}

function locate(stored: StoredMessage, customId: string, type: ComponentType, what: string): Json {
  const found = findComponent(stored.message.components, customId);
  if (!found) throw new Error(`fake-discord: message ${stored.message.id} has no component with custom_id "${customId}"`);
  if (found.type !== type) throw new Error(`fake-discord: component "${customId}" is type ${String(found.type)}, not a ${what}`);
  if (found.disabled === true) throw new Error(`fake-discord: ${what} "${customId}" is disabled; users cannot use it`);
  return found;
}

export function buttonData(stored: StoredMessage, customId: string): APIMessageComponentGuildInteraction['data'] {
  const button = locate(stored, customId, ComponentType.Button, 'button');
  if (button.style === 5 || button.style === 6) throw new Error(`fake-discord: button "${customId}" is a link/premium button; it sends no interaction`);
  return { custom_id: customId, component_type: ComponentType.Button };
}

export function selectData(stored: StoredMessage, customId: string, values: string[]): APIMessageComponentGuildInteraction['data'] {
  const select = locate(stored, customId, ComponentType.StringSelect, 'string select');
  const options = Array.isArray(select.options) ? select.options.filter(isRecord) : [];
  const unknown = values.filter((v) => !options.some((o) => o.value === v));
  if (unknown.length > 0) throw new Error(`fake-discord: select "${customId}" has no option(s) ${unknown.join(', ')}`);
  const min = typeof select.min_values === 'number' ? select.min_values : 1;
  const max = typeof select.max_values === 'number' ? select.max_values : 1;
  if (values.length < min || values.length > max) throw new Error(`fake-discord: select "${customId}" takes ${min}-${max} values, got ${values.length}`);
  return { custom_id: customId, component_type: ComponentType.StringSelect, values };
}

/** Builds the submission of a modal the bot showed; `fields` maps text-input custom_ids to what the user typed. */
export function modalData(modal: Json, fields: Record<string, string | string[]>): APIModalSubmitGuildInteraction['data'] {
  const used = new Set<string>();
  const submit = (input: Json): Json => {
    const id = String(input.custom_id);
    used.add(id);
    const given = fields[id];
    if (input.type === ComponentType.TextInput) {
      const value = typeof given === 'string' ? given : typeof input.value === 'string' ? input.value : '';
      if (input.required !== false && value === '') throw new Error(`fake-discord: modal field "${id}" is required`);
      const min = typeof input.min_length === 'number' ? input.min_length : 0;
      const max = typeof input.max_length === 'number' ? input.max_length : 4000;
      if (value !== '' && (value.length < min || value.length > max)) throw new Error(`fake-discord: modal field "${id}" must be ${min}-${max} characters`);
      return { type: ComponentType.TextInput, custom_id: id, value };
    }
    return { type: input.type, custom_id: id, values: Array.isArray(given) ? given : given === undefined ? [] : [given] };
  };
  const components = (Array.isArray(modal.components) ? modal.components : []).filter(isRecord).map((c, i): Json => {
    const id = typeof c.id === 'number' ? c.id : i + 1;
    if (c.type === ComponentType.ActionRow) return { type: c.type, id, components: (c.components as Json[]).map(submit) };
    if (c.type === ComponentType.Label && isRecord(c.component)) return { type: c.type, id, component: submit(c.component) };
    return { type: c.type, id };
  });
  const extra = Object.keys(fields).filter((k) => !used.has(k));
  if (extra.length > 0) throw new Error(`fake-discord: the modal has no field(s) ${extra.join(', ')}`);
  return { custom_id: String(modal.custom_id), components } as unknown as APIModalSubmitGuildInteraction['data'];
}
