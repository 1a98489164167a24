import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { faultMessage } from '../core/errors.js';
import { createService } from '../core/service.js';
import { defaultDataDir } from './data-dir.js';
import { KEY_FILE_NAME, resolveStoreKey } from '../core/store/key.js';
import { progressPrinter } from './progress.js';
import { writeReviewOutputs } from '../core/report/outputs.js';
import { describeProcessEnv, rerunWithBackendEnv, whenParentGone } from './backend-env.js';

const USAGE = `用法 / usage:
  case-review review <案卷文件夹> --out <输出目录> [--db <数据库文件>] [--key-file <密钥文件>] [--locale zh-CN|en-US] [--reviewer <姓名>]
  case-review audit verify [--db <数据库文件>] [--key-file <密钥文件>]

  Reviews a case folder offline and writes <out>/review.json (case-review/1), report.pdf and report.docx.
  --db        database file (default: ${path.join(defaultDataDir(), 'case-review.db')})
  --key-file  the database's key (default: the environment's CASE_REVIEW_KEY, else
              ${path.join(defaultDataDir(), KEY_FILE_NAME)}, made on first use, readable by you only)
  --locale    language of the report (default zh-CN)
  --reviewer  reviewer's name printed on the report and written in the audit trail

  audit verify checks the audit trail's chain of hashes: exit 0 when every entry is as written,
  1 naming the first entry that was changed or removed.`;

/** case-review audit verify: walks the audit trail's chain of hashes. */
async function audit(rest: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { db: { type: 'string' }, 'key-file': { type: 'string' } } });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.positionals[0] !== 'verify') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const dbPath = path.resolve(parsed.values.db ?? path.join(defaultDataDir(), 'case-review.db'));
  if (!fs.existsSync(dbPath)) {
    process.stderr.write(`错误：数据库不存在 (database not found): ${dbPath}\n`);
    return 1;
  }
  let service;
  try {
    service = createService({ dbPath, key: resolveStoreKey({ keyFile: parsed.values['key-file'], dataDir: defaultDataDir() }) });
  } catch (err) {
    process.stderr.write(`错误 (error): ${faultMessage(err)}\n`);
    return 1;
  }
  try {
    const r = service.store.verifyAudit();
    if (r.ok) {
      process.stdout.write(`审查记录完整：${r.entries} 条，哈希链未被改动 (audit trail intact: ${r.entries} entries)\n`);
      return 0;
    }
    const what = { changed: '被修改', removed: '之前的记录被删除', unsealed: '未封存' }[r.problem];
    process.stdout.write(`审查记录异常：第 ${r.at} 条${what} (audit trail broken at entry ${r.at}: ${r.problem})\n`);
    return 1;
  } finally {
    await service.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'audit') return audit(rest);
  if (command !== 'review') {
    process.stderr.write(`${USAGE}\n`);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        db: { type: 'string' },
        'key-file': { type: 'string' },
        locale: { type: 'string' },
        reviewer: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const folder = parsed.positionals[0];
  const out = parsed.values.out;
  if (!folder || !out) {
    process.stderr.write(`缺少参数 (missing arguments)\n${USAGE}\n`);
    return 2;
  }
  const locale = parsed.values.locale ?? 'zh-CN';
  if (locale !== 'zh-CN' && locale !== 'en-US') {
    process.stderr.write(`--locale 只能是 zh-CN 或 en-US (got ${locale})\n`);
    return 2;
  }
  const abs = path.resolve(folder);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
    process.stderr.write(`错误：案卷文件夹不存在 (case folder not found): ${abs}\n`);
    return 1;
  }
  const dbPath = path.resolve(parsed.values.db ?? path.join(defaultDataDir(), 'case-review.db'));
  const printer = progressPrinter();
  let key: Buffer;
  try {
    key = resolveStoreKey({ keyFile: parsed.values['key-file'], dataDir: defaultDataDir() });
  } catch (err) {
    process.stderr.write(`错误 (error): ${faultMessage(err)}\n`);
    return 1;
  }
  let service: ReturnType<typeof createService>;
  try {
    service = createService({
      dbPath,
      key,
      program: '命令行 case-review',
      log: process.env.CASE_REVIEW_DEBUG ? (m) => printer.message(m) : undefined,
      ...(parsed.values.reviewer ? { reviewer: parsed.values.reviewer } : {}),
    });
  } catch (err) {
    process.stderr.write(`错误 (error): ${faultMessage(err)}\n`);
    return 1;
  }
  service.onEvent((e) => {
    if (e.kind === 'progress') printer.update(e.event);
    else if (e.kind === 'job' && e.event.waitingFor) {
      const w = e.event.waitingFor;
      printer.message(
        `等待：该案件正在由另一程序审查（${w.program}，进程 ${w.pid}${w.host ? `，计算机 ${w.host}` : ''}），其完成后将自动开始。(waiting for another program reviewing this case)`,
      );
    }
  });
  // Ctrl-C cancels cleanly: pages read so far are kept, the next run resumes from there. A repeat
  // asks the same (a re-run CLI gets Ctrl-C from the terminal and again from its parent).
  let interrupted = false;
  const running = new Set<string>();
  const onSignal = () => {
    interrupted = true;
    for (const id of running) void service.api.cancelJob({ jobId: id });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const stopWatching = whenParentGone(onSignal);
  try {
    const { caseId, jobId } = await service.api.startReview({ folder: abs });
    running.add(jobId);
    const status = await service.whenJobEnds(jobId);
    running.delete(jobId);
    if (status !== 'done') {
      const job = service.store.getJob(jobId);
      printer.message(
        interrupted
          ? '已中断；已识别的页面已保存，再次运行将从中断处继续。(interrupted; progress is kept)'
          : `审查失败 (review failed): ${job?.error ?? status}`,
      );
      return interrupted ? 130 : 1;
    }
    const review = await service.api.getReview({ caseId });
    const written = await writeReviewOutputs(review, path.resolve(out), service.store, {
      locale,
      ...(parsed.values.reviewer ? { reviewer: parsed.values.reviewer } : {}),
    });
    const pages = review.pages.length;
    const ocrPages = review.pages.filter((p) => p.source === 'ocr').length;
    printer.message(
      `完成 (done): ${review.files.length} 个文件, ${pages} 页 (OCR ${ocrPages}), ${review.documents.length} 份文书, ${review.findings.length} 条审查意见, ${review.errors.length} 个错误`,
    );
    const stats = service.store.getJob(jobId)?.progress ?? {};
    if (stats.ingest)
      printer.message(
        `  读取 (ingest): 新读取 ${stats.ingest.extracted} 个文件 ${stats.ingest.pagesExtracted} 页, 复用 ${stats.ingest.reused} 个, 计算哈希 ${stats.ingest.hashed} 个`,
      );
    const ocr = stats.stages?.ocr;
    if (ocr) printer.message(`  识别 (OCR): 本次识别 ${ocr.pagesRead} 页, 此前已识别 ${ocr.alreadyRead} 页 (not read again)`);
    for (const f of written) printer.message(`  → ${f}`);
    return 0;
  } catch (err) {
    printer.message(`错误 (error): ${faultMessage(err)}`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    stopWatching();
    await service.close();
  }
}

/** The command line as run: in a child with the backend's environment when this process lacks it. */
async function run(argv: string[]): Promise<number> {
  const code = await rerunWithBackendEnv();
  if (code !== null) return code;
  if (process.env.CASE_REVIEW_DEBUG) process.stderr.write(`${describeProcessEnv()}\n`);
  return main(argv);
}

// fileURLToPath, not URL.pathname: on Windows the latter is /C:/… and never equals argv[1].
const isEntry = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`${(err as Error).stack}\n`);
      process.exitCode = 1;
    },
  );
}
