import type { Locale } from '../i18n';

const zh = {
  'graph.loading': '正在加载关系图…',
  'graph.error': '无法加载关系图：{message}',
  'graph.empty': '尚未提取出人员与要素。',
  'graph.types': '要素类型',
  'graph.edges': '关系',
  'graph.edge.attribute': '本人信息',
  'graph.edge.sentence': '同句出现',
  'graph.edge.document': '同一文书',
  'graph.edge.cross-case': '跨案关联',
  'graph.fit': '适应窗口',
  'graph.relayout': '重新布局',
  'graph.layout.cose': '力导向',
  'graph.layout.concentric': '同心圆',
  'graph.external': '其他案件：{caseName}',
  'graph.externalLegend': '其他案件中的要素（虚线）',
  'graph.hint': '拖动平移 · 滚轮缩放 · 点击查看',
  'graph.openEntity': '查看详情',
  'graph.selected': '已选',
  'graph.counts': '{nodes} 个要素 · {edges} 条关系',
  'graph.close': '关闭',
} as const;

export type GraphKey = keyof typeof zh;

const en: Record<GraphKey, string> = {
  'graph.loading': 'Loading the graph…',
  'graph.error': 'Could not load the graph: {message}',
  'graph.empty': 'No people or entities have been extracted yet.',
  'graph.types': 'Entity types',
  'graph.edges': 'Links',
  'graph.edge.attribute': 'Own details',
  'graph.edge.sentence': 'Same sentence',
  'graph.edge.document': 'Same document',
  'graph.edge.cross-case': 'Across cases',
  'graph.fit': 'Fit',
  'graph.relayout': 'Re-layout',
  'graph.layout.cose': 'Force',
  'graph.layout.concentric': 'Concentric',
  'graph.external': 'Other case: {caseName}',
  'graph.externalLegend': 'From other cases (dashed)',
  'graph.hint': 'Drag to pan · wheel to zoom · click for details',
  'graph.openEntity': 'Details',
  'graph.selected': 'Selected',
  'graph.counts': '{nodes} {nodes|entity|entities} · {edges} {edges|link|links}',
  'graph.close': 'Close',
};

export const GRAPH_TEXT: Record<Locale, Record<GraphKey, string>> = { 'zh-CN': zh, 'en-US': en };
