/** A row of `weightspace table --format json` as the CLI tests read it. */
export interface Row {
  function: string;
  name?: string;
  realizable: boolean;
  facets: number | null;
  constraints: string[];
  facetRows: number[];
  witness: number[] | null;
  orbit?: number;
}
