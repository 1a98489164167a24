/** An error whose message is written for the person using the app, with a stable code. */
export class CaseReviewError extends Error {
  constructor(
    readonly code: 'not-found' | 'invalid-request' | 'folder-missing' | 'busy' | 'unavailable' | 'internal',
    message: string,
  ) {
    super(message);
    this.name = 'CaseReviewError';
  }
}

/**
 * What the operating system or SQLite said, told to the person using the app: a full disk, a
 * locked or read-only store. Work already saved stays saved; the message says what to do.
 */
export function faultMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { code?: string };
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return '磁盘空间不足，审查已停止；此前完成的部分已保存。请释放磁盘空间后重新审查，将从中断处继续。(disk full)';
  }
  if (code === 'SQLITE_READONLY' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return `没有写入权限（${e.path ?? '案件数据库'}）：请检查文件夹权限或磁盘是否只读。(${code})`;
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return '案件数据库正被另一程序占用，请稍后重试。(database busy)';
  }
  return e?.message ?? String(err);
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
  return { ok: false, error: { code: 'internal', message: faultMessage(err) } };
}
