import { tokens } from '@fluentui/react-components';
import type { ReportBlock, ReportRun, ReportViewModel } from '../../../domain/report/view-model';
import { EPISODE_TABLE_COLUMNS } from '../../../domain/report/view-model';

/**
 * The report as the Word document will print it, from the same view model. Every case text is a React text node,
 * so whatever someone typed (markup included) is shown as text, never run as HTML.
 */
export function ReportPreview({ model }: { model: ReportViewModel }) {
  return (
    <article
      aria-label={`Preview: ${model.title}`}
      data-testid="report-preview"
      // Scrolls on its own, so keyboard users must be able to reach it.
      tabIndex={0}
      style={{
        background: tokens.colorNeutralBackground1,
        border: `1px solid ${tokens.colorNeutralStroke1}`,
        padding: tokens.spacingHorizontalXL,
        maxHeight: '70vh',
        overflow: 'auto',
        display: 'grid',
        gap: tokens.spacingVerticalS,
      }}
    >
      {model.confidentialityHeader ? (
        <p data-testid="report-preview-header" style={{ margin: 0, textAlign: 'center', fontWeight: 600, fontSize: tokens.fontSizeBase200 }}>
          {model.confidentialityHeader}
        </p>
      ) : null}
      <h2 style={{ margin: 0, fontSize: tokens.fontSizeBase600 }}>{model.title}</h2>
      {model.draftLabel ? <p style={{ margin: 0, fontWeight: 600 }}>{model.draftLabel}</p> : null}
      {model.preface.map((line) => (
        <p key={line} style={{ margin: 0 }}>
          {line}
        </p>
      ))}
      {model.sections.map((section) => (
        <section key={section.id} aria-labelledby={`preview-${section.id}`}>
          <h3 id={`preview-${section.id}`} style={{ fontSize: tokens.fontSizeBase500, marginBottom: tokens.spacingVerticalXS }}>
            {section.title}
          </h3>
          {section.blocks.map((block, index) => (
            <PreviewBlock key={index} block={block} />
          ))}
        </section>
      ))}
    </article>
  );
}

function Runs({ runs }: { runs: readonly ReportRun[] }) {
  return <>{runs.map((run, index) => (run.label ? <strong key={index}>{run.text}</strong> : <span key={index}>{run.text}</span>))}</>;
}

function PreviewBlock({ block }: { block: ReportBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return (
        <p
          style={{
            margin: `0 0 ${tokens.spacingVerticalXS}`,
            fontStyle: block.tone === 'note' ? 'italic' : undefined,
            fontSize: block.tone === 'source' ? tokens.fontSizeBase200 : undefined,
            color: block.tone === 'source' ? tokens.colorNeutralForeground2 : undefined,
          }}
        >
          <Runs runs={block.runs} />
        </p>
      );
    case 'subheading':
      return <h4 style={{ margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400 }}>{block.text}</h4>;
    case 'list':
      return (
        <ul style={{ marginTop: 0 }}>
          {block.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      );
    case 'episodeTable':
      return (
        <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 }}>
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>Table of key practice episodes</caption>
          <thead>
            <tr>
              {EPISODE_TABLE_COLUMNS.map((column) => (
                <th
                  key={column}
                  scope="col"
                  style={{
                    textAlign: 'left',
                    verticalAlign: 'top',
                    border: `1px solid ${tokens.colorNeutralStroke1}`,
                    padding: tokens.spacingHorizontalS,
                    background: tokens.colorNeutralBackground3,
                  }}
                >
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row) => (
              <tr key={row.episodeId}>
                {[row.description, row.judgement, row.factors].map((cell, index) => (
                  <td key={index} style={{ verticalAlign: 'top', border: `1px solid ${tokens.colorNeutralStroke1}`, padding: tokens.spacingHorizontalS }}>
                    {cell.map((runs, paragraphIndex) => (
                      <p key={paragraphIndex} style={{ margin: `0 0 ${tokens.spacingVerticalXS}` }}>
                        <Runs runs={runs} />
                      </p>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    default:
      return null;
  }
}
