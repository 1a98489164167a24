// The rule catalogue (RULES.md) and the one place rules are run. Each section's
// engineer registers its rules below; keep one import and one entry per rule.
import type { CaseFacts } from './facts.js';
import { RULE_FAILURE_ID } from './ids.js';
import type { Rule, RuleFinding } from './rule.js';

// A–E (intake, summons, detention, arrest and custody, non-custodial measures)
import arrestFamilyNotice24h from './arrest/family-notice-24h.js';
import custodyPeriod from './arrest/custody-period.js';
import arrestExecution from './arrest/execution.js';
import arrestInterrogation24h from './arrest/interrogation-24h.js';
import detentionApproval from './detention/approval.js';
import arrestRequestDeadline from './detention/arrest-request-deadline.js';
import arrestReview7d from './detention/arrest-review-7d.js';
import detentionCustody24h from './detention/custody-24h.js';
import detentionFamilyNotice24h from './detention/family-notice-24h.js';
import detentionInterrogation24h from './detention/interrogation-24h.js';
import nonApprovalRelease from './detention/non-approval-release.js';
import caseIntakeRecords from './intake/case-intake-records.js';
import filingBeforeMeasures from './intake/filing-before-measures.js';
import bailFormalities from './measures/bail-formalities.js';
import bailMax12m from './measures/bail-max-12m.js';
import measureExpiry from './measures/measure-expiry.js';
import rslDesignatedResidence from './measures/rsl-designated-residence.js';
import rslMax6m from './measures/rsl-max-6m.js';
import summonsDuration from './summons/duration.js';
import summonsFormalities from './summons/formalities.js';
import summonsPlaceRest from './summons/place-rest.js';
import summonsSerial from './summons/serial.js';

// F–L (interrogation, witnesses, minors, defence, evidence-gathering, other, integrity)
import { counselMeeting48h } from './defence/counsel-meeting-48h.js';
import { counselOpinionNotice } from './defence/counsel-opinion-notice.js';
import { appraisalNotice } from './evidence/appraisal-notice.js';
import { lineupProcedure } from './evidence/lineup-procedure.js';
import { sceneExamination } from './evidence/scene-examination.js';
import { searchProcedure } from './evidence/search-procedure.js';
import { seizureList } from './evidence/seizure-list.js';
import { witnessEligibility } from './evidence/witness-eligibility.js';
import { documentDateOrder } from './integrity/document-date-order.js';
import { identityConsistency } from './integrity/identity-consistency.js';
import { requiredDocuments } from './integrity/required-documents.js';
import { statementDuplication } from './integrity/statement-duplication.js';
import { timeConflictOfficer } from './integrity/time-conflict-officer.js';
import { timeConflictPerson } from './integrity/time-conflict-person.js';
import { audioVideoRecording } from './interrogation/audio-video-recording.js';
import { interpreterRequired } from './interrogation/interpreter-required.js';
import { interrogationLocation } from './interrogation/interrogation-location.js';
import { interrogationTwoInvestigators } from './interrogation/interrogation-two-investigators.js';
import { mandatoryLegalAid } from './interrogation/mandatory-legal-aid.js';
import { recordConfirmation } from './interrogation/record-confirmation.js';
import { rightsNotice } from './interrogation/rights-notice.js';
import { minorAgeResponsibility } from './minor/minor-age-responsibility.js';
import { minorFemaleStaff } from './minor/minor-female-staff.js';
import { minorGuardianPresent } from './minor/minor-guardian-present.js';
import { closingSupplementary } from './other/closing-supplementary.js';
import { recusalConflict } from './other/recusal-conflict.js';
import { specialStatusPersons } from './other/special-status-persons.js';
import { techAndFreezePeriods } from './other/tech-and-freeze-periods.js';
import { witnessIndividual } from './witness/witness-individual.js';
import { witnessNoticeRecord } from './witness/witness-notice-record.js';

// N (statements and narratives)
import custodyNarrativeConsistency from './narrative/custody-narrative-consistency.js';
import statementContradiction from './statements/statement-contradiction.js';
import statementRetraction from './statements/statement-retraction.js';

export const ALL_RULES: Rule[] = [
  // A–E
  caseIntakeRecords,
  filingBeforeMeasures,
  summonsFormalities,
  summonsDuration,
  summonsSerial,
  summonsPlaceRest,
  detentionApproval,
  detentionCustody24h,
  detentionFamilyNotice24h,
  detentionInterrogation24h,
  arrestRequestDeadline,
  arrestReview7d,
  nonApprovalRelease,
  arrestExecution,
  arrestFamilyNotice24h,
  arrestInterrogation24h,
  custodyPeriod,
  bailMax12m,
  bailFormalities,
  rslMax6m,
  rslDesignatedResidence,
  measureExpiry,

  // F–L
  interrogationTwoInvestigators,
  interrogationLocation,
  rightsNotice,
  recordConfirmation,
  audioVideoRecording,
  interpreterRequired,
  mandatoryLegalAid,
  witnessIndividual,
  witnessNoticeRecord,
  minorAgeResponsibility,
  minorGuardianPresent,
  minorFemaleStaff,
  counselMeeting48h,
  counselOpinionNotice,
  searchProcedure,
  seizureList,
  witnessEligibility,
  sceneExamination,
  lineupProcedure,
  appraisalNotice,
  techAndFreezePeriods,
  specialStatusPersons,
  recusalConflict,
  closingSupplementary,
  timeConflictOfficer,
  timeConflictPerson,
  statementDuplication,
  documentDateOrder,
  requiredDocuments,
  identityConsistency,

  // N
  statementRetraction,
  statementContradiction,
  custodyNarrativeConsistency,
];

/**
 * Runs the rules over a case. A rule that throws becomes one warning naming the
 * failure: one broken rule never stops the review. Findings come back in rule
 * order, duplicates (same key) dropped.
 */
export function evaluateRules(facts: CaseFacts, rules: readonly Rule[] = ALL_RULES): RuleFinding[] {
  const out: RuleFinding[] = [];
  const keys = new Set<string>();
  for (const rule of rules) {
    let found: RuleFinding[];
    try {
      found = rule.evaluate(facts);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      found = [
        {
          rule: rule.id,
          severity: 'warning',
          message: `规则“${rule.title.zh}”（${rule.id}）运行失败：${reason}；本项未能核对，请人工审查`,
          messageEn: `Rule "${rule.title.en}" (${rule.id}) failed: ${reason}; this check was not made — review by hand`,
          citation: rule.citation,
          evidence: [],
          key: `${rule.id}:${RULE_FAILURE_ID}`,
        },
      ];
    }
    for (const f of found) {
      if (keys.has(f.key)) continue;
      keys.add(f.key);
      out.push(f);
    }
  }
  return out;
}
