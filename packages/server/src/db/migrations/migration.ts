export interface Migration {
  version: number;
  name: string;
  /** One statement per entry: PGlite's extended protocol runs a single statement per query. */
  statements: string[];
}
