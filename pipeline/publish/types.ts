/** What a release is rendered from and into; its own module so that renderers (the website) need not import render.ts. */

export interface ReleaseMeta {
  version: string | null;
  source: {
    id: string;
    file: string;
    format: string;
    sha256: string;
    published_on: string | null;
    title?: string;
    url?: string;
    publisher?: string;
    coalition?: string[];
  };
  pipeline: { name: string; version: string; license?: string };
}

/** File name (a path relative to the release) -> bytes, in a fixed order. */
export type Rendered = Map<string, Buffer>;
