// The printed titles of the forms in a case file, and tolerant matching of a
// line against them: OCR drops, swaps or spaces out characters of titles, and a
// title is the strongest sign that a new document begins on a page.
import type { DocumentType } from '../../../shared/vocab.js';

export interface KnownTitle {
  title: string;
  type: DocumentType;
}

// Longer, more specific titles first: 鉴定意见通知书 must win over 鉴定意见, and
// 拘留通知书 over 拘留证 when both are within reach of a damaged line.
export const KNOWN_TITLES: readonly KnownTitle[] = [
  { title: '受案登记表', type: 'REPORT_REGISTRATION' },
  { title: '立案决定书', type: 'CASE_FILING' },
  { title: '传唤证', type: 'SUMMONS' },
  { title: '拘传证', type: 'SUMMONS' },
  { title: '讯问笔录', type: 'INTERROGATION_RECORD' },
  { title: '询问笔录', type: 'INQUIRY_RECORD' },
  { title: '拘留证', type: 'DETENTION_WARRANT' },
  { title: '拘留通知书', type: 'DETENTION_NOTICE' },
  { title: '家属拘留通知书', type: 'DETENTION_NOTICE' },
  { title: '提请延长拘留期限报告书', type: 'DETENTION_EXTENSION' },
  { title: '呈请延长拘留期限报告书', type: 'DETENTION_EXTENSION' },
  { title: '延长拘留期限决定书', type: 'DETENTION_EXTENSION' },
  { title: '延长拘留期限通知书', type: 'DETENTION_EXTENSION' },
  { title: '延长拘留期限', type: 'DETENTION_EXTENSION' },
  { title: '提请批准逮捕书', type: 'ARREST_REQUEST' },
  { title: '批准逮捕决定书', type: 'ARREST_APPROVAL' },
  { title: '逮捕证', type: 'ARREST_WARRANT' },
  { title: '逮捕通知书', type: 'ARREST_NOTICE' },
  { title: '取保候审决定书', type: 'BAIL' },
  { title: '监视居住决定书', type: 'RESIDENTIAL_SURVEILLANCE' },
  { title: '搜查证', type: 'SEARCH_WARRANT' },
  { title: '搜查笔录', type: 'SEARCH_RECORD' },
  { title: '扣押决定书', type: 'SEIZURE_DECISION' },
  { title: '扣押清单', type: 'SEIZURE_LIST' },
  { title: '扣押物品清单', type: 'SEIZURE_LIST' },
  { title: '扣押物品、文件清单', type: 'SEIZURE_LIST' },
  { title: '鉴定意见通知书', type: 'APPRAISAL_NOTICE' },
  { title: '鉴定意见书', type: 'APPRAISAL' },
  { title: '鉴定意见', type: 'APPRAISAL' },
  { title: '鉴定书', type: 'APPRAISAL' },
  { title: '犯罪嫌疑人诉讼权利义务告知书', type: 'RIGHTS_NOTICE' },
  { title: '被害人诉讼权利义务告知书', type: 'RIGHTS_NOTICE' },
  { title: '证人诉讼权利义务告知书', type: 'RIGHTS_NOTICE' },
  { title: '诉讼权利义务告知书', type: 'RIGHTS_NOTICE' },
  { title: '权利义务告知书', type: 'RIGHTS_NOTICE' },
  { title: '起诉意见书', type: 'PROSECUTION_OPINION' },
  // The procuratorate's and the court's papers, which a case file may carry (or be).
  { title: '起诉书', type: 'INDICTMENT' },
  { title: '不起诉决定书', type: 'NON_PROSECUTION' },
  { title: '量刑建议书', type: 'SENTENCING_RECOMMENDATION' },
  { title: '认罪认罚具结书', type: 'PLEA_AGREEMENT' },
  { title: '刑事判决书', type: 'JUDGMENT' },
  { title: '刑事附带民事判决书', type: 'JUDGMENT' },
  { title: '判决书', type: 'JUDGMENT' },
  { title: '刑事裁定书', type: 'RULING' },
  { title: '裁定书', type: 'RULING' },
  { title: '呈请拘留报告书', type: 'DETENTION_REQUEST' },
  { title: '到案经过', type: 'NARRATIVE' },
  { title: '抓获经过', type: 'NARRATIVE' },
  { title: '归案经过', type: 'NARRATIVE' },
  { title: '情况说明', type: 'NARRATIVE' },
  // Forms that are documents of their own but have no type of their own: they
  // still start a new document in a volume.
  { title: '呈请立案报告书', type: 'OTHER' },
  { title: '呈请逮捕报告书', type: 'OTHER' },
  { title: '扣押笔录', type: 'OTHER' },
  { title: '辨认笔录', type: 'OTHER' },
  { title: '现场勘验笔录', type: 'OTHER' },
  { title: '勘验笔录', type: 'OTHER' },
  { title: '检查笔录', type: 'OTHER' },
  { title: '鉴定聘请书', type: 'OTHER' },
  { title: '常住人口登记表', type: 'OTHER' },
  { title: '户籍证明', type: 'OTHER' },
  { title: '工作说明', type: 'OTHER' },
  { title: '送达回执', type: 'OTHER' },
  { title: '释放证明书', type: 'OTHER' },
  { title: '提供法律援助通知书', type: 'OTHER' },
  { title: '法律援助通知书', type: 'OTHER' },
  { title: '卷内文书目录', type: 'OTHER' },
  { title: '卷内目录', type: 'OTHER' },
  { title: '结案报告', type: 'OTHER' },
  { title: '报案材料', type: 'OTHER' },
];

/** Levenshtein distance over code points (natural's counts UTF-16 units). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/** A line as a title would read: no spaces (letter-spaced titles), no copy marks. */
/** Characters two strings share in order (longest common subsequence). */
function shared(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = [0];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = x[i - 1] === y[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

export function titleKey(line: string): string {
  return line
    .normalize('NFKC')
    .replace(/[（(][^）)]{0,8}[）)]/g, '')
    .replace(/[\s\u3000·・_\-—:：|｜]/g, '')
    .replace(/第[0-9一二三四五六七八九十]+次/g, '');
}

export interface TitleMatch {
  title: string;
  type: DocumentType;
  distance: number;
  exact: boolean;
  /** Other types a damaged title is as close to (诅问笔录: 讯问 or 询问). */
  alternatives: DocumentType[];
}

/** How many edits a title of this length survives before it could be another word. */
function tolerance(len: number): number {
  if (len <= 3) return 1;
  if (len <= 6) return 2;
  return 3;
}

const ISSUER = /^.*(公安局|分局|派出所|检察院|法院|鉴定所|鉴定中心|鉴定机构)/;

/**
 * The known title a line reads as, if any. The line alone must be the title
 * (an issuing organ may precede it on the same line); a title word inside a
 * sentence is not a title.
 */
export function matchTitle(line: string): TitleMatch | null {
  let key = titleKey(line);
  if (key.length < 2) return null;
  // A line ending a sentence ("…特\n提请批准逮捕。" at the top of a page) is body text: only
  // an exact title with a speck after it survives the stop.
  if (/[。，；、]$/.test(key)) {
    const bare = key.replace(/[。，；、]+$/, '');
    const m = bare.length >= 2 ? matchTitle(bare) : null;
    return m?.exact ? m : null;
  }
  // An organ printed on the title line: 绍兴市公安局越城区分局拘留证.
  const issuer = ISSUER.exec(key);
  if (issuer && issuer[0].length < key.length) key = key.slice(issuer[0].length);
  // 法医学人体损伤程度鉴定意见书: a qualifier in front of the appraisal title.
  if (key.length > 5 && /鉴定(意见书?|书)$/.test(key) && !/通知书$/.test(key)) {
    key = key.replace(/^.*?(鉴定(意见书?|书))$/, '$1');
  }
  if (key.length > 16) return null;
  let best: (TitleMatch & { common: number }) | null = null;
  const near: { type: DocumentType; d: number; common: number }[] = [];
  for (const known of KNOWN_TITLES) {
    const tl = [...known.title].length;
    const kl = [...key].length;
    if (Math.abs(tl - kl) > tolerance(tl)) continue;
    const d = editDistance(key, known.title);
    if (d > tolerance(tl)) continue;
    // A damaged title must keep most of its characters, or 逮捕证 and 传唤证 blur.
    if (d > 0 && d * 3 > tl) continue;
    const common = shared(key, known.title);
    near.push({ type: known.type, d, common });
    if (!best || d < best.distance || (d === best.distance && common > best.common)) {
      best = { title: known.title, type: known.type, distance: d, exact: d === 0, alternatives: [], common };
    }
  }
  if (!best) return null;
  const b = best;
  // Equally near and sharing as many characters: only the body can tell (诅问笔录: 讯问 or 询问).
  const alternatives = b.exact
    ? []
    : [...new Set(near.filter((n) => n.d === b.distance && n.common === b.common && n.type !== b.type).map((n) => n.type))];
  return { title: b.title, type: b.type, distance: b.distance, exact: b.exact, alternatives };
}
