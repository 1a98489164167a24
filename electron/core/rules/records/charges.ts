// What the charge means for procedure: whether its statutory range reaches life
// imprisonment or death (PSR 208(2), CPL 35(3)), whether a 14–16 year old answers
// for it (刑法 17), whether it is a state-security or terrorism crime (CPL 39, 85).

function has(charge: string | null, names: readonly string[]): boolean {
  return !!charge && names.some((n) => charge.includes(n));
}

// The basic tier of these already reaches life imprisonment or death.
const LIFE_OR_DEATH_BASIC = ['故意杀人', '绑架', '黑社会性质组织', '劫持航空器', '背叛国家', '武装叛乱', '分裂国家'];

// A higher tier reaches life or death, or the offence is a 重大犯罪 in PSR 208(2)'s sense
// only with serious injury, death or large quantities: the facts decide.
const LIFE_OR_DEATH_TIER = [
  '抢劫',
  '强奸',
  '故意伤害',
  '放火',
  '爆炸',
  '投放危险物质',
  '以危险方法危害公共安全',
  '毒品',
  '拐卖妇女',
  '拐卖儿童',
  '组织卖淫',
];
// Property crimes reach life imprisonment only at 数额特别巨大 or 特别严重情节.
const LIFE_BY_AMOUNT = ['盗窃', '诈骗', '贪污', '受贿', '抢夺', '走私', '生产、销售假药'];

/** certain: the basic tier already reaches life or death; possible: a higher tier may; amount: only a huge amount would. */
export type GravityClass = 'certain' | 'possible' | 'amount' | 'no';

/** Whether the applicable penalty may include life imprisonment or death. */
export function lifeOrDeath(charge: string | null): GravityClass {
  if (has(charge, LIFE_OR_DEATH_BASIC)) return 'certain';
  if (has(charge, LIFE_OR_DEATH_TIER)) return 'possible';
  if (has(charge, LIFE_BY_AMOUNT)) return 'amount';
  return 'no';
}

// 刑法 17(2): the eight crimes a 14–16 year old answers for. 故意伤害 only with serious injury or death.
const AGE_14_CRIMES = ['故意杀人', '强奸', '抢劫', '贩卖毒品', '放火', '爆炸', '投放危险物质'];

export type JuvenileLiability = 'yes' | 'depends' | 'no';

export function liableAt14(charge: string): JuvenileLiability {
  if (has(charge, AGE_14_CRIMES)) return 'yes';
  if (/走私、贩卖、运输、制造毒品/.test(charge)) return 'yes';
  if (has(charge, ['故意伤害'])) return 'depends';
  return 'no';
}

/** 刑法 17(3): only homicide or injury by especially cruel means, with 最高检 approval. */
export function liableAt12(charge: string): JuvenileLiability {
  return has(charge, ['故意杀人', '故意伤害']) ? 'depends' : 'no';
}

const STATE_SECURITY_OR_TERROR = [
  '危害国家安全',
  '背叛国家',
  '分裂国家',
  '颠覆国家政权',
  '武装叛乱',
  '武装暴乱',
  '间谍',
  '叛逃',
  '资敌',
  '恐怖',
  '极端主义',
];

export function stateSecurityOrTerror(charge: string | null): boolean {
  return has(charge, STATE_SECURITY_OR_TERROR);
}
