/** The page's script, part 2: the live outbox, newest first, with a copy button per message. */
export const scriptOutbox = String.raw`
let outboxShown = '';
let outboxNewest = '';

function outboxRow(message, fresh) {
  const secret = message.code || message.link || '';
  const cell = message.suppressed
    ? el('td', { className: 'suppressed', text: 'Not sent: ' + message.suppressed })
    : el('td', {},
        el('span', { className: message.code ? 'code' : 'link', text: secret }), ' ',
        el('button', { type: 'button', onclick: (event) => copy(secret, event.target) }, 'Copy'));
  return el('tr', { className: fresh ? 'fresh' : undefined, 'data-login-id': message.loginId },
    el('td', { text: when(message.sentAt) }),
    el('td', { text: message.loginId }),
    el('td', { text: message.kind }),
    el('td', { text: message.channel + ': ' + message.to }),
    cell);
}

async function loadOutbox() {
  const filter = $('#outbox-login').value.trim();
  const query = filter ? '?loginId=' + encodeURIComponent(filter) : '';
  const { messages } = await api('GET', '/emulator/outbox' + query);
  const shown = JSON.stringify(messages.map((m) => [m.sentAt, m.loginId, m.kind, m.code, m.link]));
  if (shown === outboxShown) return;
  const newest = outboxNewest;
  outboxShown = shown;
  outboxNewest = messages.length ? messages[0].sentAt : '';
  rows('#outbox-table', messages.map((m) => outboxRow(m, newest && m.sentAt > newest)));
  $('#outbox-empty').hidden = messages.length > 0;
}

$('#outbox-login').addEventListener('input', act(loadOutbox));
$('#outbox-filter').addEventListener('submit', act(loadOutbox));
$('#outbox-clear').addEventListener('click', act(async () => {
  await api('DELETE', '/emulator/outbox');
  await loadOutbox();
  toast('Outbox cleared');
}));
every(1000, loadOutbox);
`;
