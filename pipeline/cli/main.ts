/** kzpp: the command line. The only module that touches process.argv, stdout and exit codes. */
import { run } from './run.js';

const streams = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
};
run(process.argv.slice(2), streams).then((code) => {
  process.exitCode = code;
});
