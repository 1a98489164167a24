import type { ProgressEvent } from '../../shared/api.js';

const STAGE_ZH: Record<string, string> = {
  ingest: '读取文件',
  ocr: '文字识别',
  catalogue: '编制目录',
  entities: '实体抽取',
  timeline: '时间轴',
  rules: '合规审查',
  report: '生成报告',
};

/** A bar on a terminal; plain lines otherwise, so logs and CI stay readable. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY);
  let lastLine = '';
  let lastPlain = 0;
  return {
    update(e: ProgressEvent) {
      const label = STAGE_ZH[e.stage] ?? e.stage;
      const pct = e.total > 0 ? Math.floor((e.done / e.total) * 100) : 100;
      const eta = e.etaSeconds !== undefined ? ` 剩余约 ${e.etaSeconds}s` : '';
      if (tty) {
        const width = 24;
        const filled = Math.round((pct / 100) * width);
        const line =
          `${label.padEnd(6, '　')} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${e.done}/${e.total}${eta} ${e.file ?? ''}`.slice(
            0,
            (stream.columns ?? 100) - 1,
          );
        stream.write(`\r${line.padEnd(lastLine.length)}`);
        lastLine = line;
        if (e.done >= e.total) {
          stream.write('\n');
          lastLine = '';
        }
      } else {
        const now = Date.now();
        if (e.done === 0 || e.done >= e.total || now - lastPlain > 2000) {
          lastPlain = now;
          stream.write(`[${e.stage}] ${e.done}/${e.total}${eta}${e.file ? ` ${e.file}` : ''}\n`);
        }
      }
    },
    message(s: string) {
      if (lastLine) {
        stream.write('\n');
        lastLine = '';
      }
      stream.write(`${s}\n`);
    },
  };
}
