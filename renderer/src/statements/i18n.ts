// Strings of the compare view. Topic and difference labels are the reviewer's words for
// them: the backend's keys (AMOUNT, account…) never reach the screen.
import type { Locale } from '../i18n';
import type { StatementTopic } from '../../../shared/api';
import type { ClaimAbout } from '../../../shared/review';

const zh = {
  'compare.loading': '正在加载笔录…',
  'compare.loadingComparison': '正在比对…',
  'compare.error': '无法加载笔录：{message}',
  'compare.compareError': '无法比对所选笔录：{message}',
  'compare.none': '本案未识别出讯问笔录或询问笔录。',
  'compare.pickHeading': '选择要比对的笔录',
  'compare.pickHint': '勾选 2–4 份笔录并排阅读，答话按问题和主题对齐，矛盾之处标出。',
  'compare.firstAccounts': '各人首次陈述',
  'compare.firstAccountsTitle': '每人的第一份笔录：同一事件的各方说法（{n} 人）',
  'compare.firstAccountsCapped': '人员超过 4 名，已选前 4 名的首次陈述。',
  'compare.allOfPerson': '该人全部笔录',
  'compare.allOfPersonCapped': '该人笔录超过 4 份，已选前 4 份。',
  'compare.records': '{n} 份笔录',
  'compare.selected': '已选 {n} 份',
  'compare.selectMore': '再选 {n} 份即可比对',
  'compare.max': '最多比对 4 份',
  'compare.clear': '清除',
  'compare.start': '开始比对',
  'compare.back': '重新选择',
  'compare.session.interrogation': '第{n}次讯问',
  'compare.session.inquiry': '第{n}次询问',
  'compare.sessionShort': '第{n}次',
  'compare.noRole': '身份未明',
  'compare.pages': '第{from}–{to}页',
  'compare.page': '第{page}页',
  'compare.openPage': '打开原文第{page}页',
  'compare.question': '问',
  'compare.answer': '答',
  'compare.notAsked': '未问及',
  'compare.differences': '矛盾之处（{n}）',
  'compare.noDifferences': '所选笔录未见矛盾之处。',
  'compare.noDifferencesHint': '仍请逐项核对答话内容：比对只标出时间、地点、人员、金额、认罪态度和作案工具的明显出入。',
  'compare.differs': '{label}不一致',
  'compare.versus': '↔',
  'compare.unfold': '显示身份、程序问答（{n} 问）',
  'compare.fold': '收起身份、程序问答',
  'compare.keys': 'n/p 下/上一处矛盾 · Enter 打开原文 · f 展开/收起身份与程序 · Esc 重新选择',
  'compare.keysPick': '勾选后按 Enter 开始比对',
  'compare.topic': '主题',
} as const;

export type CompareKey = keyof typeof zh;

const en: Record<CompareKey, string> = {
  'compare.loading': 'Loading the statements…',
  'compare.loadingComparison': 'Comparing…',
  'compare.error': 'Could not load the statements: {message}',
  'compare.compareError': 'Could not compare these records: {message}',
  'compare.none': 'No interrogation or inquiry records were recognised in this case.',
  'compare.pickHeading': 'Choose records to compare',
  'compare.pickHint': 'Tick 2–4 records to read them side by side, answers aligned by question and topic, differences marked.',
  'compare.firstAccounts': 'First account of each person',
  'compare.firstAccountsTitle': 'Each person’s first record: every account of the event ({n} {n|person|people})',
  'compare.firstAccountsCapped': 'More than 4 people: the first accounts of the first 4 are chosen.',
  'compare.allOfPerson': 'All of this person’s records',
  'compare.allOfPersonCapped': 'More than 4 records: the first 4 are chosen.',
  'compare.records': '{n} {n|record|records}',
  'compare.selected': '{n} chosen',
  'compare.selectMore': 'Choose {n} more to compare',
  'compare.max': 'At most 4 records',
  'compare.clear': 'Clear',
  'compare.start': 'Compare',
  'compare.back': 'Choose again',
  'compare.session.interrogation': 'Interrogation {n}',
  'compare.session.inquiry': 'Inquiry {n}',
  'compare.sessionShort': 'No. {n}',
  'compare.noRole': 'Role unknown',
  'compare.pages': 'pp. {from}–{to}',
  'compare.page': 'p. {page}',
  'compare.openPage': 'Open page {page}',
  'compare.question': 'Q',
  'compare.answer': 'A',
  'compare.notAsked': 'Not asked',
  'compare.differences': 'Differences ({n})',
  'compare.noDifferences': 'No differences found between these records.',
  'compare.noDifferencesHint':
    'Still read the answers: the comparison marks only clear differences of time, place, people, amount, admission and weapon.',
  'compare.differs': '{label} differs',
  'compare.versus': '↔',
  'compare.unfold': 'Show identity and procedure ({n} {n|question|questions})',
  'compare.fold': 'Hide identity and procedure',
  'compare.keys': 'n/p next/previous difference · Enter open the page · f show/hide identity and procedure · Esc choose again',
  'compare.keysPick': 'Tick records, then Enter to compare',
  'compare.topic': 'Topic',
};

export const COMPARE_TEXT: Record<Locale, Record<CompareKey, string>> = { 'zh-CN': zh, 'en-US': en };

export const TOPIC_LABELS: Record<StatementTopic, { zh: string; en: string }> = {
  account: { zh: '经过', en: 'Account' },
  time: { zh: '时间', en: 'Time' },
  place: { zh: '地点', en: 'Place' },
  people: { zh: '人员', en: 'People' },
  amount: { zh: '金额', en: 'Amount' },
  means: { zh: '手段', en: 'Means' },
  aftermath: { zh: '事后', en: 'Aftermath' },
  admission: { zh: '认罪态度', en: 'Admission' },
  other: { zh: '其他', en: 'Other' },
  closing: { zh: '结尾', en: 'Closing' },
  identity: { zh: '身份', en: 'Identity' },
  procedure: { zh: '程序', en: 'Procedure' },
};

/** What disagrees, as a reviewer names it; the backend's label is the fallback for a kind added later. */
export const DIFFERENCE_LABELS: Record<ClaimAbout, { zh: string; en: string }> = {
  TIME: { zh: '作案时间', en: 'Time' },
  PLACE: { zh: '地点', en: 'Place' },
  PARTICIPANTS: { zh: '参与人员', en: 'Participants' },
  AMOUNT: { zh: '金额', en: 'Amount' },
  ADMISSION: { zh: '认罪态度', en: 'Admission' },
  WEAPON: { zh: '作案工具', en: 'Weapon' },
};
