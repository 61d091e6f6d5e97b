/** URLs as footnotes print them, cleaned: no angle brackets, no Markdown escapes. */

const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"”]+/gi;

/** Undo conversion escapes (`\_`, `\\_`) and strip wrapping and trailing punctuation. */
export function cleanUrl(url: string): string {
  return url
    .replace(/\\+([_*#&~])/g, '$1')
    .replace(/^<|>$/g, '')
    .replace(/[.,;:)\]]+$/, (tail) => (url.includes('(') && tail.startsWith(')') ? tail.replace(/[.,;:\]]+$/, '') : ''));
}

export function urlsInText(text: string): string[] {
  return [...text.matchAll(URL_IN_TEXT)].map((m) => cleanUrl(m[0]));
}

export function domainOf(url: string): string | null {
  try {
    return new URL(url.startsWith('www.') ? `https://${url}` : url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * The URLs a footnote cites. A URL in angle brackets is taken whole, even with
 * a space inside (kept as printed, for QA to flag); otherwise link targets are
 * preferred over the visible text.
 */
export function footnoteUrls(text: string, links: string[] = []): string[] {
  const bracketed = [...text.matchAll(/<((?:https?:\/\/|www\.)[^<>]+)>/gi)].map((m) => cleanUrl(m[1]!.trim()));
  const found = bracketed.length ? bracketed : links.filter((l) => /^(?:https?:\/\/|www\.)/i.test(l)).map(cleanUrl);
  const urls = found.length ? found : urlsInText(text);
  return [...new Set(urls)];
}
