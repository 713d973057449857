/**
 * The bundle's entry (dist/sigdoctor.js, loaded by bin/sigdoctor.js), built
 * on its own so that it stays one small file: start-up time is a feature. A
 * lone `--version` (or `-V`) is answered here with exactly what commander
 * prints for it; anything else loads the CLI (dist/cli.js, built from
 * cli.ts), which runs the command and loads the analysis code
 * (dist/cli-lazy.js) only when a command needs it.
 */
import { writeSync } from 'node:fs';
import { VERSION } from './version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // fs.writeSync: process.stdout would set up the whole stream stack for one line.
  const line = `${VERSION}\n`;
  try {
    writeSync(1, line);
  } catch (e) {
    // A non-blocking stdout that is full: let the stream wait for it. A closed pipe (EPIPE): nobody reads.
    if ((e as NodeJS.ErrnoException).code === 'EAGAIN') process.stdout.write(line);
  }
} else {
  await import('./cli.js');
}
