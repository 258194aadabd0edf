import { scriptCore } from './script-core';
import { scriptOutbox } from './script-outbox';
import { scriptSystem } from './script-system';
import { scriptUsers } from './script-users';

/** The page's whole script, in one strict function scope so nothing leaks onto `window`. */
export const uiScript = `(() => {${scriptCore}${scriptOutbox}${scriptUsers}${scriptSystem}})();\n`;
