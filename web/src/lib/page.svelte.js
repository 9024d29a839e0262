// The document title of the current screen.
export const page = $state({ title: '' });

export function setTitle(title) {
  page.title = title ?? '';
}
