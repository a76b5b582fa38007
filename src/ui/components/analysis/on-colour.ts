import { makeStyles, tokens } from '@fluentui/react-components';

/** Links on the coloured backgrounds: brand-coloured links fall short of 4.5:1 on some of them in the dark theme. */
export const useOnColourStyles = makeStyles({
  link: {
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'underline',
    ':hover': { color: tokens.colorNeutralForeground1Hover },
  },
});
