/**
 * Everything the CLI needs beyond argument parsing: the analysis pipeline,
 * the formatters, the examples, the EC catalogue, the signer, colour. cli.ts
 * loads this module with a dynamic import only when a command runs, so
 * `--version` and `--help` never load or initialise it (start-up time is a
 * feature: sigdoctor runs in CI loops and git hooks).
 */
export { Chalk, supportsColor } from 'chalk';
export { diagnose, inputText, readCases } from './index.js';
export { formatReport } from './report/index.js';
export { EXAMPLES, findExample } from './examples/index.js';
export { signRequest } from './signer/sign-request.js';
export { formatSignHuman, formatSignJson } from './report/sign.js';
export { EC_CATALOGUE } from './ec/catalogue.js';
export { lookupEc } from './ec/lookup.js';
export { formatEcHuman, formatEcJson, formatEcList } from './report/ec.js';
