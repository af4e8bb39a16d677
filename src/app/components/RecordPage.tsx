import type { RecordText } from "../../core/review";
import { recordCss } from "../record-css";

// The review record as a printable A4 page: the official header, the counts per pillar, the findings (the clerk's
// explanation under the indicator, the reviewer's comment under the decision), the reviewer's signature. Plain
// elements and classes, styled by its own stylesheet, so the same markup prints from the pane, the browser mode and a
// static rendering.

export interface RecordPageProps {
  text: RecordText;
}

export function RecordPage({ text }: RecordPageProps) {
  const [no, code, indicator, figure, target, status, , decision] = text.findingColumns;
  return (
    <article className="ctr-page" lang={text.lang === "vi" ? "vi" : "en"} data-testid="record-page">
      <style>{recordCss(text.pageWord)}</style>
      <p className="ctr-motto">{text.motto[0]}</p>
      <p className="ctr-motto-line">{text.motto[1]}</p>
      <h1 className="ctr-title">{text.title}</h1>
      <p className="ctr-subtitle">{text.subtitle}</p>
      <ul className="ctr-fields">
        {text.fields.map(([label, value]) => (
          <li key={label}>
            <span className="ctr-label">{label}:</span> {value}
          </li>
        ))}
      </ul>
      <h2 className="ctr-section">{text.pillarsTitle}</h2>
      <table className="ctr-table ctr-pillars">
        <colgroup>
          <col className="ctr-c-pillar" />
        </colgroup>
        <thead>
          <tr>
            {text.pillarColumns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {text.pillarRows.map((row, r) => (
            <tr key={row[0]} className={r === text.pillarRows.length - 1 ? "ctr-total" : undefined}>
              {row.map((v, i) => (i === 0 ? <th key={i} scope="row">{v}</th> : <td key={i} className="ctr-num">{v}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="ctr-section">{text.findingsTitle}</h2>
      {text.findings.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <table className="ctr-table ctr-findings">
          <colgroup>
            {["no", "code", "label", "figure", "target", "status", "decision"].map((c) => (
              <col key={c} className={`ctr-c-${c}`} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {[no, code, indicator, figure, target, status, decision].map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {text.findings.map((f) => {
              const [n, c, label, fig, tgt, st, explanation, dec, comment] = f.cells;
              return (
                <tr key={n}>
                  <td className="ctr-num">{n}</td>
                  <td>{c}</td>
                  <td>
                    {label}
                    {explanation && <span className="ctr-note">{`${text.notes.explanation}: ${explanation}`}</span>}
                  </td>
                  <td>{fig}</td>
                  <td>{tgt}</td>
                  <td className={`ctr-status-${f.status}`}>{st}</td>
                  <td>
                    {dec}
                    {f.decisionNote && <span className="ctr-note">({f.decisionNote})</span>}
                    {comment && <span className="ctr-note">{`${text.notes.comment}: ${comment}`}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="ctr-signature">
        <p className="ctr-signature-title">{text.signature.title}</p>
        <p className="ctr-signature-hint">{text.signature.hint}</p>
        {text.signature.name && <p className="ctr-signature-name">{text.signature.name}</p>}
      </div>
    </article>
  );
}
