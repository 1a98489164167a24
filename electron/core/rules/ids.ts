// The rule ids of RULES.md (sections A–L and N). Findings carry them in review.json, so
// they are never renamed or reused: a new check gets a new id.
export const RULE_IDS = [
  // A. Intake and filing
  'CASE_INTAKE_RECORDS',
  'FILING_BEFORE_MEASURES',
  // B. Summons
  'SUMMONS_FORMALITIES',
  'SUMMONS_DURATION',
  'SUMMONS_SERIAL',
  'SUMMONS_PLACE_REST',
  // C. Detention
  'DETENTION_APPROVAL',
  'DETENTION_CUSTODY_24H',
  'DETENTION_FAMILY_NOTICE_24H',
  'DETENTION_INTERROGATION_24H',
  'ARREST_REQUEST_DEADLINE',
  'ARREST_REVIEW_7D',
  'NON_APPROVAL_RELEASE',
  // D. Arrest and custody
  'ARREST_EXECUTION',
  'ARREST_FAMILY_NOTICE_24H',
  'ARREST_INTERROGATION_24H',
  'CUSTODY_PERIOD',
  // E. Non-custodial measures
  'BAIL_MAX_12M',
  'BAIL_FORMALITIES',
  'RSL_MAX_6M',
  'RSL_DESIGNATED_RESIDENCE',
  'MEASURE_EXPIRY',
  // F. Interrogation
  'INTERROGATION_TWO_INVESTIGATORS',
  'INTERROGATION_LOCATION',
  'RIGHTS_NOTICE',
  'RECORD_CONFIRMATION',
  'AUDIO_VIDEO_RECORDING',
  'INTERPRETER_REQUIRED',
  'MANDATORY_LEGAL_AID',
  // G. Witnesses and victims
  'WITNESS_INDIVIDUAL',
  'WITNESS_NOTICE_RECORD',
  // H. Minors
  'MINOR_AGE_RESPONSIBILITY',
  'MINOR_GUARDIAN_PRESENT',
  'MINOR_FEMALE_STAFF',
  // I. Defence
  'COUNSEL_MEETING_48H',
  'COUNSEL_OPINION_NOTICE',
  // J. Evidence-gathering acts
  'SEARCH_PROCEDURE',
  'SEIZURE_LIST',
  'WITNESS_ELIGIBILITY',
  'SCENE_EXAMINATION',
  'LINEUP_PROCEDURE',
  'APPRAISAL_NOTICE',
  // K. Other
  'TECH_AND_FREEZE_PERIODS',
  'SPECIAL_STATUS_PERSONS',
  'RECUSAL_CONFLICT',
  'CLOSING_SUPPLEMENTARY',
  // L. Cross-document integrity
  'TIME_CONFLICT_OFFICER',
  'TIME_CONFLICT_PERSON',
  'STATEMENT_DUPLICATION',
  'DOCUMENT_DATE_ORDER',
  'REQUIRED_DOCUMENTS',
  'IDENTITY_CONSISTENCY',
  // N. What the statements and narratives say (wave 2)
  'STATEMENT_RETRACTION',
  'STATEMENT_CONTRADICTION',
  'CUSTODY_NARRATIVE_CONSISTENCY',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** The id a finding carries when a rule itself failed (it threw). Not a rule of RULES.md. */
export const RULE_FAILURE_ID = 'RULE_FAILURE';

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}
