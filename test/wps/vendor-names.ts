/**
 * Our ET model (src/wps/et.ts) against the vendor's description of it, wps-jsapi's lib.et.d.ts:
 * every member we name must be one of theirs, or the type check fails. A misspelt property would
 * otherwise be a silent `undefined` in WPS, and a misspelt setter a property WPS never reads. The
 * vendor's types are mostly `any`, so the names are what is checked.
 */
// the vendor's file declares a global namespace, and its index.d.ts names files the package does not ship: by path only
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../node_modules/wps-jsapi/src/lib.et.d.ts" />
import type * as ours from "../../src/wps/et";

type Unknown<Ours, Theirs> = Exclude<keyof Ours, keyof Theirs>;
/** fails to compile unless T is never: the names that are not the vendor's */
type None<T extends never> = T;

export type Checked = [
  None<Unknown<ours.EtApplication, Et.EtApplication>>,
  None<Unknown<ours.EtWorkbook, Et.EtWorkbook>>,
  None<Unknown<ours.EtWorksheets, Et.EtWorksheets>>,
  None<Unknown<ours.EtWorksheet, Et.EtWorksheet>>,
  None<Unknown<ours.EtWindow, Et.EtWindow>>,
  None<Unknown<ours.EtPageSetup, Et.EtPageSetup>>,
  None<Unknown<ours.EtInterior, Et.EtInterior>>,
  None<Unknown<ours.EtFont, Et.EtFont>>,
  None<Unknown<ours.EtValidation, Et.EtValidation>>,
  None<Unknown<ours.EtRange, Et.EtRange>>,
  None<Unknown<ReturnType<ours.EtRange["Borders"]["Item"]>, Et.EtBorder>>,
  None<Unknown<ours.EtComments, Et.EtComments>>,
  None<Unknown<ours.EtComment, Et.EtComment>>,
];
