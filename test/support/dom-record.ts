// Everything the page ever showed, for the secret search: a MutationObserver,
// installed before the renderer's first script (an init script), sends every
// text node and attribute value added or changed, and the value each change
// replaced, to Node as it happens. A token shown for a moment and then
// removed, replaced or navigated away from is in the record, though the final
// DOM no longer holds it. The record lives in Node, so it outlasts a reload or
// a closed page.
//
// Not recorded: the `value` of a form field and a <textarea>'s text. That is
// what the operator types (a pasted API token, a client secret), which the
// page may hold until the call is made; the search reads every field's value
// at the end instead (leak-search.ts).
import type { BrowserContext, Page } from 'playwright-core';

const BINDING = '__netrexDomRecord';
const FLUSH = '__netrexDomRecordFlush';

/** The page side. Stays self-contained: it is sent to the page as source text. */
function recordDom(spec: { binding: string; flush: string }): void {
  const pending: string[] = [];
  const typed = (element: Element | null): boolean =>
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement;
  const attributes = (element: Element): void => {
    for (const attribute of element.attributes) {
      if (attribute.name === 'value' && typed(element)) continue;
      pending.push(attribute.value);
    }
  };
  const subtree = (root: Node): void => {
    const show = NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT;
    const walker = document.createTreeWalker(root, show);
    for (let node: Node | null = root; node; node = walker.nextNode()) {
      if (node instanceof Element) attributes(node);
      else if (node instanceof CharacterData && !typed(node.parentElement)) pending.push(node.data);
    }
  };
  const take = (records: readonly MutationRecord[]): void => {
    for (const record of records) {
      const target = record.target;
      if (record.type === 'childList') {
        for (const node of record.addedNodes) subtree(node);
      } else if (record.type === 'characterData' && target instanceof CharacterData) {
        if (typed(target.parentElement)) continue;
        // The value this change replaced, and the value now: together every value it ever had.
        if (record.oldValue !== null) pending.push(record.oldValue);
        pending.push(target.data);
      } else if (
        record.type === 'attributes' &&
        target instanceof Element &&
        record.attributeName
      ) {
        if (record.attributeName === 'value' && typed(target)) continue;
        if (record.oldValue !== null) pending.push(record.oldValue);
        const now = target.getAttribute(record.attributeName);
        if (now !== null) pending.push(now);
      }
    }
  };
  const send = (): Promise<unknown> => {
    if (pending.length === 0) return Promise.resolve();
    const call = (window as unknown as Record<string, (texts: string[]) => Promise<unknown>>)[
      spec.binding
    ];
    const texts = pending.splice(0);
    return call ? call(texts).catch(() => undefined) : Promise.resolve();
  };
  const observer = new MutationObserver((records) => {
    take(records);
    void send();
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    characterDataOldValue: true,
    attributes: true,
    attributeOldValue: true,
  });
  // What the parser had built before the observer started (usually nothing).
  subtree(document);
  Object.defineProperty(window, spec.flush, {
    value: () => {
      take(observer.takeRecords());
      return send();
    },
  });
}

/** Resolves once the page's recorder has handed over everything it has seen (a closing page: what it sent). */
async function flush(page: Page): Promise<void> {
  if (page.isClosed()) return;
  await page
    .evaluate(
      (name) => (window as unknown as Record<string, () => Promise<unknown>>)[name]?.(),
      FLUSH,
    )
    .catch(() => undefined);
}

export interface DomRecord {
  /** Every text and attribute value the page showed, so far (each once). */
  texts(): Promise<readonly string[]>;
}

/** Installs the recorder in every page of `context`; call before a page opens. */
export async function recordDomOf(context: BrowserContext): Promise<DomRecord> {
  const seen = new Set<string>();
  await context.exposeBinding(BINDING, (_source, texts: unknown) => {
    if (!Array.isArray(texts)) return;
    for (const text of texts) if (typeof text === 'string' && text !== '') seen.add(text);
  });
  await context.addInitScript({
    content: `(() => { const __name = (f) => f; (${recordDom.toString()})(${JSON.stringify({ binding: BINDING, flush: FLUSH })}); })();`,
  });
  return {
    async texts() {
      // Mutations not yet delivered to the observer's callback, and texts on their way.
      for (const page of context.pages()) await flush(page);
      return [...seen];
    },
  };
}
