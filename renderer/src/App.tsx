import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from './errors';
import { call } from './api';
import { CaseList } from './cases/CaseList';
import { CaseView } from './case/CaseView';
import { EMPTY_PLACE } from './case/place';
import type { CasePlace } from './case/place';
import { useRoute } from './router/useRoute';
import { I18nContext, LOCALES, createTranslator, initialLocale, saveLocale } from './i18n';
import type { Locale } from './i18n';
import { ReviewProgress } from './review/ReviewProgress';
import { StartReview } from './review/StartReview';
import { isActive, useJobs } from './review/jobs';
import type { TrackedJob } from './review/jobs';
import type { CaseSummary } from '../../shared/api';

const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const i18n = useMemo(() => createTranslator(locale), [locale]);
  const [screen, navigate] = useRoute();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [casesError, setCasesError] = useState<string | null>(null);
  // Bumped when a review ends, so whatever shows that case reloads it.
  const [reviewVersion, setReviewVersion] = useState(0);
  const screenRef = useRef(screen);
  screenRef.current = screen;

  useEffect(() => {
    saveLocale(locale);
    document.title = `${i18n.t('app.title')} · ${i18n.t('app.subtitle')}`;
  }, [locale, i18n]);

  const loadCases = useCallback(() => {
    call('listCases', {}).then(
      (list) => {
        setCases(list);
        setCasesError(null);
      },
      (err: unknown) => setCasesError(errorText(err)),
    );
  }, []);

  useEffect(loadCases, [loadCases, reviewVersion]);

  const onJobFinished = useCallback(
    (job: TrackedJob) => {
      setReviewVersion((v) => v + 1);
      // Land the reviewer in the case they just started, unless they already went elsewhere.
      if (job.startedHere && job.status === 'done' && screenRef.current.kind === 'cases') {
        navigate({ kind: 'case', caseId: job.caseId, place: EMPTY_PLACE });
      }
    },
    [navigate],
  );
  const { jobs, track, dismiss, reconcile } = useJobs(onJobFinished);

  useEffect(() => {
    if (cases) reconcile(cases);
  }, [cases, reconcile]);

  // While a review runs, the case list is also polled: the event stream alone is not
  // trusted to deliver a job's end (a reconnect can drop it).
  const anyActive = jobs.some((j) => isActive(j.status));
  useEffect(() => {
    if (!anyActive) return;
    const timer = window.setInterval(loadCases, 5000);
    return () => window.clearInterval(timer);
  }, [anyActive, loadCases]);

  // The case row appears as soon as a review is queued, and its status follows the job.
  const jobStatuses = jobs.map((j) => `${j.jobId}:${j.status}`).join(',');
  useEffect(() => {
    if (jobStatuses) loadCases();
  }, [jobStatuses, loadCases]);

  const onStarted = useCallback(
    (job: { jobId: string; caseId: string; folder: string }) => {
      track(job);
      loadCases();
    },
    [track, loadCases],
  );

  // Search across cases and 串并 links lead into another case at a page or a person.
  const openCase = useCallback(
    (caseId: string, place: CasePlace = EMPTY_PLACE) => {
      navigate({ kind: 'case', caseId, place }, 'push');
    },
    [navigate],
  );
  const showCases = useCallback(() => navigate({ kind: 'cases' }, 'push'), [navigate]);
  const onPlace = useCallback(
    (place: CasePlace, how: 'push' | 'replace') => {
      const current = screenRef.current;
      if (current.kind === 'case') navigate({ kind: 'case', caseId: current.caseId, place }, how);
    },
    [navigate],
  );

  // A case opened while its review reads it (开始阅读): the case view says what is still to come.
  const openCaseId = screen.kind === 'case' ? screen.caseId : null;
  const reviewing = jobs.find((j) => j.caseId === openCaseId && isActive(j.status) && j.readsFiles) ?? null;

  const caseName = useCallback((caseId: string) => cases?.find((c) => c.id === caseId)?.name ?? null, [cases]);

  return (
    <I18nContext.Provider value={i18n}>
      <div className="app">
        <header className="app-header">
          <button type="button" className="brand" onClick={showCases} title={i18n.t('nav.cases')}>
            <span className="brand-mark">阅卷</span>
            <span className="brand-sub">{locale === 'zh-CN' ? '案卷审查助手' : 'Case Review Assistant'}</span>
          </button>
          <nav className="app-nav">
            <button type="button" className={`nav-link${screen.kind === 'cases' ? ' nav-link--current' : ''}`} onClick={showCases}>
              {i18n.t('nav.cases')}
            </button>
          </nav>
          <span className="toolbar-spacer" />
          <label className="locale-switch small">
            <span className="muted">{i18n.t('nav.language')}</span>
            <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="locale">
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
        </header>
        <main className="app-main">
          {screen.kind === 'cases' ? (
            <div className="home">
              <StartReview onStarted={onStarted} />
              <ReviewProgress jobs={jobs} caseName={caseName} onOpen={(caseId) => openCase(caseId)} onDismiss={dismiss} />
              <CaseList cases={cases} error={casesError} onOpen={(caseId) => openCase(caseId)} onRefresh={loadCases} />
            </div>
          ) : (
            <CaseView
              key={screen.caseId}
              caseId={screen.caseId}
              version={reviewVersion}
              reviewing={reviewing ? { progress: reviewing.progress } : null}
              place={screen.place}
              onPlace={onPlace}
              onBack={showCases}
              onOpenCase={openCase}
            />
          )}
        </main>
      </div>
    </I18nContext.Provider>
  );
}
