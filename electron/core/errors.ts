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
  if (e?.name === 'ZodError') {
    // zod's own message is a JSON dump; a person (or a log) wants "field: problem".
    const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
    const message = issues.map((i) => `${i.path.map(String).join('.') || '(request)'}: ${i.message}`).join('; ') || e.message;
    return { ok: false, error: { code: 'invalid-request', message: `请求无效 (invalid request): ${message}` } };
  }
  return { ok: false, error: { code: 'internal', message: e?.message ?? String(err) } };
}
