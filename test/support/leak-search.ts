// The secret search every end-to-end test ends with: each message that
// crossed the bridge, the final DOM, the value of every field, and every
// text and attribute value the page showed at any moment (dom-record.ts: a
// token shown and then removed counts) are searched for each token, code and
// secret the portal stand-ins issued or hold.
//
// The only messages allowed to carry a secret are the page→main calls in
// which the operator typed one on purpose: a pasted API token, a client
// secret, a pasted redirect address (it holds the one-time code). Answers,
// thrown errors and events never may; nor may the page once the call is made.
import type { BridgeMethodName } from '../../main/ipc/contract';
import type { BridgeMessage, RendererPage } from './renderer-harness';
import { encodedForms } from './vault-fixtures';

export const TYPED_SECRET_CALLS: ReadonlySet<BridgeMethodName> = new Set<BridgeMethodName>([
  'signInWithApiToken',
  'setClientSecret',
  'completeSignIn',
]);

/** A secret named without showing it: its first characters and its length. */
function masked(secret: string): string {
  return `${secret.slice(0, 3)}…(${secret.length} chars)`;
}

function where(message: BridgeMessage): string {
  return `bridge #${message.seq} ${message.direction} ${message.name}`;
}

/**
 * Every place one of `secrets` appears; empty when none does. The window
 * must have been opened with `recordDom`: a search blind to what the page
 * showed before its last state is refused, not passed.
 */
export async function findLeaks(
  window: RendererPage,
  secrets: readonly string[],
): Promise<string[]> {
  if (!window.domRecord) {
    throw new Error('findLeaks needs a window opened with recordDom: true (see dom-record.ts).');
  }
  const forms = [...new Set(secrets)].map((secret) => ({
    secret,
    forms: encodedForms(secret),
  }));
  const found: string[] = [];
  const inFinalDom = new Set<string>();
  const search = (place: string, text: string, skip?: ReadonlySet<string>): Set<string> => {
    const hits = new Set<string>();
    for (const { secret, forms: variants } of forms) {
      if (skip?.has(secret)) continue;
      if (variants.some((form) => text.includes(form))) {
        found.push(`${place} holds ${masked(secret)}`);
        hits.add(secret);
      }
    }
    return hits;
  };

  for (const message of window.messages) {
    if (message.direction === 'call' && TYPED_SECRET_CALLS.has(message.name)) continue;
    search(where(message), JSON.stringify(message.payload) ?? '');
  }
  if (!window.page.isClosed()) {
    for (const secret of search('the DOM', await window.page.content())) inFinalDom.add(secret);
    // A field's value is a property, not in the markup: read each one.
    const values = await window.page.evaluate(() =>
      [...document.querySelectorAll('input, textarea, select')].map(
        (field) => (field as HTMLInputElement).value,
      ),
    );
    search('a field value', values.join('\n'));
  }
  // Every text and attribute value the page showed, removed or replaced since
  // or not; a secret the final DOM holds is named once, above.
  search('the DOM history', (await window.domRecord.texts()).join('\u0000'), inFinalDom);
  return found;
}
