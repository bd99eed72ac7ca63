import { useId } from "react";
import type { z } from "zod";
import type { Checkin } from "../../../../contract/communities";
import { formatDay } from "../../components/format";
import { TableScroll } from "../../components/TableScroll";
import styles from "./CheckinTrend.module.css";
import { buildTrend, type Trend } from "./checkin-trend";

const WIDTH = 480;
const HEIGHT = 220;
const PAD = { top: 16, right: 48, bottom: 40, left: 56 };
// Six styles, each a colour and a dash; a seventh norm starts over.
const SERIES_STYLES = [styles.series0, styles.series1, styles.series2, styles.series3, styles.series4, styles.series5];

function x(trend: Trend, index: number): number {
  const span = WIDTH - PAD.left - PAD.right;
  return trend.dates.length === 1 ? PAD.left + span / 2 : PAD.left + (span * index) / (trend.dates.length - 1);
}

function y(rating: number): number {
  return PAD.top + ((4 - rating) / 3) * (HEIGHT - PAD.top - PAD.bottom);
}

/** Average ratings of each norm over the check-ins: a small line chart, and the same numbers as a table. */
export function CheckinTrend({ checkins }: { checkins: readonly z.infer<typeof Checkin>[] }) {
  const trend = buildTrend(checkins);
  const titleId = useId();
  const descId = useId();
  if (trend.dates.length === 0)
    return <p className="muted">No ratings yet. Averages appear after the first check-in.</p>;

  return (
    <div className={styles.trend}>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>Average rating of each norm at each check-in</title>
        <desc id={descId}>{trend.summary} The table below gives every value.</desc>
        {[1, 2, 3, 4].map((rating) => (
          <g key={rating}>
            <line className={styles.grid} x1={PAD.left} x2={WIDTH - PAD.right} y1={y(rating)} y2={y(rating)} />
            <text className={styles.label} x={PAD.left - 10} y={y(rating) + 4} textAnchor="end">
              {rating}
            </text>
          </g>
        ))}
        {trend.dates.map((date, index) => (
          <text
            key={trend.ids[index]}
            className={styles.label}
            x={x(trend, index)}
            y={HEIGHT - PAD.bottom + 22}
            textAnchor="middle"
          >
            {formatDay(date)}
          </text>
        ))}
        {trend.series.map((series, seriesIndex) => {
          const points = series.values
            .map((value, index) => (value === null ? null : `${x(trend, index)},${y(value)}`))
            .filter(Boolean);
          const style = SERIES_STYLES[seriesIndex % SERIES_STYLES.length];
          return (
            <g key={series.norm} className={style}>
              {points.length > 1 ? <polyline className={styles.line} points={points.join(" ")} /> : null}
              {series.values.map((value, index) =>
                value === null ? null : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one point per check-in, in date order
                  <circle key={index} className={styles.point} cx={x(trend, index)} cy={y(value)} r={4} />
                ),
              )}
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {trend.series.map((series, index) => (
          <li key={series.norm} className={styles.legendItem}>
            <span className={`${styles.swatch} ${SERIES_STYLES[index % SERIES_STYLES.length]}`} />
            {series.norm}
          </li>
        ))}
      </ul>
      <TableScroll label="Check-in averages">
        <table className={`data-table ${styles.table}`}>
          <caption className="visually-hidden">Average rating of each norm at each check-in, from 1 to 4</caption>
          <thead>
            <tr>
              <th scope="col">Norm</th>
              {trend.dates.map((date, index) => (
                <th key={trend.ids[index]} scope="col">
                  {formatDay(date)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.series.map((series) => (
              <tr key={series.norm}>
                <th scope="row">{series.norm}</th>
                {series.values.map((value, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one cell per check-in, in date order
                  <td key={index} className="cell-number">
                    {value === null ? "—" : value.toFixed(2)}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Responses</th>
              {trend.responses.map((count, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one cell per check-in, in date order
                <td key={index} className="cell-number">
                  {count}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
