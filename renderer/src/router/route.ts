// The address of a place in the app, kept in the URL's hash so that it works alike from
// Electron's file:// and from the bridge's http:// (whose query carries the token):
//   #/                                   the case list
//   #/case/<id>/<view>?file=3&page=2&doc=d4&sel=120-124&side=notes&entity=e5
// Reading the hash is lenient (anything unknown falls back to the default); writing it
// is canonical, so the same place always has the same address.
import { EMPTY_PLACE, MAIN_TABS, SIDE_TABS } from '../case/place';
import type { CasePlace, MainTab, SideTab } from '../case/place';

export type Route = { kind: 'cases' } | { kind: 'case'; caseId: string; place: CasePlace };

function positiveInt(s: string | null): number | null {
  if (s === null || !/^\d{1,9}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}

function oneOf<T extends string>(list: readonly T[], s: string | null | undefined, fallback: T): T {
  return list.includes(s as T) ? (s as T) : fallback;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'case' || !parts[1]) return { kind: 'cases' };
  let caseId: string;
  try {
    caseId = decodeURIComponent(parts[1]);
  } catch {
    return { kind: 'cases' };
  }
  const q = new URLSearchParams(query);
  const sel = /^(\d{1,9})-(\d{1,9})$/.exec(q.get('sel') ?? '');
  const start = sel ? Number(sel[1]) : 0;
  const end = sel ? Number(sel[2]) : 0;
  const place: CasePlace = {
    tab: oneOf<MainTab>(MAIN_TABS, parts[2], 'read'),
    side: oneOf<SideTab>(SIDE_TABS, q.get('side'), 'text'),
    fileId: positiveInt(q.get('file')),
    page: positiveInt(q.get('page')),
    doc: q.get('doc') || null,
    sel: sel && end > start ? { start, end } : null,
    entity: q.get('entity') || null,
  };
  if (place.fileId === null) place.page = null;
  return { kind: 'case', caseId, place };
}

export function formatRoute(route: Route): string {
  if (route.kind === 'cases') return '#/';
  const p = route.place;
  const q = new URLSearchParams();
  if (p.fileId !== null) {
    q.set('file', String(p.fileId));
    q.set('page', String(p.page ?? 1));
  }
  if (p.doc) q.set('doc', p.doc);
  if (p.sel) q.set('sel', `${p.sel.start}-${p.sel.end}`);
  if (p.side !== EMPTY_PLACE.side) q.set('side', p.side);
  if (p.entity) q.set('entity', p.entity);
  const query = q.toString();
  return `#/case/${encodeURIComponent(route.caseId)}/${p.tab}${query ? `?${query}` : ''}`;
}
