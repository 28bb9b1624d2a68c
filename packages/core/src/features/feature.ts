/**
 * Features are named as Arm names them (`FEAT_SVE`, `FEAT_VHE`) and defined by the ID-register
 * fields they set. The ID registers are the single source of truth a guest sees; the set of
 * feature names on a CPU is what the model consults.
 */
export interface IdFieldValue {
  /** ID register name, e.g. `ID_AA64PFR0_EL1`. */
  reg: string;
  /** Field name as in the Arm ARM (documentation and error messages). */
  field: string;
  lsb: number;
  width: number;
  value: number;
}

export interface FeatureDef {
  name: string;
  description: string;
  /** Other features this one needs on the same CPU. */
  requires?: readonly string[];
  /**
   * Set on every CPU whether or not the config names it (architectural baseline). Its ID
   * fields are defaults that any other feature setting the same field overrides.
   */
  always?: boolean;
  idFields?: readonly IdFieldValue[];
}
