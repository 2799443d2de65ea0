// Discovery documents in the shapes the big providers publish, written from
// their public documentation and from documents quoted in public issue
// threads (named in `source`), never fetched: tenant names, IDs and hosts are
// placeholders. Each goes through the app's own metadata check in
// test/unit/auth/discovery-shapes.test.ts, and the table in
// docs/standard-servers.md is held to this list by the same test.

/** A tenant ID in the form Microsoft uses (a GUID); a placeholder. */
const TENANT = '6f5a1d0e-1c2b-4b8e-9d3a-2f0e4c7b9a11';

export interface DiscoveryShape {
  /** The provider and the variant of its set-up, as the table names it. */
  readonly provider: string;
  /** What the administrator types as the issuer address. */
  readonly entered: string;
  /** The document the well-known address answers (abridged to what the check reads, plus typical fields). */
  readonly document: Record<string, unknown>;
  /** What the check must decide: accepted (with what it tells), or the failure's code and variant. */
  readonly expected:
    | { readonly accepted: true; readonly pkce: 'advertised' | 'not-advertised' }
    | { readonly accepted: false; readonly code: string; readonly variant?: string };
  /** Why, for the administrator: one or two sentences, no `|`. */
  readonly why: string;
  /** Where the shape comes from. */
  readonly source: string;
}

const MICROSOFT_DOCS =
  'Microsoft Learn, identity platform v2-protocols-oidc (the OpenID configuration document); documents quoted in erlef/oidcc#376, Drenso/symfony-oidc#93, openiddict/openiddict-core#1465';

function entraV2(tenantPath: string, issuerTenant: string): Record<string, unknown> {
  const base = `https://login.microsoftonline.com/${tenantPath}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: [
      'client_secret_post',
      'private_key_jwt',
      'client_secret_basic',
    ],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `https://login.microsoftonline.com/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'name', 'preferred_username', 'tid'],
    cloud_instance_name: 'microsoftonline.com',
  };
}

function b2c(issuer: string): Record<string, unknown> {
  const base = 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signupsignin';
  return {
    issuer,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    response_types_supported: ['code', 'code id_token', 'code token', 'id_token', 'token'],
    scopes_supported: ['openid'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    claims_supported: ['name', 'emails', 'sub', 'iss', 'iat', 'exp', 'aud', 'tfp'],
  };
}

function keycloak(issuer: string): Record<string, unknown> {
  const base = 'https://id.company.example/realms/video/protocol/openid-connect';
  return {
    issuer,
    authorization_endpoint: `${base}/auth`,
    token_endpoint: `${base}/token`,
    introspection_endpoint: `${base}/token/introspect`,
    userinfo_endpoint: `${base}/userinfo`,
    end_session_endpoint: `${base}/logout`,
    revocation_endpoint: `${base}/revoke`,
    jwks_uri: `${base}/certs`,
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types_supported: ['code', 'none', 'id_token', 'token', 'id_token token'],
    subject_types_supported: ['public', 'pairwise'],
    id_token_signing_alg_values_supported: ['RS256', 'ES256', 'PS256'],
    token_endpoint_auth_methods_supported: [
      'private_key_jwt',
      'client_secret_basic',
      'client_secret_post',
      'tls_client_auth',
      'client_secret_jwt',
    ],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access', 'roles'],
    code_challenge_methods_supported: ['plain', 'S256'],
    authorization_response_iss_parameter_supported: true,
  };
}

export const DISCOVERY_SHAPES: readonly DiscoveryShape[] = [
  {
    provider: 'Microsoft Entra ID (v2), one tenant by its ID',
    entered: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    document: entraV2(TENANT, TENANT),
    expected: { accepted: true, pkce: 'not-advertised' },
    why: 'The issuer matches. The document lists no PKCE methods although Entra ID supports S256, so the app sends S256 anyway and the settings say the server does not advertise PKCE. It names no revocation endpoint: signing out forgets the tokens but cannot revoke them at the server.',
    source: MICROSOFT_DOCS,
  },
  {
    provider: 'Microsoft Entra ID (v2), the multi-tenant common address',
    entered: 'https://login.microsoftonline.com/common/v2.0',
    document: entraV2('common', '{tenantid}'),
    expected: { accepted: false, code: 'discovery_failed', variant: 'issuer-template' },
    why: 'The document names a placeholder, not an issuer, so no issuer check can pass. Enter the issuer of your own tenant (with its tenant ID); the same holds for organizations and consumers.',
    source: `${MICROSOFT_DOCS}; ramosbugs/openidconnect-rs#216`,
  },
  {
    provider: 'Microsoft Entra ID (v2), one tenant by its domain name',
    entered: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0',
    document: entraV2('contoso.onmicrosoft.com', TENANT),
    expected: { accepted: false, code: 'discovery_failed', variant: 'issuer-mismatch' },
    why: 'The document is served under the domain name but its issuer uses the tenant ID. The message names that issuer: enter it instead.',
    source: MICROSOFT_DOCS,
  },
  {
    provider: 'Azure AD B2C, user flow in the path',
    entered: 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/b2c_1_signupsignin/v2.0',
    document: b2c(`https://contoso.b2clogin.com/${TENANT}/v2.0/`),
    expected: { accepted: false, code: 'discovery_failed', variant: 'issuer-mismatch' },
    why: "By default B2C names an issuer (tenant ID, no user flow) under which no document is served. Set the user flow's token compatibility to the issuer that includes tfp and the policy, and enter that.",
    source:
      'Microsoft Learn, Azure AD B2C tokens overview (compatibility settings); documents quoted in authlib/loginpass#34, erlef/oidcc#376; azure-ad-b2c/samples#220',
  },
  {
    provider: 'Azure AD B2C, token compatibility set to the tfp issuer',
    entered: `https://contoso.b2clogin.com/tfp/${TENANT}/b2c_1_signupsignin/v2.0/`,
    document: b2c(`https://contoso.b2clogin.com/tfp/${TENANT}/b2c_1_signupsignin/v2.0/`),
    expected: { accepted: true, pkce: 'not-advertised' },
    why: 'This is the issuer form Microsoft documents for OpenID Connect Discovery; the issuer matches, trailing slash included. No PKCE methods are listed: S256 is sent anyway.',
    source:
      'Microsoft Learn, Azure AD B2C tokens overview (compatibility settings), as quoted in MicrosoftDocs/azure-docs#95224',
  },
  {
    provider: 'Google',
    entered: 'https://accounts.google.com',
    document: {
      issuer: 'https://accounts.google.com',
      authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
      device_authorization_endpoint: 'https://oauth2.googleapis.com/device/code',
      token_endpoint: 'https://oauth2.googleapis.com/token',
      userinfo_endpoint: 'https://openidconnect.googleapis.com/v1/userinfo',
      revocation_endpoint: 'https://oauth2.googleapis.com/revoke',
      jwks_uri: 'https://www.googleapis.com/oauth2/v3/certs',
      response_types_supported: ['code', 'token', 'id_token', 'code token', 'code id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      claims_supported: ['aud', 'email', 'exp', 'iat', 'iss', 'name', 'sub'],
      code_challenge_methods_supported: ['plain', 'S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
    },
    expected: { accepted: true, pkce: 'advertised' },
    why: 'The issuer matches and S256 is listed. Endpoints on other Google hosts are fine: each is https.',
    source: 'Google Identity, OpenID Connect (the discovery document); grafana/grafana#69520',
  },
  {
    provider: 'Okta, custom authorization server (default)',
    entered: 'https://contoso.okta.com/oauth2/default',
    document: {
      issuer: 'https://contoso.okta.com/oauth2/default',
      authorization_endpoint: 'https://contoso.okta.com/oauth2/default/v1/authorize',
      token_endpoint: 'https://contoso.okta.com/oauth2/default/v1/token',
      userinfo_endpoint: 'https://contoso.okta.com/oauth2/default/v1/userinfo',
      revocation_endpoint: 'https://contoso.okta.com/oauth2/default/v1/revoke',
      introspection_endpoint: 'https://contoso.okta.com/oauth2/default/v1/introspect',
      end_session_endpoint: 'https://contoso.okta.com/oauth2/default/v1/logout',
      jwks_uri: 'https://contoso.okta.com/oauth2/default/v1/keys',
      response_types_supported: ['code', 'id_token', 'code id_token', 'code token'],
      grant_types_supported: ['authorization_code', 'implicit', 'refresh_token', 'password'],
      subject_types_supported: ['public'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      token_endpoint_auth_methods_supported: [
        'client_secret_basic',
        'client_secret_post',
        'client_secret_jwt',
        'private_key_jwt',
        'none',
      ],
      code_challenge_methods_supported: ['S256'],
    },
    expected: { accepted: true, pkce: 'advertised' },
    why: 'The issuer matches and S256 is listed; revocation works at sign-out.',
    source:
      'Okta developer documentation, OpenID Connect & OAuth 2.0 API (well-known openid-configuration)',
  },
  {
    provider: 'Keycloak (17 and later), one realm',
    entered: 'https://id.company.example/realms/video',
    document: keycloak('https://id.company.example/realms/video'),
    expected: { accepted: true, pkce: 'advertised' },
    why: 'The issuer matches, S256 is listed, and the server also sends iss in the redirect (RFC 9207), which the app checks.',
    source: 'Keycloak Server Administration Guide (OpenID Connect endpoints of a realm)',
  },
  {
    provider: 'Keycloak, issuer typed with a trailing slash',
    entered: 'https://id.company.example/realms/video/',
    document: keycloak('https://id.company.example/realms/video'),
    expected: { accepted: false, code: 'discovery_failed', variant: 'issuer-mismatch' },
    why: "In a path a trailing slash makes another issuer (RFC 8414 compares them exactly). The message names the server's issuer, without the slash.",
    source: 'Keycloak Server Administration Guide; RFC 8414 §3.3',
  },
  {
    provider: 'Auth0',
    entered: 'https://contoso.eu.auth0.com',
    document: {
      issuer: 'https://contoso.eu.auth0.com/',
      authorization_endpoint: 'https://contoso.eu.auth0.com/authorize',
      token_endpoint: 'https://contoso.eu.auth0.com/oauth/token',
      device_authorization_endpoint: 'https://contoso.eu.auth0.com/oauth/device/code',
      userinfo_endpoint: 'https://contoso.eu.auth0.com/userinfo',
      mfa_challenge_endpoint: 'https://contoso.eu.auth0.com/mfa/challenge',
      jwks_uri: 'https://contoso.eu.auth0.com/.well-known/jwks.json',
      registration_endpoint: 'https://contoso.eu.auth0.com/oidc/register',
      revocation_endpoint: 'https://contoso.eu.auth0.com/oauth/revoke',
      scopes_supported: ['openid', 'profile', 'offline_access', 'name', 'email'],
      response_types_supported: ['code', 'token', 'id_token', 'code token', 'code id_token'],
      code_challenge_methods_supported: ['S256', 'plain'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['public'],
      token_endpoint_auth_methods_supported: [
        'client_secret_basic',
        'client_secret_post',
        'private_key_jwt',
      ],
      id_token_signing_alg_values_supported: ['HS256', 'RS256', 'PS256'],
      end_session_endpoint: 'https://contoso.eu.auth0.com/oidc/logout',
    },
    expected: { accepted: true, pkce: 'advertised' },
    why: "Auth0's issuer ends in a slash; on a bare host that is the same address as without it, so it matches either way. S256 is listed.",
    source: "Auth0 documentation (a tenant's /.well-known/openid-configuration)",
  },
  {
    provider: 'AD FS (Windows Server 2019 and later)',
    entered: 'https://fs.contoso.com/adfs',
    document: {
      issuer: 'https://fs.contoso.com/adfs',
      authorization_endpoint: 'https://fs.contoso.com/adfs/oauth2/authorize/',
      token_endpoint: 'https://fs.contoso.com/adfs/oauth2/token/',
      jwks_uri: 'https://fs.contoso.com/adfs/discovery/keys',
      token_endpoint_auth_methods_supported: [
        'client_secret_post',
        'client_secret_basic',
        'private_key_jwt',
        'windows_client_authentication',
      ],
      response_types_supported: ['code', 'id_token', 'code id_token', 'code token'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      subject_types_supported: ['pairwise'],
      scopes_supported: ['profile', 'email', 'openid', 'user_impersonation'],
      id_token_signing_alg_values_supported: ['RS256'],
      access_token_issuer: 'http://fs.contoso.com/adfs/services/trust',
      userinfo_endpoint: 'https://fs.contoso.com/adfs/userinfo',
      microsoft_multi_refresh_token: true,
    },
    expected: { accepted: true, pkce: 'not-advertised' },
    why: 'The issuer matches. No PKCE methods are listed although AD FS 2019 supports S256: S256 is sent anyway. No revocation endpoint. The plain-http access_token_issuer is only a name, never a request address, so it is not refused.',
    source:
      'Microsoft Learn, AD FS OpenID Connect/OAuth concepts; the on-premises document in AzureAD/microsoft-authentication-library-for-dotnet tests',
  },
];
