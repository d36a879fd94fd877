// Every command prints to stdout, and people pipe it into `head`: a reader that stops early ends the job.

/** Exit quietly (code 0) when stdout's reader goes away, instead of dying on EPIPE with a stack trace. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
