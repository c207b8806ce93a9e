/** A row ref that scrolls the keyboard-focused row into view, as j/k move past the visible rows. */
export function keepInView(el: HTMLElement | null): void {
  el?.scrollIntoView({ block: "nearest" });
}
