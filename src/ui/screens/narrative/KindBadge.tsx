import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSwap16Regular, PeopleTeam16Regular, QuestionCircle16Regular, TextQuote16Regular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { NARRATIVE_KIND_LABELS } from '../../../domain/labels';
import type { NarrativeKind } from '../../../domain/model';

const ICONS: Record<NarrativeKind, ReactElement> = {
  account: <TextQuote16Regular aria-hidden />,
  gap: <QuestionCircle16Regular aria-hidden />,
  discrepancy: <ArrowSwap16Regular aria-hidden />,
  reviewersJudgement: <PeopleTeam16Regular aria-hidden />,
};

/**
 * Each kind has its own colour, icon and words, so gaps and discrepancies stand out without relying on colour
 * alone. Status tokens keep the contrast in the light, dark and high-contrast themes.
 */
export const useKindStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground1,
    whiteSpace: 'nowrap',
  },
  account: { background: tokens.colorNeutralBackground1, borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  gap: {
    background: tokens.colorStatusWarningBackground1,
    border: `1px dashed ${tokens.colorStatusWarningBorder2}`,
    borderLeft: `4px solid ${tokens.colorStatusWarningBorder2}`,
  },
  discrepancy: {
    background: tokens.colorStatusDangerBackground1,
    border: `1px solid ${tokens.colorStatusDangerBorder2}`,
    borderLeft: `4px double ${tokens.colorStatusDangerBorder2}`,
  },
  reviewersJudgement: {
    background: tokens.colorBrandBackground2,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
  },
});

export function KindBadge({ kind }: { kind: NarrativeKind }) {
  const styles = useKindStyles();
  return (
    <span className={mergeClasses(styles.badge, styles[kind])} data-kind={kind}>
      {ICONS[kind]}
      {NARRATIVE_KIND_LABELS[kind]}
    </span>
  );
}
