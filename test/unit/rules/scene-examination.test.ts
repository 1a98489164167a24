import { describe, expect, it } from 'vitest';
import { sceneExamination as rule } from '../../../electron/core/rules/evidence/scene-examination.js';
import { newCase } from './facts-builder.js';

function scene(text: string, investigators = ['王警官', '李警官']) {
  const b = newCase();
  b.doc('OTHER', { title: '现场勘验笔录', text, fields: { investigators } });
  return b.build();
}

describe('SCENE_EXAMINATION', () => {
  it('passes a full scene record', () => {
    expect(rule.evaluate(scene('现场勘验笔录 出示勘查证 …… 拍摄照片23张，绘制现场方位图1张。见证人：赵六'))).toEqual([]);
  });

  it('warns for a record without photos, diagram or witness, and one investigator', () => {
    const f = rule.evaluate(scene('现场勘验笔录 出示勘查证 ……', ['王警官']));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.message).toContain('现场照片');
    expect(f[0]?.message).toContain('现场图');
    expect(f[0]?.message).toContain('见证人');
    expect(f[0]?.message).toContain('仅见 1 人');
  });

  it('warns for an autopsy without notice to the family', () => {
    const b = newCase();
    b.doc('OTHER', { title: '尸体检验笔录', text: '经批准对尸体进行解剖。见证人：赵六', fields: { investigators: ['王警官', '李警官'] } });
    expect(rule.evaluate(b.build())[0]?.message).toContain('解剖');
  });

  it('emits nothing without an examination record', () => {
    const b = newCase();
    b.doc('CASE_FILING');
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
