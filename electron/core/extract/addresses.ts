// Addresses in a page's text: a labelled field (住址：…) or a place phrase after a locative
// word, read across the line wraps of a printed page.
import { push } from './mention.js';
import type { Mention } from './mention.js';

// Address: a labelled field (住址：…) or a place phrase after a locative word.
const ADDRESS_LABEL_RE =
  /(户籍所在地|户籍地址|户籍地|现住址|现住|住址|家庭住址|居住地|暂住地|暂住|住所地|住所|家住|住在|地址|案发地点|案发地|发案地点|地点|现居住|居住|住(?![院宿手口了过处]))\s?[：:为是]?\s?/g;
const LOCATIVE_RE =
  /(窜至|窜到|来到|到达|进入|潜入|爬进|钻进|位于|途经|经过|路过|前往|回到|去到|走到|跑到|开到|卖到|卖至|搬至|送至|沿|在|于|到|至|从)/g;
const PLACE_WORD =
  /(省|市|区|县|镇|乡|村|街道|路|街|巷|弄|道|号|小区|楼|室|家中|家里|家|店|超市|商场|宾馆|酒店|公司|工地|院|厂|场|站|学校|小学|中学|大学|医院|门口|门前|附近|房间|宿舍|处|旁|车库|仓库|市场|广场|大厦|花园|公寓|网吧|餐厅|饭店|银行|办公室|内|厅|馆|寺|庙|园|湾|桥|府|苑|城|庄|屯|组|队|社区|服务区|楼道|车棚|宿舍楼|商铺|摊位|大楼|基地|码头|楼下|楼上|车上|路上|路边|路旁|地下|[家店院室车屋房库柜箱][中里])$/;
// A place ends where what was there begins: money (人民币300元) or goods counted (一部手机, 2台电脑).
const PLACE_STOP =
  /[，,。；;！!？?\n]|盗窃|盗走|窃取|窃得|偷走|偷得|偷窃|扒窃|盗取|行窃|作案|趁|将|把|撬|拿走|拿取|用|使用|采取|采用|持|发现|看见|见|被|停放|放置|摆放|存放|晾晒|寄存|上班|工作|打工|休息|睡觉|玩耍|购物|等候|实施|抢|骗|时|期间|之机|的机会|门外|伺机|乘|并|后|经|过程中|抓获|相遇|吃|以|搬|卖|变卖|准备|游逛|寻找|看人|望风|放风|等地|等处|因|跟|发生|吵|一饭店|一商店|一超市|提取|缴获|找到|查获|，|的?人民币|的?[\d一二两三四五六七八九十百千万余多]+(?:部|台|张|个|辆|件|条|只|把|袋|箱|捆|块|元|斤|克|枚|双|套|瓶|包|名)/;

const NOT_A_PLACE_END = /(微信号|账号|帐号|型号|信号|编号|号码|QQ号|手机号|卡号|车牌号|好处|坏处|用处|长处|益处|难处|出处|之处|网站|网址)$/;

export const WRAP = '\u2063';

/**
 * Line breaks where a printed line merely wrapped (the line is long, does not end a
 * clause, and the next line is not a new field) become an invisible joiner of the
 * same length, so a wrapped address reads as one phrase and offsets still hold.
 */
export function joinWrappedLines(s: string): string {
  // A wrapped line fills the measure: compare with the longest line of the page.
  const measure = Math.max(0, ...s.split('\n').map((l) => l.trimEnd().length));
  let out = '';
  let lineStart = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c !== '\n') {
      out += c;
      continue;
    }
    const prev = s.slice(lineStart, i).trimEnd();
    const next = s.slice(i + 1, i + 12);
    const wrapped =
      prev.length >= 15 &&
      prev.length >= 0.8 * measure &&
      !/[。；;：:！!？?]$/.test(prev) &&
      /^[一-龥0-9A-Za-z*]/.test(next) &&
      !/^[^\n]{0,11}[：:]/.test(next) &&
      !/^(问|答|[一二三四五六七八九十]+、|\d+[.、．])/.test(next);
    out += wrapped ? WRAP : c;
    lineStart = i + 1;
  }
  return out;
}

export function addressMentions(raw: string, text: string, out: Mention[], taken: Set<number>): void {
  const s = joinWrappedLines(raw);
  const placed = new Set<number>();
  const add = (start: number, end: number, cue: string): void => {
    let st = start;
    let en = end;
    while (en > st && /[\s的，,。]/.test(s[en - 1] ?? '')) en--;
    while (st < en && /[\s：:]/.test(s[st] ?? '')) st++;
    let body = s.slice(st, en);
    if (/^的/.test(body)) return;
    // A phrase that runs past the place ("…347号附近的饭⏎店") is cut back to its last place word.
    if (!PLACE_WORD.test(body)) {
      for (let k = body.length - 1; k >= 2; k--) {
        if (PLACE_WORD.test(body.slice(0, k))) {
          en = st + k;
          body = body.slice(0, k);
          break;
        }
      }
    }
    if (body.length < 2 || body.length > 60) return;
    // 此处, 该店铺…, 其身上 point back at a place named earlier; 店内, 车内 alone name none.
    if (/^(此|该|其|这|那|本人|他人)/.test(body)) return;
    if (cue !== '' && !/(户籍|住|地址|地点|居住|案发)/.test(cue) && body.length <= 2) return;
    if (
      /^\d{4}\s?年|^\d{1,2}\s?月|^\d{1,2}\s?[时点]|^(同日|当日|次日|凌晨|上午|下午|晚上|中午|傍晚|其|此|该|这|那|此后|之后|期间|案发后|本案|上述|以上|我|你|他|她|当时|现场|公安|我局|我所)$/.test(
        body,
      )
    )
      return;
    if (/^(同日|当日|次日|凌晨|上午|下午|晚上|中午|傍晚|本人|我|他|她|你|其他|当时)/.test(body)) return;
    if (!PLACE_WORD.test(body) && !/\*\*/.test(body)) return;
    // Place words that also end ordinary words: 微信号 and 账号 are accounts, 好处 a benefit, 网站 a website.
    if (NOT_A_PLACE_END.test(body)) return;
    // A place may hold a person's name (李某某家中) but must not start with a name alone.
    for (let k = st; k < en; k++) if (placed.has(k)) return;
    if (taken.has(st) && !/(家|家中|家里|住处|门口|门前|家门口|房间|店|收购点|养殖场|楼梯间)[内中里]?$/.test(body)) return;
    // The value is the address proper: "…347号附近", "…347号门口" name the same place.
    const value = body.replace(/[\s\u2063]+/g, '').replace(/(附近|一带|周边|周围|门口|门前|旁边|旁|对面)$/, '') || body;
    push(out, text, 'ADDRESS', st, en, value, undefined, { cue });
    for (let k = st; k < en; k++) placed.add(k);
  };
  for (const m of s.matchAll(ADDRESS_LABEL_RE)) {
    const st = m.index + m[0].length;
    const rest = s.slice(st, st + 60);
    const stop = rest.search(/[，,。；;\n)）】]|联系电话|电话|手机|身份证/);
    add(st, st + (stop < 0 ? rest.length : stop), m[1] ?? '');
  }
  for (const m of s.matchAll(LOCATIVE_RE)) {
    const st = m.index + m[0].length;
    // 于 and 在 followed by a date or a time are not places.
    const rest = s.slice(st, st + 50);
    const stop = rest.search(PLACE_STOP);
    const body = stop < 0 ? rest : rest.slice(0, stop);
    add(st, st + body.length, m[1] ?? '');
  }
}
