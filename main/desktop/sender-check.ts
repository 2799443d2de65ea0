// Whether an IPC message comes from the app's own page. Pure: tested in Node.
//
// Electron's security checklist (#17): validate the sender of every IPC
// message. Only the main frame of a page served from app://renderer may call
// the bridge; a sub-frame, a navigated-away page or a destroyed frame
// (`senderFrame` is null then) may not.
import { isAppUrl } from './app-protocol-paths';

/** The part of Electron's WebFrameMain the check reads. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export function isAppSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
