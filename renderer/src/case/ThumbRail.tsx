// The whole case as a strip of small pages, file after file, so a 1,000-page volume can
// be crossed at a glance. Only the thumbnails in view (and a few either side) exist in the
// DOM and only those are fetched: every slot has the same height, so which pages are in
// view follows from the scroll offset alone.
import { useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../api';
import { useI18n } from '../i18n';
import type { Position } from './reading-order';
import { slotsOf, visibleSlots } from './volume';
import type { Slot } from './volume';
import type { CaseFile } from '../../../shared/api';
import { visibleName } from '../../../shared/names';

const SLOT = 168;
const THUMB_WIDTH = 200;
const OVERSCAN = 3;
const CACHE_LIMIT = 120;

const thumbs = new Map<string, Promise<string>>();

function loadThumb(caseId: string, sha256: string, page: number): Promise<string> {
  const key = `${caseId}:${sha256}:${page}`;
  const hit = thumbs.get(key);
  if (hit) return hit;
  const pending = call('getPageImage', { caseId, sha256, page, maxWidth: THUMB_WIDTH }).then(
    (img) => `data:${img.mime};base64,${img.dataBase64}`,
  );
  pending.catch(() => thumbs.delete(key));
  thumbs.set(key, pending);
  while (thumbs.size > CACHE_LIMIT) {
    const oldest = thumbs.keys().next().value;
    if (oldest === undefined) break;
    thumbs.delete(oldest);
  }
  return pending;
}

interface Props {
  caseId: string;
  files: readonly CaseFile[];
  at: Position | null;
  onGo(pos: Position): void;
}

export function ThumbRail({ caseId, files, at, onGo }: Props) {
  const slots = useMemo(() => slotsOf(files), [files]);
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  const current = at ? slots.findIndex((s) => s.fileId === at.fileId && s.page === at.page) : -1;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => setView({ top: el.scrollTop, height: el.clientHeight });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    measure();
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);

  // The page being read stays in view as the reader pages on.
  useEffect(() => {
    const el = ref.current;
    if (!el || current < 0) return;
    const top = current * SLOT;
    if (top < el.scrollTop || top + SLOT > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - el.clientHeight / 2 + SLOT / 2);
  }, [current]);

  const { first, last } = visibleSlots(view.top, view.height, SLOT, slots.length, OVERSCAN);
  return (
    <nav className="thumb-rail" ref={ref} data-testid="thumb-rail">
      <div style={{ height: slots.length * SLOT, position: 'relative' }}>
        {slots.slice(first, last).map((s, k) => (
          <Thumb
            key={`${s.fileId}:${s.page}`}
            caseId={caseId}
            slot={s}
            top={(first + k) * SLOT}
            active={first + k === current}
            onGo={onGo}
          />
        ))}
      </div>
    </nav>
  );
}

function Thumb({
  caseId,
  slot,
  top,
  active,
  onGo,
}: {
  caseId: string;
  slot: Slot;
  top: number;
  active: boolean;
  onGo(pos: Position): void;
}) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadThumb(caseId, slot.sha256, slot.page).then(
      (url) => live && setSrc(url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [caseId, slot.sha256, slot.page]);
  const name = visibleName(slot.file);
  const label = t('page.thumbLabel', { file: name, page: slot.page });
  return (
    <button
      type="button"
      className={`thumb${active ? ' thumb--active' : ''}`}
      style={{ top, height: SLOT - 8 }}
      onClick={() => onGo({ fileId: slot.fileId, page: slot.page })}
      title={label}
      aria-label={label}
      aria-current={active ? 'page' : undefined}
      data-testid="thumb"
    >
      <span className="thumb-image">{src ? <img src={src} alt="" draggable={false} /> : null}</span>
      <span className="thumb-label tabular">
        {slot.page === 1 ? <span className="thumb-file">{name}</span> : null}
        {slot.page}
      </span>
    </button>
  );
}
