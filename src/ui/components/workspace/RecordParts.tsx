import { makeStyles, tokens } from '@fluentui/react-components';

export const useWorkspaceStyles = makeStyles({
  layout: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  listPane: { flex: '1 1 20rem', maxWidth: '28rem', minWidth: '16rem', display: 'grid', gap: tokens.spacingVerticalS },
  detailPane: {
    flex: '2 1 28rem',
    minWidth: '18rem',
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  grow: { flex: '1 1 14rem', minWidth: '12rem' },
  form: { display: 'grid', gap: tokens.spacingVerticalM },
});
