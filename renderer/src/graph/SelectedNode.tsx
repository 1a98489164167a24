// The node the reviewer clicked, beside the graph: what it is, what the file says of it, and
// what it is tied to. The reviewer stays in the graph; opening the entity is a step of its own.
import { useMemo } from 'react';
import { useCall } from '../useCall';
import { useText } from '../findings/i18n';
import { describeAttributes } from '../case/attributes';
import { ENTITY_TYPE_LABELS } from '../../../shared/vocab';
import type { GraphView as Graph } from '../../../shared/api';
import { GRAPH_TEXT } from './i18n';
import type { Selected } from './GraphView';

interface Props {
  caseId: string;
  node: Selected;
  graph: Graph;
  onSelect(id: string): void;
  onOpenEntity(id: string): void;
  onClose(): void;
}

export function SelectedNode({ caseId, node, graph, onSelect, onOpenEntity, onClose }: Props) {
  const { text, lang } = useText(GRAPH_TEXT);
  const external = node.caseName !== null;
  const entity = useCall(
    'getEntity',
    useMemo(() => (external ? null : { caseId, entityId: node.id }), [caseId, node.id, external]),
  );
  const facts = entity.data ? describeAttributes(entity.data.attributes, lang).slice(0, 6) : [];
  const links = useMemo(() => {
    const label = new Map(graph.nodes.map((n) => [n.id, n]));
    return graph.edges
      .filter((e) => e.source === node.id || e.target === node.id)
      .map((e) => ({ edge: e, other: label.get(e.source === node.id ? e.target : e.source) }))
      .filter((x): x is { edge: (typeof x)['edge']; other: Graph['nodes'][number] } => x.other !== undefined)
      .sort((a, b) => b.edge.weight - a.edge.weight);
  }, [graph, node.id]);

  return (
    <aside className="graph-selected" data-testid="graph-selected">
      <div className="graph-selected-head">
        <strong>{node.label}</strong>
        <button type="button" className="button button--small button--quiet" onClick={onClose} aria-label={text('graph.close')}>
          ×
        </button>
      </div>
      <div className="muted small">{[ENTITY_TYPE_LABELS[node.type][lang], node.role].filter(Boolean).join(' · ')}</div>
      {external ? (
        <div className="graph-external-note small">{text('graph.external', { caseName: node.caseName ?? '' })}</div>
      ) : (
        <>
          {entity.data && <div className="muted small">{text('graph.mentionCount', { n: entity.data.mentionCount })}</div>}
          {facts.length > 0 && (
            <dl className="graph-facts small">
              {facts.map((f) => (
                <div key={f.key}>
                  <dt>{f.label}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
          )}
        </>
      )}
      {links.length > 0 && (
        <>
          <div className="graph-links-head small muted">{text('graph.links', { n: links.length })}</div>
          <ul className="plain-list graph-links small" data-testid="graph-selected-links">
            {links.map(({ edge, other }) => (
              <li key={other.id}>
                <button type="button" className="link-button" onClick={() => onSelect(other.id)}>
                  {other.label}
                </button>
                <span className="muted"> {edge.relation ? text(`graph.relation.${edge.relation}`) : text(`graph.edge.${edge.kind}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {!external && (
        <button type="button" className="button button--small" data-testid="graph-open-entity" onClick={() => onOpenEntity(node.id)}>
          {text('graph.openEntity')} →
        </button>
      )}
    </aside>
  );
}
