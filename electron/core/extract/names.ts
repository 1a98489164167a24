// Chinese personal names from context. Case documents introduce every person by
// role ("犯罪嫌疑人张三", "侦查员：郑凯、冯磊", "被讯问人签名：张三"), so the role cue
// both finds the name and says who the person is; surnames bound the guess.
import type { PersonRole } from '../../../shared/vocab.js';

export const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '令狐', '端木', '西门', '南宫', '独孤', '呼延', '澹台', '闻人', '万俟', '轩辕',
];

// Common surnames that are also everyday words (和, 时, 由 …) are left out: right
// after a role cue they are far more often prose than a name.
const SURNAME_CHARS = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋相初门云容敬来扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕玉银亢嵇哈湛宾戎勾茅利揭干尉冶斯元束檀衣信展阴昝智幸奉衡富尧闭祝兀达依买热吐阿努古迪洪侬沐邓班汤潘钟鄂揭';
const PROSE_SURNAMES = new Set(['和', '时', '由', '都', '但', '应', '全', '成', '相', '原', '向', '信', '公', '平', '国', '明', '海', '万', '文', '车', '路', '于', '云', '元', '干', '支', '区', '门', '初', '计', '索', '宣', '容', '敬', '普', '印', '利', '展', '阴', '富', '衣', '来', '安', '关', '常', '单', '能', '将', '乐', '南', '相', '位', '满', '盘', '花', '权', '强', '井', '巴', '丰', '国', '晋', '门', '宿', '鲜', '隆', '战', '银', '宾', '斯', '束', '幸', '奉', '衡', '智', '闭', '达', '依', '买', '热', '努', '迪', '共']);

export const SURNAMES = new Set([...SURNAME_CHARS]);

export function isSurnameAt(s: string, i: number, strict: boolean): number {
  for (const c of COMPOUND_SURNAMES) if (s.startsWith(c, i)) return 2;
  const ch = s[i] ?? '';
  if (!SURNAMES.has(ch)) return 0;
  if (strict && PROSE_SURNAMES.has(ch)) return 0;
  return 1;
}

export interface RoleCue { cue: string; role: PersonRole; strength: number; label?: string }

// Strength: an explicit procedural role (犯罪嫌疑人) outranks a record heading
// (被询问人 may be a victim or a witness) which outranks a narrative hint (伙同).
export const ROLE_CUES: RoleCue[] = ([
  ['犯罪嫌疑人', 'SUSPECT', 5], ['违法嫌疑人', 'SUSPECT', 5], ['嫌疑人', 'SUSPECT', 4], ['被告人', 'SUSPECT', 5],
  ['被讯问人', 'SUSPECT', 4], ['被拘留人', 'SUSPECT', 5], ['被逮捕人', 'SUSPECT', 5], ['被传唤人', 'SUSPECT', 4],
  ['被拘传人', 'SUSPECT', 4], ['被取保候审人', 'SUSPECT', 5], ['被监视居住人', 'SUSPECT', 5], ['被搜查人', 'SUSPECT', 3],
  ['同案犯', 'SUSPECT', 4], ['伙同', 'SUSPECT', 2], ['纠集', 'SUSPECT', 2], ['同伙', 'SUSPECT', 3],
  ['被害人', 'VICTIM', 5], ['受害人', 'VICTIM', 5], ['被害单位', 'VICTIM', 5], ['失主', 'VICTIM', 4], ['被盗人', 'VICTIM', 4],
  ['报案人', 'REPORTER', 4], ['报警人', 'REPORTER', 4], ['举报人', 'REPORTER', 4], ['控告人', 'REPORTER', 4],
  ['证人', 'WITNESS', 4], ['被询问人', 'WITNESS', 2], ['辨认人', 'WITNESS', 2],
  ['侦查员', 'OFFICER', 5], ['侦查人员', 'OFFICER', 5], ['讯问人', 'OFFICER', 5], ['询问人', 'OFFICER', 5],
  ['记录员', 'OFFICER', 5], ['记录人', 'OFFICER', 5], ['办案民警', 'OFFICER', 5], ['办案人员', 'OFFICER', 5], ['办案人', 'OFFICER', 5],
  ['民警', 'OFFICER', 4], ['承办人', 'OFFICER', 4], ['执行人', 'OFFICER', 4], ['送达人', 'OFFICER', 3],
  ['检查人', 'OFFICER', 3], ['搜查人', 'OFFICER', 3], ['勘查人员', 'OFFICER', 4], ['主持辨认人', 'OFFICER', 4], ['扣押人', 'OFFICER', 3],
  ['翻译人员', 'OTHER', 4, '翻译人'], ['翻译人', 'OTHER', 4, '翻译人'],
  ['法定代理人', 'GUARDIAN', 5], ['监护人', 'GUARDIAN', 5], ['合适成年人', 'GUARDIAN', 3],
  ['被鉴定人', 'OTHER', 1, '被鉴定人'], ['被告知人', 'OTHER', 1, '被告知人'], ['被检查人', 'OTHER', 1, '被检查人'],
  ['领导', 'OFFICER', 3, '审批人'], ['审批人', 'OFFICER', 4, '审批人'], ['批准人', 'OFFICER', 4, '审批人'], ['负责人', 'OFFICER', 2, '负责人'],
  ['受案民警', 'OFFICER', 5], ['鉴定人', 'EXPERT', 5], ['见证人', 'OTHER', 4, '见证人'], ['保证人', 'OTHER', 4, '保证人'],
  ['辩护律师', 'OTHER', 4, '律师'], ['律师', 'OTHER', 3, '律师'],
  // "我叫张三，男，…": the person speaking gives a name but no role.
  ['我叫', 'OTHER', 0], ['我的名字叫', 'OTHER', 0], ['本人姓名', 'OTHER', 0],
  ['被通知人', 'FAMILY', 3], ['家属', 'FAMILY', 4], ['其父亲', 'FAMILY', 4], ['其母亲', 'FAMILY', 4], ['其父', 'FAMILY', 4], ['其母', 'FAMILY', 4],
  ['其妻子', 'FAMILY', 4], ['其妻', 'FAMILY', 4], ['其丈夫', 'FAMILY', 4], ['其夫', 'FAMILY', 4], ['其子', 'FAMILY', 3], ['其女', 'FAMILY', 3],
  ['其哥哥', 'FAMILY', 3], ['其姐姐', 'FAMILY', 3], ['其弟弟', 'FAMILY', 3], ['其妹妹', 'FAMILY', 3],
] as [string, PersonRole, number, string?][])
  .map(([cue, role, strength, label]) => (label ? { cue, role, strength, label } : { cue, role, strength }))
  .sort((a, b) => b.cue.length - a.cue.length);

// Words that follow a role cue but are not names: 证人证言, 被害人家中, 犯罪嫌疑人的 …
export const NOT_NAME_AFTER_CUE = /^(证言|证词|陈述|供述|辩解|身份|家|的|等|均|在|对|是|系|签名|签字|捺印|姓名|名单|情况|信息|称|人|员|及|和|与|所|一|二|三|多|某某|本人|自己|方|单位|年龄|基本|权利|应当|如实|有|没|不|已|未|到|于|因|为|被|将|把|从|向|同|以|一方|同意|拒绝|无|之|者|们)/;

// What may follow a name: punctuation, digits, particles and the verbs that
// typically follow a named actor. Single characters common in given names
// (一, 三, 文, 明 …) are left out so that 张三 is not cut to 张.
const NAME_END = /^([\s，,。．.；;：:、（()）“”"'‘’【】《》[\]！!？?\d０-９a-zA-Z\n]|[于在因被将把对从与和及的等系是为已曾又再也都即就便遂经盗窃偷扒抢骗持驾骑乘携趁以向称说供辩涉男女家窜撬拿用签住并至到去回拒未没不均各共欲随]|可能|可以|应当|应该|需要|发生|告诉|表示|要求|认为|知道|看到|听到|得知|找到|进入|潜入|发现|看见|报称|报案|报警|陈述|供述|证实|辨认|指认|交代|到场|在场|签名|捺印|离开|伙同|纠集|到案|涉嫌|借用|负责|利用|容留|如实|驾驶|携带|窜至|来到|坐|骑|放风|望风|手机|现金|钱包|先后|多次|一起|一同|分别|非法|明知|事先|随后|然后|独自|酒后|$)/;

const MASK_TAIL = /^某[某甲乙丙丁戊己庚辛一二三四五六七八九十]{0,3}/;

// Words that begin with a surname character but are not names.
export const NOT_NAMES = new Set(['查明', '陈述', '经过', '于是', '高兴', '周围', '许多', '金额', '程序', '安全', '常见', '时间', '方式', '白色', '黑色', '黄色', '红色', '蓝色', '金色', '银色', '钱包', '车辆', '全部', '关于', '任何', '包括', '成功', '华为', '苹果', '司机', '江湖', '万元', '石头', '毛巾', '叶子', '胡同', '孙子', '孙女', '方向', '方面', '曾经', '何时', '何地', '何事', '余额', '黄金', '白金', '钟表', '郑重', '严重', '严格', '高速', '管理', '林业', '童年', '卫生', '卢布', '应当', '路口']);

export interface NameMatch { name: string; end: number }

/**
 * A name starting at `i`: a masked name (朱某某, 李某甲), a name with a middle dot
 * (艾勒卡穆·艾克拜尔), or surname + one or two characters bounded by a name end.
 */
export function readName(s: string, i: number, strict: boolean, fallback = false): NameMatch | null {
  const dotted = /^[一-龥]{1,6}[·•・][一-龥某]{1,8}/.exec(s.slice(i, i + 16));
  if (dotted && NAME_END.test(s.slice(i + dotted[0].length)) ) return { name: dotted[0], end: i + dotted[0].length };
  let sl = isSurnameAt(s, i, strict);
  // Right before 某 any character is a surname: masking keeps the surname, however rare.
  if (sl === 0 && /^[一-龥]某/.test(s.slice(i, i + 2)) && s[i] !== '某') sl = 1;
  if (sl === 0) return null;
  const after = s.slice(i + sl);
  const mask = MASK_TAIL.exec(after);
  if (mask) {
    let end = i + sl + mask[0].length;
    // 艾某某某·某某某某: a masked name with a dotted part.
    const dm = /^[·•・]某+/.exec(s.slice(end));
    if (dm) end += dm[0].length;
    return { name: s.slice(i, end), end };
  }
  if (!strict) return null;
  const isEnd = (rest: string): boolean => NAME_END.test(rest);
  const g1 = after.slice(0, 1);
  const g2 = after.slice(0, 2);
  // The shorter reading wins when both end at a boundary: "张三盗窃" is 张三, not 张三盗.
  if (NOT_NAMES.has(s.slice(i, i + sl + 1)) || NOT_NAMES.has(s.slice(i, i + sl + 2))) return null;
  // A word that ends a name may be split by a printed line's wrap: "徐娜发\n现" is 徐娜 + 发现.
  const unwrapped = (rest: string): string => rest.replace(/^([一-龥])\n/, '$1');
  if (/^[一-龥]$/.test(g1) && g1 !== '某' && (isEnd(after.slice(1)) || isEnd(unwrapped(after.slice(1))))) return { name: s.slice(i, i + sl + 1), end: i + sl + 1 };
  if (/^[一-龥]{2}$/.test(g2) && !g2.includes('某') && isEnd(after.slice(2))) return { name: s.slice(i, i + sl + 2), end: i + sl + 2 };
  // Nothing we know follows: two given-name characters are the common case.
  if (fallback && /^[一-龥]{2}$/.test(g2) && !g2.includes('某')) return { name: s.slice(i, i + sl + 2), end: i + sl + 2 };
  return null;
}

/** Masked names anywhere in text (朱某某, 王某, 李某甲): public documents print every private person this way. */
export function findMaskedNames(s: string): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  const re = /某/g;
  for (const m of s.matchAll(re)) {
    const i = m.index;
    if (i === 0) continue;
    // Already inside a previous name.
    const last = out[out.length - 1];
    if (last && i < last.end) continue;
    let start = -1;
    if (i >= 2 && COMPOUND_SURNAMES.includes(s.slice(i - 2, i))) start = i - 2;
    else if (SURNAMES.has(s[i - 1] ?? '')) start = i - 1;
    if (start < 0) continue;
    const r = readName(s, start, false);
    if (!r) continue;
    // 某某公司, 某市: a masked organisation or place, not a person.
    if (/^(公司|单位|市|县|区|镇|乡|村|街|路|店|厂|局|所|院|中心|银行|超市|小区|酒店|宾馆|学校)/.test(s.slice(r.end))) continue;
    out.push({ start, end: r.end, name: r.name });
  }
  return out;
}

// Given names that jieba's HMM cuts as new words, and place words it mistakes for names.
const NOT_A_NAME_END = /[省市区县镇乡村路街道楼号室店局所院厂队组处口站场馆园城湾桥庄]$/;

export interface WordToken { word: string; tag: string; start: number; end: number }

/** Names with no role cue: jieba's person tag or an HMM new word that starts with a surname and is followed by a verb or a list separator. */
// Descriptions of a person ("戴帽子，穿黑色外套") read like a surname 戴 and a given name.
const WORN_ITEM = /^(戴|穿|披|背|挎|拎|提|拿|持)(帽子?|眼镜|墨镜|口罩|手套|头盔|耳环|项链|手表|围巾|包|外套|雨衣)$/;

export function findUnmarkedNames(s: string, tokens: WordToken[]): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || !/^[一-龥]{2,4}$/.test(t.word) || t.word.includes('某')) continue;
    if (t.tag !== 'nr' && t.tag !== 'x' && t.tag !== 'nrfg' && t.tag !== 'nrt') continue;
    const sl = isSurnameAt(t.word, 0, true);
    if (sl === 0 || t.word.length - sl < 1 || t.word.length - sl > 2) continue;
    if (NOT_A_NAME_END.test(t.word) || NOT_NAMES.has(t.word) || WORN_ITEM.test(t.word)) continue;
    const next = tokens[k + 1];
    const prev = tokens[k - 1];
    if (next && /^[省市区县镇乡村路街道楼号室店局所院厂队组]/.test(next.word)) continue;
    const nextOk = !next || /^[vpdcx]/.test(next.tag) || /^[、，,。；（(]/.test(next.word);
    const prevOk = !prev || /^[、，,。；：:）)\s]$/.test(prev.word) || /^[pcdtv]/.test(prev.tag) || /^(由|将|把|被|和|与|同|后|随后|随即|然后)$/.test(prev.word);
    if (t.tag === 'x' && !(nextOk && prevOk)) continue;
    if (t.tag !== 'x' && !nextOk) continue;
    out.push({ start: t.start, end: t.end, name: t.word });
  }
  return out;
}
