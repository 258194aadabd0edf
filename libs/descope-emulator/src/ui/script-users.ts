/** The page's script, part 3: users (search, create, edit, disable, delete). */
export const scriptUsers = String.raw`
let usersShown = '';
let usersById = new Map();
let editing;

const checked = (yes) => (yes ? ' \u2713' : '');

function userRow(user) {
  const tenants = user.userTenants.map((t) => t.tenantId + (t.roleNames.length ? ': ' + t.roleNames.join(', ') : ''));
  const disabled = user.status === 'disabled';
  const remove = el('button', { type: 'button', onclick: act(async (event) => {
    if (event.target.dataset.armed !== 'yes') {
      event.target.dataset.armed = 'yes';
      event.target.textContent = 'Really delete?';
      return;
    }
    await api('DELETE', '/emulator/users/' + encodeURIComponent(user.userId));
    toast('Deleted ' + user.loginIds[0]);
    await refreshAll();
  }) }, 'Delete');
  return el('tr', { className: disabled ? 'disabled' : undefined, 'data-user-id': user.userId },
    el('td', { text: user.loginIds.join(', ') }),
    el('td', { text: user.name || '' }),
    el('td', { text: (user.email || '') + checked(user.email && user.verifiedEmail) }),
    el('td', { text: (user.phone || '') + checked(user.phone && user.verifiedPhone) }),
    el('td', { text: user.roleNames.join(', ') }),
    el('td', { text: tenants.join('; ') }),
    el('td', { text: user.status }),
    el('td', {}, el('button', { type: 'button', onclick: () => showSessions(user.userId) }, String(user.sessions))),
    el('td', {},
      el('button', { type: 'button', onclick: () => openEdit(user) }, 'Edit'), ' ',
      el('button', { type: 'button', onclick: act(() => setStatus(user, disabled ? 'enabled' : 'disabled')) },
        disabled ? 'Enable' : 'Disable'), ' ',
      remove));
}

async function loadUsers() {
  const q = $('#user-q').value.trim();
  const { users } = await api('GET', '/emulator/users' + (q ? '?q=' + encodeURIComponent(q) : ''));
  usersById = new Map(users.map((user) => [user.userId, user]));
  const shown = JSON.stringify(users);
  if (shown === usersShown) return;
  usersShown = shown;
  rows('#users-table', users.map(userRow));
  $('#users-empty').hidden = users.length > 0;
}

async function setStatus(user, status) {
  await api('POST', '/emulator/users/' + encodeURIComponent(user.userId), { status });
  toast((status === 'disabled' ? 'Disabled ' : 'Enabled ') + user.loginIds[0]);
  await loadUsers();
}

function openEdit(user) {
  editing = user;
  const form = $('#user-edit-form');
  $('#edit-id').textContent = user.loginIds[0];
  form.name.value = user.name || '';
  form.email.value = user.email || '';
  form.phone.value = user.phone || '';
  form.verifiedEmail.checked = user.verifiedEmail;
  form.verifiedPhone.checked = user.verifiedPhone;
  form.roleNames.value = user.roleNames.join(', ');
  form.userTenants.value = user.userTenants.map((t) => t.tenantId + ': ' + t.roleNames.join(', ')).join('\n');
  form.customAttributes.value = JSON.stringify(user.customAttributes || {});
  $('#user-edit').showModal();
}

const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);

function editedFields(form) {
  const userTenants = form.userTenants.value.split('\n').map((line) => line.trim()).filter(Boolean)
    .map((line) => { const [tenantId, roles = ''] = line.split(':'); return { tenantId: tenantId.trim(), roleNames: list(roles) }; });
  let customAttributes;
  try { customAttributes = JSON.parse(form.customAttributes.value || '{}'); }
  catch { throw new Error('Custom attributes must be JSON, such as {"plan": "pro"}'); }
  return { name: form.name.value, email: form.email.value, phone: form.phone.value,
    verifiedEmail: form.verifiedEmail.checked, verifiedPhone: form.verifiedPhone.checked,
    roleNames: list(form.roleNames.value), userTenants, customAttributes };
}

$('#user-edit-form').addEventListener('submit', act(async () => {
  await api('POST', '/emulator/users/' + encodeURIComponent(editing.userId), editedFields($('#user-edit-form')));
  $('#user-edit').close();
  toast('Saved ' + editing.loginIds[0]);
  await loadUsers();
}));
$('#edit-cancel').addEventListener('click', () => $('#user-edit').close());
$('#user-search').addEventListener('submit', act(loadUsers));
$('#user-q').addEventListener('input', act(loadUsers));
$('#user-create').addEventListener('submit', act(async (event) => {
  const form = event.target;
  const body = { loginId: form.loginId.value, name: form.name.value || undefined, password: form.password.value || undefined };
  await api('POST', '/emulator/users', body);
  toast('Created ' + body.loginId);
  form.reset();
  await loadUsers();
}));
every(2000, loadUsers);
`;
