// The `/xen` command as Discord registers it. Handler argument types are derived from this one definition.
import {
  ApplicationCommandOptionType as Option,
  ApplicationCommandType,
  InteractionContextType,
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
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
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
