// Links to one line of a source file, so that a citation opens where the fact is written.

/** Files GitHub renders as documents: a line anchor only works on their plain view. */
const RENDERED = /\.(?:md|markdown|rst|adoc|pod)$/i;

/** `url` itself without a line; with one, the GitHub anchor for it (`…#L123`, `…?plain=1#L123` for rendered files). */
export function lineLink(url: string, line?: number): string {
  if (line === undefined || url.includes('#')) return url;
  const isGitHubFile = /^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\//.test(url);
  if (!isGitHubFile) return url;
  const path = url.split('?')[0]!;
  return RENDERED.test(path) && !url.includes('?') ? `${url}?plain=1#L${line}` : `${url}#L${line}`;
}
