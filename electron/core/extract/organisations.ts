// Organisations in a page's text: police, procuratorates, courts, banks, companies, shops,
// with the sub-units that chain onto a parent (…公安局越城区分局刑事侦查大队).
import { push } from './mention.js';
import type { Mention } from './mention.js';

const ORG_SUFFIX =
  '(公安局[一-龥]{0,8}?(?:分局|派出所|刑事侦查大队|刑侦大队|大队|中队|支队)|公安分局|公安局|派出所|看守所|拘留所|检察院|人民检察院|人民法院|法院|价格认证中心|价格认定中心|价格认证局|物价局|司法鉴定所|司法鉴定中心|鉴定所|鉴定中心|物证鉴定所|有限责任公司|股份有限公司|有限公司|公司|分行|支行|银行|信用社|医院|卫生院|学校|大学|中学|小学|幼儿园|人民政府|政府|委员会|村委会|居委会|管委会|研究所|事务所|合作社|商店|超市|酒店|宾馆|饭店|餐厅|网吧|工厂|加工厂|厂|店)';
// Sub-units chain onto a parent: 绍兴市公安局越城区分局刑事侦查大队, 绍兴市公安局物证鉴定所.
const ORG_SUBUNIT =
  '(?:[^\\s在到于的民警将对向和与、，。；：:（）()]{0,8}?(?:分局|派出所|刑事侦查大队|刑侦大队|治安大队|交警大队|大队|中队|支队|物证鉴定所|鉴定所|鉴定中心|看守所|分公司|支公司|分行|支行|营业部))*';
const ORG_RE = new RegExp(
  `([一-龥A-Za-z0-9“”"*]{2,24}?)${ORG_SUFFIX}${ORG_SUBUNIT}(?!长|卡|账|帐|柜|主|家属)|公安机关|侦查机关|人民检察院|公诉机关`,
  'g',
);
const ORG_PREFIX_STOP =
  /[经由被向到在于至将的系为是和与及把从对据。，、：；:;,\s（(）)“”"]|位于|窜至|来到|进入|等|盗窃|窃取|委托|送|交|给|支付了?|驾驶|使用|破坏|通过|趁|撬|过|单位|下车|一张|一家|多处|多家|你|我|他|她|来|去|后|回/g;

export function orgMentions(s: string, text: string, out: Mention[]): void {
  for (const m of s.matchAll(ORG_RE)) {
    let start = m.index;
    let body = m[0];
    if (m[1] !== undefined) {
      const head = m[1];
      let cut = 0;
      for (const p of head.matchAll(ORG_PREFIX_STOP)) {
        // Keep quotes around a shop name ("永光花艺"店).
        if (/[“"]/.test(p[0]) && p.index === 0) continue;
        cut = p.index + p[0].length;
      }
      start += cut;
      body = body.slice(cut);
      const name = head.slice(cut);
      if (name.length < 2 && !/[局院所]$/.test(body)) continue;
      // A bare 商店/饭店 after 该/此 is a reference, not a name.
      if (/^(该|此|这|那|其|本|一家|一个|家|多)/.test(name) || name === '') continue;
      // "…347号附近饭店", "一饭店": a place described, not an organisation named.
      if (/\d+号|附近|[一家]$/.test(name)) continue;
    }
    push(out, text, 'ORG', start, start + body.length, body.replace(/\s+/g, ''));
  }
}
