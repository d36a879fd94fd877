// Discord markup around a question (mentions, channel links, custom emoji) is noise to the engine.

const MARKUP = [
  /<@[!&]?\d+>/g, // users and roles
  /<#\d+>/g, // channels
  /<a?:\w+:\d+>/g, // custom emoji
  /@(?:everyone|here)\b/g,
];

/** The question a user meant, without mentions of anyone (the bot included) or other Discord markup. */
export function questionFromDiscordText(content: string): string {
  return MARKUP.reduce((text, pattern) => text.replace(pattern, ' '), content).replace(/\s+/g, ' ').trim();
}
