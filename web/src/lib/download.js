// Files for the person: saving data as a file (the personal data export), the address of a list export.
export function downloadJson(data, filename) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The address of a list's export: the list endpoint with the list's filters and sort, `format=csv|xlsx` and the
 * screen's language (`lang`, which names the file's columns). The browser downloads it itself (an
 * `<a download>`): the session cookie goes along, the file streams to disk.
 */
export function exportUrl(path, query, format, lang) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '' || key === 'cursor' || key === 'limit') continue;
    q.set(key, String(value));
  }
  q.set('format', format);
  if (lang) q.set('lang', lang);
  return `/api/v1${path}?${q}`;
}
