/** `&`, `<`, `>`, `"` and `'` as entities: the project id is an operator's setting, still escaped. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The emulator's one page: static HTML, filled by /emulator/ui.js over the admin JSON routes.
 * No inline script or style (the CSP allows only these two files) and nothing from the internet.
 */
export const uiPage = (projectId: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Descope emulator: local, not a login page</title>
<link rel="stylesheet" href="/emulator/ui.css">
<script src="/emulator/ui.js" defer></script>
</head>
<body>
<div class="banner" role="note">EMULATOR &middot; local development only. This is not a Descope
login page: never type a real password here.</div>
<header>
<h1>Descope emulator</h1>
<p>Project <code id="project">${escapeHtml(projectId)}</code>
&middot; <a href="/emulator/state" download="emulator-state.json" id="state-export">Export state</a>
&middot; <label>Import state <input type="file" id="state-import" accept="application/json"></label></p>
<nav><a href="#outbox">Outbox</a> <a href="#users">Users</a> <a href="#sessions">Sessions</a>
<a href="#keys">Signing keys</a> <a href="#settings">Settings</a> <a href="#faults">Faults</a></nav>
</header>
<main>
<section id="outbox"><h2>Outbox</h2>
<p class="hint">Codes and reset links the emulator would have sent, newest first, as they arrive.</p>
<form id="outbox-filter"><input id="outbox-login" type="search" placeholder="Filter by login id"
 aria-label="Filter the outbox by login id"> <button type="button" id="outbox-clear">Clear outbox</button></form>
<table id="outbox-table"><thead><tr><th>When</th><th>Login id</th><th>What</th><th>Sent to</th>
<th>Code or link</th></tr></thead><tbody></tbody></table>
<p class="empty" id="outbox-empty">No messages yet: a sign-up or sign-in by OTP, or a password
reset, through the service puts its code or link here.</p>
</section>
<section id="users"><h2>Users</h2>
<form id="user-search"><input id="user-q" type="search" placeholder="Search login id, name, email, phone"
 aria-label="Search users"></form>
<details><summary>New user</summary>
<form id="user-create"><input name="loginId" placeholder="Login id (email or phone)" required aria-label="Login id">
<input name="name" placeholder="Name" aria-label="Name">
<input name="password" type="password" placeholder="Password (optional)" aria-label="Password" autocomplete="new-password">
<button>Create</button></form></details>
<table id="users-table"><thead><tr><th>Login ids</th><th>Name</th><th>Email</th><th>Phone</th>
<th>Roles</th><th>Tenants</th><th>Status</th><th>Sessions</th><th></th></tr></thead><tbody></tbody></table>
<p class="empty" id="users-empty" hidden>No users match. A user appears here once a sign-up
completes (an OTP sign-up, once its code is verified), or create one above.</p>
<dialog id="user-edit"><h3>Edit user <code id="edit-id"></code></h3>
<form id="user-edit-form">
<label>Name <input name="name"></label>
<label>Email <input name="email"></label> <label><input type="checkbox" name="verifiedEmail"> verified</label>
<label>Phone <input name="phone"></label> <label><input type="checkbox" name="verifiedPhone"> verified</label>
<label>Roles (comma-separated) <input name="roleNames"></label>
<label>Tenants (one per line: <code>tenantId: role, role</code>) <textarea name="userTenants" rows="3"></textarea></label>
<label>Custom attributes (JSON) <textarea name="customAttributes" rows="3"></textarea></label>
<p><button id="edit-save">Save</button> <button type="button" id="edit-cancel">Cancel</button></p>
</form></dialog>
</section>
<section id="sessions"><h2>Sessions</h2>
<p class="hint">Live refresh tokens <span id="sessions-of">of every user</span>.
<button type="button" id="sessions-all">Show all</button>
<button type="button" id="sessions-revoke-all" hidden>Revoke all of this user</button></p>
<table id="sessions-table"><thead><tr><th>User</th><th>Token id</th><th>Signed in with</th>
<th>Expires</th><th></th></tr></thead><tbody></tbody></table>
</section>
<section id="keys"><h2>Signing keys</h2>
<table id="keys-table"><thead><tr><th>Key id</th><th>Algorithm</th><th>State</th></tr></thead><tbody></tbody></table>
<p><button type="button" id="keys-rotate">Rotate</button>
<button type="button" id="keys-rotate-drop">Rotate and drop the old keys</button></p>
</section>
<section id="settings"><h2>Settings</h2>
<p class="hint">Applied to the next request; a restart takes the start-up options again.</p>
<form id="settings-form">
<label>Session lifetime (s) <input name="sessionTtlSeconds" type="number" min="1"></label>
<label>Refresh lifetime (s) <input name="refreshTtlSeconds" type="number" min="1"></label>
<label><input name="rotateRefreshTokens" type="checkbox"> Rotate refresh tokens</label>
<label>Lock out after N failed sign-ins (0: off) <input name="lockoutAttempts" type="number" min="0"></label>
<label>Requests per minute per IP (0: off) <input name="ipRateLimit" type="number" min="0"></label>
<button>Save settings</button></form>
</section>
<section id="faults"><h2>Fault injection</h2>
<p class="hint">Make chosen routes slow, fail or drop the connection, for resilience tests.</p>
<form id="fault-form">
<label>Method <select name="method"><option value="">any</option><option>POST</option><option>GET</option></select></label>
<label>Path <input name="path" list="fault-paths" value="/v1/auth/password/signin" required></label>
<datalist id="fault-paths"><option value="/v1/auth/password/signin"><option value="/v1/auth/password/signup">
<option value="/v1/auth/otp/*"><option value="/v1/auth/refresh"><option value="/v2/keys/*"><option value="/*"></datalist>
<label>Effect <select name="effect"><option value="503">503</option><option value="500">500</option>
<option value="429">429 with Retry-After</option><option value="drop">drop the connection</option>
<option value="none">latency only</option></select></label>
<label>Latency (ms) <input name="latencyMs" type="number" min="0" value="0"></label>
<label>Retry-After (s) <input name="retryAfterSeconds" type="number" min="0" value="5"></label>
<label>For N requests (blank: until cleared) <input name="times" type="number" min="1"></label>
<button>Inject</button></form>
<table id="faults-table"><thead><tr><th>Method</th><th>Path</th><th>Effect</th><th>Hits</th>
<th></th></tr></thead><tbody></tbody></table>
<p><button type="button" id="faults-clear">Clear all faults</button></p>
</section>
</main>
<div id="toast" role="status" aria-live="polite"></div>
</body>
</html>
`;
