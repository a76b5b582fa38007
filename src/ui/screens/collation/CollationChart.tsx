// One collation chart: @fluentui/react-charts' horizontal bars (loaded with this screen's chunk). Its bars are
// focusable and labelled by the library; the table that follows is the accessible equivalent of the whole.
import { HorizontalBarChartWithAxis } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';

export interface ChartBar {
  readonly label: string;
  readonly value: number;
}

export default function CollationChart({ title, bars }: { readonly title: string; readonly bars: readonly ChartBar[] }) {
  const shortened = bars.map((bar) => ({ ...bar, label: bar.label.length > 32 ? `${bar.label.slice(0, 31)}…` : bar.label }));
  return (
    <figure style={{ margin: 0 }} data-testid="collation-chart">
      <figcaption style={{ position: 'absolute', left: '-10000px' }}>{`${title}: chart; the table that follows gives the same figures`}</figcaption>
      <div>
        <HorizontalBarChartWithAxis
          chartTitle={title}
          data={shortened.map((bar) => ({ x: bar.value, y: bar.label, color: tokens.colorBrandBackground }))}
          height={Math.max(120, 34 * bars.length + 40)}
          hideLegend
          yAxisPadding={0.3}
          // Whole labels (shortened above), not the library's first four characters.
          showYAxisLables
        />
      </div>
    </figure>
  );
}
