// The words that introduce a person in a case document, each with the role it gives
// (犯罪嫌疑人, 被害人, 侦查员 …), and the words after a cue that are not a name.
import type { PersonRole } from '../../../shared/vocab.js';

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
