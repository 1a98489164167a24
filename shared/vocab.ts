// Vocabularies of the domain (DESIGN.md §5). Ids are stable: review.json and the
// database carry them; labels are translated at the edge.

export const DOCUMENT_TYPES = [
  'REPORT_REGISTRATION',
  'CASE_FILING',
  'SUMMONS',
  'INTERROGATION_RECORD',
  'INQUIRY_RECORD',
  'DETENTION_WARRANT',
  'DETENTION_NOTICE',
  'DETENTION_EXTENSION',
  'ARREST_REQUEST',
  'ARREST_APPROVAL',
  'ARREST_WARRANT',
  'ARREST_NOTICE',
  'BAIL',
  'RESIDENTIAL_SURVEILLANCE',
  'SEARCH_WARRANT',
  'SEARCH_RECORD',
  'SEIZURE_DECISION',
  'SEIZURE_LIST',
  'APPRAISAL',
  'APPRAISAL_NOTICE',
  'RIGHTS_NOTICE',
  'PROSECUTION_OPINION',
  // Court and procuratorate papers, approval reports and narratives (wave 2).
  'INDICTMENT',
  'JUDGMENT',
  'RULING',
  'NON_PROSECUTION',
  'SENTENCING_RECOMMENDATION',
  'PLEA_AGREEMENT',
  'DETENTION_REQUEST',
  'NARRATIVE',
  'OTHER',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, { zh: string; en: string }> = {
  REPORT_REGISTRATION: { zh: '受案登记表', en: 'Case intake registration' },
  CASE_FILING: { zh: '立案决定书', en: 'Case filing decision' },
  SUMMONS: { zh: '传唤证', en: 'Summons' },
  INTERROGATION_RECORD: { zh: '讯问笔录', en: 'Interrogation record' },
  INQUIRY_RECORD: { zh: '询问笔录', en: 'Inquiry record' },
  DETENTION_WARRANT: { zh: '拘留证', en: 'Detention warrant' },
  DETENTION_NOTICE: { zh: '拘留通知书', en: 'Detention notice' },
  DETENTION_EXTENSION: { zh: '延长拘留期限', en: 'Detention extension' },
  ARREST_REQUEST: { zh: '提请批准逮捕书', en: 'Arrest request' },
  ARREST_APPROVAL: { zh: '批准逮捕决定书', en: 'Arrest approval' },
  ARREST_WARRANT: { zh: '逮捕证', en: 'Arrest warrant' },
  ARREST_NOTICE: { zh: '逮捕通知书', en: 'Arrest notice' },
  BAIL: { zh: '取保候审决定书', en: 'Bail decision' },
  RESIDENTIAL_SURVEILLANCE: { zh: '监视居住决定书', en: 'Residential surveillance decision' },
  SEARCH_WARRANT: { zh: '搜查证', en: 'Search warrant' },
  SEARCH_RECORD: { zh: '搜查笔录', en: 'Search record' },
  SEIZURE_DECISION: { zh: '扣押决定书', en: 'Seizure decision' },
  SEIZURE_LIST: { zh: '扣押清单', en: 'Seizure list' },
  APPRAISAL: { zh: '鉴定意见', en: 'Expert opinion' },
  APPRAISAL_NOTICE: { zh: '鉴定意见通知书', en: 'Expert opinion notice' },
  RIGHTS_NOTICE: { zh: '权利义务告知书', en: 'Rights notice' },
  PROSECUTION_OPINION: { zh: '起诉意见书', en: 'Prosecution opinion' },
  INDICTMENT: { zh: '起诉书', en: 'Indictment' },
  JUDGMENT: { zh: '判决书', en: 'Judgment' },
  RULING: { zh: '裁定书', en: 'Ruling' },
  NON_PROSECUTION: { zh: '不起诉决定书', en: 'Non-prosecution decision' },
  SENTENCING_RECOMMENDATION: { zh: '量刑建议书', en: 'Sentencing recommendation' },
  PLEA_AGREEMENT: { zh: '认罪认罚具结书', en: 'Plea agreement' },
  DETENTION_REQUEST: { zh: '呈请拘留报告书', en: 'Detention approval report' },
  NARRATIVE: { zh: '抓获经过 / 情况说明', en: 'Narrative (arrest account, statement of facts)' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const ENTITY_TYPES = [
  'PERSON',
  'ID_NUMBER',
  'PHONE',
  'PLATE',
  'BANK_CARD',
  'ACCOUNT',
  'ADDRESS',
  'ORG',
  'AMOUNT',
  'CASE_NUMBER',
  'LAW_ARTICLE',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_TYPE_LABELS: Record<EntityType, { zh: string; en: string }> = {
  PERSON: { zh: '人员', en: 'Person' },
  ID_NUMBER: { zh: '身份证号', en: 'ID number' },
  PHONE: { zh: '电话', en: 'Phone' },
  PLATE: { zh: '车牌', en: 'Plate' },
  BANK_CARD: { zh: '银行卡', en: 'Bank card' },
  ACCOUNT: { zh: '账号', en: 'Account' },
  ADDRESS: { zh: '地址', en: 'Address' },
  ORG: { zh: '单位', en: 'Organisation' },
  AMOUNT: { zh: '金额', en: 'Amount' },
  CASE_NUMBER: { zh: '文书编号', en: 'Case number' },
  LAW_ARTICLE: { zh: '法条', en: 'Law article' },
};

export const PERSON_ROLES = ['SUSPECT', 'VICTIM', 'WITNESS', 'REPORTER', 'OFFICER', 'FAMILY', 'GUARDIAN', 'EXPERT', 'OTHER'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const PERSON_ROLE_LABELS: Record<PersonRole, { zh: string; en: string }> = {
  SUSPECT: { zh: '犯罪嫌疑人', en: 'Suspect' },
  VICTIM: { zh: '被害人', en: 'Victim' },
  WITNESS: { zh: '证人', en: 'Witness' },
  REPORTER: { zh: '报案人', en: 'Reporter' },
  OFFICER: { zh: '侦查人员', en: 'Officer' },
  FAMILY: { zh: '家属', en: 'Family' },
  GUARDIAN: { zh: '法定代理人', en: 'Guardian' },
  EXPERT: { zh: '鉴定人', en: 'Expert' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const EVENT_TYPES = [
  'OFFENCE',
  'REPORT',
  'CASE_FILED',
  'APPREHENDED',
  'SUMMONS',
  'INTERROGATION',
  'INQUIRY',
  'DETENTION',
  'CUSTODY_TRANSFER',
  'FAMILY_NOTIFIED',
  'DETENTION_EXTENDED',
  'ARREST_REQUESTED',
  'ARREST_APPROVED',
  'ARREST',
  'BAIL',
  'RESIDENTIAL_SURVEILLANCE',
  'SEARCH',
  'SEIZURE',
  'APPRAISAL',
  'APPRAISAL_NOTIFIED',
  'RIGHTS_NOTIFIED',
  'TRANSFERRED_FOR_PROSECUTION',
  // Wave 2: the rest of a custody history, and the court's part.
  'RELEASED',
  'MEASURE_CHANGED',
  'INDICTED',
  'SENTENCED',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_TYPE_LABELS: Record<EventType, { zh: string; en: string }> = {
  OFFENCE: { zh: '案发', en: 'Offence' },
  REPORT: { zh: '报案', en: 'Report' },
  CASE_FILED: { zh: '立案', en: 'Case filed' },
  APPREHENDED: { zh: '抓获到案', en: 'Apprehended' },
  SUMMONS: { zh: '传唤', en: 'Summons' },
  INTERROGATION: { zh: '讯问', en: 'Interrogation' },
  INQUIRY: { zh: '询问', en: 'Inquiry' },
  DETENTION: { zh: '拘留', en: 'Detention' },
  CUSTODY_TRANSFER: { zh: '送看守所', en: 'Custody transfer' },
  FAMILY_NOTIFIED: { zh: '通知家属', en: 'Family notified' },
  DETENTION_EXTENDED: { zh: '延长拘留', en: 'Detention extended' },
  ARREST_REQUESTED: { zh: '提请批准逮捕', en: 'Arrest requested' },
  ARREST_APPROVED: { zh: '批准逮捕', en: 'Arrest approved' },
  ARREST: { zh: '执行逮捕', en: 'Arrest' },
  BAIL: { zh: '取保候审', en: 'Bail' },
  RESIDENTIAL_SURVEILLANCE: { zh: '监视居住', en: 'Residential surveillance' },
  SEARCH: { zh: '搜查', en: 'Search' },
  SEIZURE: { zh: '扣押', en: 'Seizure' },
  APPRAISAL: { zh: '鉴定', en: 'Appraisal' },
  APPRAISAL_NOTIFIED: { zh: '鉴定意见告知', en: 'Appraisal notified' },
  RIGHTS_NOTIFIED: { zh: '权利告知', en: 'Rights notified' },
  TRANSFERRED_FOR_PROSECUTION: { zh: '移送审查起诉', en: 'Transferred for prosecution' },
  RELEASED: { zh: '释放', en: 'Released' },
  MEASURE_CHANGED: { zh: '变更强制措施', en: 'Measure changed' },
  INDICTED: { zh: '提起公诉', en: 'Indicted' },
  SENTENCED: { zh: '判决', en: 'Sentenced' },
};

/** How an event is known: from its own paper (a warrant, a notice, a record), or told in a narrative (起诉意见书, 判决书 …). */
export const EVENT_BASES = ['document', 'narrative'] as const;
export type EventBasis = (typeof EVENT_BASES)[number];

export type Severity = 'violation' | 'warning';
export type FindingStatus = 'open' | 'confirmed' | 'dismissed';
export type PageSource = 'text-layer' | 'ocr' | 'docx' | 'txt';
export type FileKind = 'pdf' | 'image' | 'tiff' | 'docx' | 'txt';

/** What the audit trail records of a reviewer's (or the system's) action, and how it is named. */
export const AUDIT_ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  'case.created': { zh: '建立案件', en: 'Case created' },
  'case.opened': { zh: '打开案件', en: 'Case opened' },
  'finding.decided': { zh: '审查意见决定', en: 'Finding decided' },
  'annotation.added': { zh: '添加批注', en: 'Note added' },
  'annotation.deleted': { zh: '删除批注', en: 'Note deleted' },
  'ocr.corrected': { zh: '更正识别文字', en: 'OCR text corrected' },
  'ocr.confirmed': { zh: '确认识别无误', en: 'OCR text confirmed' },
  'report.exported': { zh: '导出报告', en: 'Report exported' },
  // Each reviewer correction re-derives the case, so these lines now come often: named, not keyed.
  'review.done': { zh: '审查完成', en: 'Review done' },
  'review.failed': { zh: '审查失败', en: 'Review failed' },
  'review.cancelled': { zh: '审查已取消', en: 'Review cancelled' },
  'entity.corrected': { zh: '更正人员与号码', en: 'Entity corrected' },
  'entity.correction-undone': { zh: '撤销人员与号码的更正', en: 'Entity correction undone' },
};

/** One line of what an audit entry changed, in the reader's language ("待核实 → 确认", "“王珍” → “玉珍”"). */
export function auditSummary(action: string, detail: Record<string, unknown>, lang: 'zh' | 'en'): string {
  const STATUS: Record<string, { zh: string; en: string }> = {
    open: { zh: '待核实', en: 'open' },
    confirmed: { zh: '确认', en: 'confirmed' },
    dismissed: { zh: '排除', en: 'dismissed' },
  };
  const before = (detail.before ?? {}) as Record<string, unknown>;
  const after = (detail.after ?? {}) as Record<string, unknown>;
  const s = (v: unknown): string => (typeof v === 'string' ? v : '');
  switch (action) {
    case 'finding.decided': {
      const st = (v: unknown) => STATUS[s(v)]?.[lang] ?? s(v);
      const note =
        s(after.note) && s(after.note) !== s(before.note) ? (lang === 'zh' ? `，备注“${s(after.note)}”` : `, note "${s(after.note)}"`) : '';
      return `${st(before.status)} → ${st(after.status)}${note}`;
    }
    case 'ocr.corrected':
      return `“${s(detail.before)}” → “${s(detail.after)}”`;
    case 'ocr.confirmed':
      return `“${s(detail.after)}”`;
    case 'annotation.added':
      return `${lang === 'zh' ? '第' : 'p. '}${String(after.page ?? '')}${lang === 'zh' ? '页' : ''} ${s(after.note) || s(after.text)}`.trim();
    case 'annotation.deleted':
      return `${lang === 'zh' ? '第' : 'p. '}${String(before.page ?? '')}${lang === 'zh' ? '页' : ''} ${s(before.note) || s(before.text)}`.trim();
    case 'entity.corrected':
    case 'entity.correction-undone': {
      const summary = (detail.summary ?? {}) as Record<string, unknown>;
      return s(summary[lang]);
    }
    case 'report.exported':
      return Array.isArray(detail.files) ? (detail.files as unknown[]).map(String).join('、') : s(detail.folder);
    default:
      return '';
  }
}
