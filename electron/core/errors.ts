/** An error whose message is written for the person using the app, with a stable code. */
export class CaseReviewError extends Error {
  constructor(readonly code: 'not-found' | 'invalid-request' | 'folder-missing' | 'busy' | 'unavailable' | 'internal', message: string) {
    super(message);
    this.name = 'CaseReviewError';
  }
}

export function toErrorEnvelope(err: unknown): { ok: false; error: { code: string; message: string } } {
  if (err instanceof CaseReviewError) return { ok: false, error: { code: err.code, message: err.message } };
  const e = err as Error;
  if (e?.name === 'ZodError') return { ok: false, error: { code: 'invalid-request', message: e.message } };
  return { ok: false, error: { code: 'internal', message: e?.message ?? String(err) } };
}
