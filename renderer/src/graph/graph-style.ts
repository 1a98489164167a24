// How the relation graph is drawn: a colour per kind of entity, a line per kind of link.
import type { StylesheetJson } from 'cytoscape';
import type { EntityType } from '../../../shared/vocab';
import type { GraphView as Graph } from '../../../shared/api';

export type EdgeKind = Graph['edges'][number]['kind'];
export const EDGE_KINDS: readonly EdgeKind[] = ['holder', 'relation', 'attribute', 'sentence', 'document', 'cross-case'];

export const ENTITY_COLOURS: Record<EntityType, string> = {
  PERSON: '#2f5d8a',
  ID_NUMBER: '#8250df',
  PHONE: '#bf3989',
  PLATE: '#0a7ea4',
  BANK_CARD: '#b35900',
  ACCOUNT: '#9a6700',
  ADDRESS: '#1a7f37',
  ORG: '#57606a',
  AMOUNT: '#a0522d',
  CASE_NUMBER: '#6e7781',
  LAW_ARTICLE: '#8c959f',
};

const EDGE_STYLE: Record<EdgeKind, { colour: string; width: number; line: 'solid' | 'dotted' | 'dashed' }> = {
  holder: { colour: '#57606a', width: 2.5, line: 'solid' },
  relation: { colour: '#8e1f1f', width: 2.5, line: 'solid' },
  attribute: { colour: '#1a7f37', width: 1.5, line: 'solid' },
  sentence: { colour: '#b6bec7', width: 1, line: 'solid' },
  document: { colour: '#9aa4ae', width: 1.5, line: 'dotted' },
  'cross-case': { colour: '#d1242f', width: 3, line: 'dashed' },
};

export function graphStyle(font: string): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(label)',
        'font-size': 11,
        'min-zoomed-font-size': 6,
        'font-family': font,
        'text-wrap': 'wrap',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        color: '#24292f',
        'text-outline-color': '#fff',
        'text-outline-width': 2,
        width: 18,
        height: 18,
        'border-width': 1,
        'border-color': '#fff',
      },
    },
    { selector: 'node.person', style: { width: 30, height: 30, 'font-size': 13, 'font-weight': 'bold' } },
    { selector: 'node.suspect', style: { 'border-width': 3, 'border-color': '#8e1f1f' } },
    {
      selector: 'node.external',
      style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#d1242f', 'background-opacity': 0.45, color: '#8e1f1f' },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f0b429' } },
    { selector: 'node.faded', style: { opacity: 0.25 } },
    // Straight, not bezier: bundling parallel beziers breaks in cytoscape once some of them are hidden by a filter.
    { selector: 'edge', style: { 'curve-style': 'straight', opacity: 0.85 } },
    ...EDGE_KINDS.map((k) => ({
      selector: `edge.kind-${k}`,
      style: { 'line-color': EDGE_STYLE[k].colour, width: EDGE_STYLE[k].width, 'line-style': EDGE_STYLE[k].line },
    })),
    {
      selector: 'edge.kind-relation',
      style: {
        label: 'data(label)',
        'font-size': 10,
        color: '#8e1f1f',
        'text-background-color': '#fff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
      },
    },
    // A pair named together in several sentences is drawn stronger than one named together once.
    { selector: 'edge.kind-sentence', style: { width: 'mapData(weight, 1, 6, 1, 3)' } },
    { selector: 'edge.faded', style: { opacity: 0.08 } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}
