import { Script } from 'node:vm';
import { uiScript } from './script';

/** The browser script is a string: it must at least parse (the browser test runs it). */
describe('the emulator UI script', () => {
  it('parses as JavaScript, in strict mode', () => {
    expect(() => new Script(uiScript, { filename: 'ui.js' })).not.toThrow();
    expect(uiScript).toContain("'use strict'");
  });

  it('never writes HTML from data: no innerHTML, outerHTML, insertAdjacentHTML or eval', () => {
    expect(uiScript).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });
});
