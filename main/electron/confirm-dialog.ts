// AppPorts.confirm in the app: the main process asks the operator in a native
// message box (dialog.showMessageBox), never in the page. The rules — words,
// button order, which index is a yes — are main/desktop/confirm-dialog.ts.
//
// Parented to the window only while it is visible: on macOS a box with a
// parent is a sheet on that window (shell/browser/ui/message_box_mac.mm,
// ShowMessageBox: beginSheetModalForWindow whenever a parent is given), which
// cannot be answered on a window hidden in the tray; without one it is an
// app-modal alert of its own.
import { dialog, type BrowserWindow } from 'electron';
import type { Confirm } from '../common/confirmation';
import { confirmDialogModel, confirmedBy } from '../desktop/confirm-dialog';
import type { EdgeWords } from '../desktop/edge-words';

export function createConfirmPort(
  window: () => BrowserWindow | null,
  words: () => EdgeWords,
): Confirm {
  return async (question) => {
    const { buttons, ...model } = confirmDialogModel(question, words());
    const options = { ...model, buttons: [...buttons] };
    const parent = window();
    const { response } =
      parent && !parent.isDestroyed() && parent.isVisible()
        ? await dialog.showMessageBox(parent, options)
        : await dialog.showMessageBox(options);
    return confirmedBy(response);
  };
}
