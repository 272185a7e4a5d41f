import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const HEIGHT = 240;
const BRAND = '#0f5c4d';

/** Bars of people met per period; `labels[i]` names bar i. Loaded only with the reports page. */
export function PeopleChart({
  values,
  labels,
  seriesLabel,
  description,
}: {
  values: number[];
  labels: string[];
  seriesLabel: string;
  description: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const n = values.length;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: HEIGHT,
      legend: { show: false },
      cursor: { y: false, drag: { x: false, y: false } },
      scales: {
        x: { time: false, range: [-0.5, Math.max(0.5, n - 0.5)] },
        y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] },
      },
      axes: [
        {
          // Whole steps only, so every tick lands on a bar and has a name.
          incrs: [1, 2, 3, 7, 14, 28, 56],
          space: 64,
          values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
          grid: { show: false },
        },
        { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], size: 44 },
      ],
      series: [
        {},
        {
          label: seriesLabel,
          stroke: BRAND,
          fill: `${BRAND}cc`,
          width: 0,
          paths: uPlot.paths.bars!({ size: [0.7, 48] }),
          points: { show: false },
        },
      ],
    };
    const plot = new uPlot(opts, [values.map((_, i) => i), values], el);
    const resize = new ResizeObserver(() => {
      const width = Math.max(200, el.clientWidth);
      if (width !== plot.width) plot.setSize({ width, height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [values, labels, seriesLabel]);
  return <div class="chart" ref={box} role="img" aria-label={description} data-testid="people-chart" />;
}
