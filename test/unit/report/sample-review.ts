// A realistic review.json for report tests: a theft case with two suspects, one
// detained then arrested, the other released on bail; three findings with evidence.
import { REVIEW_SCHEMA, type ReviewJson } from '../../../shared/review.js';

export function sampleReview(): ReviewJson {
  const sha = (c: string) => c.repeat(64).slice(0, 64);
  return {
    schema: REVIEW_SCHEMA,
    case: { id: 'c-sample', name: '张三、赵六盗窃案', folder: '/cases/张三、赵六盗窃案', reviewedAt: '2022-12-20T10:15:00+08:00' },
    files: [
      { path: '卷一/受案立案.pdf', sha256: sha('a1'), pages: 3, kind: 'pdf' },
      { path: '卷一/讯问笔录-张三.pdf', sha256: sha('b2'), pages: 6, kind: 'pdf' },
      { path: '卷二/强制措施.pdf', sha256: sha('c3'), pages: 8, kind: 'pdf' },
      { path: '卷二/损坏的扫描件.pdf', sha256: sha('d4'), pages: 0, kind: 'pdf' },
    ],
    pages: [
      ...[1, 2, 3].map((page) => ({ file: '卷一/受案立案.pdf', page, source: 'text-layer' as const, confidence: null, text: '受案登记表' })),
      ...[1, 2, 3, 4, 5, 6].map((page) => ({ file: '卷一/讯问笔录-张三.pdf', page, source: 'ocr' as const, confidence: 0.9 + page / 100, text: '讯问笔录' })),
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((page) => ({ file: '卷二/强制措施.pdf', page, source: 'ocr' as const, confidence: 0.88, text: '拘留证' })),
    ],
    documents: [
      { id: 'd1', ordinal: 1, type: 'REPORT_REGISTRATION', title: '受案登记表', file: '卷一/受案立案.pdf', pageFrom: 1, pageTo: 1, date: '2022-11-15', number: '越公（刑）受案字〔2022〕1088号' },
      { id: 'd2', ordinal: 2, type: 'CASE_FILING', title: '立案决定书', file: '卷一/受案立案.pdf', pageFrom: 2, pageTo: 3, date: '2022-11-15', number: '越公（刑）立字〔2022〕523号' },
      { id: 'd3', ordinal: 3, type: 'INTERROGATION_RECORD', title: '讯问笔录（第一次）', file: '卷一/讯问笔录-张三.pdf', pageFrom: 1, pageTo: 3, date: '2022-11-16', number: null },
      { id: 'd4', ordinal: 4, type: 'INTERROGATION_RECORD', title: '讯问笔录（第二次）', file: '卷一/讯问笔录-张三.pdf', pageFrom: 4, pageTo: 6, date: '2022-11-17', number: null },
      { id: 'd5', ordinal: 5, type: 'DETENTION_WARRANT', title: '拘留证', file: '卷二/强制措施.pdf', pageFrom: 1, pageTo: 1, date: '2022-11-16', number: '越公（刑）拘字〔2022〕301号' },
      { id: 'd6', ordinal: 6, type: 'DETENTION_NOTICE', title: '拘留通知书', file: '卷二/强制措施.pdf', pageFrom: 2, pageTo: 2, date: '2022-11-17', number: '越公（刑）拘通字〔2022〕301号' },
      { id: 'd7', ordinal: 7, type: 'ARREST_APPROVAL', title: '批准逮捕决定书', file: '卷二/强制措施.pdf', pageFrom: 3, pageTo: 4, date: '2022-12-08', number: '越检捕〔2022〕77号' },
      { id: 'd8', ordinal: 8, type: 'ARREST_WARRANT', title: '逮捕证', file: '卷二/强制措施.pdf', pageFrom: 5, pageTo: 5, date: '2022-12-07', number: '越公（刑）捕字〔2022〕77号' },
      { id: 'd9', ordinal: 9, type: 'BAIL', title: '取保候审决定书', file: '卷二/强制措施.pdf', pageFrom: 6, pageTo: 8, date: '2022-11-20', number: '越公（刑）取保字〔2022〕45号' },
    ],
    entities: [
      {
        id: 'e1', type: 'PERSON', value: '张三',
        attributes: { role: 'SUSPECT', gender: '男', birthDate: '1990-05-03', idNumber: '330602199005031234', phone: '13812345678', address: '浙江省绍兴市越城区府山街道仓桥直街12号' },
        mentions: [{ document: 'd3', page: 1, text: '张三' }], links: [],
      },
      {
        id: 'e2', type: 'PERSON', value: '赵六',
        attributes: { role: 'SUSPECT', gender: '男', birthDate: '1988-01-21', idNumber: '33060219880121401X', address: '浙江省绍兴市柯桥区华舍街道' },
        mentions: [{ document: 'd9', page: 6, text: '赵六' }], links: [],
      },
      {
        id: 'e3', type: 'PERSON', value: '李四',
        attributes: { role: 'VICTIM', gender: '女', phone: ['13900001111', '0575-88001234'] },
        mentions: [{ document: 'd1', page: 1, text: '李四' }], links: [],
      },
      { id: 'e4', type: 'PERSON', value: '郑凯', attributes: { role: 'OFFICER', gender: '男' }, mentions: [{ document: 'd3', page: 1, text: '郑凯' }], links: [] },
      { id: 'e5', type: 'PHONE', value: '13812345678', attributes: {}, mentions: [{ document: 'd3', page: 1, text: '13812345678' }], links: [] },
    ],
    events: [
      { id: 'v1', type: 'OFFENCE', start: '2022-11-14T23:40:00+08:00', end: null, subjects: ['e1', 'e2'], actors: [], place: '越城区解放北路某手机店', document: 'd1', page: 1, text: '2022年11月14日23时40分许，手机店被盗' },
      { id: 'v2', type: 'REPORT', start: '2022-11-15T08:10:00+08:00', end: null, subjects: ['e3'], actors: [], place: '府山派出所', document: 'd1', page: 1, text: '李四来所报案' },
      { id: 'v3', type: 'CASE_FILED', start: '2022-11-15', end: null, subjects: [], actors: ['e4'], place: null, document: 'd2', page: 2, text: '决定对张三、赵六盗窃案立案侦查' },
      { id: 'v4', type: 'DETENTION', start: '2022-11-16T14:30:00+08:00', end: null, subjects: ['e1'], actors: ['e4'], place: null, document: 'd5', page: 1, text: '于2022年11月16日14时30分执行拘留' },
      { id: 'v5', type: 'INTERROGATION', start: '2022-11-16T15:10:00+08:00', end: '2022-11-16T17:05:00+08:00', subjects: ['e1'], actors: ['e4'], place: '府山派出所办案区', document: 'd3', page: 1, text: '时间：2022年11月16日15时10分至17时05分' },
      { id: 'v6', type: 'DETENTION', start: '2022-11-16T16:00:00+08:00', end: null, subjects: ['e2'], actors: ['e4'], place: null, document: 'd5', page: 1, text: '对赵六执行拘留' },
      { id: 'v7', type: 'FAMILY_NOTIFIED', start: '2022-11-17T18:10:00+08:00', end: null, subjects: ['e1'], actors: ['e4'], place: null, document: 'd6', page: 2, text: '已于2022年11月17日18时10分电话通知其妻' },
      { id: 'v8', type: 'INTERROGATION', start: '2022-11-17T09:00:00+08:00', end: '2022-11-17T10:20:00+08:00', subjects: ['e1'], actors: ['e4'], place: '越城区看守所', document: 'd4', page: 4, text: '时间：2022年11月17日9时00分至10时20分' },
      { id: 'v9', type: 'BAIL', start: '2022-11-20T10:00:00+08:00', end: null, subjects: ['e2'], actors: ['e4'], place: null, document: 'd9', page: 6, text: '决定对赵六取保候审' },
      { id: 'v10', type: 'ARREST', start: '2022-12-07T15:00:00+08:00', end: null, subjects: ['e1'], actors: ['e4'], place: null, document: 'd8', page: 5, text: '于2022年12月7日15时执行逮捕' },
      { id: 'v11', type: 'ARREST_APPROVED', start: '2022-12-08', end: null, subjects: ['e1'], actors: [], place: null, document: 'd7', page: 3, text: '决定批准逮捕犯罪嫌疑人张三' },
      { id: 'v12', type: 'SEIZURE', start: null, end: null, subjects: ['e1'], actors: ['e4'], place: null, document: 'd3', page: 2, text: '扣押手机一部' },
    ],
    findings: [
      {
        rule: 'DETENTION_FAMILY_NOTICE_24H', severity: 'violation',
        message: '拘留后未在24小时内通知家属：拘留 2022-11-16 14:30 → 通知家属 2022-11-17 18:10 = 27 h 40 min > 24 h',
        messageEn: 'Family not notified within 24 h of detention: 2022-11-16 14:30 → 2022-11-17 18:10 = 27 h 40 min > 24 h',
        citation: '《刑事诉讼法》第八十五条第二款',
        evidence: [
          { document: 'd5', page: 1, text: '于2022年11月16日14时30分执行拘留' },
          { document: 'd6', page: 2, text: '已于2022年11月17日18时10分电话通知其妻' },
        ],
        status: 'confirmed', note: '通知书记载时间与电话记录一致，确认超时。',
      },
      {
        rule: 'INTERROGATION_TWO_INVESTIGATORS', severity: 'warning',
        message: '讯问笔录（第二次）仅见一名侦查人员签名（郑凯），请核实是否由两名侦查人员进行讯问',
        citation: '《刑事诉讼法》第一百一十八条第一款',
        evidence: [{ document: 'd4', page: 6, text: '侦查员：郑凯  记录员：（空白）' }],
        status: 'open', note: '',
      },
      {
        rule: 'ARREST_EXECUTION', severity: 'violation',
        message: '逮捕证签发早于批准逮捕决定：逮捕 2022-12-07 15:00 早于批准 2022-12-08',
        citation: '《刑事诉讼法》第八十条、第九十三条',
        evidence: [
          { document: 'd8', page: 5, text: '于2022年12月7日15时执行逮捕' },
          { document: 'd7', page: 3, text: '决定批准逮捕犯罪嫌疑人张三' },
        ],
        status: 'dismissed', note: '逮捕证日期系笔误，已补正说明附卷。',
      },
    ],
    errors: [
      { file: '卷二/损坏的扫描件.pdf', message: 'PDF 文件已损坏，无法读取 (Invalid PDF structure)', stage: 'ingest' },
    ],
    generator: { name: 'case-review', version: '0.1.0' },
  };
}
