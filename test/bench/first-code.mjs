// `npm run bench:first-code`: how long a new user waits, from `npm start` to a sign-in code on
// the emulator UI's screen. Starts `npm start` (building first when the build is stale, as a new
// user's first start does), reads the emulator UI's address from the start-up log, asks the
// service for an OTP sign-up, and opens the UI in Debian's Chromium until the code shows.
// Prints the times in ms as JSON. Needs /usr/bin/chromium (apt-get install -y chromium).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const port = await freePort();
const started = performance.now();
const service = spawn('npm', ['start'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), LOG_FORMAT: 'pretty', MANAGEMENT_PORT: '0' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let log = '';
service.stdout.on('data', (chunk) => (log += chunk));
service.stderr.on('data', (chunk) => (log += chunk));

/** Resolves with the first match of `pattern` in the log, polling it; fails after 120 s. */
async function seen(pattern) {
  for (let waited = 0; waited < 120_000; waited += 50) {
    const match = pattern.exec(log);
    if (match) return match;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`never saw ${pattern} in:\n${log}`);
}

try {
  const [, ui] = await seen(/Its UI[^:]*: (http:\/\/127\.0\.0\.1:\d+\/)/);
  await seen(/Listening on/);
  const listening = performance.now();
  const loginId = `first-code.${Date.now()}@example.com`;
  const sent = await fetch(`http://127.0.0.1:${port}/v1/otp/signup/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId }),
  });
  if (sent.status !== 202) throw new Error(`OTP sign-up answered ${sent.status}`);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  const page = await browser.newPage();
  await page.goto(ui);
  const code = await page
    .locator(`#outbox-table tr[data-login-id="${loginId}"] .code`)
    .textContent();
  const shown = performance.now();
  await browser.close();
  console.log(
    JSON.stringify({
      startToListeningMs: Math.round(listening - started),
      listeningToCodeOnScreenMs: Math.round(shown - listening),
      startToCodeOnScreenMs: Math.round(shown - started),
      codeDigits: code.trim().length,
    }),
  );
} finally {
  process.kill(-service.pid, 'SIGTERM');
}
