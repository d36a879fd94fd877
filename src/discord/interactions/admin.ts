// `/xen-admin`: a server's own answer channels, cooldown, reply language, and its unanswered questions.
import { ApplicationCommandOptionType, PermissionFlagsBits, type APIChatInputApplicationCommandInteraction } from 'discord.js';
import { gapsReport } from '../../curation/gaps.ts';
import { contentWordsKey } from '../../curation/words-key.ts';
import { messages } from '../../i18n/messages.ts';
import { replyWith } from '../outgoing.ts';
import { renderServerGaps } from '../render/admin.ts';
import { localeLanguage, readsMessageContent, type BotContext } from './context.ts';
import type { Handled } from './handled.ts';
import { InvalidOptionError, readCall, readOptions } from './options.ts';
import { guildOf, localeOf } from './who.ts';

const DAY = 86_400_000;
const SERVER_GAPS = 10;

/** Discord hides the command from members without Manage Server; a forged or outdated payload is refused here too. */
function canManage(interaction: APIChatInputApplicationCommandInteraction): boolean {
  const permissions = interaction.member?.permissions;
  if (typeof permissions !== 'string' || !/^\d+$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & PermissionFlagsBits.ManageGuild) !== 0n || (bits & PermissionFlagsBits.Administrator) !== 0n;
}

export function handleAdminCommand(ctx: BotContext, interaction: APIChatInputApplicationCommandInteraction): Handled {
  const language = localeLanguage(localeOf(interaction));
  const t = messages(language);
  const say = (outcome: string, content: string): Handled => ({ response: replyWith({ content }, true), outcome });
  const guildId = guildOf(interaction);
  if (!guildId) return say('admin-not-in-guild', t.adminOnlyInServers);
  if (!canManage(interaction)) return say('admin-denied', t.adminDenied);
  const recorder = ctx.recorder;
  if (!recorder) return say('admin-no-store', t.adminNoStore);
  const call = readCall(interaction.data);
  const saved = (ok: boolean) => (ok ? '' : `\n${t.adminNotSavedYet}`);
  try {
    switch (`${call.group ?? ''}/${call.subcommand ?? ''}`) {
      case 'channels/add':
      case 'channels/remove': {
        const { channel } = readOptions(call, [{ name: 'channel', type: ApplicationCommandOptionType.Channel, required: true }]) as { channel: { id: string } };
        const add = call.subcommand === 'add';
        const ok = recorder.setAnswerChannel(guildId, channel.id, add);
        const blind = add && !readsMessageContent(ctx) ? `\n${t.adminNoMessageContent}` : '';
        return say(`admin-channel-${call.subcommand}`, `${add ? t.adminChannelAdded(channel.id) : t.adminChannelRemoved(channel.id)}${saved(ok)}${blind}`);
      }
      case 'channels/list': {
        const channels = recorder.guildSettings(guildId)?.answerChannels ?? [];
        const fromEnv = [...ctx.answerChannelIds];
        return say('admin-channels', t.adminChannelList(channels, fromEnv));
      }
      case '/cooldown': {
        const { seconds } = readOptions(call, [{ name: 'seconds', type: ApplicationCommandOptionType.Integer, required: true }]) as { seconds: number };
        if (seconds < 0 || seconds > 3600) throw new InvalidOptionError('seconds');
        const ok = recorder.changeSettings(guildId, { cooldownSeconds: seconds });
        return say('admin-cooldown', `${t.adminCooldownSet(seconds)}${saved(ok)}`);
      }
      case '/language': {
        const { default: choice } = readOptions(call, [{ name: 'default', type: ApplicationCommandOptionType.String, required: true }]) as { default: string };
        if (!['en', 'fr', 'auto'].includes(choice)) throw new InvalidOptionError('default');
        const ok = recorder.changeSettings(guildId, { defaultLanguage: choice === 'auto' ? null : (choice as 'en' | 'fr') });
        return say('admin-language', `${t.adminLanguageSet(choice as 'en' | 'fr' | 'auto')}${saved(ok)}`);
      }
      case '/gaps': {
        const store = recorder.reader;
        if (!store) return say('admin-gaps-unavailable', t.adminStoreDown);
        const since = Date.now() - 7 * DAY;
        const report = gapsReport({ questions: store.questionsSince(since, guildId), feedback: [], picks: [] }, contentWordsKey, since, SERVER_GAPS);
        return { response: replyWith(renderServerGaps(report, ctx.engine.kb, language), true), outcome: `admin-gaps:${report.unanswered.length}` };
      }
      default:
        return say('invalid-command', t.invalidCommand);
    }
  } catch (error) {
    if (!(error instanceof InvalidOptionError)) throw error;
    return say(`invalid-option:${error.option}`, t.invalidOption(error.option));
  }
}
