/** Links that look like the buttons beside them (components/ui/Button). */
export const primaryLink =
  "inline-flex items-center gap-1 rounded border border-accent bg-accent px-2.5 py-1 whitespace-nowrap text-white hover:opacity-90";
export const buttonLink =
  "inline-flex items-center gap-1 rounded border border-line bg-panel px-2.5 py-1 whitespace-nowrap hover:bg-panel-2";
export const smallButtonLink =
  "inline-flex items-center gap-1 rounded border border-line bg-panel px-1.5 py-0.5 text-xs whitespace-nowrap hover:bg-panel-2";
