/** Findings of an extractor, with their place: information, never console noise. */
export interface Diagnostic {
  level: 'warning' | 'error';
  message: string;
  line: number;
  page?: number;
}
