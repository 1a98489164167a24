// The backend, asked directly: what the UI shows is checked against what the service says.
import type { APIRequestContext, Page } from '@playwright/test';
import type { Method, Request, Results } from '../../shared/api.js';
import { readState } from './state.js';

export function backend(request: APIRequestContext) {
  const url = new URL(readState().url);
  const token = url.searchParams.get('token') ?? '';
  return async <M extends Method>(method: M, req: Request<M>): Promise<Results[M]> => {
    const res = await request.post(`${url.origin}/api/call/${method}`, { headers: { 'x-case-review-token': token }, data: req });
    const body = (await res.json()) as { ok: boolean; value: Results[M]; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value;
  };
}

/**
 * Makes the page believe it runs in the desktop app: a window.caseReview as the preload
 * exposes it, carried over the bridge. What only the desktop does (restoring the last
 * place, opening the export folder) can then be tested in Chromium. `opened` collects
 * the folders the page asked the shell to open.
 */
export async function pretendDesktop(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const token = new URLSearchParams(location.search).get('token') ?? sessionStorage.getItem('case-review-token') ?? '';
    const opened: string[] = [];
    (window as unknown as { __opened: string[] }).__opened = opened;
    (window as unknown as { caseReview: unknown }).caseReview = {
      async call(method: string, req: unknown) {
        const res = await fetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-case-review-token': token },
          body: JSON.stringify(req),
        });
        return res.json();
      },
      onEvent(listener: (e: unknown) => void) {
        const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
        source.onmessage = (m: MessageEvent<string>) => listener(JSON.parse(m.data));
        return () => source.close();
      },
      async openFolder(folder: string) {
        opened.push(folder);
        return true;
      },
    };
  });
}
