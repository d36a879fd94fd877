// Preloaded (node --require) into a measured process: prints its peak resident memory on exit, to stderr.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
