// The site's icon, drawn once: served as favicon.svg and rendered to the PNG sizes phones need.
// Generic (lines of text on the accent colour), so it fits any story.
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#00118f"/><path d="M7 9h18M7 16h18M7 23h11" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>`;

/** Square PNG sizes listed in the web app manifest. */
export const ICON_SIZES = [192, 512] as const;

export const THEME_COLOR = '#00118f';
