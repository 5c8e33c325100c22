/** The cost of each scenario side by side, as plain SVG bars (one group per cost: employer, State, allowances). */
import { useId } from "react";
import Decimal from "decimal.js";
import type { Totals } from "@fne/schema";
import { tr, type Lang } from "./i18n.ts";
import { formatMoney, type Currency } from "./money.ts";

const KEYS = ["employerCost", "stateCost", "employeeAllocations"] as const;
const COLOURS = ["#1d3f8f", "#c24e00"];

export function CostChart({ series, lang, currency }: { series: Array<{ label: string; totals: Totals }>; lang: Lang; currency: Currency }) {
  const titleId = useId();
  const maxValue = Decimal.max(1, ...series.flatMap((s) => KEYS.map((k) => s.totals[k])));
  const labelW = 190;
  const barW = 360;
  const barH = 20;
  const groupH = series.length * (barH + 4) + 18;
  const height = KEYS.length * groupH + 30;
  const width = labelW + barW + 150;
  return (
    <figure className="fne-chart-figure">
      <svg className="fne-chart" role="img" aria-labelledby={titleId} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: `${width}px` }}>
        <title id={titleId}>{tr(lang, "scenarios")}</title>
        {series.map((s, j) => (
          <g key={s.label} transform={`translate(${labelW + j * 170}, 4)`}>
            <rect width="14" height="14" fill={COLOURS[j]} />
            <text x="20" y="12">
              {s.label}
            </text>
          </g>
        ))}
        {KEYS.map((k, i) => (
          <g key={k} transform={`translate(0, ${30 + i * groupH})`}>
            <text x="0" y={barH}>
              {tr(lang, k)}
            </text>
            {series.map((s, j) => {
              // Bar lengths are pixels, not money: the ratio is taken in decimal, then drawn.
              const w = new Decimal(s.totals[k]).div(maxValue).times(barW).toNumber();
              return (
                <g key={s.label} transform={`translate(${labelW}, ${j * (barH + 4)})`}>
                  <rect width={Math.max(w, 1)} height={barH} fill={COLOURS[j]} />
                  <text x={Math.max(w, 1) + 6} y={barH - 5}>
                    {formatMoney(s.totals[k], currency, lang)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
}
