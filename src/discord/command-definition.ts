// The `/xen` command as Discord registers it. Handler argument types are derived from this one definition.
import {
  ApplicationCommandOptionType as Option,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

const hide = {
  type: Option.Boolean,
  name: 'hide',
  name_localizations: { fr: 'masquer' },
  description: 'Only you see the reply',
  description_localizations: { fr: 'Vous seul voyez la réponse' },
} as const;

const mention = {
  type: Option.User,
  name: 'mention',
  name_localizations: { fr: 'mentionner' },
  description: 'Point the answer at this user (they get a ping)',
  description_localizations: { fr: 'Adresser la réponse à ce membre (il sera notifié)' },
} as const;

export const XEN_COMMAND = {
  type: ApplicationCommandType.ChatInput,
  name: 'xen',
  description: 'Answers about the Xen Project hypervisor 4.4, with sources',
  description_localizations: { fr: 'Réponses sur l’hyperviseur Xen Project 4.4, avec sources' },
  // Everywhere a person can use it: installed in a server, or by a user on their own account (then in any server,
  // group DM or DM, where the bot itself may be absent and answers only through the interaction).
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  options: [
    {
      type: Option.Subcommand,
      name: 'feature',
      name_localizations: { fr: 'fonctionnalité' },
      description: 'Explain one Xen 4.4 feature',
      description_localizations: { fr: 'Expliquer une fonctionnalité de Xen 4.4' },
      options: [
        {
          type: Option.String,
          name: 'name',
          name_localizations: { fr: 'nom' },
          description: 'Feature name (start typing)',
          description_localizations: { fr: 'Nom de la fonctionnalité (commencez à taper)' },
          required: true,
          autocomplete: true,
          max_length: 100,
        },
        hide,
        mention,
      ],
    },
    {
      type: Option.Subcommand,
      name: 'ask',
      name_localizations: { fr: 'question' },
      description: 'Ask a free question about Xen 4.4',
      description_localizations: { fr: 'Poser une question libre sur Xen 4.4' },
      options: [
        {
          type: Option.String,
          name: 'question',
          name_localizations: { fr: 'question' },
          description: 'Your question, in English or French',
          description_localizations: { fr: 'Votre question, en français ou en anglais' },
          required: true,
          max_length: 500,
        },
        hide,
        mention,
      ],
    },
    {
      type: Option.Subcommand,
      name: 'ref',
      name_localizations: { fr: 'référence' },
      description: 'Look up an xl command, a config key or a boot option of Xen 4.4',
      description_localizations: { fr: 'Chercher une commande xl, une clé de configuration ou une option de démarrage de Xen 4.4' },
      options: [
        {
          type: Option.String,
          name: 'name',
          name_localizations: { fr: 'nom' },
          description: 'dom0_mem, xl migrate, gfx_passthru… (start typing)',
          description_localizations: { fr: 'dom0_mem, xl migrate, gfx_passthru… (commencez à taper)' },
          required: true,
          autocomplete: true,
          max_length: 100,
        },
        hide,
        mention,
      ],
    },
    {
      type: Option.Subcommand,
      name: 'sources',
      name_localizations: { fr: 'sources' },
      description: 'The bibliography, or the sources of one fact',
      description_localizations: { fr: 'La bibliographie, ou les sources d’un fait' },
      options: [
        {
          type: Option.String,
          name: 'topic',
          name_localizations: { fr: 'sujet' },
          description: 'A fact to show the sources of (leave empty for the whole bibliography)',
          description_localizations: { fr: 'Un fait dont afficher les sources (vide : toute la bibliographie)' },
          autocomplete: true,
          max_length: 100,
        },
        hide,
      ],
    },
    {
      type: Option.Subcommand,
      name: 'topics',
      name_localizations: { fr: 'sujets' },
      description: 'Browse what the bot knows',
      description_localizations: { fr: 'Parcourir ce que le bot connaît' },
      options: [
        {
          type: Option.String,
          name: 'category',
          name_localizations: { fr: 'catégorie' },
          description: 'A category to list the facts of',
          description_localizations: { fr: 'Une catégorie dont lister les faits' },
          autocomplete: true,
          max_length: 100,
        },
        hide,
      ],
    },
    {
      type: Option.Subcommand,
      name: 'about',
      name_localizations: { fr: 'à-propos' },
      description: 'Version, size of the fact base and where the sources come from',
      description_localizations: { fr: 'Version, taille de la base et origine des sources' },
      options: [hide],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

type Subcommands = (typeof XEN_COMMAND)['options'][number];
export type SubcommandName = Subcommands['name'];
type OptionsOfSubcommand<N extends SubcommandName> = Extract<Subcommands, { name: N }>['options'][number];

/** What each option type reads as in a handler. */
interface OptionValues {
  [Option.String]: string;
  [Option.Boolean]: boolean;
  [Option.User]: { id: string };
}
type ValueOf<O> = O extends { type: infer T extends keyof OptionValues } ? OptionValues[T] : never;

/** The typed arguments of one subcommand: required options are present, others may be undefined. */
export type ArgumentsOf<N extends SubcommandName> = {
  [O in OptionsOfSubcommand<N> as O['name']]: O extends { required: true } ? ValueOf<O> : ValueOf<O> | undefined;
};

/** The option definitions of one subcommand, for reading arguments generically. */
export function optionsOf(name: SubcommandName): ReadonlyArray<{ name: string; type: Option; required?: boolean }> {
  return XEN_COMMAND.options.find((o) => o.name === name)?.options ?? [];
}

/**
 * `/xen-admin`: a server's own settings. Discord shows it only to members with Manage Server (and the handler checks
 * again), only in servers, and only where the bot itself was added.
 */
export const ADMIN_COMMAND = {
  type: ApplicationCommandType.ChatInput,
  name: 'xen-admin',
  description: 'Settings of xenbot for this server',
  description_localizations: { fr: 'Réglages de xenbot pour ce serveur' },
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    {
      type: Option.SubcommandGroup,
      name: 'channels',
      name_localizations: { fr: 'salons' },
      description: 'Channels where the bot answers every question, without a mention',
      description_localizations: { fr: 'Salons où le bot répond à toute question, sans mention' },
      options: [
        {
          type: Option.Subcommand,
          name: 'add',
          name_localizations: { fr: 'ajouter' },
          description: 'Answer questions in this channel without a mention',
          description_localizations: { fr: 'Répondre aux questions de ce salon sans mention' },
          options: [
            {
              type: Option.Channel,
              name: 'channel',
              name_localizations: { fr: 'salon' },
              description: 'A text channel or forum',
              description_localizations: { fr: 'Un salon textuel ou un forum' },
              channel_types: [ChannelType.GuildText, ChannelType.GuildForum, ChannelType.GuildAnnouncement],
              required: true,
            },
          ],
        },
        {
          type: Option.Subcommand,
          name: 'remove',
          name_localizations: { fr: 'retirer' },
          description: 'Stop answering there without a mention',
          description_localizations: { fr: 'Ne plus y répondre sans mention' },
          options: [
            {
              type: Option.Channel,
              name: 'channel',
              name_localizations: { fr: 'salon' },
              description: 'A channel added before',
              description_localizations: { fr: 'Un salon ajouté auparavant' },
              channel_types: [ChannelType.GuildText, ChannelType.GuildForum, ChannelType.GuildAnnouncement],
              required: true,
            },
          ],
        },
        {
          type: Option.Subcommand,
          name: 'list',
          name_localizations: { fr: 'liste' },
          description: 'The channels where the bot answers without a mention',
          description_localizations: { fr: 'Les salons où le bot répond sans mention' },
        },
      ],
    },
    {
      type: Option.Subcommand,
      name: 'cooldown',
      name_localizations: { fr: 'délai' },
      description: 'Seconds a member waits between two public answers',
      description_localizations: { fr: 'Secondes d’attente d’un membre entre deux réponses publiques' },
      options: [
        {
          type: Option.Integer,
          name: 'seconds',
          name_localizations: { fr: 'secondes' },
          description: '0 turns it off',
          description_localizations: { fr: '0 le désactive' },
          min_value: 0,
          max_value: 3600,
          required: true,
        },
      ],
    },
    {
      type: Option.Subcommand,
      name: 'language',
      name_localizations: { fr: 'langue' },
      description: 'Reply language when a question does not tell',
      description_localizations: { fr: 'Langue des réponses quand la question ne la dit pas' },
      options: [
        {
          type: Option.String,
          name: 'default',
          name_localizations: { fr: 'défaut' },
          description: 'English, French, or each member’s Discord language',
          description_localizations: { fr: 'Anglais, français, ou la langue Discord de chaque membre' },
          required: true,
          choices: [
            { name: 'English', name_localizations: { fr: 'Anglais' }, value: 'en' },
            { name: 'French', name_localizations: { fr: 'Français' }, value: 'fr' },
            { name: 'Each member’s Discord language', name_localizations: { fr: 'La langue Discord de chaque membre' }, value: 'auto' },
          ],
        },
      ],
    },
    {
      type: Option.Subcommand,
      name: 'gaps',
      name_localizations: { fr: 'lacunes' },
      description: 'This server’s top unanswered questions of the last 7 days (only you see them)',
      description_localizations: { fr: 'Les questions sans réponse de ce serveur sur 7 jours (vous seul les voyez)' },
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Everything `npm run deploy-commands` registers. */
export const COMMANDS = [XEN_COMMAND, ADMIN_COMMAND] as const;
