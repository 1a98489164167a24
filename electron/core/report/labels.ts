// The report's own wording, per locale. Vocabulary labels (document, event, role
// types) come from shared/vocab.ts; this file holds only what the report says.
import type { FindingStatus, Severity } from '../../../shared/vocab.js';

export type ReportLocale = 'zh-CN' | 'en-US';

export interface ReportText {
  title: string;
  sections: {
    summary: string;
    catalogue: string;
    people: string;
    timeline: string;
    statements: string;
    findings: string;
    annotations: string;
    history: string;
    files: string;
    errors: string;
  };
  history: { at: string; actor: string; action: string; what: string; verified: string; broken: string; none: string };
  statements: {
    bySuspect: string;
    byEvent: string;
    record: string;
    person: string;
    time: string;
    place: string;
    amount: string;
    participants: string;
    admission: string;
    none: string;
    admit: string;
    deny: string;
  };
  summary: {
    case: string;
    folder: string;
    files: string;
    pages: string;
    ocrPages: string;
    meanConfidence: string;
    documents: string;
    findings: string;
    reviewedAt: string;
    reviewer: string;
    appVersion: string;
    generatedAt: string;
  };
  catalogue: { ordinal: string; type: string; title: string; number: string; date: string; file: string; pages: string };
  people: {
    name: string;
    role: string;
    gender: string;
    birthDate: string;
    idNumber: string;
    phone: string;
    address: string;
    aliases: string;
    priors: string;
    corrections: string;
  };
  timeline: {
    no: string;
    time: string;
    event: string;
    persons: string;
    place: string;
    source: string;
    figureCaption: string;
    caseLane: string;
    noDates: string;
    legendDetention: string;
    legendArrest: string;
    legendNonCustodial: string;
    legendRecord: string;
    legendOther: string;
    legendFinding: string;
    openEnded: string;
    /** After an event told in a narrative rather than proven by its own paper. */
    narrative: string;
  };
  findings: {
    citation: string;
    evidence: string;
    decision: string;
    note: string;
    rule: string;
    none: string;
    bySeverity: (counts: Record<Severity, number>) => string;
  };
  severity: Record<Severity, string>;
  status: Record<FindingStatus, string>;
  annotations: { document: string; page: string; text: string; note: string; none: string };
  files: { path: string; pages: string; sha256: string; stage: string; message: string; noErrors: string };
  none: string;
  dash: string;
  colon: string;
  pageRef: (page: number) => string;
  pageRange: (from: number, to: number) => string;
  /** "第 x 页 共 y 页" in three pieces around the two numbers, so DOCX can put page fields between them. */
  footer: [string, string, string];
  toc: string;
  gender: (value: string) => string;
}

const ZH: ReportText = {
  title: '案件审查报告',
  sections: {
    summary: '案件概况',
    catalogue: '卷宗目录',
    people: '人员',
    timeline: '时间轴',
    statements: '言词证据比对',
    findings: '审查意见',
    annotations: '批注',
    history: '审查记录',
    files: '文件清单',
    errors: '错误',
  },
  history: {
    at: '时间',
    actor: '审查人',
    action: '操作',
    what: '内容',
    verified: '审查记录哈希链完整，未见改动或删除。',
    broken: '警告：审查记录哈希链断裂，记录可能被改动或删除。',
    none: '无审查记录。',
  },
  statements: {
    bySuspect: '各犯罪嫌疑人历次供述',
    byEvent: '各方对案件事实的陈述',
    record: '笔录',
    person: '人员',
    time: '时间',
    place: '地点',
    amount: '金额',
    participants: '参与人员',
    admission: '是否承认',
    none: '卷内未见讯问、询问笔录。',
    admit: '承认',
    deny: '否认',
  },
  summary: {
    case: '案件名称',
    folder: '案卷文件夹',
    files: '文件数',
    pages: '页数',
    ocrPages: 'OCR 识别页数',
    meanConfidence: 'OCR 平均置信度',
    documents: '文书数',
    findings: '审查意见',
    reviewedAt: '审查日期',
    reviewer: '审查人',
    appVersion: '软件版本',
    generatedAt: '报告生成时间',
  },
  catalogue: { ordinal: '序号', type: '类型', title: '标题', number: '文号', date: '日期', file: '文件', pages: '页码' },
  people: {
    name: '姓名',
    role: '身份',
    gender: '性别',
    birthDate: '出生日期',
    idNumber: '身份证号',
    phone: '电话',
    address: '住址',
    aliases: '别名',
    priors: '前科',
    corrections: '审查人对人员与号码的更正',
  },
  timeline: {
    no: '编号',
    time: '时间',
    event: '事件',
    persons: '涉及人员',
    place: '地点',
    source: '出处',
    figureCaption: '图：程序时间轴（编号对应下表；色带为羁押期间，红色虚线为审查意见所涉时间）',
    caseLane: '案件',
    noDates: '未见可定位时间的事件。',
    legendDetention: '拘留羁押',
    legendArrest: '逮捕羁押',
    legendNonCustodial: '取保/监视居住',
    legendRecord: '讯问/询问',
    legendOther: '其他程序',
    legendFinding: '审查意见',
    openEnded: '（截至最后记录）',
    narrative: '（叙述）',
  },
  findings: {
    citation: '依据',
    evidence: '证据',
    decision: '审查结论',
    note: '备注',
    rule: '规则',
    none: '未发现问题。',
    bySeverity: (c) => `违法 ${c.violation} 条，提示 ${c.warning} 条`,
  },
  severity: { violation: '违法', warning: '提示' },
  status: { open: '待核实', confirmed: '已确认', dismissed: '已排除' },
  annotations: { document: '文书', page: '页码', text: '原文', note: '批注', none: '无批注。' },
  files: { path: '文件', pages: '页数', sha256: 'SHA-256', stage: '环节', message: '错误信息', noErrors: '无错误。' },
  none: '无',
  dash: '—',
  colon: '：',
  pageRef: (p) => `第 ${p} 页`,
  pageRange: (a, b) => (a === b ? `${a}` : `${a}–${b}`),
  footer: ['第 ', ' 页 共 ', ' 页'],
  toc: '目录',
  gender: (v) => v,
};

const EN: ReportText = {
  title: 'Case Review Report',
  sections: {
    summary: 'Case summary',
    catalogue: 'Catalogue',
    people: 'People',
    timeline: 'Timeline',
    statements: 'Statements compared',
    findings: 'Review findings',
    annotations: 'Annotations',
    history: 'Case history',
    files: 'Files',
    errors: 'Errors',
  },
  history: {
    at: 'Time',
    actor: 'Reviewer',
    action: 'Action',
    what: 'What changed',
    verified: 'The history is intact: no entry changed or removed.',
    broken: "Warning: the history's chain of hashes is broken — entries may have been changed or removed.",
    none: 'No history.',
  },
  statements: {
    bySuspect: "Each suspect's successive statements",
    byEvent: "Each person's account of the facts",
    record: 'Record',
    person: 'Person',
    time: 'Time',
    place: 'Place',
    amount: 'Amount',
    participants: 'Participants',
    admission: 'Admits',
    none: 'The file holds no interrogation or inquiry records.',
    admit: 'admits',
    deny: 'denies',
  },
  summary: {
    case: 'Case',
    folder: 'Case folder',
    files: 'Files',
    pages: 'Pages',
    ocrPages: 'OCR pages',
    meanConfidence: 'Mean OCR confidence',
    documents: 'Documents',
    findings: 'Findings',
    reviewedAt: 'Review date',
    reviewer: 'Reviewer',
    appVersion: 'App version',
    generatedAt: 'Report generated',
  },
  catalogue: { ordinal: 'No.', type: 'Type', title: 'Title', number: 'Number', date: 'Date', file: 'File', pages: 'Pages' },
  people: {
    name: 'Name',
    role: 'Role',
    gender: 'Sex',
    birthDate: 'Birth date',
    idNumber: 'ID number',
    phone: 'Phone',
    address: 'Address',
    aliases: 'Aliases',
    priors: 'earlier convictions ',
    corrections: 'Reviewer corrections to people and identifiers',
  },
  timeline: {
    no: 'No.',
    time: 'Time',
    event: 'Event',
    persons: 'Persons',
    place: 'Place',
    source: 'Source',
    figureCaption: 'Figure: procedural timeline (numbers refer to the table; bands are custody periods, red dashed lines mark findings)',
    caseLane: 'Case',
    noDates: 'No event with a usable time was found.',
    legendDetention: 'Detention',
    legendArrest: 'Arrest custody',
    legendNonCustodial: 'Bail / surveillance',
    legendRecord: 'Interrogation / inquiry',
    legendOther: 'Other steps',
    legendFinding: 'Finding',
    openEnded: ' (to last record)',
    narrative: ' (as told)',
  },
  findings: {
    citation: 'Basis',
    evidence: 'Evidence',
    decision: 'Decision',
    note: 'Note',
    rule: 'Rule',
    none: 'No findings.',
    bySeverity: (c) => `${c.violation} violation(s), ${c.warning} warning(s)`,
  },
  severity: { violation: 'Violation', warning: 'Warning' },
  status: { open: 'To verify', confirmed: 'Confirmed', dismissed: 'Dismissed' },
  annotations: { document: 'Document', page: 'Page', text: 'Text', note: 'Note', none: 'No annotations.' },
  files: { path: 'File', pages: 'Pages', sha256: 'SHA-256', stage: 'Stage', message: 'Message', noErrors: 'No errors.' },
  none: 'None',
  dash: '—',
  colon: ': ',
  pageRef: (p) => `p. ${p}`,
  pageRange: (a, b) => (a === b ? `${a}` : `${a}–${b}`),
  footer: ['Page ', ' of ', ''],
  toc: 'Contents',
  gender: (v) => (v === '男' ? 'Male' : v === '女' ? 'Female' : v),
};

export function reportText(locale: ReportLocale): ReportText {
  return locale === 'en-US' ? EN : ZH;
}
