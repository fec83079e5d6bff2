import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  color: string;
  values: (number | null)[];
}

/** A time-series line chart (uPlot, canvas): `times` in ms since the epoch, one value per time in each series. */
export function TimeChart({ times, series, height = 200, testId }: { times: number[]; series: ChartSeries[]; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const labels = series.map((s) => `${s.label}:${s.color}`).join('|');
  const data = [times.map((t) => t / 1000), ...series.map((s) => s.values)] as unknown as uPlot.AlignedData;

  useEffect(() => {
    const el = box.current!;
    const plot = new uPlot({
      width: el.clientWidth || 600,
      height,
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: true }))],
      axes: [{}, { size: 50 }],
    }, data, el);
    chart.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth || 600, height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
    // A new chart only when the series change; data changes go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [labels, height]);

  useEffect(() => {
    chart.current?.setData(data);
  });

  return <div ref={box} data-testid={testId} data-points={times.length} />;
}
