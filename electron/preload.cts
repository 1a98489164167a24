// The one preload: exposes window.caseReview and nothing else (no ipcRenderer). It runs
// sandboxed, where only 'electron' can be required, so the channel names are repeated
// here; a unit test keeps them equal to shared/api.ts.
import electron = require('electron');
import type { IpcRendererEvent } from 'electron';
import type { BackendEvent, CaseReviewBridge } from '../shared/api.js';

const { contextBridge, ipcRenderer, webUtils } = electron;

const IPC_CALL = 'case-review:call';
const IPC_EVENT = 'case-review:event';
const IPC_PICK_FOLDER = 'case-review:pick-folder';
const IPC_CHOOSE_EXPORT = 'case-review:choose-export';
const IPC_SHOW_IN_FOLDER = 'case-review:show-in-folder';

const bridge: CaseReviewBridge & { pathForFile(file: File): string } = {
  call: (method, req) => ipcRenderer.invoke(IPC_CALL, method, req),
  onEvent(listener) {
    const handler = (_e: IpcRendererEvent, event: BackendEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
  pickFolder: () => ipcRenderer.invoke(IPC_PICK_FOLDER),
  // Plain objects, as main's shellSchemas expect; main checks them, this only carries them.
  chooseExportFolder: (suggestedName) => ipcRenderer.invoke(IPC_CHOOSE_EXPORT, { suggestedName }),
  showInFolder: (file) => ipcRenderer.invoke(IPC_SHOW_IN_FOLDER, { file }),
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('caseReview', bridge);
