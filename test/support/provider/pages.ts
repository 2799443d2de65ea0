// The portal's pages, as plain HTML strings: the error page, the login form
// and the consent dialog. Every interpolated value is escaped.
import type { Right } from './config';
import { escapeHtml } from './http';
import type { PendingAuthorization } from './state';

/** Where the login and consent forms post to. */
export const AUTHORIZE_PATH = '/oauth2/auth/';

const RIGHT_LABELS: Record<Right, string> = {
  read: 'Read the account and its cameras',
  write: 'Change and delete data on the account',
  liveview: 'Watch live video',
  audiotransmit: 'Transmit audio to cameras',
  liveview_ptz: 'Control pan, tilt and zoom',
  liveview_light: 'Switch camera lights',
  liveview_audioclip: 'Play audio clips on cameras',
  recordings: 'Watch recordings',
  recordings_delete: 'Delete recordings',
  events: 'Read events',
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Portal stand-in</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
label,input,button{display:block;margin:.4rem 0}.error{color:#a00}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/** Shown instead of a redirect when the redirect target cannot be trusted. */
export function errorPage(title: string, message: string): string {
  return page(title, `<p class="error" role="alert" id="error">${escapeHtml(message)}</p>`);
}

function pendingField(pending: PendingAuthorization): string {
  return `<input type="hidden" name="pending" value="${escapeHtml(pending.id)}">`;
}

export function loginPage(
  pending: PendingAuthorization,
  options: { message?: string; username?: string } = {},
): string {
  const message = options.message
    ? `<p class="error" role="alert" id="error">${escapeHtml(options.message)}</p>`
    : '';
  return page(
    'Sign in',
    `<p>Sign in to continue to <strong id="client-name">${escapeHtml(pending.client.name)}</strong>.</p>
${message}
<form method="post" action="${AUTHORIZE_PATH}">
${pendingField(pending)}
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required value="${escapeHtml(options.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  );
}

export function consentPage(pending: PendingAuthorization, username: string): string {
  const rights = pending.rights
    .map(
      (right) =>
        `<li data-right="${escapeHtml(right)}"><code>${escapeHtml(right)}</code>: ${escapeHtml(RIGHT_LABELS[right])}</li>`,
    )
    .join('\n');
  return page(
    'Grant access',
    `<p>Signed in as <strong id="username">${escapeHtml(username)}</strong>.</p>
<p>The application <strong id="client-name">${escapeHtml(pending.client.name)}</strong> asks for these rights:</p>
<ul id="rights">
${rights}
</ul>
<form method="post" action="${AUTHORIZE_PATH}">
${pendingField(pending)}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}
