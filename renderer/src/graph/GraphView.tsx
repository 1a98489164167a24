// Who is tied to which phone, card, plate and address — and to which other case (串并).
// A graph shows a shared phone number at a glance where tables would need a join.
import { useEffect, useMemo, useRef, useState } from 'react';
import cytoscape from 'cytoscape';
import type { Core, ElementDefinition } from 'cytoscape';
import { call } from '../api';
import { errorMessage, useText } from '../findings/i18n';
import { ENTITY_TYPES, ENTITY_TYPE_LABELS, PERSON_ROLE_LABELS } from '../../../shared/vocab';
import type { EntityType } from '../../../shared/vocab';
import type { GraphView as Graph } from '../../../shared/api';
import { GRAPH_TEXT } from './i18n';
import { SelectedNode } from './SelectedNode';
import { EDGE_KINDS, ENTITY_COLOURS, graphStyle, type EdgeKind } from './graph-style';
import './graph.css';

interface Props {
  caseId: string;
  /** Bumped when a review of the case ends: the graph is asked again. */
  version?: number;
  onOpenEntity: (entityId: string) => void;
}

type Layout = 'cose' | 'concentric';

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export interface Selected {
  id: string;
  label: string;
  type: EntityType;
  role: string | null;
  caseName: string | null;
}
interface Hover {
  x: number;
  y: number;
  lines: string[];
}

export function GraphView({ caseId, version = 0, onOpenEntity }: Props) {
  const { text, lang } = useText(GRAPH_TEXT);
  const [graph, setGraph] = useState<Graph | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<EntityType>>(new Set());
  const [hiddenEdges, setHiddenEdges] = useState<ReadonlySet<EdgeKind>>(new Set());
  const [layout, setLayout] = useState<Layout>('cose');
  const [layoutRun, setLayoutRun] = useState(0);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const [visibleNodes, setVisibleNodes] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const openEntity = useRef(onOpenEntity);
  openEntity.current = onOpenEntity;

  useEffect(() => {
    let live = true;
    setGraph(null);
    setError(null);
    call('getGraph', { caseId }).then(
      (g) => {
        if (live) setGraph(g);
      },
      (err: unknown) => {
        if (live) setError(errorMessage(err));
      },
    );
    return () => {
      live = false;
    };
  }, [caseId, version]);

  const typeCounts = useMemo(() => {
    const counts = new Map<EntityType, number>();
    for (const n of graph?.nodes ?? []) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
    return ENTITY_TYPES.filter((t) => counts.has(t)).map((t) => ({ type: t, count: counts.get(t) ?? 0 }));
  }, [graph]);
  const edgeCounts = useMemo(() => {
    const counts = new Map<EdgeKind, number>();
    for (const e of graph?.edges ?? []) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
    return EDGE_KINDS.filter((k) => counts.has(k)).map((k) => ({ kind: k, count: counts.get(k) ?? 0 }));
  }, [graph]);
  const hasExternal = useMemo(() => (graph?.nodes ?? []).some((n) => n.external), [graph]);

  // Build the graph once per data and language; filters and layout changes reuse it.
  useEffect(() => {
    if (!graph || !box.current || graph.nodes.length === 0) return;
    const ids = new Set(graph.nodes.map((n) => n.id));
    const elements: ElementDefinition[] = [
      ...graph.nodes.map((n) => {
        const role = n.role ? PERSON_ROLE_LABELS[n.role][lang] : null;
        const label = [
          shorten(n.label, n.type === 'ADDRESS' || n.type === 'ORG' ? 14 : 24),
          role ? `(${role})` : null,
          n.external ? `[${shorten(n.external.caseName, 12)}]` : null,
        ]
          .filter(Boolean)
          .join('\n');
        return {
          group: 'nodes' as const,
          data: {
            id: n.id,
            label,
            full: n.label,
            type: n.type,
            role,
            colour: ENTITY_COLOURS[n.type] ?? '#57606a',
            caseName: n.external?.caseName ?? null,
          },
          classes: [n.type === 'PERSON' ? 'person' : 'thing', n.external ? 'external' : '', n.role === 'SUSPECT' ? 'suspect' : '']
            .filter(Boolean)
            .join(' '),
        };
      }),
      ...graph.edges
        .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
        .map((e, i) => ({
          group: 'edges' as const,
          data: {
            id: `edge${i}`,
            source: e.source,
            target: e.target,
            kind: e.kind,
            weight: e.weight,
            label: e.relation ? text(`graph.relation.${e.relation}`) : '',
          },
          classes: `kind-${e.kind}`,
        })),
    ];
    const style = graphStyle(getComputedStyle(document.body).fontFamily);
    const core = cytoscape({ container: box.current, elements, style, minZoom: 0.15, maxZoom: 4 });
    cy.current = core;
    core.on('tap', 'node', (e) => {
      const n = e.target as cytoscape.NodeSingular;
      const data = n.data() as { id: string; full: string; type: EntityType; role: string | null; caseName: string | null };
      setSelected({ id: data.id, label: data.full, type: data.type, role: data.role, caseName: data.caseName });
      core.elements().removeClass('faded');
      core.elements().not(n.closedNeighborhood()).addClass('faded');
    });
    // A double click is the explicit way out to the entity; a click only selects (the reviewer stays in the graph).
    core.on('dbltap', 'node', (e) => {
      const data = (e.target as cytoscape.NodeSingular).data() as { id: string; caseName: string | null };
      if (!data.caseName) openEntity.current(data.id);
    });
    core.on('tap', (e) => {
      if (e.target === core) {
        setSelected(null);
        core.elements().removeClass('faded');
      }
    });
    core.on('mouseover', 'node', (e) => {
      const n = e.target as cytoscape.NodeSingular;
      const data = n.data() as { full: string; type: EntityType; role: string | null; caseName: string | null };
      const p = n.renderedPosition();
      setHover({
        x: p.x,
        y: p.y,
        lines: [
          data.full,
          [ENTITY_TYPE_LABELS[data.type]?.[lang] ?? data.type, data.role].filter(Boolean).join(' · '),
          ...(data.caseName ? [text('graph.external', { caseName: data.caseName })] : []),
        ],
      });
    });
    core.on('mouseout', 'node', () => setHover(null));
    core.on('viewport', () => setHover(null));
    return () => {
      core.destroy();
      cy.current = null;
    };
    // text is a fresh function every render; lang is what it depends on.
  }, [graph, lang]);

  // Filters only hide and show: nodes keep their places, so the picture the reviewer has
  // learnt does not reshuffle each time a type is switched off.
  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    core.batch(() => {
      core.nodes().forEach((n) => {
        n.toggleClass('hidden', hiddenTypes.has(n.data('type') as EntityType));
      });
      core.edges().forEach((e) => {
        e.toggleClass('hidden', hiddenEdges.has(e.data('kind') as EdgeKind));
      });
    });
    setVisibleNodes(core.nodes().not('.hidden').length);
  }, [graph, lang, hiddenTypes, hiddenEdges]);

  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    // A layout given an edge without both of its ends fails: edges come only between shown nodes.
    const nodes = core.nodes().not('.hidden');
    const shown = nodes.union(nodes.edgesWith(nodes).not('.hidden'));
    const options =
      layout === 'cose'
        ? {
            name: 'cose',
            animate: false,
            randomize: true,
            padding: 30,
            componentSpacing: 60,
            nodeDimensionsIncludeLabels: true,
            numIter: 2000,
            // Spread over the box the reviewer sees, not a square: the pane is wide.
            boundingBox: { x1: 0, y1: 0, w: Math.max(300, core.width()), h: Math.max(200, core.height()) },
            nodeRepulsion: () => 7000,
            nodeOverlap: 20,
            gravity: 0.25,
            // A person's own phone or ID sits close to them; a shared sentence is a looser tie.
            idealEdgeLength: (edge: cytoscape.EdgeSingular) => (edge.data('kind') === 'attribute' ? 45 : 110),
            edgeElasticity: (edge: cytoscape.EdgeSingular) => (edge.data('kind') === 'attribute' ? 200 : 40),
          }
        : {
            name: 'concentric',
            animate: false,
            padding: 30,
            minNodeSpacing: 18,
            nodeDimensionsIncludeLabels: true,
            concentric: (n: cytoscape.NodeSingular) => (n.hasClass('person') ? 10 : 0) + n.degree(false) / 10,
            levelWidth: () => 2,
          };
    shown.layout(options as cytoscape.LayoutOptions).run();
    core.fit(shown, 30);
    // Re-laid out on demand (or a new layout), not on each filter change: see above.
  }, [graph, lang, layout, layoutRun]);

  // Selecting from the side panel (a linked node) does what a click on the node does.
  const selectNode = (id: string) => {
    const core = cy.current;
    const n = core?.getElementById(id);
    if (!core || !n || n.empty()) return;
    core.elements().unselect();
    n.select();
    n.emit('tap');
  };

  const toggle = <T,>(set: ReadonlySet<T>, value: T): ReadonlySet<T> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  if (error)
    return (
      <p className="error-text pane-empty" role="alert">
        {text('graph.error', { message: error })}
      </p>
    );
  if (!graph) return <p className="muted pane-empty">{text('graph.loading')}</p>;
  if (graph.nodes.length === 0) return <p className="muted pane-empty">{text('graph.empty')}</p>;

  return (
    <div className="graph" data-testid="graph" data-visible-nodes={visibleNodes}>
      <div className="graph-toolbar small">
        <fieldset className="graph-filter">
          <legend className="muted">{text('graph.types')}</legend>
          {typeCounts.map(({ type, count }) => (
            <label key={type} className="graph-check">
              <input
                type="checkbox"
                checked={!hiddenTypes.has(type)}
                onChange={() => setHiddenTypes((s) => toggle(s, type))}
                data-testid={`graph-type-${type}`}
              />
              <span className="graph-swatch" style={{ background: ENTITY_COLOURS[type] }} aria-hidden="true" />
              {ENTITY_TYPE_LABELS[type][lang]} <span className="muted tabular">{count}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="graph-filter">
          <legend className="muted">{text('graph.edges')}</legend>
          {edgeCounts.map(({ kind, count }) => (
            <label key={kind} className="graph-check">
              <input type="checkbox" checked={!hiddenEdges.has(kind)} onChange={() => setHiddenEdges((s) => toggle(s, kind))} />
              <span className={`graph-edge-swatch graph-edge-swatch--${kind}`} aria-hidden="true" />
              {text(`graph.edge.${kind}`)} <span className="muted tabular">{count}</span>
            </label>
          ))}
          {hasExternal && (
            <span className="graph-check">
              <span className="graph-swatch graph-swatch--external" aria-hidden="true" />
              {text('graph.externalLegend')}
            </span>
          )}
        </fieldset>
        <span className="toolbar-spacer" />
        <select
          value={layout}
          onChange={(e) => setLayout(e.target.value as Layout)}
          aria-label={text('graph.relayout')}
          className="graph-layout"
        >
          <option value="cose">{text('graph.layout.cose')}</option>
          <option value="concentric">{text('graph.layout.concentric')}</option>
        </select>
        <button type="button" className="button button--small" onClick={() => setLayoutRun((r) => r + 1)}>
          {text('graph.relayout')}
        </button>
        <button type="button" className="button button--small" onClick={() => cy.current?.fit(cy.current.nodes().not('.hidden'), 30)}>
          {text('graph.fit')}
        </button>
      </div>
      <div className="graph-stage">
        <div
          className="graph-canvas"
          ref={box}
          data-testid="graph-canvas"
          aria-label={text('graph.counts', { nodes: graph.nodes.length, edges: graph.edges.length })}
          role="img"
        />
        <span className="graph-hint muted small">
          {text('graph.hint')} · {text('graph.counts', { nodes: graph.nodes.length, edges: graph.edges.length })}
        </span>
        {hover && (
          <div className="graph-tip" style={{ left: hover.x + 14, top: hover.y + 10 }} role="tooltip">
            {hover.lines.map((l, i) => (
              <div key={i} className={i === 0 ? 'graph-tip-title' : undefined}>
                {l}
              </div>
            ))}
          </div>
        )}
        {selected && (
          <SelectedNode
            caseId={caseId}
            node={selected}
            graph={graph}
            onSelect={selectNode}
            onOpenEntity={onOpenEntity}
            onClose={() => {
              setSelected(null);
              cy.current?.elements().removeClass('faded');
            }}
          />
        )}
      </div>
    </div>
  );
}
