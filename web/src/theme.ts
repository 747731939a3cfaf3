import { Badge, createTheme } from '@mantine/core';

/**
 * System fonts only (no downloads, works offline). Every family listed has the Tajik letters
 * Ғ Ӣ Қ Ӯ Ҳ Ҷ; DejaVu Sans Mono and JetBrains Mono, which lack some of them, are left out (stack.md, trap 15).
 */
const sans = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: sans,
  headings: { fontFamily: sans, fontWeight: '700' },
  fontFamilyMonospace: "ui-monospace, 'Roboto Mono', 'PT Mono', 'Noto Sans Mono', 'Liberation Mono', monospace",
  defaultRadius: 'md',
  focusRing: 'auto',
  components: {
    // Statuses are read, not shouted: no capitals, and never cut off with an ellipsis.
    Badge: Badge.extend({ defaultProps: { tt: 'none' }, styles: { root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } } }),
  },
});
