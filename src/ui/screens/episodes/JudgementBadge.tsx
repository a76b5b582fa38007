import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Circle16Regular, CircleHalfFill16Regular, QuestionCircle16Regular, ThumbLike16Regular, Warning16Regular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { NOT_YET_JUDGED } from '../../../domain/analysis';
import { ADEQUACY_LABELS } from '../../../domain/labels';
import type { AdequacyJudgement } from '../../../domain/model';

type Shown = AdequacyJudgement | 'none';

const ICONS: Record<Shown, ReactElement> = {
  good: <ThumbLike16Regular aria-hidden />,
  problematic: <Warning16Regular aria-hidden />,
  mixed: <CircleHalfFill16Regular aria-hidden />,
  unclear: <QuestionCircle16Regular aria-hidden />,
  none: <Circle16Regular aria-hidden />,
};

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  good: { background: tokens.colorStatusSuccessBackground1, border: `1px solid ${tokens.colorStatusSuccessBorder1}` },
  problematic: { background: tokens.colorStatusWarningBackground1, border: `1px solid ${tokens.colorStatusWarningBorder2}` },
  mixed: { background: tokens.colorBrandBackground2, border: `1px solid ${tokens.colorBrandStroke1}` },
  unclear: { background: tokens.colorNeutralBackground3 },
  none: { background: tokens.colorNeutralBackground1, border: `1px dashed ${tokens.colorNeutralStroke1}` },
});

/** The reviewers' judgement of adequacy, in the method's respectful words, with an icon as well as a colour. */
export function JudgementBadge({ judgement }: { judgement: AdequacyJudgement | null }) {
  const styles = useStyles();
  const shown: Shown = judgement ?? 'none';
  return (
    <span className={mergeClasses(styles.badge, styles[shown])} data-judgement={shown}>
      {ICONS[shown]}
      {judgement ? ADEQUACY_LABELS[judgement] : NOT_YET_JUDGED}
    </span>
  );
}
