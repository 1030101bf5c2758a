//! The exact cell strings Annex A uses for coded columns (`csc-data-spec.md` §1.2), keyed by
//! the case model's code. One table per code list, so the writer and the reader share them.

use model::codes::*;

/// One Annex A code list: the model code each cell stands for, and the cell as Ofsted writes it.
pub struct CellList {
    pub name: &'static str,
    pub cells: &'static [(&'static str, &'static str)],
}

impl CellList {
    /// The cell for a model code, if the Annex A list has one.
    pub fn cell(&self, code: &str) -> Option<&'static str> {
        self.cells.iter().find(|(c, _)| *c == code).map(|(_, s)| *s)
    }
}

/// The cell for `value`; a code Annex A has not caught up with (903 codes added since the
/// template, spec §1.2 UNCERTAIN) is carried through as `CODE: label`.
pub fn cell<C: Code>(list: &CellList, value: C) -> String {
    list.cell(value.code())
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}: {}", value.code(), value.label()))
}

pub const GENDER: CellList = CellList {
    name: "Gender",
    cells: &[
        ("M", "a) Male"),
        ("F", "b) Female"),
        ("U", "c) Not stated/recorded"),
    ],
};

pub const ETHNICITY: CellList = CellList {
    name: "Ethnicity",
    cells: &[
        ("WBRI", "a) WBRI"),
        ("WIRI", "b) WIRI"),
        ("WIRT", "c) WIRT"),
        ("WOTH", "d) WOTH"),
        ("WROM", "e) WROM"),
        ("MWBC", "f) MWBC"),
        ("MWBA", "g) MWBA"),
        ("MWAS", "h) MWAS"),
        ("MOTH", "i) MOTH"),
        ("AIND", "j) AIND"),
        ("APKN", "k) APKN"),
        ("ABAN", "l) ABAN"),
        ("AOTH", "m) AOTH"),
        ("BCRB", "n) BCRB"),
        ("BAFR", "o) BAFR"),
        ("BOTH", "p) BOTH"),
        ("CHNE", "q) CHNE"),
        ("OOTH", "r) OOTH"),
        // The two tools disagree (both `s)`, or `s)` and `t)`); spec §1.2 recommends these.
        ("REFU", "s) REFU"),
        ("NOBT", "t) NOBT"),
    ],
};

pub const YES_NO: CellList = CellList {
    name: "Yes/No",
    cells: &[("Y", "a) Yes"), ("N", "b) No"), ("U", "c) Unknown")],
};

pub const SOURCE: CellList = CellList {
    name: "Contact/Referral Source",
    cells: &[
        ("1A", "a) 1A: Individual"),
        ("1B", "b) 1B: Individual"),
        ("1C", "c) 1C: Individual"),
        ("1D", "d) 1D: Individual"),
        ("2A", "e) 2A: Schools"),
        ("2B", "f) 2B: Education services"),
        ("3A", "g) 3A: Health services"),
        ("3B", "h) 3B: Health services"),
        ("3C", "i) 3C: Health services"),
        ("3D", "j) 3D: Health services"),
        ("3E", "k) 3E: Health services"),
        ("3F", "l) 3F: Health services"),
        ("4", "m) 4: Housing"),
        ("5A", "n) 5A: LA services"),
        ("5B", "o) 5B: LA services"),
        ("5C", "p) 5C: LA services"),
        ("5D", "p1) 5D: LA services"),
        ("6", "q) 6: Police"),
        ("7", "r) 7: Other legal agency"),
        ("8", "s) 8: Other"),
        ("9", "t) 9: Anonymous"),
        ("10", "u) 10: Unknown"),
    ],
};

pub const NEED: CellList = CellList {
    name: "Primary Need Code",
    cells: &[
        ("N1", "N1 - Abuse or neglect"),
        ("N2", "N2 - Child's disability"),
        ("N3", "N3 - Parental disability or illness"),
        ("N4", "N4 - Family in acute stress"),
        ("N5", "N5 - Family dysfunction"),
        ("N6", "N6 - Socially unacceptable behaviour"),
        ("N7", "N7 - Low income"),
        ("N8", "N8 - Absent parenting"),
        ("N9", "N9 - Cases other than children in need"),
        ("N0", "N0 - Not stated"),
    ],
};

pub const CLOSURE: CellList = CellList {
    name: "Reason for Closure",
    cells: &[
        ("RC1", "RC1 - Adopted"),
        ("RC2", "RC2 - Died"),
        ("RC3", "RC3 - Child arrangements order"),
        ("RC4", "RC4 - Special guardianship order"),
        (
            "RC5",
            "RC5 - Transferred to services of another local authority",
        ),
        ("RC6", "RC6 - Transferred to adult social care services"),
        (
            "RC7",
            "RC7 - Services ceased for any other reason, including child no longer in need",
        ),
        (
            "RC8",
            "RC8 - Case closed after assessment, no further action",
        ),
        (
            "RC9",
            "RC9 - Case closed after assessment, referred to early help",
        ),
    ],
};

/// List 6 Case Status; keyed by Sightline's own names for the five states.
pub const CASE_STATUS: CellList = CellList {
    name: "Case Status",
    cells: &[
        ("CLA", "a) Looked after child"),
        ("CP", "b) Child Protection plan"),
        ("CIN", "c) Child in need plan"),
        ("ASSESSMENT", "d) Open assessment"),
        ("CLOSED", "e) Closed episode"),
    ],
};

pub const ABUSE: CellList = CellList {
    name: "Category of Abuse",
    cells: &[
        ("NEG", "a) Neglect"),
        ("PHY", "b) Physical abuse"),
        ("SAB", "c) Sexual abuse"),
        ("EMO", "d) Emotional abuse"),
        ("MUL", "e) Multiple/not recommended"),
    ],
};

pub const LEGAL_STATUS: CellList = CellList {
    name: "Child's Legal Status",
    cells: &[
        ("C1", "C1: ICO"),
        ("C2", "C2: FCO"),
        ("D1", "D1: Freeing order"),
        ("E1", "E1: Placement order"),
        ("V2", "V2: Single period under S20"),
        ("V3", "V3: Short term breaks, episodes recorded"),
        ("V4", "V4: Short term breaks, agreements recorded"),
        ("L1", "L1: Police protection LA accommodation"),
        ("L2", "L2: EPO"),
        ("L3", "L3: Child assessment order LA accommodation"),
        ("J1", "J1: Remanded to LA or youth detention"),
        ("J2", "J2: LA accommodation under PACE"),
        ("J3", "J3: Youth rehabilitation order"),
    ],
};

pub const PERMANENCE_PLAN: CellList = CellList {
    name: "Permanence plan",
    cells: &[
        ("RETURN_TO_FAMILY", "a) Return to family"),
        ("ADOPTION", "b) Adoption"),
        ("SGO_CAO", "c) SGO/CAO"),
        ("SUPPORTED_LIVING", "d) Supported living in the community"),
        (
            "LONG_TERM_RESIDENTIAL",
            "e) Long-term residential placement",
        ),
        ("LONG_TERM_FOSTERING", "f) Long-term fostering"),
        ("OTHER", "g) other"),
    ],
};

pub const REASON_CEASED: CellList = CellList {
    name: "Reason Ceased to be Looked After",
    cells: &[
        ("E11", "a) E11: Adopted - application unopposed"),
        ("E12", "b) E12: Adopted - consent dispensed"),
        ("E2", "c) E2: Died"),
        ("E3", "d) E3: Care taken by another LA"),
        (
            "E4A",
            "e) E4A: Returned home to live with parents or relatives - part of planning",
        ),
        (
            "E4B",
            "f) E4B: Returned home to live with parents or relatives - not part of planning",
        ),
        (
            "E13",
            "g) E13: Parents, relatives or other with no parental responsibility",
        ),
        ("E41", "h) E41: Residence order granted"),
        (
            "E45",
            "i) E45: Special Guardianship Orders - former carer relative/friend",
        ),
        (
            "E46",
            "j) E46: Special Guardianship Orders - former carer other",
        ),
        (
            "E47",
            "k) E47: Special Guardianship Orders - relative/friend",
        ),
        ("E48", "l) E48: Special Guardianship Orders - other"),
        ("E5", "m) E5: Moved into independent living - supported"),
        ("E6", "n) E6: Moved into independent living - no support"),
        (
            "E7",
            "o) E7: Transferred to residential care funded by adult social services",
        ),
        ("E9", "p) E9: Sentenced to custody"),
        ("E14", "q) E14: Accommodation on remand ended"),
        (
            "E15",
            "r) E15: Age assessment determined child was 18 or over",
        ),
        ("E16", "s) E16: Child moved abroad"),
        ("E8", "t) E8: Care ceased for any other reason"),
        ("X1", "u) X1: CodeError"),
        ("E17", "v) E17: Aged 18+ and remained with current carers"),
    ],
};

pub const PLACEMENT_TYPE: CellList = CellList {
    name: "Placement Type",
    cells: &[
        ("U1", "a) U1: Foster placement - relatives - long term"),
        ("U2", "b) U2: Foster placement - relative - FFA"),
        ("U3", "c) U3: Foster placement - relative - not FFA"),
        ("U4", "d) U4: Foster placement - long term"),
        ("U5", "e) U5: Foster placement - FFA"),
        ("U6", "f) U6: Foster placement - not FFA"),
        (
            "A3",
            "g) A3: Placed for adoption - consent - current foster",
        ),
        ("A4", "h) A4: Placed for adoption - consent - not foster"),
        ("A5", "i) A5: Placed for adoption - order - foster"),
        ("A6", "j) A6: Placed for adoption - order - not foster"),
        ("P1", "k) P1: Placed with parents"),
        ("P2", "l) P2: Independent living"),
        ("P3", "m) P3: Residential employment"),
        ("H5", "n) H5: Residential accommodation"),
        ("K1", "o) K1: Secure Children's Homes"),
        ("K2", "p) K2: Children's Homes"),
        ("R1", "q) R1: Residential Care Home"),
        ("R2", "r) R2: NHS/Health Trust"),
        ("R3", "s) R3: Family Centre or Mother and Baby Unit"),
        ("R5", "t) R5: Young Offender Institution"),
        ("S1", "u) S1: Residential school"),
        ("Z1", "v) Z1: Other placements"),
        ("T0", "w) T0: Temporary placement"),
        ("T1", "x) T1: Temporary placement - hospital"),
        ("T2", "y) T2: Temporary placement - holiday"),
        ("T3", "z) T3: Temporary placement - carer holiday"),
        ("T4", "zz) T4: Temporary placement - seven days or less"),
    ],
};

pub const PROVIDER: CellList = CellList {
    name: "Placement Provider",
    cells: &[
        ("PR0", "a) PR0: Parents/Parental responsibility"),
        ("PR1", "b) PR1: Own provision"),
        ("PR2", "c) PR2: Other LA provision"),
        ("PR3", "d) PR3: Other public provision"),
        ("PR4", "e) PR4: Private provision"),
        ("PR5", "f) PR5: Voluntary/third sector"),
    ],
};

pub const LOCATION: CellList = CellList {
    name: "Placement Location",
    cells: &[("IN", "a) In"), ("OUT", "b) Out")],
};

pub const ELIGIBILITY: CellList = CellList {
    name: "Eligibility Category",
    cells: &[
        ("RELEVANT", "a) Relevant child"),
        ("FORMER_RELEVANT", "b) Former relevant child"),
        ("QUALIFYING", "c) Qualifying care leaver"),
        ("ELIGIBLE", "d) Eligible child"),
    ],
};

pub const IN_TOUCH: CellList = CellList {
    name: "LA in Touch",
    cells: &[
        ("YES", "a) Yes"),
        ("NO", "b) No"),
        ("DIED", "c) Died"),
        ("REFU", "d) Refu"),
        ("NREQ", "e) NREQ"),
        ("RHOM", "f) Rhom"),
    ],
};

pub const ACCOMMODATION: CellList = CellList {
    name: "Type of Accommodation",
    cells: &[
        ("B", "B: Parents/relatives"),
        ("C", "C: Community home/residential care"),
        (
            "D",
            "D: Semi-independent, transitional accommodation and self-contained accommodation",
        ),
        ("E", "E: Supported lodgings"),
        ("G", "G: Abroad"),
        ("H", "H: Deported"),
        ("K", "K: Ordinary lodgings, without formal support"),
        ("R", "R: Residence not known"),
        ("S", "S: No fixed abode / homeless"),
        ("T", "T: Foyers and similar supported accommodation"),
        ("U", "U: Independent living"),
        ("V", "V: Emergency accommodation"),
        ("W", "W: Bed and breakfast"),
        ("X", "X: In custody"),
        ("Y", "Y: Other accommodation"),
        ("Z", "Z: With former foster carers"),
    ],
};

pub const SUITABILITY: CellList = CellList {
    name: "Suitability of Accommodation",
    cells: &[("1", "a) Suitable"), ("2", "b) Unsuitable")],
};

pub const ACTIVITY: CellList = CellList {
    name: "Activity Status",
    cells: &[
        ("F1", "F1: Full time in higher education"),
        ("P1", "P1: Part time in higher education"),
        ("F2", "F2: Full time in education other than higher"),
        ("P2", "P2: Part time in education other than higher"),
        (
            "F4",
            "F4: Young person engaged full time in an apprenticeship",
        ),
        (
            "P4",
            "P4: Young person engaged part time in an apprenticeship",
        ),
        (
            "F5",
            "F5: Young person engaged full time in training or employment (not apprenticeship)",
        ),
        (
            "P5",
            "P5: Young person engaged part time in training or employment (not apprenticeship)",
        ),
        (
            "G4",
            "G4: Not in education, employment or training - illness or disability",
        ),
        ("G5", "G5: Not in education, employment or training - other"),
        (
            "G6",
            "G6: Not in education, employment or training - pregnancy or parenting",
        ),
    ],
};

pub const NO_LONGER_PLACED: CellList = CellList {
    name: "Reason Why Child No Longer Placed for Adoption",
    cells: &[
        (
            "RD1",
            "RD1 - The child\u{2019}s needs changed subsequent to the decision",
        ),
        ("RD2", "RD2 - The Court did not make a placement order"),
        ("RD3", "RD3 - Prospective adopters could not be found"),
        ("RD4", "RD4 - Any other reason"),
    ],
};

pub const LEAVING_REASON: CellList = CellList {
    name: "Reason for leaving adoption process",
    cells: &[
        ("1", "1 - Adopter withdrew from process"),
        ("2", "2 - Process put on hold"),
        ("3", "3 - Application refused"),
    ],
};

/// `a) Yes` / `b) No`.
pub fn yes_no(b: bool) -> String {
    YES_NO.cells[if b { 0 } else { 1 }].1.to_string()
}

/// The cell for a model yes/no.
pub fn yes_no_of(v: YesNo) -> String {
    yes_no(v.is_yes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every model code of the lists Annex A shares with the returns has its Annex A cell, so
    /// nothing falls back to the `CODE: label` form except codes newer than the template.
    #[test]
    fn model_codes_have_annex_a_cells() {
        fn all<C: Code>(list: &CellList, except: &[&str]) {
            for c in C::ALL {
                if !except.contains(&c.code()) {
                    assert!(list.cell(c.code()).is_some(), "{}: {}", list.name, c.code());
                }
            }
        }
        all::<Sex>(&GENDER, &[]);
        all::<Ethnicity>(&ETHNICITY, &[]);
        all::<ReferralSource>(&SOURCE, &[]);
        all::<PrimaryNeed>(&NEED, &[]);
        all::<ClosureReason>(&CLOSURE, &[]);
        all::<CpCategory>(&ABUSE, &[]);
        all::<PermanencePlan>(&PERMANENCE_PLAN, &[]);
        all::<ReasonEpisodeCeased>(&REASON_CEASED, &[]);
        all::<PlacementProvider>(&PROVIDER, &[]);
        all::<CareLeaverEligibility>(&ELIGIBILITY, &[]);
        all::<InTouch>(&IN_TOUCH, &[]);
        all::<AccommodationType>(&ACCOMMODATION, &[]);
        all::<Suitability>(&SUITABILITY, &[]);
        all::<CareLeaverActivity>(&ACTIVITY, &["0"]);
        all::<ReasonNoLongerPlaced>(&NO_LONGER_PLACED, &[]);
        all::<AdopterLeavingReason>(&LEAVING_REASON, &[]);
        // Placement types and legal statuses newer than the template are carried through.
        let newer = PlacementType::ALL
            .iter()
            .filter(|p| PLACEMENT_TYPE.cell(p.code()).is_none())
            .map(|p| p.code())
            .collect::<Vec<_>>();
        assert!(newer
            .iter()
            .all(|c| c.starts_with('K') || c.starts_with('Z')));
        assert_eq!(
            cell(&PLACEMENT_TYPE, PlacementType::K3),
            format!("K3: {}", PlacementType::K3.label())
        );
    }
}
