// The big providers' discovery documents (test/support/discovery-shapes.ts,
// written from their documentation) through the app's own checks: the issuer
// as the address rules store it, then readMetadata — status, JSON, exact
// issuer, oauth4webapi's checks, checkMetadata — exactly what a fetched
// document goes through. The table in docs/standard-servers.md is rendered
// from these outcomes, so the two cannot drift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/auth/auth-error';
import { readMetadata, serverFactsOf } from '../../../main/auth/dialects/discovery';
import { protocolError } from '../../../main/auth/dialects/oauth2';
import { normalizeProviderUrl } from '../../../main/providers/portal-url';
import { DISCOVERY_SHAPES, type DiscoveryShape } from '../../support/discovery-shapes';

const DOC = new URL('../../../docs/standard-servers.md', import.meta.url);
const BEGIN = '<!-- discovery-shapes:begin (generated from test/support/discovery-shapes.ts) -->';
const END = '<!-- discovery-shapes:end -->';

type Outcome =
  | { readonly accepted: true; readonly pkce: 'advertised' | 'not-advertised' }
  | { readonly accepted: false; readonly code: string; readonly variant?: string; message: string };

async function check(shape: DiscoveryShape): Promise<Outcome> {
  const stored = normalizeProviderUrl(shape.entered, 'oauth2');
  if (!stored.ok) throw new Error(`${shape.provider}: the address rules refuse ${shape.entered}`);
  const answer = new Response(JSON.stringify(shape.document), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
  try {
    const as = await readMetadata(new URL(stored.url), answer, shape.provider, (error) =>
      protocolError(error, { portal: shape.provider }, 'discovery_failed'),
    );
    return { accepted: true, pkce: serverFactsOf(as).pkce };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const variant = error.params?.variant;
    return {
      accepted: false,
      code: error.code,
      ...(typeof variant === 'string' ? { variant } : {}),
      message: error.message,
    };
  }
}

/** What the table's result column says for an outcome. */
function resultText(outcome: Outcome): string {
  if (outcome.accepted)
    return outcome.pkce === 'advertised' ? 'Accepted' : 'Accepted; PKCE not advertised';
  switch (outcome.variant) {
    case 'issuer-mismatch':
      return 'Refused: the issuer differs';
    case 'issuer-template':
      return 'Refused: a placeholder issuer';
    default:
      return `Refused: ${outcome.code}${outcome.variant ? ` (${outcome.variant})` : ''}`;
  }
}

/** The table's rows, cell by cell. */
function rows(outcomes: readonly Outcome[]): string[][] {
  return DISCOVERY_SHAPES.map((shape, i) => [
    shape.provider,
    `\`${shape.entered}\``,
    resultText(outcomes[i]!),
    shape.why,
  ]);
}

/** The cells of the Markdown table between the markers (header and rule left out). */
function tableInDoc(text: string): string[][] {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  expect(start, `docs/standard-servers.md has the marker ${BEGIN}`).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return text
    .slice(start + BEGIN.length, end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

describe("the big providers' discovery documents through the app's metadata check", () => {
  it.each(DISCOVERY_SHAPES.map((shape) => [shape.provider, shape] as const))(
    '%s',
    async (_name, shape) => {
      const outcome = await check(shape);
      if (outcome.accepted) {
        expect(outcome).toEqual(shape.expected);
      } else {
        const { message, ...rest } = outcome;
        expect(rest).toEqual(shape.expected);
        expect(message).not.toMatch(/undefined|\[object/);
      }
      for (const cell of [shape.provider, shape.why]) expect(cell).not.toContain('|');
    },
  );

  it('names what an administrator must change in each refusal', async () => {
    const entraCommon = await check(DISCOVERY_SHAPES[1]!);
    expect(entraCommon.accepted || entraCommon.message).toContain(
      '(https://login.microsoftonline.com/{tenantid}/v2.0): this is a multi-tenant address',
    );
    const byDomain = await check(DISCOVERY_SHAPES[2]!);
    expect(byDomain.accepted || byDomain.message).toContain(
      'set the issuer address to https://login.microsoftonline.com/6f5a1d0e-1c2b-4b8e-9d3a-2f0e4c7b9a11/v2.0.',
    );
  });

  it('docs/standard-servers.md shows exactly these outcomes', async () => {
    const outcomes = await Promise.all(DISCOVERY_SHAPES.map(check));
    expect(tableInDoc(readFileSync(DOC, 'utf8'))).toEqual(rows(outcomes));
  });
});
