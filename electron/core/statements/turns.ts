// A record's questions and answers, in order, each with where it stands (offset, page) and what
// it is about. Rules, the compare view and the report read records through this one parser.

/** What a question asks about: its answer is compared with other answers on the same topic. */
export const TOPICS = [
  'identity',
  'procedure',
  'account',
  'time',
  'place',
  'people',
  'amount',
  'means',
  'aftermath',
  'admission',
  'closing',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export interface Turn {
  /** Position in the record, from 0. */
  index: number;
  question: string;
  answer: string;
  /** Offsets in the record's text: the question's marker, the answer's first character and its end. */
  questionAt: number;
  answerAt: number;
  answerEnd: number;
  page: number;
  topic: Topic;
}

// Topics by the words of the question, first match wins: the identity and procedure questions
// every record asks are not testimony; the rest is what the person says happened.
const TOPIC_QUESTIONS: [Topic, RegExp][] = [
  [
    'procedure',
    /权利|义务|告知书|回避|律师|法律援助|听清楚|听明白|听懂|看过|核对|如实(?:回答|提供|供述)|伪证|出示|工作证|是否清楚|怎么到案|如何到案|到案的|怎么到(?:公安|派出所|这里)|怎么来(?:到)?(?:公安|派出所|这里)|传唤|抓获|抓到|为什么被|因何被|为何被|因何事被|因什么事被/,
  ],
  [
    'identity',
    /个人情况|基本情况|身份|姓名|名字|出生|户籍|住址|住所|文化|职业|工作单位|家庭|前科|处罚过|电话|联系方式|身份证|民族|籍贯|政治面貌|人大代表|政协委员/,
  ],
  // "对上次所作的供述有无补充或者更改？": where a suspect retracts or changes his account (翻供).
  [
    'account',
    /(?:有无|有没有|是否)(?:补充或者?|补充或)?(?:更改|改变|修改|变更|翻供)|(?:上次|以前|之前|前几次)所作的(?:供述|陈述)(?!是否属实)/,
  ],
  ['closing', /还有什么|还有没有|补充|其他要说|要说明|以上(?:所说|讲的)|是否属实/],
  ['admission', /认罪|承认|是否认|怎么认识|有何意见|什么意见|悔|是否自愿/],
  ['time', /什么时间|几点|何时|哪天|什么时候|几号|哪一天|时间/],
  ['place', /在哪|什么地方|哪里|何处|地点|位置/],
  ['people', /和谁|跟谁|同伙|一起|还有谁|几个人|哪些人|谁|同案|认识|特征|长相/],
  ['amount', /多少钱|金额|价值|损失|多少|几部|几个|几张|数量|重量|克/],
  ['means', /用什么|工具|凶器|怎么(?:打|偷|骗|拿|进)|手段|方式|方法|木棍|刀/],
  ['aftermath', /怎么处理|处理的|去了哪|去哪了|销赃|赃款|赃物|花掉|后来|之后|事后/],
  ['account', /经过|怎么回事|讲一下|说一下|讲讲|说说|情况|做了什么|看到|听到|知道|发生|来派出所|报案/],
];

export function topicOf(question: string): Topic {
  for (const [topic, re] of TOPIC_QUESTIONS) if (re.test(question)) return topic;
  return 'other';
}

/** Topics whose answers tell what happened, as against the record's formalities. */
export const TESTIMONY: ReadonlySet<Topic> = new Set([
  'account',
  'time',
  'place',
  'people',
  'amount',
  'means',
  'aftermath',
  'admission',
  'other',
]);

// A marker opens a line, or follows the end of the sentence before it (问：…？答：… typed on one line).
const MARK = /(?<=^|[\n。？！?!；;\s\u3000])(问|答)\s*[：:]/g;

/**
 * The 问/答 turns of a record. `pageStarts` are the offsets at which each page's text begins in
 * `text` (the first is 0), `firstPage` the record's first page number.
 */
export function recordTurns(text: string, pageStarts: readonly number[] = [0], firstPage = 1): Turn[] {
  const marks = [...text.matchAll(MARK)].map((m) => ({ kind: m[1] as '问' | '答', at: m.index, end: m.index + m[0].length }));
  const pageOf = (offset: number): number => {
    let p = 0;
    for (let i = 0; i < pageStarts.length; i++) if ((pageStarts[i] ?? 0) <= offset) p = i;
    return firstPage + p;
  };
  const turns: Turn[] = [];
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i]!;
    if (m.kind !== '答') continue;
    const q = marks[i - 1]?.kind === '问' ? marks[i - 1] : undefined;
    const answerEnd = marks[i + 1]?.at ?? text.length;
    // The closing confirmation often follows the last answer on its line.
    const raw = text.slice(m.end, answerEnd);
    const body = raw.replace(/\n?[ \t\u3000]*以上(?:笔录|内容|记录)[\s\S]*$/, '');
    let question = q ? text.slice(q.end, m.at).trim() : '';
    // A photo's two columns read as one line: the last answer's words run on after the next
    // question's mark ("问：收到的钱到哪里去了？110号小公园门口见面，他…"). They are that answer's.
    const spill = q ? /^([^？?\n]{2,80}[？?])[ \t\u3000]*([^\n]*[\u4e00-\u9fff][^\n]*)/.exec(text.slice(q.end, m.at).trimStart()) : null;
    const prev = turns[turns.length - 1];
    // Only where the answer before stops mid-sentence, and the words are no second question.
    const runsOn = prev && !/[。！？!?；;…”"）)]$/.test(prev.answer);
    if (
      q &&
      spill &&
      prev &&
      runsOn &&
      (spill[2] ?? '').replace(/\s/g, '').length >= 4 &&
      !/[？?]|^(?:你|请|那|是否|为什么|怎么|有没有|再)/.test(spill[2] ?? '')
    ) {
      question = spill[1] ?? question;
      const at = text.indexOf(spill[2]!, q.end);
      turns.push({
        ...prev,
        index: turns.length,
        answer: spill[2]!.trim(),
        answerAt: at,
        answerEnd: at + spill[2]!.trim().length,
        page: pageOf(at),
      });
    }
    const answer = body.trim();
    // answerAt is where the answer's first character stands, so offsets within `answer` add to it.
    const lead = body.length - body.trimStart().length;
    turns.push({
      index: turns.length,
      question,
      answer,
      questionAt: q?.at ?? m.at,
      answerAt: m.end + lead,
      answerEnd: m.end + lead + answer.length,
      page: pageOf(m.end + lead),
      topic: q ? topicOf(question) : 'other',
    });
  }
  return turns;
}
