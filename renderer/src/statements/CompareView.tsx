// The compare view of the review desk: pick two to four records (a person's records, or
// everyone's first account of the event), then read them side by side with their
// answers aligned by topic and the words where they disagree marked. Leaving for a
// page and coming back finds the same records at the same place.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api';
import { errorMessage, useText } from '../findings/i18n';
import { useI18n } from '../i18n';
import type { PageRef, StatementComparison, StatementList } from '../../../shared/api';
import { Comparison } from './Comparison';
import type { ComparisonState } from './Comparison';
import { COMPARE_TEXT } from './i18n';
import { StatementPicker } from './StatementPicker';
import './compare.css';

interface Props {
  caseId: string;
  /** Bumped when a review of the case ends: the statements are listed again. */
  version?: number;
  onOpen: (ref: PageRef) => void;
}

interface Memory extends ComparisonState {
  selected: string[];
  comparing: boolean;
  note: string | null;
}

const EMPTY: Memory = { selected: [], comparing: false, note: null, unfolded: false, current: null, scrollTop: 0 };

// The case view unmounts this tab when a page is opened; what the reviewer was reading is kept here.
const memory = new Map<string, Memory>();

function remember(caseId: string, patch: Partial<Memory>): void {
  memory.set(caseId, { ...(memory.get(caseId) ?? EMPTY), ...patch });
}

export function CompareView({ caseId, version = 0, onOpen }: Props) {
  const { text, lang } = useText(COMPARE_TEXT);
  const { t } = useI18n();
  const [initial] = useState<Memory>(() => memory.get(caseId) ?? EMPTY);
  const [list, setList] = useState<StatementList | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [selected, setSelected] = useState<string[]>(initial.selected);
  const [note, setNote] = useState<string | null>(initial.note);
  const [comparing, setComparing] = useState<string[] | null>(initial.comparing ? initial.selected : null);
  const [comparison, setComparison] = useState<{ key: string; data: StatementComparison } | null>(null);
  const [compareError, setCompareError] = useState<string | null>(null);
  const [view, setView] = useState<ComparisonState>({ unfolded: initial.unfolded, current: initial.current, scrollTop: initial.scrollTop });
  const startRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    setListError(null);
    call('listStatements', { caseId }).then(
      (l) => {
        if (!live) return;
        setList(l);
        // A re-run review may have renumbered the documents: forget what no longer exists.
        const known = new Set(l.persons.flatMap((p) => p.records.map((r) => r.document)));
        setSelected((s) => s.filter((d) => known.has(d)));
        setComparing((docs) => (docs && docs.every((d) => known.has(d)) ? docs : null));
      },
      (err: unknown) => {
        if (live) setListError(errorMessage(err));
      },
    );
    return () => {
      live = false;
    };
  }, [caseId, attempt, version]);

  const comparingKey = comparing ? comparing.join('|') : null;
  useEffect(() => {
    if (!comparing || !comparingKey) return;
    let live = true;
    setCompareError(null);
    call('compareStatements', { caseId, documents: comparing }).then(
      (data) => {
        if (live) setComparison({ key: comparingKey, data });
      },
      (err: unknown) => {
        if (live) setCompareError(errorMessage(err));
      },
    );
    return () => {
      live = false;
    };
    // The key stands for the documents: a new array with the same records is the same comparison.
  }, [caseId, comparingKey]);

  const select = useCallback(
    (documents: string[], nextNote: string | null = null) => {
      setSelected(documents);
      setNote(nextNote);
      remember(caseId, { selected: documents, note: nextNote });
    },
    [caseId],
  );

  const compare = useCallback(
    (documents: string[], nextNote: string | null = null) => {
      const fresh: ComparisonState = { unfolded: false, current: null, scrollTop: 0 };
      setSelected(documents);
      setNote(nextNote);
      setView(fresh);
      setComparing(documents);
      remember(caseId, { selected: documents, note: nextNote, comparing: true, ...fresh });
    },
    [caseId],
  );

  const back = useCallback(() => {
    setComparing(null);
    setCompareError(null);
    remember(caseId, { comparing: false, current: null, scrollTop: 0 });
  }, [caseId]);

  // Back at the picker, the keyboard is where it was left: on the button that compares.
  const wasComparing = useRef(comparing !== null);
  useEffect(() => {
    if (wasComparing.current && comparing === null) startRef.current?.focus();
    wasComparing.current = comparing !== null;
  }, [comparing]);

  const onState = useCallback((patch: Partial<ComparisonState>) => remember(caseId, patch), [caseId]);

  if (listError) {
    return (
      <div className="cmp-message">
        <p className="error-text" role="alert">
          {text('compare.error', { message: listError })}
        </p>
        <button type="button" className="button" onClick={() => setAttempt((a) => a + 1)}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!list) return <p className="muted pane-empty">{text('compare.loading')}</p>;
  if (list.persons.length === 0)
    return (
      <p className="muted pane-empty" data-testid="compare-empty">
        {text('compare.none')}
      </p>
    );

  if (comparing) {
    if (compareError) {
      return (
        <div className="cmp-message">
          <p className="error-text" role="alert">
            {text('compare.compareError', { message: compareError })}
          </p>
          <button type="button" className="button" onClick={back}>
            ← {text('compare.back')}
          </button>
        </div>
      );
    }
    if (!comparison || comparison.key !== comparingKey) return <p className="muted pane-empty">{text('compare.loadingComparison')}</p>;
    return (
      <Comparison
        key={comparison.key}
        data={comparison.data}
        initial={view}
        note={note}
        text={text}
        lang={lang}
        onOpen={onOpen}
        onBack={back}
        onState={onState}
      />
    );
  }

  return (
    <StatementPicker
      list={list}
      selected={selected}
      note={note}
      text={text}
      lang={lang}
      onSelect={select}
      onCompare={compare}
      startRef={startRef}
    />
  );
}
