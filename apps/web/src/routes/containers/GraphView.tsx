import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { KIND_COLOURS, STATUS_COLOURS, type GraphModel, type GraphNode } from './graph-model';

/**
 * The container's graph in Cytoscape.js: organizations coloured by coverage status, the people
 * and Party organizations around them. Clicking (or Enter on the list below) opens a node's page.
 * The same nodes are listed as buttons for keyboard and screen-reader users.
 */
export default function GraphView({ model }: { model: GraphModel }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<GraphNode | null>(null);
  const nav = useRef(navigate);
  nav.current = navigate;

  useEffect(() => {
    if (!ref.current) return;
    const cy = cytoscape({
      container: ref.current,
      elements: [
        ...model.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind, colour: n.kind === 'organization' && n.status ? STATUS_COLOURS[n.status] : KIND_COLOURS[n.kind] } })),
        ...model.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, kind: e.kind } })),
      ],
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', 'font-size': 9, 'text-wrap': 'ellipsis', 'text-max-width': '90px', color: '#222', width: 18, height: 18 } },
        { selector: 'node[kind = "container"]', style: { width: 34, height: 34, shape: 'round-rectangle', 'font-size': 12, 'font-weight': 'bold' } },
        { selector: 'node[kind = "partyOrganization"]', style: { shape: 'star' } },
        { selector: 'node[kind = "instructor"], node[kind = "workGroupMember"], node[kind = "memberUnit"], node[kind = "committee"]', style: { shape: 'diamond', width: 14, height: 14 } },
        { selector: 'edge', style: { width: 1, 'line-color': '#bbb', 'curve-style': 'straight' } },
        { selector: 'edge[kind = "covers"]', style: { 'line-color': '#e57373' } },
        { selector: ':selected', style: { 'border-width': 3, 'border-color': '#000' } },
      ],
      layout: { name: 'cose', animate: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 60 } as cytoscape.LayoutOptions,
    });
    cy.on('tap', 'node', (e) => {
      const node = model.nodes.find((n) => n.id === e.target.id());
      if (!node) return;
      setSelected(node);
      if (node.href) nav.current(node.href);
    });
    return () => cy.destroy();
  }, [model]);

  const legend: [string, string][] = [
    [t('status.ORGANIZATION'), STATUS_COLOURS.ORGANIZATION],
    [t('status.WORK'), STATUS_COLOURS.WORK],
    [t('status.BLIND'), STATUS_COLOURS.BLIND],
    [t('graph.partyOrganization'), KIND_COLOURS.partyOrganization],
    [t('graph.instructor'), KIND_COLOURS.instructor],
    [t('graph.workGroupMember'), KIND_COLOURS.workGroupMember],
    [t('graph.memberUnit'), KIND_COLOURS.memberUnit],
  ];

  return (
    <div className="graph">
      <ul className="legend" aria-label={t('graph.legend')}>
        {legend.map(([label, colour]) => (
          <li key={label}>
            <span className="swatch" style={{ background: colour }} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
      <div ref={ref} className="graph-canvas" role="img" aria-label={t('graph.canvasLabel', { nodes: model.nodes.length, edges: model.edges.length })} />
      <p aria-live="polite" className="muted">
        {selected ? t('graph.selected', { name: selected.label, kind: t(`graph.kind.${selected.kind}`) }) : ''}
      </p>
      <details>
        <summary>{t('graph.asList')}</summary>
        <ul className="graph-list">
          {model.nodes
            .filter((n) => n.href)
            .map((n) => (
              <li key={n.id}>
                <button type="button" className="link" onClick={() => n.href && navigate(n.href)}>
                  {n.label}
                </button>{' '}
                {n.status && <span className={`badge badge-${n.status.toLowerCase()}`}>{t(`status.${n.status}`)}</span>}
              </li>
            ))}
        </ul>
      </details>
    </div>
  );
}
