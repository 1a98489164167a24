// The page toolbar's own controls: the page-number box (g) and the walk through a search's hits.
import { useState } from 'react';
import type { RefObject } from 'react';
import { useI18n } from '../i18n';
import type { HitWalk } from './useHitWalk';

/** The page number box: type a number, Enter goes there. */
export function JumpBox({
  inputRef,
  page,
  count,
  onJump,
}: {
  inputRef: RefObject<HTMLInputElement | null> | undefined;
  page: number;
  count: number;
  onJump(page: number): void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(String(page));
  const go = (): void => {
    const n = Number(value);
    if (Number.isInteger(n) && n >= 1 && n <= count && n !== page) onJump(n);
    else setValue(String(page));
  };
  return (
    <input
      ref={inputRef}
      className="page-jump tabular"
      data-testid="page-jump"
      inputMode="numeric"
      aria-label={t('page.jump')}
      title={t('page.jumpTitle')}
      value={value}
      onChange={(e) => setValue(e.target.value.replace(/[^\d]/g, '').slice(0, 6))}
      onFocus={(e) => e.target.select()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          go();
          e.currentTarget.blur();
        } else if (e.key === 'Escape') {
          setValue(String(page));
          e.currentTarget.blur();
        }
      }}
      onBlur={() => setValue(String(page))}
    />
  );
}

export function HitNav({ walk, onStep, onClose }: { walk: HitWalk; onStep(delta: 1 | -1): boolean; onClose(): void }) {
  const { t } = useI18n();
  return (
    <span className="hit-nav" role="group" title={t('hits.title', { query: walk.query })} data-testid="hit-nav">
      <button type="button" className="button button--small" onClick={() => onStep(-1)} aria-label={t('hits.prev')} data-testid="hit-prev">
        ‹ {t('hits.prev')}
      </button>
      <span className="hit-nav-count tabular small" data-testid="hit-count">
        {t('hits.counter', { index: walk.index + 1, count: walk.hits.length })}
      </span>
      <button type="button" className="button button--small" onClick={() => onStep(1)} aria-label={t('hits.next')} data-testid="hit-next">
        {t('hits.next')} ›
      </button>
      <button
        type="button"
        className="button button--small button--icon"
        onClick={onClose}
        aria-label={t('hits.close')}
        title={t('hits.close')}
      >
        ×
      </button>
    </span>
  );
}
