// Documents that mix generated figures with hand-written notes: a command rewrites only its own section.

/** The document with the section `command` generates replaced by `content` (or made of it, the first time). */
export function spliceGenerated(document: string, content: string, command: string): string {
  const begin = `<!-- ${command}: generated from here -->`;
  const end = `<!-- ${command}: generated up to here -->`;
  const generated = `${begin}\n${content}${end}\n`;
  const from = document.indexOf(begin);
  const to = document.indexOf(end);
  if (from < 0 || to < from) return generated;
  return `${document.slice(0, from)}${generated}${document.slice(to + end.length).replace(/^\n/, '')}`;
}
