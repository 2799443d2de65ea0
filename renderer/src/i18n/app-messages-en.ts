// The window's words for what the main process reports: one text for every
// code an error or a notice of the main process can carry (a unit test reads
// the codes from main/ and holds this list to them). An object holds the
// code's sentences by `params.variant`, `default` for any other. Placeholders
// are the error's plain params: {{portal}} (a portal's configured name;
// {{Portal}} the same, capitalised to start a sentence), {{count}} (what the
// plural follows), {{port}}, {{status}}, {{path}}… Never a token or a secret.
export const appMessagesEn = {
  // The sign-in engine (main/auth/auth-error.ts)
  access_denied:
    'You declined the request in {{portal}}, so Netrex Connect was not signed in. To connect, sign in again and allow access.',
  invalid_scope:
    '{{Portal}} refused the requested rights. Choose fewer rights in the portal settings, or ask your administrator which rights the application may request.',
  server_error:
    "{{Portal}} reported an internal problem. If it lasts, contact the portal's administrator.",
  temporarily_unavailable:
    '{{Portal}} is temporarily unavailable. It usually comes back within a few minutes.',
  unauthorized_client:
    "{{Portal}} doesn't allow this application to sign in this way. Ask your administrator to check the OAuth application in the portal.",
  unsupported_response_type:
    "{{Portal}} doesn't support the sign-in method Netrex Connect uses (authorization code). Ask your administrator to check the OAuth application.",
  invalid_request:
    '{{Portal}} refused the sign-in request. Check that the client ID and the registered redirect address match the portal settings, then try again.',
  invalid_client:
    "{{Portal}} didn't accept the application's client ID or secret. Check them in the portal settings, or ask your administrator.",
  invalid_grant:
    '{{Portal}} no longer accepts this sign-in: it expired, was used already or was revoked. Sign in again.',
  unknown_redirect:
    "This isn't a Netrex Connect sign-in address. After approving in the browser, copy the whole address from the address bar and paste it again.",
  not_pending:
    'No sign-in to {{portal}} is waiting for an answer. Start the sign-in again from Netrex Connect.',
  state_mismatch:
    "This sign-in answer doesn't belong to the sign-in in progress, so it was ignored for your safety. Finish the sign-in in the browser tab Netrex Connect opened last, or start again.",
  incomplete_redirect:
    "This address is incomplete: it ends before the part that ties it to your sign-in. Copy the whole address from the browser's address bar (it is long: select all of it) and paste it again.",
  replayed:
    "This sign-in answer was used already and can't be used twice. If you aren't connected, start the sign-in again.",
  timed_out_one:
    "The sign-in to {{portal}} wasn't finished within {{count}} minute, so it timed out. Start it again.",
  timed_out_other:
    "The sign-in to {{portal}} wasn't finished within {{count}} minutes, so it timed out. Start it again.",
  superseded:
    'A newer sign-in to {{portal}} was started, so this one was abandoned. Finish the newest one in the browser.',
  cancelled: 'The sign-in to {{portal}} was cancelled.',
  iss_mismatch:
    'The sign-in answer says it comes from another server than {{portal}}, so it was refused for your safety. Start again; if this keeps happening, tell your administrator.',
  missing_code: '{{Portal}} sent the browser back without a sign-in code. Start the sign-in again.',
  portal_error:
    '{{Portal}} answered with an error or an unexpected page instead of a sign-in answer. If this keeps happening, check the portal address.',
  network: "Netrex Connect couldn't reach {{portal}}. Check your internet connection and proxy.",
  timeout_one:
    "{{Portal}} didn't answer within {{count}} second. If this keeps happening, check your connection.",
  timeout_other:
    "{{Portal}} didn't answer within {{count}} seconds. If this keeps happening, check your connection.",
  invalid_token_response:
    "{{Portal}} answered with a sign-in result Netrex Connect can't use (no access token, or a token of an unsupported type). Tell your administrator.",
  discovery_failed: {
    default:
      "Netrex Connect couldn't read the sign-in configuration of {{portal}}. Check that the issuer address is exactly the server's issuer.",
    'redirect-elsewhere':
      "{{Portal}} answered the request for its sign-in configuration with a redirect (HTTP {{status}}) to {{host}}. Netrex Connect follows a redirect only on the issuer's own server (or from http to https on the same host and port), so it stopped. Set the issuer address to the server's own issuer.",
    'redirect-again':
      "{{Portal}} redirected the request for its sign-in configuration more than once (the second time HTTP {{status}}, to {{host}}). Netrex Connect follows one redirect only. Set the issuer address to the server's own issuer.",
    'redirect-no-location':
      "{{Portal}} answered the request for its sign-in configuration with a redirect (HTTP {{status}}) that doesn't say where to. Check the issuer address.",
    'not-found':
      '{{Portal}} has no sign-in configuration at this address: both /.well-known/openid-configuration and /.well-known/oauth-authorization-server under it answered 404 Not Found. Check the issuer address; it usually includes a tenant or realm path.',
    status:
      '{{Portal}} answered the request for its sign-in configuration with HTTP {{status}} instead of the configuration. Check the issuer address, and that the server lets anyone read its configuration.',
    'not-json':
      "{{Portal}} answered with a web page or other text instead of its sign-in configuration (JSON). The address is probably a website, not the server's issuer: check it.",
    'no-issuer':
      "{{Portal}} answered with a JSON document that isn't a sign-in configuration (it names no issuer). Check the issuer address.",
    'issuer-mismatch':
      'The sign-in configuration at this address belongs to another issuer: the server says it is {{claimed}}, but {{portal}} is set up with {{configured}}. The two must match exactly; if the server is the right one, set the issuer address to {{claimed}}.',
    'issuer-template':
      "{{Portal}} publishes a placeholder instead of its issuer ({{claimed}}): this is a multi-tenant address. Set the issuer address to your own tenant's issuer, with the tenant ID in place of the placeholder.",
    'endpoint-missing':
      "The sign-in configuration of {{portal}} has no {{field}}, which Netrex Connect needs to sign in. Tell the server's administrator.",
    'endpoint-not-https':
      "The sign-in configuration of {{portal}} gives an address for {{field}} that isn't https:// (plain http:// only for 127.0.0.1 and [::1]), so Netrex Connect doesn't use it. Tell the server's administrator.",
    'field-invalid':
      "The sign-in configuration of {{portal}} has an invalid {{field}}. Tell the server's administrator.",
  },
  pkce_unsupported:
    "{{Portal}} lists the PKCE methods it supports ({{listed}}) and S256 isn't among them. Netrex Connect signs in only with S256 PKCE; ask the server's administrator to enable it.",
  loopback_unavailable:
    "Netrex Connect couldn't listen on port {{port}} of this computer for the browser's answer; another program may be using it. Close that program or choose another port in the portal settings.",
  not_configured: {
    default: "{{Portal}} isn't set up for sign-in yet. Open its settings.",
    'client-id-and-secret-netrex':
      '{{Portal}} has no client ID and no client secret yet. Create an OAuth2 application in the portal (user icon → </> API → OAuth2 Application) with the redirect address shown in the settings, then enter its client ID and client secret here, or ask your administrator.',
    'client-id-and-secret-managed':
      '{{Portal}} has no client ID and no client secret yet. Ask your administrator to set them in the managed configuration.',
    'client-id-netrex':
      '{{Portal}} has no client ID yet. Create an OAuth2 application in the portal (user icon → </> API → OAuth2 Application) with the redirect address shown in the settings, then enter its client ID here, or ask your administrator.',
    'client-id-oauth2':
      '{{Portal}} has no client ID yet. Register Netrex Connect as a native client on the server with the redirect address shown in the settings, then enter its client ID here, or ask your administrator.',
    'client-id-managed':
      '{{Portal}} has no client ID yet. Ask your administrator to set it in the managed configuration.',
    'client-secret':
      "{{Portal}} has no client secret yet. Enter the client secret of the portal's OAuth2 application here, or ask your administrator.",
    'client-secret-managed':
      '{{Portal}} has no client secret yet. Ask your administrator to set it in the managed configuration.',
    'address-not-a-url':
      "The address of {{portal}} isn't allowed: it isn't a web address (expected e.g. https://portal.example.com). Correct it in the settings.",
    'address-not-https':
      "The address of {{portal}} isn't allowed: it must start with https:// (plain http:// only for 127.0.0.1 and [::1]). Correct it in the settings.",
    'address-has-credentials':
      "The address of {{portal}} isn't allowed: it must not contain a user name or password. Correct it in the settings.",
    'address-has-query-or-fragment':
      "The address of {{portal}} isn't allowed: it must not contain a query (?…) or a fragment (#…). Correct it in the settings.",
  },
  unknown_provider: "This portal isn't in the list any more. Add it again or choose another one.",
  provider_changed:
    'The portal listed as {{portal}} is now at another address than the one this account signed in to, so Netrex Connect sends nothing of this sign-in there. Sign in again to use the portal at its new address.',
  no_refresh_token:
    "{{Portal}} didn't give Netrex Connect a way to renew the connection. Sign in again when it expires.",
  revocation_failed:
    "{{Portal}} didn't confirm that the sign-in was cancelled. You can revoke the application's access in the portal yourself.",
  revocation_unsupported:
    '{{Portal}} offers no way to cancel a sign-in from an application. Revoke the access in the portal yourself if needed.',
  disposed: 'Netrex Connect is closing, so this was stopped.',

  // Accounts (main/accounts/account-error.ts)
  unknown_account:
    "This account isn't in Netrex Connect any more. Refresh the list, or sign in again.",
  signed_out:
    'The sign-in to {{portal}} has ended, so Netrex Connect holds no access for this account. Sign in again.',
  provider_missing:
    'The portal of this account ({{portal}}) is no longer in the list of portals. Add it again, or sign out of this account.',
  provider_in_use_one:
    '{{Portal}} still has an account signed in. Sign out of it first, then remove the portal.',
  provider_in_use_other:
    '{{Portal}} still has {{count}} accounts signed in. Sign out of them first, then remove the portal.',
  api_token_rejected:
    "{{Portal}} didn't accept this API token. Check that you copied the whole token and that it's still valid in the portal (user icon → </> API), then paste it again.",
  api_token_malformed:
    "This doesn't look like an API token: it contains spaces or line breaks. Copy the token again from the portal (user icon → </> API) and paste only the token.",
  api_token_revoked:
    'The API token is no longer valid: {{portal}} rejected it. Create a new token in the portal (user icon → </> API) and sign in with it again.',
  api_token_unsupported:
    '{{Portal}} is a standard OAuth server; personal API tokens are a feature of Netrex and CamStreamer Cloud portals. Sign in through the browser instead.',
  api_token_target_changed:
    "The address of {{portal}} isn't the one shown when you chose it, so the token wasn't sent anywhere. Check the portal and its address, then paste the token again.",
  api_token_not_revocable:
    'Netrex Connect forgot the API token, but only {{portal}} can delete it: it keeps working until you delete it in the portal (user icon → </> API).',
  access_rejected:
    '{{Portal}} no longer accepts this sign-in (its API answered that the access is not valid). Sign in again.',
  api_forbidden:
    "{{Portal}} refused to list the cameras of this account (HTTP {{status}}). The account may lack the right to read cameras; ask the portal's administrator.",
  api_unavailable:
    "{{Portal}} isn't answering its API right now (HTTP {{status}}). Netrex Connect will try again by itself.",
  api_unexpected:
    "{{Portal}} answered with something Netrex Connect doesn't understand (HTTP {{status}}) instead of the camera list. It will try again; if this keeps happening, check the portal address.",
  api_query_failed:
    "{{Portal}} accepted the sign-in but couldn't list the cameras. Netrex Connect will try again later.",

  // Portal settings (main/providers, main/ipc) and the vault's own refusals
  invalid_input: {
    default: "Netrex Connect couldn't accept this value. Check it and try again.",
    'url-not-a-url':
      "The address isn't valid: it isn't a web address (expected e.g. https://portal.example.com).",
    'url-not-https':
      "The address isn't valid: it must start with https:// (plain http:// is allowed only for 127.0.0.1 and [::1]).",
    'url-has-credentials': "The address isn't valid: it must not contain a user name or password.",
    'url-has-query-or-fragment':
      "The address isn't valid: it must not contain a query (?…) or a fragment (#…).",
    name: 'The name must be 1 to 80 characters long, without control characters.',
    clientId: 'The client ID must be at most 200 printable ASCII characters, without spaces.',
    rights:
      "The list of rights isn't valid: name at least one and at most 50 rights the portal knows, each once.",
    redirectKind: 'Choose how the browser returns to the app: the app link or a local address.',
    loopbackPort: 'The port must be a whole number from 1024 to 65535.',
    clientSecret:
      'The client secret must be 1 to 16,384 characters long. Paste it again from the portal.',
    request:
      "Netrex Connect couldn't accept this request. Try again; if it keeps happening, restart the app.",
    account: "The account couldn't be saved because its data isn't valid. Sign in again.",
  },
  locked: {
    default: "{{Portal}} is set up by your administrator and can't be changed here.",
    'demo-secret': "{{Portal}} comes with its own client secret; it can't be changed.",
    'managed-secret':
      "{{Portal}} is set up by your administrator; its client secret can't be changed here.",
  },
  not_removable: "{{Portal}} comes with the app or from your administrator and can't be removed.",
  duplicate: 'This address is already in the list as “{{portal}}”.',
  custom_portals_disabled:
    "Your administrator doesn't allow adding portals on this computer. Ask them to add it to the managed configuration.",
  encrypt_failed:
    'The system key store ({{backend}}) refused to encrypt the saved sign-ins. You stay signed in until the app closes; unlock the key store (keyring) and sign in again to keep the sign-in.',
  write_failed:
    "The saved sign-ins couldn't be written to disk ({{systemError}}). You stay signed in until the app closes; free some disk space or check the permissions of the app data folder, then sign in again to keep the sign-in.",
  weak_storage_unavailable:
    "This computer offers no way to encrypt the sign-ins, so they can't be kept on disk. They stay in memory until the app closes; set up a system keyring to stay signed in.",

  // Notices at start and from the app shell (main/services, main/providers, main/vault, main/electron)
  managed_config_invalid: {
    default:
      "The managed configuration {{file}} isn't valid. Netrex Connect ignores that part and works without it; ask your administrator to correct the file.",
    file: "The managed configuration {{file}} can't be used: {{reason}}. Until your administrator corrects it, Netrex Connect works without it, and what it may restrict stays restricted here (adding portals by hand, personal API tokens, updates).",
    lockdown:
      "The managed configuration {{file}} isn't valid at {{field}}: {{reason}}. Until your administrator corrects it, what it may restrict stays restricted here (adding portals by hand, personal API tokens, updates).",
    entry:
      "The managed configuration {{file}} isn't valid at {{field}}: {{reason}}. Netrex Connect ignores that part and works without it; ask your administrator to correct the file.",
  },
  policy_source_refused: {
    default:
      "The policies in {{source}} weren't used: Netrex Connect obeys only what an administrator alone could have written. Ask your administrator to make {{path}} owned and writable by administrators only.",
    owner:
      "The policies in {{source}} weren't used: {{path}} isn't owned by an administrator, so another user of this computer could have written it. Ask your administrator to make it owned and writable by administrators only.",
    writable:
      "The policies in {{source}} weren't used: users who aren't administrators may change {{path}}. Ask your administrator to make it writable by administrators only.",
    unchecked:
      "The policies in {{source}} weren't used: Netrex Connect couldn't check who may change {{path}}. Ask your administrator to set the policies through Group Policy or Intune instead.",
  },
  set_by_policy: {
    default: 'Your organisation sets this on this computer, so it cannot be changed here.',
    'api-tokens':
      "Your organisation doesn't allow signing in with a personal API token on this computer. Sign in through the portal in your browser instead.",
    'weak-storage':
      "Your organisation doesn't allow keeping sign-ins on disk without a keyring. They stay in memory until the app closes; set up a system keyring to stay signed in.",
    'launch-at-login':
      'Your organisation sets whether Netrex Connect starts at login on this computer, so it cannot be changed here.',
  },
  update_restart_refused: {
    default: 'No update is ready to install.',
    'sign-in': 'A sign-in is in progress. Finish or cancel it, then restart to update.',
    saving: 'Your sign-ins are being saved. Restart to update in a moment.',
    'not-ready': 'No update is ready to install.',
  },
  update_failed: {
    default: "The update couldn't be downloaded. The app tries again later.",
    offline: "The update server couldn't be reached. The app tries again later.",
    'not-found':
      'The update server has no release information for this app (latest.yml is missing). Tell your administrator.',
    checksum:
      "The downloaded update didn't match its checksum, so it was thrown away. The app tries again later.",
    signature:
      "The downloaded update isn't signed by the publisher of this app, so it was refused. Tell your administrator.",
    server: 'The update server answered with an error. The app tries again later.',
    'invalid-feed':
      "The release information on the update server can't be read. Tell your administrator.",
    unknown: "The update couldn't be downloaded. The app tries again later.",
  },
  provider_shadowed:
    'Your portal “{{portal}}” has the same id as a portal your administrator configured, so only theirs is shown.',
  provider_settings_unreadable:
    "Your portal settings couldn't be read. The file was moved aside to {{path}}; the built-in portals are available, add your own portals again.",
  provider_settings_invalid:
    "A saved portal (entry {{entry}}, {{field}}) isn't valid and was skipped. Add it again.",
  vault_recovered: {
    default:
      "The saved sign-ins couldn't be read. The file was set aside and the accounts in it are signed out; sign in again.",
    corrupted:
      'The saved sign-ins file is damaged. It was set aside and the accounts in it are signed out; sign in again.',
    invalid:
      "The saved sign-ins file is damaged (its layout isn't one this app writes). It was set aside and the accounts in it are signed out; sign in again.",
    'newer-version':
      'The saved sign-ins file was written by a newer version of Netrex Connect. It was set aside and the accounts in it are signed out; sign in again.',
    undecryptable:
      "The saved sign-ins couldn't be decrypted with this computer's key store: they may come from another computer or user account, or the key store was reset. The file was set aside and the accounts in it are signed out; sign in again.",
  },
  vault_waiting_for_keyring:
    "Your saved sign-ins are waiting for the system keyring, which isn't unlocked yet. They're kept as they are and come back by themselves once it's unlocked; until then new sign-ins are kept in memory only.",
  vault_keyring_opened: 'The system keyring is unlocked: your saved sign-ins are back.',
  vault_file_kept: {
    default:
      "The saved sign-ins couldn't be read, nor set aside, so the file is left untouched and sign-ins are kept in memory only until the app closes.",
    'sealed-elsewhere':
      "The saved sign-ins are encrypted with a key store ({{sealedBy}}) that isn't available now (the one in use is {{backend}}). They are left as they are and open again once it is back: unlock or start it, then restart Netrex Connect. Until then sign-ins are kept in memory only.",
    corrupted:
      "The saved sign-ins file is damaged. It couldn't be set aside, so it is left untouched and sign-ins are kept in memory only until the app closes.",
    invalid:
      "The saved sign-ins file is damaged (its layout isn't one this app writes). It couldn't be set aside, so it is left untouched and sign-ins are kept in memory only until the app closes.",
    'newer-version':
      "The saved sign-ins file was written by a newer version of Netrex Connect. It couldn't be set aside, so it is left untouched and sign-ins are kept in memory only until the app closes.",
    undecryptable:
      "The saved sign-ins couldn't be decrypted with this computer's key store, nor set aside, so the file is left untouched and sign-ins are kept in memory only until the app closes.",
  },
  vault_settings_unreadable: {
    default: "The file that remembers whether to save sign-ins on this computer couldn't be read.",
    protected:
      "The file that remembers whether to save sign-ins on this computer couldn't be read. Nothing else changes: the system key store protects the saved sign-ins.",
    'protected-moved':
      "The file that remembers whether to save sign-ins on this computer couldn't be read; it was moved aside to {{path}}. Nothing else changes: the system key store protects the saved sign-ins.",
    'memory-only':
      "The file that remembers whether to save sign-ins on this computer couldn't be read. Until you choose again in Settings → Saved sign-ins, new sign-ins are kept in memory only; the ones saved before are still on disk, untouched, and come back once you choose to save sign-ins again and restart the app.",
    'memory-only-moved':
      "The file that remembers whether to save sign-ins on this computer couldn't be read; it was moved aside to {{path}}. Until you choose again in Settings → Saved sign-ins, new sign-ins are kept in memory only; the ones saved before are still on disk, untouched, and come back once you choose to save sign-ins again and restart the app.",
  },
  settings_unreadable: {
    default: "The app settings couldn't be read, so the defaults apply.",
    moved:
      "The app settings couldn't be read, so the defaults apply. The file was moved aside to {{path}}.",
  },
  browser_unavailable:
    "Netrex Connect couldn't open your web browser for the sign-in. Check that a default browser is set, then try again.",
  sign_in_address_refused:
    "Netrex Connect didn't open the portal's sign-in page: its address isn't one the app opens (https, or plain http only to this computer). Check the portal's address in its settings; if this keeps happening, tell your administrator.",
  loopback_not_registered:
    "{{Portal}} has no local address (http://127.0.0.1) registered for Netrex Connect, so the browser can't return that way. Ask your administrator to register it, or sign in with an API token.",
  clipboard_unavailable:
    'Netrex Connect couldn\'t put the sign-in link on the clipboard. Use "Open the browser again" instead, or paste the address from the browser.',
  internal_error:
    'Something went wrong inside Netrex Connect. Try again; if it keeps happening, restart the app.',
  forbidden_sender: "This request didn't come from the Netrex Connect window and was refused.",
  several_links:
    'Netrex Connect was started with several sign-in links at once and opened none of them. Start the sign-in again from the app.',
  link_too_long:
    'Netrex Connect was opened with a sign-in link far longer than any portal sends, so it was ignored. Start the sign-in again from the app.',
  // What the operator did not confirm in the app's own dialog (main/common/confirmation.ts)
  not_confirmed: {
    default: "This wasn't confirmed in the Netrex Connect dialog, so nothing was changed.",
    'weak-storage':
      "Sign-ins are still not saved on this computer: saving them without a system keyring wasn't confirmed in the Netrex Connect dialog. To save them anyway, choose it again and confirm.",
    'first-sign-in':
      "The sign-in to {{portal}} didn't start: opening this portal's sign-in page for the first time wasn't confirmed in the Netrex Connect dialog. Start the sign-in again and confirm, if you added this portal yourself and trust its address.",
    'replace-sign-in':
      "The earlier sign-in to {{portal}} stays: replacing it wasn't confirmed in the Netrex Connect dialog, so the new sign-in wasn't used. If you meant to replace it, sign in again and confirm.",
  },
  // Damaged vault files set aside (main/services/set-aside-vault-files.ts)
  set_aside_not_deleted_one:
    "A damaged sign-in file set aside couldn't be deleted ({{path}}). Check that your user account may change the app data folder, or delete the file yourself.",
  set_aside_not_deleted_other:
    "{{count}} damaged sign-in files set aside couldn't be deleted, for example {{path}}. Check that your user account may change the app data folder, or delete the files yourself.",
  set_aside_settings_unreadable: {
    default:
      "The setting for how long damaged sign-in files are kept couldn't be read, so they're kept {{days}} days.",
    moved:
      "The setting for how long damaged sign-in files are kept couldn't be read, so they're kept {{days}} days. The file was moved aside to {{path}}.",
  },
  portal_trust_unreadable: {
    default:
      "The list of portals whose address you confirmed couldn't be read, so Netrex Connect asks again before the first sign-in to each portal you added.",
    moved:
      "The list of portals whose address you confirmed couldn't be read, so Netrex Connect asks again before the first sign-in to each portal you added. The file was moved aside to {{path}}.",
  },
  // The diagnosis and the log (main/services/diagnosis-service.ts, main/services/index.ts)
  report_save_unavailable: "Saving the report isn't available here. Copy it instead.",
  report_not_saved:
    "The report couldn't be saved there. Choose another folder (your Documents, say), or copy the report instead.",
  log_folder_unavailable: {
    default: 'This copy of Netrex Connect keeps no log file.',
    path: "The log folder couldn't be opened. You'll find it at {{path}}.",
  },
} as const;
