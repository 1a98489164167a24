import { describe, expect, it } from 'vitest';
import { recordConfirmation as rule } from '../../../electron/core/rules/interrogation/record-confirmation.js';
import { newCase } from './facts-builder.js';
import { inquiry, interrogation } from './facts-builder-more.js';

describe('RECORD_CONFIRMATION', () => {
  it('passes complete records, including the read-out variant and a noted refusal', () => {
    const b = newCase();
    interrogation(b, { subject: '张三', start: '2024-03-05 14:30', end: '2024-03-05 16:00' });
    inquiry(b, {
      subject: '李四',
      start: '2024-03-05 10:00',
      end: '2024-03-05 11:00',
      text: '询问笔录 时间：2024年3月5日10时至11时 地点：派出所 询问人：王警官、李警官 记录人：赵记录\n……以上笔录向我宣读过，和我说的一样。',
    });
    inquiry(b, {
      subject: '王五',
      start: '2024-03-05 12:00',
      end: '2024-03-05 12:30',
      text: '询问笔录 时间 地点 询问人 记录人 ……被询问人拒绝签名。',
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires when the confirmation line is missing', () => {
    const b = newCase();
    const d = interrogation(b, {
      subject: '张三',
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      text: '讯问笔录 时间：至16时 地点：派出所 侦查员：王、李 记录人：赵\n问：你说说经过。答：我拿了酒。',
    });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('以上笔录我看过');
    expect(f[0]?.evidence[0]?.document).toBe(d);
  });

  it('fires for a header left blank, and only warns for a header item the extractor missed', () => {
    const b = newCase();
    interrogation(b, {
      subject: '张三',
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      fields: { recorder: null },
      text: '讯问笔录 时间：2024年3月5日14时30分至16时 地点：派出所 侦查员：王、李\n以上笔录我看过，和我说的相符。',
    });
    interrogation(b, { subject: '张三', start: '2024-03-06 14:30', end: '2024-03-06 16:00', fields: { recorder: null } });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['violation', 'warning']);
    expect(f[0]?.message).toContain('记录人');
  });

  it('emits nothing when the case has no records', () => {
    const b = newCase();
    b.doc('DETENTION_WARRANT');
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});

describe('RECORD_CONFIRMATION on unreadable text', () => {
  it('warns instead of firing when almost no text was read', () => {
    const b = newCase();
    interrogation(b, { subject: '张三', start: '2024-03-05 14:30', end: '2024-03-05 16:00', text: '讯问笔录 第1页' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('文字过少');
  });
});

describe('RECORD_CONFIRMATION on OCR-damaged handwriting', () => {
  it('takes two fragments of the line as the line', () => {
    const b = newCase();
    interrogation(b, {
      subject: '张三',
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      text: '讯问笔录 时间：2024年3月5日14时30分至16时 地点：派出所 侦查员：王、李 记录人：赵\n问：……答：……\n以上笔录我看辻，和我说的柑符。',
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
