// Search the case (or every case on this machine) as the reviewer thinks of it: a
// name, an ID or phone typed with or without separators, a phrase. Results come
// grouped by document; Enter opens the first (or the chosen) hit on its page.
import { errorText } from '../errors';
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ForwardedRef, KeyboardEvent } from 'react';
import { call } from '../api';
import { useI18n } from '../i18n';
import { DOCUMENT_TYPES, ENTITY_TYPES } from '../../../shared/vocab';
import type { EntitySummary, Request, SearchHit } from '../../../shared/api';
import { visibleName } from '../../../shared/names';
import { useVirtualRows } from '../virtual/useVirtualRows';

interface Props {
  caseId: string;
  /** The hit chosen, with the list it was chosen from (the reader steps through them after). */
  onOpenHit(hit: SearchHit, hits: readonly SearchHit[], query: string): void;
}

interface Group {
  key: string;
  caseName: string | null;
  title: string;
  file: string;
  hits: { hit: SearchHit; index: number }[];
}

const DEBOUNCE_MS = 220;
/** Enough for a common name across a 1,000-page case; the list renders only the rows in view. */
const SEARCH_LIMIT = 2000;
/** The first screen of hits comes at once; the rest of the list is asked for behind it, after the last one shown. */
const FIRST_PIECE = 200;

/** The list as rows: each document's heading, then its hits. */
type Row = { kind: 'head'; group: Group } | { kind: 'hit'; hit: SearchHit; index: number };

function SearchBoxInner({ caseId, onOpenHit }: Props, inputRef: ForwardedRef<HTMLInputElement>) {
  const i18n = useI18n();
  const { t } = i18n;
  const [query, setQuery] = useState('');
  const [allCases, setAllCases] = useState(false);
  const [documentType, setDocumentType] = useState('');
  const [entityType, setEntityType] = useState('');
  const [personId, setPersonId] = useState('');
  const [people, setPeople] = useState<EntitySummary[]>([]);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    call('listEntities', { caseId, type: 'PERSON' }).then(
      (list) => {
        if (live) setPeople(list);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [caseId]);

  const q = query.trim();
  useEffect(() => {
    if (!q) {
      setHits(null);
      setError(null);
      return;
    }
    let live = true;
    setSearching(true);
    const timer = window.setTimeout(() => {
      const req: Request<'search'> = { query: q, limit: FIRST_PIECE };
      if (!allCases) req.caseId = caseId;
      if (documentType) req.documentType = documentType;
      if (entityType) req.entityType = entityType;
      if (personId && !allCases) req.personId = personId;
      const failed = (err: unknown): void => {
        if (!live) return;
        setError(errorText(err));
        setSearching(false);
      };
      call('search', req).then((first) => {
        if (!live) return;
        setHits(first);
        setError(null);
        setActive(0);
        const after = first[first.length - 1]?.cursor;
        if (first.length < FIRST_PIECE || first.length >= SEARCH_LIMIT || !after) {
          setSearching(false);
          return;
        }
        call('search', { ...req, limit: SEARCH_LIMIT - first.length, after }).then((rest) => {
          if (!live) return;
          setHits([...first, ...rest]);
          setSearching(false);
        }, failed);
      }, failed);
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q, allCases, caseId, documentType, entityType, personId]);

  // Clicking anywhere else puts the results away.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  const groups = useMemo<Group[]>(() => {
    const out = new Map<string, Group>();
    (hits ?? []).forEach((hit, index) => {
      const key = `${hit.caseId}:${hit.documentId ?? `f${hit.fileId}`}`;
      let g = out.get(key);
      if (!g) {
        const title = hit.documentType ? i18n.docType(hit.documentType) : (hit.documentTitle ?? hit.file);
        g = {
          key,
          caseName: hit.caseId !== caseId ? hit.caseName : null,
          title: hit.documentTitle && hit.documentTitle !== title ? `${title} · ${hit.documentTitle}` : title,
          file: hit.file,
          hits: [],
        };
        out.set(key, g);
      }
      g.hits.push({ hit, index });
    });
    return [...out.values()];
  }, [hits, caseId, i18n]);

  const rows = useMemo<Row[]>(
    () =>
      groups.flatMap((group) => [
        { kind: 'head' as const, group },
        ...group.hits.map(({ hit, index }) => ({ kind: 'hit' as const, hit, index })),
      ]),
    [groups],
  );
  const rowOfHit = useMemo(() => {
    const at: number[] = [];
    rows.forEach((r, i) => {
      if (r.kind === 'hit') at[r.index] = i;
    });
    return at;
  }, [rows]);
  const listRef = useRef<HTMLDivElement>(null);
  const keyOf = useCallback(
    (i: number) => {
      const r = rows[i];
      return !r ? String(i) : r.kind === 'head' ? `g:${r.group.key}` : `h:${r.index}`;
    },
    [rows],
  );
  const virtual = useVirtualRows({ count: rows.length, keyOf, estimate: 34, scrollRef: listRef });

  const choose = (hit: SearchHit): void => {
    setOpen(false);
    onOpenHit(hit, hits ?? [hit], q);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const n = hits?.length ?? 0;
    if (e.key === 'ArrowDown' && n > 0) {
      setOpen(true);
      setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp' && n > 0) {
      setActive((a) => (a - 1 + n) % n);
    } else if (e.key === 'Enter') {
      const hit = hits?.[active];
      if (hit) choose(hit);
    } else if (e.key === 'Escape') {
      setOpen(false);
      e.currentTarget.blur();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  // The active hit may be far down a long list, not in the DOM: scrolled to by its row.
  const { scrollToIndex } = virtual;
  useEffect(() => {
    const row = rowOfHit[active];
    if (row !== undefined) scrollToIndex(row);
  }, [active, rowOfHit, scrollToIndex]);

  return (
    <div className="search" ref={rootRef}>
      <div className="search-bar">
        <input
          ref={inputRef}
          type="search"
          className="search-input"
          value={query}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          data-testid="search-input"
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        <div className="segmented" role="group" aria-label={t('search.scope')}>
          <button type="button" className={!allCases ? 'segmented--on' : ''} aria-pressed={!allCases} onClick={() => setAllCases(false)}>
            {t('search.thisCase')}
          </button>
          <button type="button" className={allCases ? 'segmented--on' : ''} aria-pressed={allCases} onClick={() => setAllCases(true)}>
            {t('search.allCases')}
          </button>
        </div>
      </div>
      {open && (
        <div className="search-results" data-testid="search-results">
          <div className="search-filters small">
            <select value={documentType} onChange={(e) => setDocumentType(e.target.value)} aria-label={t('search.documentType')}>
              <option value="">{t('search.anyDocument')}</option>
              {DOCUMENT_TYPES.map((d) => (
                <option key={d} value={d}>
                  {i18n.docType(d)}
                </option>
              ))}
            </select>
            <select value={entityType} onChange={(e) => setEntityType(e.target.value)} aria-label={t('search.entityType')}>
              <option value="">{t('search.anyEntity')}</option>
              {ENTITY_TYPES.map((d) => (
                <option key={d} value={d}>
                  {i18n.entityType(d)}
                </option>
              ))}
            </select>
            <select value={personId} onChange={(e) => setPersonId(e.target.value)} aria-label={t('search.person')} disabled={allCases}>
              <option value="">{t('search.anyPerson')}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.value}
                </option>
              ))}
            </select>
            <span className="toolbar-spacer" />
            {q && hits && (
              <span className="muted tabular" data-testid="search-count">
                {t(searching ? 'search.countSoFar' : 'search.count', { n: hits.length })}
              </span>
            )}
          </div>
          {!q && <p className="muted small pad">{t('search.hint')}</p>}
          {q && searching && !hits && <p className="muted small pad">{t('common.loading')}</p>}
          {error && <p className="error-text small pad">{t('error.generic', { message: error })}</p>}
          {q && hits && hits.length === 0 && !searching && <p className="muted pad">{t('search.none')}</p>}
          {groups.length > 0 && (
            <div className="search-list" role="listbox" aria-label={t('search.label')} ref={listRef}>
              <div style={{ height: virtual.totalHeight, position: 'relative' }}>
                {virtual.rows.map(({ index: i, key, top }) => {
                  const r = rows[i]!;
                  const place = { position: 'absolute', top, left: 0, right: 0 } as const;
                  if (r.kind === 'head') {
                    const g = r.group;
                    return (
                      <div key={key} ref={virtual.measure(key)} style={place} className="search-group-head small">
                        {g.caseName && <span className="case-chip">{visibleName(g.caseName)}</span>}
                        <span className="search-group-title">{g.title}</span>
                        <span className="muted search-group-file">{visibleName(g.file)}</span>
                      </div>
                    );
                  }
                  const { hit, index } = r;
                  return (
                    <button
                      type="button"
                      role="option"
                      aria-selected={index === active}
                      key={key}
                      ref={virtual.measure(key)}
                      style={place}
                      className={`search-hit${index === active ? ' search-hit--active' : ''}`}
                      data-testid="search-hit"
                      data-index={index}
                      onMouseEnter={() => setActive(index)}
                      onClick={() => choose(hit)}
                    >
                      <span className="search-hit-page tabular muted small">{t('case.pageSingle', { from: hit.page })}</span>
                      <span className="search-snippet">
                        {hit.snippet.slice(0, hit.start)}
                        <mark className="hit">{hit.snippet.slice(hit.start, hit.end)}</mark>
                        {hit.snippet.slice(hit.end)}
                      </span>
                    </button>
                  );
                })}
              </div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

export const SearchBox = forwardRef(SearchBoxInner);
