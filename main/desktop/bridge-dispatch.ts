// One bridge call from the page to the handler table: sender check, then the
// handler, which validates the arguments itself (the handler table is the
// one place that does: the browser harness has no dispatch in front of it);
// every way out is a `Result`. Pure (no
// Electron): ipc.ts registers one of these per channel, and tests call it in
// Node with fake frames. A call that passed the sender check is the app's
// page speaking, so it is also how the services learn the page can hear
// their events (`onAppCall`).
import type { BridgeHandlers } from '../app-services';
import { INTERNAL_ERROR } from '../common/explained-error';
import type { BridgeMethodName, BridgeValue, Result } from '../ipc/contract';
import { isAppSender, type SenderFrameLike } from './sender-check';

export type BridgeDispatch = <K extends BridgeMethodName>(
  method: K,
  sender: SenderFrameLike | null,
  args: readonly unknown[],
) => Promise<Result<BridgeValue<K>>>;

export interface DispatchLog {
  warn(message: string): void;
}

export const FORBIDDEN_SENDER_ERROR = {
  code: 'forbidden_sender',
  message: 'This request did not come from the Netrex Connect window and was refused.',
} as const;

/** Where a refused sender was, without its path or query (which are not ours to log). */
function originOf(frame: SenderFrameLike | null): string {
  if (!frame) return 'a destroyed frame';
  const where = URL.canParse(frame.url) ? new URL(frame.url) : null;
  const origin = where ? `${where.protocol}//${where.host}` : 'an unparsable URL';
  return frame.parent === null ? origin : `a sub-frame of ${origin}`;
}

/**
 * `onAppCall` runs for every call from the app's page, before its handler:
 * the page subscribes to events before it asks anything, so from then on it
 * hears them (the services release the notices they held).
 */
export function createBridgeDispatch(
  handlers: BridgeHandlers,
  log: DispatchLog,
  onAppCall: () => void = () => undefined,
): BridgeDispatch {
  return async <K extends BridgeMethodName>(
    method: K,
    sender: SenderFrameLike | null,
    args: readonly unknown[],
  ): Promise<Result<BridgeValue<K>>> => {
    if (!isAppSender(sender)) {
      log.warn(`bridge: refused ${method} from ${originOf(sender)}`);
      return { ok: false, error: FORBIDDEN_SENDER_ERROR };
    }
    onAppCall();
    // Raw arguments: the handler's own zod check says what is wrong with them.
    const handler = handlers[method] as (...a: unknown[]) => Promise<Result<BridgeValue<K>>>;
    try {
      return await handler(...args);
    } catch (error) {
      // Handlers answer with Results; a throw is a bug. Its message may quote
      // anything (a URL with a code in it), so only the error's name is logged.
      const name = error instanceof Error ? error.name : typeof error;
      log.warn(`bridge: ${method} threw ${name}`);
      return { ok: false, error: INTERNAL_ERROR };
    }
  };
}
