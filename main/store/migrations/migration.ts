/** A numbered schema change. `up` runs inside one transaction with the version bump. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
