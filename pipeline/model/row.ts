/** A record as published and read back: field name -> value. */
export type Row = Record<string, unknown>;
