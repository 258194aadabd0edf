/** The page's script, part 4: sessions, signing keys, settings, faults, and state import. */
export const scriptSystem = String.raw`
let sessionsOf = '';

function showSessions(userId) {
  sessionsOf = userId;
  location.hash = '#sessions';
  loadSessions().catch((error) => toast(error.message, true));
}

async function loadSessions() {
  const user = usersById.get(sessionsOf);
  $('#sessions-of').textContent = sessionsOf ? 'of ' + (user ? user.loginIds[0] : sessionsOf) : 'of every user';
  $('#sessions-revoke-all').hidden = !sessionsOf;
  const { sessions } = await api('GET', '/emulator/sessions' + (sessionsOf ? '?userId=' + encodeURIComponent(sessionsOf) : ''));
  rows('#sessions-table', sessions.map((s) => el('tr', { 'data-jti': s.jti },
    el('td', { text: usersById.has(s.userId) ? usersById.get(s.userId).loginIds[0] : s.userId }),
    el('td', { text: s.jti.slice(0, 8) + '\u2026' }),
    el('td', { text: s.amr.join(', ') + (s.su ? ' (stepped up)' : '') }),
    el('td', { text: at(s.exp) }),
    el('td', {}, el('button', { type: 'button', onclick: act(async () => {
      await api('DELETE', '/emulator/sessions/' + encodeURIComponent(s.jti));
      toast('Session revoked: its next refresh fails');
      await refreshAll();
    }) }, 'Revoke')))));
}

$('#sessions-all').addEventListener('click', () => showSessions(''));
$('#sessions-revoke-all').addEventListener('click', act(async () => {
  await api('DELETE', '/emulator/users/' + encodeURIComponent(sessionsOf) + '/sessions');
  toast('Every session of this user revoked');
  await refreshAll();
}));

async function loadKeys() {
  const { alg, keys } = await api('GET', '/emulator/keys');
  rows('#keys-table', keys.map((key) => el('tr', {},
    el('td', { text: key.kid }), el('td', { text: alg }),
    el('td', { text: key.current ? 'current (signing)' : key.retiresAt ? 'previous, published until ' + new Date(key.retiresAt).toLocaleTimeString() : 'previous' }))));
}

async function rotate(drop) {
  const { kid } = await api('POST', '/emulator/keys/rotate' + (drop ? '?drop=true' : ''));
  toast('Now signing with ' + kid);
  await loadKeys();
}
$('#keys-rotate').addEventListener('click', act(() => rotate(false)));
$('#keys-rotate-drop').addEventListener('click', act(() => rotate(true)));

async function loadSettings() {
  const settings = await api('GET', '/emulator/settings');
  const form = $('#settings-form');
  for (const [name, value] of Object.entries(settings)) {
    if (typeof value === 'boolean') form[name].checked = value;
    else form[name].value = value;
  }
}
$('#settings-form').addEventListener('submit', act(async (event) => {
  const form = event.target;
  const body = { rotateRefreshTokens: form.rotateRefreshTokens.checked };
  for (const name of ['sessionTtlSeconds', 'refreshTtlSeconds', 'lockoutAttempts', 'ipRateLimit']) body[name] = Number(form[name].value);
  await api('POST', '/emulator/settings', body);
  toast('Settings saved');
}));

const effectOf = (f) => [f.status ? String(f.status) : f.drop ? 'drop' : '', f.latencyMs ? '+' + f.latencyMs + ' ms' : '',
  f.retryAfterSeconds ? 'Retry-After ' + f.retryAfterSeconds : '', f.times ? 'for ' + f.times : 'until cleared'].filter(Boolean).join(', ');

async function loadFaults() {
  const { faults } = await api('GET', '/emulator/faults');
  rows('#faults-table', faults.map((f) => el('tr', {},
    el('td', { text: f.method || 'any' }), el('td', { text: f.path }), el('td', { text: effectOf(f) }),
    el('td', { text: String(f.hits) }),
    el('td', {}, el('button', { type: 'button', onclick: act(async () => {
      await api('DELETE', '/emulator/faults/' + encodeURIComponent(f.id));
      await loadFaults();
    }) }, 'Remove')))));
}
$('#fault-form').addEventListener('submit', act(async (event) => {
  const form = event.target;
  const effect = form.effect.value;
  const number = (name) => (form[name].value === '' ? undefined : Number(form[name].value));
  await api('POST', '/emulator/faults', { method: form.method.value || undefined, path: form.path.value,
    status: /^\d+$/.test(effect) ? Number(effect) : undefined, drop: effect === 'drop' || undefined,
    latencyMs: number('latencyMs') || undefined, times: number('times'),
    retryAfterSeconds: effect === '429' || effect === '503' ? number('retryAfterSeconds') : undefined });
  toast('Fault injected on ' + form.path.value);
  await loadFaults();
}));
$('#faults-clear').addEventListener('click', act(async () => {
  await api('DELETE', '/emulator/faults');
  await loadFaults();
  toast('Faults cleared');
}));

$('#state-import').addEventListener('change', act(async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  let state;
  try { state = JSON.parse(await file.text()); } catch { throw new Error('Not imported: the file is not JSON'); }
  await api('POST', '/emulator/state', state);
  event.target.value = '';
  toast('State imported');
  await refreshAll();
}));

async function refreshAll() {
  await Promise.all([loadUsers(), loadSessions(), loadKeys(), loadFaults()]);
}
every(2000, loadSessions);
every(2000, loadFaults);
loadKeys().catch((error) => toast(error.message, true));
loadSettings().catch((error) => toast(error.message, true));
`;
