/** What a finding can be: its severity is part of a rule's data, so it is the catalog's word. */
export type Severity = "error" | "tail" | "warning" | "info";
