import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The analysis forms' layout: one column that never grows wider than its dialog or drawer. A native select is as
 * wide as its longest option unless told otherwise, and some sources and sub-patterns have long names.
 */
export const useFormStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalM,
    '& select': { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
  },
});
