/** The stages, in order, and a timer that tells an optional observer what each produced. */

export type Stage = 'fetch' | 'parse' | 'extract' | 'validate' | 'publish';
export interface StageEvent {
  stage: Stage;
  /** What the stage produced, for a person: "48 prisoners", "report.md (123 kB)". */
  summary: string;
  ms: number;
}
/** Optional observer: it never changes what a stage returns. */
export type OnStage = (event: StageEvent) => void;

/** Run one stage, telling onStage how long it took and what it produced. */
export function stage<T>(name: Stage, onStage: OnStage | undefined, run: () => T, summary: (result: Awaited<T>) => string): T {
  const started = performance.now();
  const result = run();
  if (!onStage) return result;
  const report = (value: Awaited<T>) => onStage({ stage: name, summary: summary(value), ms: performance.now() - started });
  if (result instanceof Promise) return result.then((value: Awaited<T>) => (report(value), value)) as T;
  report(result as Awaited<T>);
  return result;
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
