// Chinese personal names from context. Case documents introduce every person by
// role ("犯罪嫌疑人张三", "侦查员：郑凯、冯磊", "被讯问人签名：张三"), so the role cue
// both finds the name and says who the person is; surnames bound the guess.
import { tag } from 'jieba-wasm';
import type { PersonRole } from '../../../shared/vocab.js';

export const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '西门',
  '南宫',
  '独孤',
  '呼延',
  '澹台',
  '闻人',
  '万俟',
  '轩辕',
];

// Common surnames that are also everyday words (和, 时, 由 …) are left out: right
// after a role cue they are far more often prose than a name.
const SURNAME_CHARS =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋相初门云容敬来扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕玉银亢嵇哈湛宾戎勾茅利揭干尉冶斯元束檀衣信展阴昝智幸奉衡富尧闭祝兀达依买热吐阿努古迪洪侬沐邓班汤潘钟鄂揭赖萧贲钮荀羿汲邴糜宓郗钭蓟隗逄濮郏庾暨殳蔚夔厍訾乜蒯眭郦璩堵莘苍练谌仝亓折代寸汝杏';
const PROSE_SURNAMES = new Set([
  '和',
  '时',
  '由',
  '都',
  '但',
  '应',
  '全',
  '成',
  '相',
  '原',
  '向',
  '信',
  '公',
  '平',
  '国',
  '明',
  '海',
  '万',
  '文',
  '车',
  '路',
  '于',
  '云',
  '元',
  '干',
  '支',
  '区',
  '门',
  '初',
  '计',
  '索',
  '宣',
  '容',
  '敬',
  '普',
  '印',
  '利',
  '展',
  '阴',
  '富',
  '衣',
  '来',
  '安',
  '关',
  '常',
  '单',
  '能',
  '将',
  '乐',
  '南',
  '相',
  '位',
  '满',
  '盘',
  '花',
  '权',
  '强',
  '井',
  '巴',
  '丰',
  '国',
  '晋',
  '门',
  '宿',
  '鲜',
  '隆',
  '战',
  '银',
  '宾',
  '斯',
  '束',
  '幸',
  '奉',
  '衡',
  '智',
  '闭',
  '达',
  '依',
  '买',
  '热',
  '努',
  '迪',
  '共',
  '尚',
]);

export const SURNAMES = new Set([...SURNAME_CHARS]);

export function isSurnameAt(s: string, i: number, strict: boolean): number {
  for (const c of COMPOUND_SURNAMES) if (s.startsWith(c, i)) return 2;
  const ch = s[i] ?? '';
  if (!SURNAMES.has(ch)) return 0;
  if (strict && PROSE_SURNAMES.has(ch)) return 0;
  return 1;
}

export interface RoleCue {
  cue: string;
  role: PersonRole;
  strength: number;
  label?: string;
}

// Strength: an explicit procedural role (犯罪嫌疑人) outranks a record heading
// (被询问人 may be a victim or a witness) which outranks a narrative hint (伙同).
export const ROLE_CUES: RoleCue[] = (
  [
    ['犯罪嫌疑人', 'SUSPECT', 5],
    ['违法嫌疑人', 'SUSPECT', 5],
    ['嫌疑人', 'SUSPECT', 4],
    ['被告人', 'SUSPECT', 5],
    ['被讯问人', 'SUSPECT', 4],
    ['被拘留人', 'SUSPECT', 5],
    ['被逮捕人', 'SUSPECT', 5],
    ['被传唤人', 'SUSPECT', 4],
    ['被拘传人', 'SUSPECT', 4],
    ['被取保候审人', 'SUSPECT', 5],
    ['被监视居住人', 'SUSPECT', 5],
    ['被搜查人', 'SUSPECT', 3],
    ['同案犯', 'SUSPECT', 4],
    ['伙同', 'SUSPECT', 2],
    ['纠集', 'SUSPECT', 2],
    ['同伙', 'SUSPECT', 3],
    ['被害人', 'VICTIM', 5],
    ['受害人', 'VICTIM', 5],
    ['被害单位', 'VICTIM', 5],
    ['失主', 'VICTIM', 4],
    ['被盗人', 'VICTIM', 4],
    ['报案人', 'REPORTER', 4],
    ['报警人', 'REPORTER', 4],
    ['举报人', 'REPORTER', 4],
    ['控告人', 'REPORTER', 4],
    ['证人', 'WITNESS', 4],
    ['被询问人', 'WITNESS', 2],
    ['辨认人', 'WITNESS', 2],
    ['侦查员', 'OFFICER', 5],
    ['侦查人员', 'OFFICER', 5],
    ['讯问人', 'OFFICER', 5],
    ['询问人', 'OFFICER', 5],
    ['记录员', 'OFFICER', 5],
    ['记录人', 'OFFICER', 5],
    ['办案民警', 'OFFICER', 5],
    ['办案人员', 'OFFICER', 5],
    ['办案人', 'OFFICER', 5],
    ['民警', 'OFFICER', 4],
    ['承办人', 'OFFICER', 4],
    ['执行人', 'OFFICER', 4],
    ['送达人', 'OFFICER', 3],
    ['检查人', 'OFFICER', 3],
    ['搜查人', 'OFFICER', 3],
    ['勘查人员', 'OFFICER', 4],
    ['主持辨认人', 'OFFICER', 4],
    ['扣押人', 'OFFICER', 3],
    ['翻译人员', 'OTHER', 4, '翻译人'],
    ['翻译人', 'OTHER', 4, '翻译人'],
    // 合适成年人 (CPL 281: another adult when no legal representative can come) represents no one in law.
    ['法定代理人', 'GUARDIAN', 5],
    ['监护人', 'GUARDIAN', 5],
    ['合适成年人', 'OTHER', 3, '合适成年人'],
    // Police staff who are not investigators: the female staff a girl's interrogation requires
    // (CPL 281(3), 程序规定 §324), and the 保管人 of seized property, to whom the 扣押清单 goes as
    // 公安机关保管人员 (程序规定 §230; the 涉案财物管理部门 is the organ's own department, §235).
    ['在场女性工作人员', 'OFFICER', 4, '女性工作人员'],
    ['女性工作人员', 'OFFICER', 4, '女性工作人员'],
    ['女工作人员', 'OFFICER', 4, '女性工作人员'],
    ['保管人', 'OFFICER', 3, '保管人'],
    ['被鉴定人', 'OTHER', 1, '被鉴定人'],
    ['被告知人', 'OTHER', 1, '被告知人'],
    ['被检查人', 'OTHER', 1, '被检查人'],
    ['领导', 'OFFICER', 3, '审批人'],
    ['审批人', 'OFFICER', 5, '审批人'],
    ['批准人', 'OFFICER', 5, '审批人'],
    ['负责人', 'OFFICER', 2, '负责人'],
    // The head of an organ signs warrants and approvals: 局长 陈东升（印）.
    ['局长', 'OFFICER', 5, '审批人'],
    ['副局长', 'OFFICER', 5, '审批人'],
    ['分局长', 'OFFICER', 5, '审批人'],
    ['所长', 'OFFICER', 5, '审批人'],
    ['副所长', 'OFFICER', 5, '审批人'],
    ['队长', 'OFFICER', 5, '审批人'],
    ['副队长', 'OFFICER', 5, '审批人'],
    ['大队长', 'OFFICER', 5, '审批人'],
    ['副大队长', 'OFFICER', 5, '审批人'],
    ['中队长', 'OFFICER', 5, '审批人'],
    ['支队长', 'OFFICER', 5, '审批人'],
    ['政委', 'OFFICER', 5, '审批人'],
    ['教导员', 'OFFICER', 5, '审批人'],
    ['检察长', 'OFFICER', 5, '审批人'],
    ['受案民警', 'OFFICER', 5],
    ['鉴定人', 'EXPERT', 5],
    ['见证人', 'OTHER', 4, '见证人'],
    ['保证人', 'OTHER', 4, '保证人'],
    ['辩护律师', 'OTHER', 4, '律师'],
    ['律师', 'OTHER', 3, '律师'],
    // "我叫张三，男，…": the person speaking gives a name but no role.
    ['我叫', 'OTHER', 0],
    ['我的名字叫', 'OTHER', 0],
    ['本人姓名', 'OTHER', 0],
    ['被通知人', 'FAMILY', 3],
    ['家属', 'FAMILY', 4],
    ['其父亲', 'FAMILY', 4],
    ['其母亲', 'FAMILY', 4],
    ['其父', 'FAMILY', 4],
    ['其母', 'FAMILY', 4],
    ['其妻子', 'FAMILY', 4],
    ['其妻', 'FAMILY', 4],
    ['其丈夫', 'FAMILY', 4],
    ['其夫', 'FAMILY', 4],
    ['其子', 'FAMILY', 3],
    ['其女', 'FAMILY', 3],
    ['其哥哥', 'FAMILY', 3],
    ['其姐姐', 'FAMILY', 3],
    ['其弟弟', 'FAMILY', 3],
    ['其妹妹', 'FAMILY', 3],
    // Drug cases: the people around a sale, and the judgment's own words for the accused.
    ['同案人', 'SUSPECT', 4],
    ['同案犯罪嫌疑人', 'SUSPECT', 5],
    ['上诉人', 'SUSPECT', 4],
    ['贩毒人员', 'SUSPECT', 2],
    ['毒贩', 'SUSPECT', 2],
    ['吸毒人员', 'OTHER', 3, '吸毒人员'],
    ['购毒人员', 'OTHER', 3, '购毒人员'],
    ['买毒人员', 'OTHER', 3, '购毒人员'],
    ['购毒者', 'OTHER', 3, '购毒人员'],
    ['涉案人员', 'OTHER', 2],
    ['群众', 'OTHER', 1],
    ['户名', 'OTHER', 1],
    ['持卡人', 'OTHER', 1],
    ['开户人', 'OTHER', 1],
    ['其女友', 'OTHER', 2, '朋友'],
    ['其男友', 'OTHER', 2, '朋友'],
    ['其朋友', 'OTHER', 2, '朋友'],
    ['女友', 'OTHER', 1, '朋友'],
    ['男友', 'OTHER', 1, '朋友'],
    // A verb whose object is a person: 容留张三吸毒, 卖给李四.
    ['容留', 'OTHER', 1],
    ['卖给', 'OTHER', 1],
    ['售给', 'OTHER', 1],
    ['交给', 'OTHER', 1],
    ['邀请', 'OTHER', 1],
    // Another name of a person already named: 郭某（小名郭龙）.
    ['小名', 'OTHER', 0],
    ['化名', 'OTHER', 0],
    ['曾用名', 'OTHER', 0],
    ['别名', 'OTHER', 0],
  ] as [string, PersonRole, number, string?][]
)
  .map(([cue, role, strength, label]) => (label ? { cue, role, strength, label } : { cue, role, strength }))
  .sort((a, b) => b.cue.length - a.cue.length);

// Words that follow a role cue but are not names: 证人证言, 被害人家中, 犯罪嫌疑人的 …
export const NOT_NAME_AFTER_CUE =
  /^(证言|证词|陈述|供述|辩解|身份|家|的|等|均|在|对|是|系|签名|签字|捺印|姓名|名单|情况|信息|称|人|员|及|和|与|所|一|二|三|多|某某|本人|自己|方面|方的|方[，。、]|单位|年龄|基本|权利|应当|如实|有|没|不|已|未|到|于(?=[\d一二三四五六七八九十〇同当次本该上下案今去前其是此])|因|为|被|将|把|从|同|以|一方|同意|拒绝|无|之|者|们|楼(?![一-龥]{1,2}(?:[、，,；;\s（(]|$))|院|区)/;

// Words of two or more characters that go on a clause after a name, where their first
// character alone could still be a given name's: 何山|现羁押于, 屠平|有重大作案嫌疑,
// 严颖|来所报称, 龙飞|犯盗窃罪, 何山|之母. Being longer than one character they are better
// evidence of the name's end than the dictionary's guess across it (许泉东|来所, not 许泉|东来).
const NAME_END_PHRASE =
  /^(?:现(?:羁押|关押|在押|押于|住|居住|暂住|在逃|下落|已被)|有(?:重大|作案|犯罪|违法|前科|吸毒|贩毒|盗窃)|有(?=[^，。；\n]{1,12}嫌疑)|来(?:所|我所|队|我队|局|我局|派出所|公安)|犯(?=[^，。；\n]{0,8}罪)|之(?:[父母妻夫子女兄弟姐妹孙侄]|丈夫|妻子)|停(?:放|在|靠)|刑事|故意|抓获|抓捕)/;

// What may follow a name: punctuation, digits, particles and the verbs that
// typically follow a named actor. Single characters common in given names
// (一, 三, 文, 明 …) are left out so that 张三 is not cut to 张.
const NAME_END_WORD =
  /^([\s，,。．.；;：:、（()）“”"'‘’【】《》[\]！!？?\d０-９a-zA-Z\n]|[于在因被将把对从与和及的等系是为已曾又再也都即就便遂经盗窃偷扒抢骗持驾骑乘携趁以向称说供辩涉男女家窜撬拿用签住并至到去回拒未没不均各共欲随]|可能|可以|应当|应该|需要|发生|告诉|表示|要求|认为|知道|看到|听到|得知|找到|进入|潜入|发现|看见|报称|报案|报警|陈述|供述|证实|辨认|指认|交代|到场|在场|签名|捺印|离开|伙同|纠集|到案|涉嫌|借用|负责|利用|容留|如实|驾驶|携带|窜至|来到|坐|骑|放风|望风|手机|现金|钱包|先后|多次|一起|一同|分别|非法|明知|事先|随后|然后|独自|酒后|处(?!理|罚|置|分)|身上|身边|手中|手里|尿液|体内|住处|租住|电话|性别|出生|身份证|户籍|[二两三四五六七八九]人|应以|应依法|时(?=[被，,])|后(?!来|面|边|门|天|方|院|街|背)|[一二两三四五六七八九十]次|贩卖|购买|出售|吸食|联系|$)/;
const NAME_END = { test: (rest: string): boolean => NAME_END_WORD.test(rest) || NAME_END_PHRASE.test(rest) };

// Words that begin with a surname character but are not names.
export const NOT_NAMES = new Set([
  '查明',
  '陈述',
  '经过',
  '于是',
  '高兴',
  '周围',
  '许多',
  '金额',
  '程序',
  '安全',
  '常见',
  '时间',
  '方式',
  '白色',
  '黑色',
  '黄色',
  '红色',
  '蓝色',
  '金色',
  '银色',
  '钱包',
  '车辆',
  '全部',
  '关于',
  '任何',
  '包括',
  '成功',
  '华为',
  '苹果',
  '司机',
  '江湖',
  '万元',
  '石头',
  '毛巾',
  '叶子',
  '胡同',
  '孙子',
  '孙女',
  '方向',
  '方面',
  '曾经',
  '何时',
  '何地',
  '何事',
  '余额',
  '黄金',
  '白金',
  '钟表',
  '郑重',
  '严重',
  '严格',
  '高速',
  '管理',
  '林业',
  '童年',
  '卫生',
  '卢布',
  '应当',
  '路口',
  // Drugs' street names in the cases this app reads.
  '麻古',
  '麻果',
  '麻仔',
  '牟利',
  '顾客',
  '客人',
  '房东',
  '房客',
  '包装',
  '包括',
  '包内',
  '车主',
  '车内',
  '金属',
  '钱款',
  // Where in a building, after a cue as in 证人楼下的住户: 楼 is a surname too (楼顺).
  '楼下',
  '楼上',
  '楼道',
  '楼梯',
  '楼顶',
  '楼内',
  '楼里',
  '楼层',
  '楼房',
]);

export interface WordToken {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** jieba's tokens of one text, looked up by position: where a word starts tells where a name ends. */
export class Words {
  private readonly cover: Int32Array;
  constructor(
    readonly tokens: readonly WordToken[],
    length: number,
  ) {
    this.cover = new Int32Array(length).fill(-1);
    tokens.forEach((t, k) => {
      for (let i = t.start; i < t.end && i < length; i++) this.cover[i] = k;
    });
  }
  /** The token covering position i. */
  at(i: number): WordToken | undefined {
    const k = this.cover[i];
    return k === undefined || k < 0 ? undefined : this.tokens[k];
  }
  /** The token starting at position i. */
  startingAt(i: number): WordToken | undefined {
    const t = this.at(i);
    return t && t.start === i ? t : undefined;
  }
}

/** A dictionary word (jieba knows it: any tag but x, its mark for an unknown run). */
function dictionaryWord(t: WordToken | undefined): boolean {
  return t !== undefined && t.tag !== 'x' && t.tag !== 'eng' && t.tag !== 'm' && /^[一-龥]{2,}$/.test(t.word);
}

export interface NameMatch {
  name: string;
  end: number;
}

// A masked name: the surname kept, the rest replaced by 某, X/×/x or asterisks (朱某某, 黎XX, 陈×,
// 余**), then perhaps an ordinal (李某甲), a serial number (王某1), a letter (杨某A) or the
// given name's last character (黄某明, 陈X册).
const MASK_RUN = /^(?:某{1,4}|[Xx×ⅹ]{1,3}(?![A-Za-wyz])|[*＊]{1,3})/;
const MASK_CHAR = /[某Xx×ⅹ*＊]/;
const ORDINALS = '甲乙丙丁戊己庚辛壬癸';
// After 王某 these begin the next word, never a given name: particles, prepositions,
// numerals and the nouns of where a person is (处, 家, 身上).
const NEVER_GIVEN = new Set([
  ...'的地得了着过在于被将把对从与和及跟给让等是为已曾又再也都即就便遂经并而则还均各共所其之以处家身一二两三四五六七八九十几多每个称说向同系因后时不没未能',
]);
// Characters no name holds: particles and prepositions.
const NOT_IN_NAME = new Set([...'的地得了着过在于被将把对从与和及跟给让等是为已又也都就并而则其之以向同系因后']);
// Single-character verbs that follow a named actor: the next word unless a boundary follows them.
const VERB_AFTER_NAME = new Set(
  [
    ...'到至去来回进出入吸贩购卖买携驾带拿送交提租住联打接收要欲想准开骑乘坐拨告认供辩涉持藏放找约叫问答见看拒逃跑走骗偷盗抢扒窃抓获查搜缴扣用使停窜沿忙受按犯有应趁拉推翻撬砸剪割扔丢换借还付请喊随陪帮替代往朝离躲睡站躺吃喝抽注骂砍刺杀夺',
  ].filter((c) => !NEVER_GIVEN.has(c)),
);
// Quantities after a serial-looking digit: 王某1包 is one bag for 王某, not 王某1.
const MEASURE_AFTER_DIGIT = /^[\d.．,，小大包克粒次元个人部台辆只条张件支块袋瓶号年月日时分秒岁万千百斤两米%％gGkK毫]/;
// What a masked reading may not run into: 某某公司, 某市, **路 are organisations and places.
const PLACE_AFTER_MASK =
  /^(公司|单位|市|县|区|镇|乡|村|街|路|店|厂|局|派出所|招待所|研究所|事务所|院|中心|银行|超市|小区|酒店|宾馆|学校|弄|号|栋|幢|单元|室|楼|组|巷|社区|大道|广场|大厦|花园|网吧|旅馆|饭店|宿舍|牌|型|城|寨|苑|商场|民房|假日|步行街|游戏厅|暂住点|储蓄所|营业厅|加油站|房(?![间内中里东主客]))/;
const STRONG_END = /^([\s，,。．.；;：:、（()）“”"'‘’【】《》[\]！!？?]|等|$)/;

/** Whether the Han character at p, right after a mask, is the given name's last character. */
function givenAfterMask(s: string, p: number, words?: Words): boolean {
  const c = s[p] ?? '';
  if (!/^[一-龥]$/.test(c) || c === '某' || NEVER_GIVEN.has(c)) return false;
  const rest = s.slice(p + 1);
  if (VERB_AFTER_NAME.has(c)) return STRONG_END.test(rest) || /^于(?:\d|同年|同月|同日|当日|次日)/.test(rest);
  const t = words?.at(p);
  if (t) {
    // 某明 or 黄某明 read as one unknown word: the character belongs to the name.
    if (t.start < p && t.end === p + 1) return true;
    // 三次, 身上, 甲基苯丙胺: the character begins a word of its own.
    if (t.end > p + 1 && dictionaryWord(t)) return false;
    if (t.end === p + 1) return true;
  }
  return STRONG_END.test(rest) || NAME_END.test(rest);
}

/** The length of what follows a mask as part of the name: an ordinal, a serial number, a letter, a given-name character. */
function maskSuffix(s: string, p: number, words?: Words): number {
  const c = s[p] ?? '';
  if (ORDINALS.includes(c)) return s[p + 1] === '基' ? 0 : 1;
  const d = /^\d{1,2}/.exec(s.slice(p, p + 3));
  if (d) return MEASURE_AFTER_DIGIT.test(s.slice(p + d[0].length)) || /^[A-Za-z]/.test(s.slice(p + d[0].length)) ? 0 : d[0].length;
  if (/^[A-Z]$/.test(c)) return /^[A-Za-z0-9]/.test(s.slice(p + 1)) ? 0 : 1;
  return givenAfterMask(s, p, words) ? 1 : 0;
}

/** A masked name whose surname (sl characters) starts at i. */
function maskedAt(s: string, i: number, sl: number, words?: Words): NameMatch | null {
  const p = i + sl;
  const m = MASK_RUN.exec(s.slice(p, p + 5));
  if (!m) return null;
  let end = p + m[0].length;
  // 艾某某某·某某某某: a masked name with a dotted part.
  const dm = /^[·•・]某+/.exec(s.slice(end));
  if (dm) end += dm[0].length;
  else if (m[0].length === 1 || !/^[一-龥]/.test(s[end] ?? '')) end += maskSuffix(s, end, words);
  if (PLACE_AFTER_MASK.test(s.slice(end)) || /[房楼室号栋院村镇]$/.test(s.slice(p, end))) return null;
  // 1包某塑料袋: a measure word after a number, not a surname.
  if (/[\d０-９]/.test(s[i - 1] ?? '')) return null;
  // 宝马X5: the surname is the end of a word.
  const host = words?.at(i);
  if (m[0][0] !== '某' && host && host.start < i && dictionaryWord(host)) return null;
  // 栖霞区某某城, 中华新路某弄: a masked place whose last character reads like a surname.
  if (sl === 1 && /[区路门楼房街巷关江湖山海城]/.test(s[i] ?? '') && !leftBoundary(s, i)) return null;
  if (m[0][0] !== '某') {
    // Asterisks and X stand for any character of an address too (**路**号, 柳营路xxx弄):
    // the surname must be one, and stand where a name may begin.
    if (/[省市县区镇乡村路街道号楼栋弄巷\d*＊A-Za-z]/.test(s[i - 1] ?? '')) return null;
    if (isSurnameAt(s, i, true) === 0 && sl === 1) return null;
  }
  return { name: s.slice(i, end), end };
}

export interface ReadOptions {
  /** Common surnames that are also everyday words (和, 方, 时 …) are not read as surnames. */
  strict: boolean;
  /** When nothing known follows, take two given-name characters. */
  fallback?: boolean;
  /** Right after a role cue: the name starts here, whatever its first character. */
  cued?: boolean;
  /** After a cue that names a role (not a verb such as 卖给): an everyday-word surname may begin the name. */
  lenient?: boolean;
  /** After a procedural role (犯罪嫌疑人, 报案人, 鉴定人): a person is named here for sure. */
  firm?: boolean;
  /** After an officer's cue (民警, 执行人): nobody's home is meant, so 家 at a field's end is the name's. */
  officer?: boolean;
  words?: Words;
}

/** A name whose given part starts at p: one character or two, bounded by what follows. */
function givenLength(s: string, p: number, opts: ReadOptions): 0 | 1 | 2 {
  const after = s.slice(p);
  const isEnd = (rest: string): boolean => NAME_END.test(rest);
  // A word that ends a name may be split by a printed line's wrap: "徐娜发\n现" is 徐娜 + 发现.
  const unwrapped = (rest: string): string => rest.replace(/^([一-龥])\n/, '$1');
  const g1 = /^[一-龥]/.test(after) && after[0] !== '某';
  // A particle or 后/时/处 never ends a name: 朱玺|后与其.
  const g2 =
    g1 &&
    /^[一-龥]/.test(after.slice(1)) &&
    after[1] !== '某' &&
    (!NOT_IN_NAME.has(after[1] ?? '') || /[和与及]/.test(after[1] ?? '')) &&
    !/[时处家身]/.test(after[1] ?? '');
  // 于宋某某: a masked name starts at the next character, not a given name.
  if (!g1 || after[1] === '某') return 0;
  // 秦永和以营利为目的: 和 joins nothing when a particle follows it; it ends the name.
  const conjInName = g2 && /[和与及]/.test(after[1] ?? '') && /[以的系因为在于是将被已]/.test(after[2] ?? '');
  // 民警韦福家、应永宇 / 执行人：韦福家 应永宇: an officer's name ending in 家, not an officer's home.
  if (opts.officer && after[1] === '家' && /^(?:[ \t\u3000\n、，,。；;（(]|$)/.test(after.slice(2))) return 2;
  // The shorter reading wins when both end at a boundary: "张三盗窃" is 张三, not 张三盗.
  if (!conjInName && (isEnd(after.slice(1)) || isEnd(unwrapped(after.slice(1))))) return 1;
  // Two characters then a clear boundary (郭福强|于2015年): the dictionary's 强于 is a coincidence.
  if (g2 && /^(?:[，。、；;（(]|于(?:\d|[一二]〇|同年|同月|同日|当日|当天|次日|案发)|时(?=[被，,]))/.test(after.slice(2))) return 2;
  if (g2 && NAME_END_PHRASE.test(after.slice(2))) return 2;
  // A dictionary word starts after one character: 徐丹|接到, 陈红|性别, 王兵|身上.
  const next = opts.words?.startingAt(p + 1);
  if (next && dictionaryWord(next) && next.end > p + 2) return 1;
  if (g2 && isEnd(after.slice(2))) return 2;
  if (!g2) return 0;
  // jieba reads the two characters as one word with the surname or alone (姜卫帅|两小包).
  if (opts.words && opts.words.startingAt(p + 2) && !opts.words.startingAt(p + 1) && (opts.words.at(p)?.end ?? 0) >= p + 2) return 2;
  const third = opts.words?.startingAt(p + 2);
  if (opts.fallback || (third && dictionaryWord(third) && opts.words?.startingAt(p + 1) === undefined)) return 2;
  return 0;
}

/**
 * A name starting at `i`: a masked name (朱某某, 李某甲, 黎XX), a name with a middle dot
 * (艾勒卡穆·艾克拜尔), or surname + one or two characters bounded by a name end.
 */
export function readName(s: string, i: number, strictOrOpts: boolean | ReadOptions, fallback = false): NameMatch | null {
  const opts: ReadOptions = typeof strictOrOpts === 'boolean' ? { strict: strictOrOpts, fallback } : strictOrOpts;
  const { strict, words } = opts;
  const dotted = /^[一-龥]{1,6}[·•・](?:某+|(?:(?!某)[一-龥]){1,8})/.exec(s.slice(i, i + 16));
  if (dotted && NAME_END.test(s.slice(i + dotted[0].length))) return { name: dotted[0], end: i + dotted[0].length };
  if (opts.cued) {
    // 被告人XXX, 被告人某某某: the mask alone.
    const bare = /^(?:某{2,3}|[Xx×]{2,10})(?![A-Za-z0-9])/.exec(s.slice(i, i + 12));
    if (bare) return { name: bare[0], end: i + bare[0].length };
  }
  let sl = isSurnameAt(s, i, strict);
  // Right before a mask any character is a surname: masking keeps the surname, however rare.
  if (sl === 0 && /^[一-龥][某Xx×*]/.test(s.slice(i, i + 2)) && s[i] !== '某') sl = 1;
  // After a cue, a common word-like surname still begins a name: 方卫东, 时某某.
  if (sl === 0 && opts.cued && opts.lenient && isSurnameAt(s, i, false) > 0) sl = 1;
  if (sl === 0) {
    if (!opts.cued) return null;
  } else {
    const mk = maskedAt(s, i, sl, words);
    if (mk) return mk;
  }
  if (opts.cued) {
    // 沙马某某, 李绍某, 阿拜都某: a longer surname or a given character before the mask.
    const pre = /^((?:(?!某)[一-龥]){2,3})某{1,3}/.exec(s.slice(i, i + 7));
    const head = pre?.[1] ?? '';
    // Not a word and a name (表弟|欧某某), nor a particle (后|卢某).
    const word = head.length > 2 ? dictionaryTag(head.slice(0, 2)) : dictionaryTag(head);
    if (
      pre &&
      ![...head].some((c) => NOT_IN_NAME.has(c)) &&
      !/^[上下中内外前里]/.test(head) &&
      !VERB_AFTER_NAME.has(head[0] ?? '') &&
      (word === null || /^(nr|ns|nz)/.test(word) || /^[一-龥][一二三四五六七八九十]$/.test(head))
    ) {
      const end = i + pre[0].length;
      return { name: s.slice(i, end), end };
    }
  }
  if (sl === 0 || !strict) return null;
  const len = givenLength(s, i + sl, opts);
  if (len === 0 || NOT_IN_NAME.has(s[i + sl] ?? '')) return null;
  const name = s.slice(i, i + sl + len);
  // 公安局长宁镇派出所: a place, not 局长 and a name.
  if (NOT_NAMES.has(name) || /[省市区县镇乡村路街道楼号室店局所院厂队组处站场馆湾]$/.test(name) || bodyPart(name) || WORN_ITEM.test(name))
    return null;
  // A word the dictionary knows for something else: 查获, 牟利 after 民警 or 非法.
  if (words && isCommonWord(name, sl, words, i) && !(opts.firm && nameNotWord(s, i, name, words))) return null;
  // After a verb (卖给金银加工店), a word the dictionary holds whole is that word.
  if (words && opts.cued && !opts.lenient) {
    const t = words.startingAt(i);
    if (t && t.word === name && dictionaryWord(t) && !(opts.firm && nameNotWord(s, i, name, words))) return null;
  }
  // A prose surname read only because a cue precedes it: the given part must not be a word (向民警).
  if (isSurnameAt(s, i, true) === 0 && words) {
    const g = words.startingAt(i + sl);
    if (g && dictionaryWord(g) && !/^nr/.test(g.tag)) return null;
  }
  return { name, end: i + sl + len };
}

/**
 * Right after a procedural role, a name the dictionary also holds as a noun or an adjective
 * (金兵, 严颖, 高峰) is the name when a field, a list or the person's particulars follow it:
 * 鉴定人：金兵 方亮, 报案人严颖，女, 报案人严颖来所报称. A verb (民警查获) stays a verb.
 */
function nameNotWord(s: string, i: number, name: string, words: Words): boolean {
  const t = words.startingAt(i);
  if (t && /^(v|vd|vn|vg|d|p|c|u|f|r|m|q|t)/.test(t.tag)) return false;
  return /^(?:[ \t\u3000\n、（(：:]|[，,]\s?[男女]|$)/.test(s.slice(i + name.length)) || NAME_END_PHRASE.test(s.slice(i + name.length));
}

// Dictionary words whose first character is a surname but which name no one: the verbs and
// nouns of a case (查获, 牟利, 房屋), colours and goods. jieba tags some of them nr; its tag for
// the words that follow a name decides.
const NOT_NAME_TAGS = /^(v|vd|vn|vg|d|p|c|u|f|s|t|m|q|r|a|ad|an|b|z|l|i)/;
function isCommonWord(name: string, sl: number, words: Words, at: number): boolean {
  if (NOT_NAMES.has(name)) return true;
  const t = words.startingAt(at);
  if (!t || !dictionaryWord(t) || /^nr/.test(t.tag)) return false;
  // A proper noun of the dictionary (高建国/ns) may well be a person's name.
  if (t.word === name && /^n[stz]/.test(t.tag)) return false;
  // The name would lie inside a word (依法, 文化), or cut a verb in two (盘查|时).
  return t.end >= at + name.length || (t.end > at + sl && NOT_NAME_TAGS.test(t.tag));
}

/** Masked names anywhere in text (朱某某, 王某, 李某甲, 黎XX, 李绍某): public documents print every private person this way. */
export function findMaskedNames(s: string, words?: Words): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  for (let i = 1; i < s.length; i++) {
    const c = s[i] ?? '';
    if (!MASK_CHAR.test(c)) continue;
    const prev = s[i - 1] ?? '';
    if (!/[一-龥]/.test(prev) || prev === '某') continue;
    // Already inside a previous name.
    const last = out[out.length - 1];
    if (last && i < last.end) continue;
    const isMou = c === '某';
    let start = -1;
    let sl = 0;
    if (i >= 2 && COMPOUND_SURNAMES.includes(s.slice(i - 2, i))) [start, sl] = [i - 2, 2];
    else if (
      isMou &&
      i >= 3 &&
      isSurnameAt(s, i - 2, true) === 1 &&
      !NEVER_GIVEN.has(prev) &&
      !VERB_AFTER_NAME.has(prev) &&
      leftBoundary(s, i - 2)
    ) {
      // 李绍某: the surname and the first given character kept, the last masked.
      const end = i + (/^某+/.exec(s.slice(i, i + 4))?.[0].length ?? 1);
      if (!PLACE_AFTER_MASK.test(s.slice(end))) out.push({ start: i - 2, end, name: s.slice(i - 2, end) });
      continue;
    } else if (isMou && i >= 2 && /[一二三四五六七八九十]/.test(prev) && isSurnameAt(s, i - 2, true) === 1 && leftBoundary(s, i - 2)) {
      // 周一某, 何二某: people of one surname numbered in the mask.
      out.push({ start: i - 2, end: i + 1, name: s.slice(i - 2, i + 1) });
      continue;
    } else if (SURNAMES.has(prev)) [start, sl] = [i - 1, 1];
    // 向代某销售, 、但某某、: masking keeps the surname, however rare, where a name may begin.
    else if (
      !NOT_IN_NAME.has(prev) &&
      !NEVER_GIVEN.has(prev) &&
      !VERB_AFTER_NAME.has(prev) &&
      !/[该此本每各某其年月日号栋室楼层]/.test(prev) &&
      !/[\dA-Za-z*＊]/.test(s[i - 2] ?? '') &&
      leftBoundary(s, i - 1)
    )
      [start, sl] = [i - 1, 1];
    if (start < 0) continue;
    if (!isMou && /[A-Za-z0-9]/.test(s[start - 1] ?? '')) continue;
    const r = maskedAt(s, start, sl, words);
    if (!r) continue;
    // 西岗区万某华府, 玉峰路蒋某军医疗室: right after a place word, a masked name must read as a person's (家, 处, a list).
    if (/[省市区县镇乡村路街道]/.test(s[start - 1] ?? '') && !/^(?:[家处（(、，,。等的]|等人)/.test(s.slice(r.end))) continue;
    // 俗称“麻某”, 吸食毒品麻某: a masked drug name.
    if (/(?:毒品|俗称|称为)[“"]?$/.test(s.slice(Math.max(0, start - 3), start))) continue;
    out.push({ start, end: r.end, name: r.name });
  }
  return out;
}

/** Where a name may begin: not inside a word, so the character before it is punctuation, a role word's end or a particle. */
function leftBoundary(s: string, i: number): boolean {
  const b = s[i - 1];
  if (b === undefined || !/[一-龥]/.test(b)) return true;
  if (/[将把对从与和及给让向被由同在于是称叫、]/.test(b)) return true;
  const w = s.slice(Math.max(0, i - 6), i);
  return (
    ROLE_CUES.some((r) => r.strength >= 2 && w.endsWith(r.cue)) ||
    /(人员|告人|同伙|朋友|容留|伙同|联系|贩卖给|卖给|交给|找到|邀请)$/.test(w)
  );
}

// Where an injury is (左额部挫裂创, 面部, 左手): 左 is a surname, but 左额部 is the left forehead.
const BODY = '头额颞枕顶面颊眼眶鼻唇口耳颌颈项肩胸背腰腹臀臂肘腕手掌指髋腿膝踝足脚趾肋颧';
const BODY_REGION = new RegExp(`^[${BODY}]{1,2}部$`);
const BODY_SIDE = new RegExp(`^[左右](?:[${BODY}侧边上下前后])`);
function bodyPart(word: string): boolean {
  return BODY_REGION.test(word.slice(1)) || BODY_SIDE.test(word);
}

// Given names that jieba's HMM cuts as new words, and place words it mistakes for names.
const NOT_A_NAME_END = /[省市区县镇乡村路街道楼号室店局所院厂队组处口站场馆园城湾桥庄]$/;

/** Names with no role cue: jieba's person tag or an HMM new word that starts with a surname and is followed by a verb or a list separator. */
// Descriptions of a person ("戴帽子，穿黑色外套") read like a surname 戴 and a given name.
const WORN_ITEM = /^(戴|穿|披|背|挎|拎|提|拿|持)(帽子?|眼镜|墨镜|口罩|手套|头盔|耳环|项链|手表|围巾|包|外套|雨衣)$/;

const DICT_TAGS = new Map<string, string | null>();
/** jieba's dictionary tag of a whole word, null when the dictionary does not hold it as one word. */
export function dictionaryTag(w: string): string | null {
  const known = DICT_TAGS.get(w);
  if (known !== undefined) return known;
  const ts = tag(w, false);
  const t = ts.length === 1 && ts[0]?.word === w ? ts[0].tag : null;
  if (DICT_TAGS.size > 50_000) DICT_TAGS.clear();
  DICT_TAGS.set(w, t);
  return t;
}

// The word before a name with no cue: punctuation, a preposition, a verb, a time, or a
// noun that names a kind of person (吸毒人员, 其朋友, 老板).
const PERSON_NOUN_END = /(人|员|犯|友|妻|夫|哥|姐|弟|妹|父|母|儿|子|女|主|板|管|警|者|家属|亲戚|同学|同事|邻居)$/;
const NOUNISH = /^(n|s|f|t|ng|nl)$/;

export function findUnmarkedNames(s: string, tokens: readonly WordToken[]): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  const isPrevOk = (prev: WordToken | undefined): boolean =>
    !prev ||
    /^[、，,。；;：:）)\s]$/.test(prev.word) ||
    /^[pcdtv]/.test(prev.tag) ||
    /^(由|将|把|被|和|与|同|后|随后|随即|然后|及|向|给|找|让|叫)$/.test(prev.word) ||
    PERSON_NOUN_END.test(prev.word) ||
    (prev.tag === 'x' && (VERB_AFTER_NAME.has(prev.word.slice(-1)) || NOT_IN_NAME.has(prev.word.slice(-1))));
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || !/^[一-龥]{2,4}$/.test(t.word) || t.word.includes('某')) continue;
    const surnameBefore = t.word.length === 2 && tokens[k - 1]?.word.length === 1 && isSurnameAt(tokens[k - 1]?.word ?? '', 0, false) === 1;
    if (t.tag !== 'nr' && t.tag !== 'x' && t.tag !== 'nrfg' && t.tag !== 'nrt' && !(t.tag === 'nz' && surnameBefore)) continue;
    let start = t.start;
    let end = t.end;
    let prev = tokens[k - 1];
    let next = tokens[k + 1];
    // 肖/金平: jieba cut the surname off a name it knows. A surname it took for a verb (通知戴|阳新（…）)
    // joins only when the name is closed by punctuation: 戴|口罩 is worn.
    const closed = /^[（(，,。；;：:、\s]/.test(s[t.end] ?? '');
    if (
      t.word.length === 2 &&
      prev &&
      prev.word.length === 1 &&
      isSurnameAt(prev.word, 0, false) === 1 &&
      prev.end === t.start &&
      isPrevOk(tokens[k - 2]) &&
      (/^(nr|j|x|nz|ng|n)$/.test(prev.tag) || (prev.tag === 'v' && t.tag === 'nr' && closed)) &&
      !NOT_IN_NAME.has(prev.word)
    ) {
      start = prev.start;
      prev = tokens[k - 2];
    }
    // 黄宏向, 李明处: an unknown word that swallowed the next word's first character.
    if (
      t.tag === 'x' &&
      (end - start === 3 || end - start === 4) &&
      (NEVER_GIVEN.has(s[end - 1] ?? '') || VERB_AFTER_NAME.has(s[end - 1] ?? ''))
    ) {
      end -= 1;
      next = { word: s[end] ?? '', tag: 'p', start: end, end: end + 1 };
    }
    // 殷举|洪在: the next unknown word holds the name's last character and a particle.
    if (
      t.tag === 'x' &&
      end - start === 2 &&
      next &&
      next.tag === 'x' &&
      next.word.length === 2 &&
      NOT_IN_NAME.has(next.word[1] ?? '') &&
      !NEVER_GIVEN.has(next.word[0] ?? '') &&
      !VERB_AFTER_NAME.has(next.word[0] ?? '')
    ) {
      end += 1;
      next = { word: s[end] ?? '', tag: 'p', start: end, end: end + 1 };
    }
    const word = s.slice(start, end);
    const sl = isSurnameAt(word, 0, start < t.start ? false : true);
    if (sl === 0 || word.length - sl < 1 || word.length - sl > 2) continue;
    if (NOT_A_NAME_END.test(word) || NOT_NAMES.has(word) || NOT_NAMES.has(word.slice(0, 2)) || WORN_ITEM.test(word)) continue;
    // 包内, 车里, 盖子: a locative or a noun suffix is no one's given name.
    if (word.length - sl === 1 && (NEVER_GIVEN.has(word.slice(sl)) || /[内里外旁边子头]/.test(word.slice(sl)))) continue;
    if (bodyPart(word)) continue;
    // 打印机1台、夏普…, 十八包、玉溪…: the next item of a list of goods.
    if (
      prev?.word === '、' &&
      /(?:[\d一二两三四五六七八九十百]+[个部台辆只条张件支块袋瓶包克粒元斤盒箱把对双套]|[)）])$/.test(
        s.slice(Math.max(0, prev.start - 6), prev.start),
      )
    )
      continue;
    if (next && /^[省市区县镇乡村路街道楼号室店局所院厂队组]/.test(next.word)) continue;
    // The given part is a common noun (时间, 路边, 耳环): a word that happens to start with a surname.
    const listed = (prev !== undefined && /^[、和与及]$/.test(prev.word)) || (next !== undefined && /^[、和与及]$/.test(next.word));
    const givenTag = dictionaryTag(word.slice(sl));
    if (word.length - sl === 2 && givenTag !== null && NOUNISH.test(givenTag) && !listed) continue;
    // 金锁1个, 玉溪二十包: goods counted, not a person.
    if (/^[\d一二两三四五六七八九十]+[个部台辆只条张件支块袋瓶包克粒元斤盒箱]/.test(s.slice(end))) continue;
    const nextOk = !next || /^[vpdcx]/.test(next.tag) || /^[、，,。；（(]/.test(next.word) || NAME_END.test(s.slice(end));
    if (!(nextOk && isPrevOk(prev))) continue;
    out.push({ start, end, name: word });
  }
  return out;
}

// Compound surnames that are also everyday words: 东方 (the east), 西门 (a west gate), 长孙 (an eldest grandson).
const WORDLIKE_COMPOUND = new Set(['东方', '西门', '长孙', '闻人']);

/**
 * Names with a compound surname and no cue (电话通知慕容彬（…）, 交给令狐佳保管): jieba splits them
 * (慕容|彬), but a compound surname is a person's and the given part ends where a name ends.
 */
export function findCompoundSurnameNames(s: string, words?: Words): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  for (const c of COMPOUND_SURNAMES) {
    if (WORDLIKE_COMPOUND.has(c)) continue;
    for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
      if (!leftBoundary(s, i) && !/[通知送达交给由向被与和及同请到、]/.test(s[i - 1] ?? '')) continue;
      const nm = readName(s, i, { strict: true, ...(words ? { words } : {}) });
      if (nm && nm.end - i >= 3 && !/[某Xx×*＊]/.test(nm.name)) out.push({ start: i, end: nm.end, name: nm.name });
    }
  }
  return out;
}

// A nickname in quotes is a person when the text says so: 外号叫“老六”, “黄毛”（另案处理）,
// 一名叫“阿强”的男子, 从“四眼仔”处购买. The quotes are not part of the name.
const NICKNAME_BEFORE =
  /(?:外号|绰号|花名|网名|小名|化名|诨名|诨号|别名|昵称|艺名)\s?(?:叫|为|是|叫做)?\s?$|(?:名叫|叫做|叫|称为|人称|自称)\s?$/;
const NICKNAME_AFTER_PAREN =
  /^[（(]\s?(?:另案|在逃|已另案|身份|姓名|真实|具体|基本情况|情况不明|不详|待核实|待查|未到案|未查实|已判|已被|均另案|均已|男|女|系)/;
const NICKNAME_AFTER_WORD = /^(?:的(?:男子|女子|男人|女人|人|毒贩|中年|青年|老板|司机|朋友)|男子|女子)/;
// Between a person's words: 向“阿松”购买, 从“水德”处, 跟“乌立”拿, 由“光头”望风.
const NICKNAME_VERB_BEFORE = /(?:向|从|跟|找|给|联系|伙同|与|和|由|及|、|同案人|犯罪嫌疑人|嫌疑人|贩毒人员|吸毒人员|上家|下家|毒贩)\s?$/;
const NICKNAME_VERB_AFTER =
  /^(?:处|手中|手里|手上|那里|家|购买|购得|拿|联系|电话|贩卖|出售|转而|离开|附送|让|说|称|表示|再次|打电话|给|安排|等人|、|用|望风|放风|一起|一同)/;
const NICKNAME = /[“"]((?:(?![某])[一-龥]){1,5}|[一-龥]某[甲乙丙丁]?)[”"]/g;

export interface NicknameMatch {
  start: number;
  end: number;
  name: string;
  afterName?: number;
  listAfter?: number;
}

/** Nicknames in quotes the text gives a person (the span is the nickname without its quotes). */
export function findNicknames(s: string, nameEnds: ReadonlySet<number> = new Set()): NicknameMatch[] {
  const out: NicknameMatch[] = [];
  for (const m of s.matchAll(NICKNAME)) {
    const inner = m[1] ?? '';
    const open = m.index;
    const close = open + m[0].length;
    const pre = s.slice(Math.max(0, open - 8), open);
    const post = s.slice(close, close + 12);
    // 郑某甲（“凯凯”）: the second name of the person just named.
    const paren = /[（(]\s?$/.test(pre) && /^\s?[)）]/.test(post) && nameEnds.has(open - 2 - (/\s$/.test(pre) ? 1 : 0));
    // 、“大全”等人: the next item of a list of persons.
    const listed = /[、和及与]\s?$/.test(pre) && nameEnds.has(open - 2 - (/\s$/.test(pre) ? 1 : 0));
    const said =
      NICKNAME_BEFORE.test(pre) ||
      NICKNAME_AFTER_PAREN.test(post) ||
      NICKNAME_AFTER_WORD.test(post) ||
      paren ||
      (listed && /^(?:等|、|[（(]|在|一起|一同|[，,])/.test(post)) ||
      (NICKNAME_VERB_BEFORE.test(pre) && NICKNAME_VERB_AFTER.test(post));
    if (!said) continue;
    // A drug, a brand or a place in quotes is a dictionary word; a nickname seldom is one.
    const t = inner.length >= 2 ? dictionaryTag(inner) : null;
    const named =
      NICKNAME_BEFORE.test(pre) || paren || listed || /(?:同案人|犯罪嫌疑人|嫌疑人|贩毒人员|吸毒人员|毒贩|上家|下家)\s?$/.test(pre);
    if (t !== null && !/^(nr|nrfg|nrt|ns|nz)$/.test(t) && !named) continue;
    if (NOT_NAMES.has(inner)) continue;
    const hit: NicknameMatch = { start: open + 1, end: open + 1 + inner.length, name: inner };
    if (paren) hit.afterName = open - 2 - (/\s$/.test(pre) ? 1 : 0);
    else if (listed) hit.listAfter = open - 2 - (/\s$/.test(pre) ? 1 : 0);
    out.push(hit);
  }
  // 向老邱（另案处理）, 阿彬（身份不明、在逃）: a familiar name with no quotes, said to be a person by its brackets.
  for (const m of s.matchAll(
    /(?<=[向从跟与和及、，,给同由找])(?:老|小|阿)[一-龥](?=[（(]\s?(?:另案|在逃|身份|姓名|真实|具体|基本情况|不详|已判|未到案))/g,
  )) {
    if (!SURNAMES.has(m[0][1] ?? '') || out.some((o) => o.start < m.index + m[0].length && m.index < o.end)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, name: m[0] });
  }
  return out;
}
