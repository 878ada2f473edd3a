import { Alert, Badge, type CSSVariablesResolver, createTheme, InputWrapper } from '@mantine/core';

export const theme = createTheme({
  fontFamily: '"Be Vietnam Pro", system-ui, sans-serif',
  headings: { fontFamily: '"Be Vietnam Pro", system-ui, sans-serif' },
  // Mantine's teal with its two darkest shades deepened, so links and filled buttons read at 4.5:1 or more.
  colors: {
    brand: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#12b886', '#0ca678', '#087f5b', '#06694b'],
  },
  primaryColor: 'brand',
  primaryShade: 9,
  defaultRadius: 'md',
  components: {
    // The required mark is drawn by CSS (global.css), so a label's text is exactly its words.
    InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
    // Vietnamese reads badly in capitals ("CHUYÊN VIÊN"): keep the words as written.
    Badge: Badge.extend({ styles: { label: { textTransform: 'none' } } }),
    // A yellow or red title on its light background is unreadable (2.7:1); the box keeps the colour.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
  },
});

/** Mantine's dimmed grey and error red (shade 6) are too light on white (3.3:1); shades 7 and 9 pass 4.5:1. */
export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => ({
  variables: {},
  light: { '--mantine-color-dimmed': resolvedTheme.colors.gray[7], '--mantine-color-error': resolvedTheme.colors.red[9] },
  dark: {},
});
