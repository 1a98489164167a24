// One colour per entity type, shared by the page overlay, the text and the panels
// (the colours themselves live in styles.css as .ent--<type>).
import { useI18n } from '../i18n';
import { ENTITY_TYPES } from '../../../shared/vocab';
import type { EntityType } from '../../../shared/vocab';

export function EntityLegend({ types }: { types?: readonly EntityType[] }) {
  const i18n = useI18n();
  const shown = types ? ENTITY_TYPES.filter((t) => types.includes(t)) : ENTITY_TYPES;
  return (
    <>
      {shown.map((t) => (
        <span key={t} className="legend-item">
          <span className={`legend-swatch ent-swatch ent--${t.toLowerCase()}`} aria-hidden="true" />
          {i18n.entityType(t)}
        </span>
      ))}
    </>
  );
}
