/**
 * The page's script, part 1: helpers. Plain browser JavaScript kept as a string (the emulator
 * ships no build step for the browser); ui-script.spec.ts checks that it parses, and the browser
 * test (test/emulator-ui.e2e-spec.ts) that it runs with no error. Text from users is only ever
 * set as textContent, never as HTML, and no link from the outbox is made clickable.
 */
export const scriptCore = String.raw`
'use strict';
const $ = (selector) => document.querySelector(selector);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  const data = text ? JSON.parse(text) : {};
  if (!response.ok) throw new Error(data.errorMessage || data.errorDescription || 'HTTP ' + response.status);
  return data;
}

let toastTimer;
function toast(text, bad) {
  const box = $('#toast');
  box.textContent = text;
  box.className = 'show' + (bad ? ' bad' : '');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.className = ''; }, 3000);
}

/** An event handler that runs an async action and shows its failure. */
const act = (fn) => (event) => {
  if (event && event.preventDefault) event.preventDefault();
  Promise.resolve().then(() => fn(event)).catch((error) => toast(error.message, true));
};

/** Runs fn now and every ms while the page is visible. */
function every(ms, fn) {
  const tick = () => {
    const next = () => setTimeout(tick, ms);
    if (document.hidden) return next();
    Promise.resolve().then(fn).catch((error) => toast(error.message, true)).finally(next);
  };
  tick();
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = el('textarea', {}, text);
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  button.textContent = 'Copied';
  setTimeout(() => { button.textContent = 'Copy'; }, 1500);
}

const when = (iso) => new Date(iso).toLocaleTimeString();
const at = (seconds) => new Date(seconds * 1000).toLocaleString();
const rows = (table, list) => $(table + ' tbody').replaceChildren(...list);
`;
