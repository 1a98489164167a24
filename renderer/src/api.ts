// The renderer's one door to the backend. In Electron the preload exposes
// window.caseReview; in a plain browser the same contract travels over the
// loopback bridge, authorised by the token the bridge printed into the page URL.
import type { BackendEvent, CaseReviewBridge, Envelope, Method, Request, Results } from '../../shared/api';

export interface DesktopBridge extends CaseReviewBridge {
  /** Electron only: the absolute path of a dropped file or folder (webUtils.getPathForFile). */
  pathForFile?: (file: File) => string;
}

declare global {
  interface Window {
    caseReview?: DesktopBridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly method: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_HEADER = 'x-case-review-token';

function readToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  // Keep it for reloads that drop the query (e.g. a hash navigation typed by hand).
  if (fromUrl) {
    sessionStorage.setItem('case-review-token', fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem('case-review-token') ?? '';
}

function createWebBridge(): CaseReviewBridge {
  const token = readToken();
  const listeners = new Set<(e: BackendEvent) => void>();
  let source: EventSource | null = null;

  const openStream = (): void => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (msg: MessageEvent<string>) => {
      let event: BackendEvent;
      try {
        event = JSON.parse(msg.data) as BackendEvent;
      } catch {
        return;
      }
      for (const l of listeners) l(event);
    };
  };

  return {
    async call<M extends Method>(method: M, req: Request<M>): Promise<Envelope<Results[M]>> {
      let res: Response;
      try {
        res = await fetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(req),
          cache: 'no-store',
        });
      } catch (err) {
        return { ok: false, error: { code: 'BRIDGE_UNREACHABLE', message: err instanceof Error ? err.message : String(err) } };
      }
      try {
        return (await res.json()) as Envelope<Results[M]>;
      } catch {
        return { ok: false, error: { code: `HTTP_${res.status}`, message: res.statusText || `HTTP ${res.status}` } };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      openStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

let bridge: DesktopBridge | null = null;

export function getBridge(): DesktopBridge {
  bridge ??= window.caseReview ?? createWebBridge();
  return bridge;
}

/** Calls a backend method and unwraps the envelope; failures throw an ApiError with the backend's message. */
export async function call<M extends Method>(method: M, req: Request<M>): Promise<Results[M]> {
  const envelope = await getBridge().call(method, req);
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message, method);
}

export function onEvent(listener: (e: BackendEvent) => void): () => void {
  return getBridge().onEvent(listener);
}

export function canPickFolder(): boolean {
  return typeof getBridge().pickFolder === 'function';
}

export async function pickFolder(): Promise<string | null> {
  const pick = getBridge().pickFolder;
  return pick ? pick() : null;
}

/** The absolute path of a dropped item, when the host can tell (Electron); browsers never reveal it. */
export function pathOfDroppedFile(file: File): string | null {
  const fn = getBridge().pathForFile;
  if (!fn) return null;
  const p = fn(file);
  return p ? p : null;
}

/** The desktop app's save dialog for an export: the folder chosen, null when cancelled; undefined where there is none (a browser). */
export async function chooseExportFolder(suggestedName: string): Promise<string | null | undefined> {
  const choose = getBridge().chooseExportFolder;
  return choose ? choose(suggestedName) : undefined;
}

export function canShowInFolder(): boolean {
  return typeof getBridge().showInFolder === 'function';
}

export async function showInFolder(file: string): Promise<boolean> {
  const show = getBridge().showInFolder;
  return show ? show(file) : false;
}

/** In a browser, where an exported file is downloaded from (the bridge hands out only files its exports wrote); null in the desktop app. */
export function downloadUrl(file: string): string | null {
  if (window.caseReview) return null;
  return `/api/download?token=${encodeURIComponent(readToken())}&file=${encodeURIComponent(file)}`;
}
