import { lazy, Suspense } from 'react';
import type { EChartsOption } from './EChart';
import { Loading } from './states';

// ECharts is ~350 KB gzip: loaded only when a page draws a chart, never in the entry chunk.
const loadEChart = () => import('./EChart');
const EChart = lazy(loadEChart);

/** Starts fetching ECharts before a chart is drawn (a page that will draw one, while its data loads). */
export function preloadCharts(): Promise<unknown> {
  return loadEChart().catch(() => undefined);
}

export interface ChartProps {
  option: EChartsOption;
  /** What the chart shows, for screen readers (the figures are also in a table or links next to it). */
  label: string;
  height?: number;
  /** A click on a data point: its category name, its index, and the index of its series. */
  onClickName?: (name: string, dataIndex: number, seriesIndex: number) => void;
}

export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<Loading />}>
      <EChart {...props} />
    </Suspense>
  );
}
