//! The indicator catalogue as data: what each indicator measures, how it is counted and where
//! its published twin is. `docs/indicators.md` is generated from it (`indicators::docs`).

use serde::Serialize;

/// Whether a figure describes a moment or the events of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// Counted at the as-at date (e.g. children on a plan at 31 March).
    Snapshot,
    /// Counted over the period ending at the as-at date (12 months unless stated).
    Events,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// numerator ÷ denominator × 100.
    Percent,
    /// numerator ÷ 0–17 population × 10,000.
    RatePer10k,
    /// Mean of the day counts of the records in the denominator.
    Days,
    /// A plain count (the numerator); there is no denominator.
    Count,
    /// numerator ÷ denominator (e.g. cases per worker).
    Ratio,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::RatePer10k => "per 10,000",
            Unit::Days => "days",
            Unit::Count => "count",
            Unit::Ratio => "ratio",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    HigherIsBetter,
    LowerIsBetter,
    /// Context, not performance (e.g. rates of children in need): no better or worse.
    Neutral,
}

/// How durations are counted (`csc-data-spec.md` §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayConvention {
    /// England and Wales working days, the start day being day 0.
    Working,
    /// Calendar days and months, with end-of-month clamping.
    Calendar,
    /// No duration is involved.
    None,
}

/// Service area, for grouping in outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Referrals,
    Assessment,
    ChildProtection,
    ChildrenInCare,
    CareLeavers,
    Adoption,
    Practice,
}

impl Area {
    pub fn label(self) -> &'static str {
        match self {
            Area::Referrals => "Contacts and referrals",
            Area::Assessment => "Assessment and child in need",
            Area::ChildProtection => "Child protection",
            Area::ChildrenInCare => "Children in care",
            Area::CareLeavers => "Care leavers",
            Area::Adoption => "Adoption",
            Area::Practice => "Practice and workforce",
        }
    }
}

/// Where the DfE publishes the same measure by local authority (a file in the layout of
/// `dfe-stats/`): the file (by the start of its name), the row (column = value filters) and the
/// value column.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Twin {
    /// Start of the published file's name, e.g. `c1_children_in_need_referrals`.
    pub source: &'static str,
    /// Column/value pairs that pick the row, besides the geography and year.
    pub filters: &'static [(&'static str, &'static str)],
    pub value: TwinValue,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TwinValue {
    /// The column holds the published figure in the indicator's unit.
    Column(&'static str),
    /// The column holds a count; the rate is count ÷ the 0–17 population the DfE published for
    /// the same area and year (the `population_estimate` of the children looked after file)
    /// × 10,000.
    PerTenThousand(&'static str),
}

/// One indicator of the catalogue.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Indicator {
    pub id: &'static str,
    pub title: &'static str,
    pub area: Area,
    /// Plain-English definition.
    pub definition: &'static str,
    pub numerator: &'static str,
    /// Empty for counts.
    pub denominator: &'static str,
    pub period: PeriodKind,
    pub unit: Unit,
    pub polarity: Polarity,
    pub days: DayConvention,
    /// A local target, in the indicator's unit, with the tolerance either side that still
    /// counts as on target.
    pub target: Option<f64>,
    pub tolerance: Option<f64>,
    /// Where the definition comes from.
    pub source: &'static str,
    /// The parameters (`Params` fields) this indicator reads.
    pub params: &'static [&'static str],
    pub twin: Option<Twin>,
}

/// Defaults the entries below override.
const BASE: Indicator = Indicator {
    id: "",
    title: "",
    area: Area::Referrals,
    definition: "",
    numerator: "",
    denominator: "",
    period: PeriodKind::Events,
    unit: Unit::Percent,
    polarity: Polarity::Neutral,
    days: DayConvention::None,
    target: None,
    tolerance: None,
    source: "",
    params: &[],
    twin: None,
};

const C1: &str = "c1_children_in_need_referrals";
const B1: &str = "b1_children_in_need";
const D3: &str = "d3_cpps_subsequent_plan";
const D5: &str = "d5_cpps_at31march_by_duration";
const CLA: &str = "cla_number_and_rate_per_10k";
const STABILITY: &str = "la_cla_placement_stability";
const LEAVERS: &str = "la_care_leavers_activity";
const CSWW: &str = "csww_indicators";
const EET_17_18: &[(&str, &str)] = &[
    ("care_leaver_age", "17 to 18 years"),
    ("breakdown", "Total in education, employment or training"),
];
const EET_19_21: &[(&str, &str)] = &[
    ("care_leaver_age", "19 to 21 years"),
    ("breakdown", "Total in education, employment or training"),
];
const PERIOD: &[&str] = &["period_months"];
const REFERRALS: Indicator = Indicator {
    area: Area::Referrals,
    numerator: "",
    denominator: "referrals with a referral date in the period",
    source:
        "CIN census CINdetails (ReferralSource); DfE Characteristics of children in need, table C1",
    params: PERIOD,
    polarity: Polarity::Neutral,
    ..BASE
};
const CLA_AT: Indicator = Indicator {
    area: Area::ChildrenInCare,
    period: PeriodKind::Snapshot,
    denominator: "children looked after at the as-at date (not only under short breaks V3/V4)",
    ..BASE
};
const OC2: Indicator = Indicator {
    area: Area::ChildrenInCare,
    denominator: "children looked after continuously for the 12 months to the as-at date (the 903 OC2 cohort, spec §3.5)",
    polarity: Polarity::HigherIsBetter,
    source: "SSDA903 OC2; DfE Outcomes for children in need, including children looked after",
    params: PERIOD,
    ..BASE
};
const LEAVER: Indicator = Indicator {
    area: Area::CareLeavers,
    polarity: Polarity::HigherIsBetter,
    source: "SSDA903 OC3; DfE Children looked after in England, care leavers tables",
    params: &[
        "period_months",
        "leaver_days_before_birthday",
        "leaver_days_after_birthday",
        "leaver_exclude_died_rhom",
    ],
    ..BASE
};
const ADOPTION: Indicator = Indicator {
    area: Area::Adoption,
    unit: Unit::Days,
    polarity: Polarity::LowerIsBetter,
    days: DayConvention::Calendar,
    denominator: "children adopted (episode ceased E11/E12) in the 3 years to the as-at date",
    params: &["adoption_years"],
    ..BASE
};

/// Every indicator, in the order reports show them.
pub static CATALOGUE: &[Indicator] = &[
    Indicator {
        id: "referrals_rate",
        title: "Referrals per 10,000 children",
        definition: "Referrals to children's social care received in the period, per 10,000 children aged 0–17. Every referral counts, including those ending in no further action.",
        numerator: "referrals with a referral date in the period",
        denominator: "0–17 population (mid-year estimate)",
        unit: Unit::RatePer10k,
        twin: Some(Twin { source: C1, filters: &[], value: TwinValue::PerTenThousand("referral_count") }),
        ..REFERRALS
    },
    Indicator {
        id: "rereferrals_12m",
        title: "Re-referrals within 12 months",
        definition: "Share of referrals in the period for a child who had an earlier referral within the 12 months before it (on or after the same date 12 months earlier).",
        numerator: "referrals in the period with an earlier referral of the same child on or after the referral date minus 12 months",
        polarity: Polarity::LowerIsBetter,
        params: &["period_months", "rereferral_months", "rereferral_counts_nfa"],
        twin: Some(Twin { source: C1, filters: &[], value: TwinValue::Column("rereferral_percent") }),
        ..REFERRALS
    },
    Indicator {
        id: "referrals_nfa",
        title: "Referrals ending in no further action",
        definition: "Share of referrals in the period that ended in no further action.",
        numerator: "referrals in the period recorded as no further action",
        twin: Some(Twin { source: C1, filters: &[], value: TwinValue::Column("no_further_action_percent") }),
        ..REFERRALS
    },
    Indicator {
        id: "referral_source_police",
        title: "Referrals from the police",
        definition: "Share of referrals in the period whose source was the police (ReferralSource 6).",
        numerator: "referrals in the period with source 6",
        ..REFERRALS
    },
    Indicator {
        id: "referral_source_schools",
        title: "Referrals from schools and education",
        definition: "Share of referrals in the period from schools or education services (2A, 2B).",
        numerator: "referrals in the period with source 2A or 2B",
        ..REFERRALS
    },
    Indicator {
        id: "referral_source_health",
        title: "Referrals from health services",
        definition: "Share of referrals in the period from health services (3A–3F).",
        numerator: "referrals in the period with source 3A–3F",
        ..REFERRALS
    },
    Indicator {
        id: "referral_source_la",
        title: "Referrals from local authority services",
        definition: "Share of referrals in the period from local authority services (5A–5D).",
        numerator: "referrals in the period with source 5A–5D",
        ..REFERRALS
    },
    Indicator {
        id: "referral_source_individual",
        title: "Referrals from individuals",
        definition: "Share of referrals in the period from individuals: family, acquaintances, the child, others (1A–1D).",
        numerator: "referrals in the period with source 1A–1D",
        ..REFERRALS
    },
    Indicator {
        id: "referral_source_other",
        title: "Referrals from housing, legal agencies, other, anonymous or unknown",
        definition: "Share of referrals in the period from housing (4), other legal agencies (7), other (8), anonymous (9) or unknown (10) sources.",
        numerator: "referrals in the period with source 4, 7, 8, 9 or 10",
        ..REFERRALS
    },
    Indicator {
        id: "assessments_45wd",
        title: "Assessments completed within 45 working days",
        area: Area::Assessment,
        definition: "Share of assessments completed (authorised) in the period that took 45 working days or fewer from their start; the start day is day 0, so an assessment finished the same day took 0.",
        numerator: "assessments authorised in the period with working days from start to authorisation ≤ 45",
        denominator: "assessments authorised in the period",
        polarity: Polarity::HigherIsBetter,
        days: DayConvention::Working,
        target: Some(90.0),
        tolerance: Some(5.0),
        source: "DfE Characteristics of children in need, table C2 (duration from assessment start)",
        params: &["period_months", "assessment_working_days"],
        ..BASE
    },
    Indicator {
        id: "assessment_working_days",
        title: "Average working days to complete an assessment",
        area: Area::Assessment,
        definition: "Mean working days from the start of an assessment to its authorisation, for assessments authorised in the period (start day = day 0).",
        numerator: "sum of the working days of assessments authorised in the period",
        denominator: "assessments authorised in the period",
        unit: Unit::Days,
        polarity: Polarity::LowerIsBetter,
        days: DayConvention::Working,
        source: "DfE Characteristics of children in need, table C2",
        params: PERIOD,
        ..BASE
    },
    Indicator {
        id: "s47_rate",
        title: "Section 47 enquiries per 10,000 children",
        area: Area::ChildProtection,
        definition: "Section 47 enquiries started in the period per 10,000 children aged 0–17 (each enquiry counts).",
        numerator: "section 47 enquiries with a start date in the period",
        denominator: "0–17 population",
        unit: Unit::RatePer10k,
        source: "DfE Characteristics of children in need, table C4",
        params: PERIOD,
        ..BASE
    },
    Indicator {
        id: "icpc_15wd",
        title: "Initial child protection conferences within 15 working days",
        area: Area::ChildProtection,
        definition: "Share of ICPCs held in the period that followed a section 47 enquiry and were held within 15 working days of its start (the strategy discussion). Transfer-in conferences, and conferences dated before their enquiry, are left out.",
        numerator: "ICPCs in the period ≤ 15 working days after the section 47 start",
        denominator: "ICPCs in the period following a section 47 enquiry of the council, dated on or after it",
        polarity: Polarity::HigherIsBetter,
        days: DayConvention::Working,
        target: Some(85.0),
        tolerance: Some(5.0),
        source: "DfE Characteristics of children in need, table C4; LG Inform 3217",
        params: &["period_months", "icpc_working_days"],
        ..BASE
    },
    Indicator {
        id: "cin_rate",
        title: "Children in need per 10,000 children",
        area: Area::Assessment,
        definition: "Children with a child in need episode (referral) open at the as-at date, per 10,000 children aged 0–17.",
        numerator: "children with a referral on or before the as-at date not closed by it",
        denominator: "0–17 population",
        period: PeriodKind::Snapshot,
        unit: Unit::RatePer10k,
        source: "DfE Characteristics of children in need, table B1",
        twin: Some(Twin { source: B1, filters: &[], value: TwinValue::PerTenThousand("At31_episodes") }),
        ..BASE
    },
    Indicator {
        id: "cp_rate",
        title: "Children on a child protection plan per 10,000 children",
        area: Area::ChildProtection,
        definition: "Children subject to a child protection plan of the council at the as-at date, per 10,000 children aged 0–17.",
        numerator: "children with a plan started on or before the as-at date and not ended by it",
        denominator: "0–17 population",
        period: PeriodKind::Snapshot,
        unit: Unit::RatePer10k,
        source: "DfE Characteristics of children in need, table D1/D5",
        twin: Some(Twin { source: D5, filters: &[], value: TwinValue::PerTenThousand("CPP_At31") }),
        ..BASE
    },
    Indicator {
        id: "cp_ended_2yrs",
        title: "Child protection plans lasting 2 years or more (at the end of the plan)",
        area: Area::ChildProtection,
        definition: "Share of plans ending in the period that had lasted 2 years or more (end ≥ start + 2 calendar years).",
        numerator: "plans ending in the period with end date ≥ start date + 2 years",
        denominator: "plans ending in the period",
        polarity: Polarity::LowerIsBetter,
        days: DayConvention::Calendar,
        source: "DfE Characteristics of children in need, table D7",
        params: PERIOD,
        ..BASE
    },
    Indicator {
        id: "cp_open_2yrs",
        title: "Child protection plans open for 2 years or more (at the as-at date)",
        area: Area::ChildProtection,
        definition: "Share of plans open at the as-at date that had by then lasted 2 years or more.",
        numerator: "plans open at the as-at date started on or before the as-at date minus 2 years",
        denominator: "plans open at the as-at date",
        period: PeriodKind::Snapshot,
        polarity: Polarity::LowerIsBetter,
        days: DayConvention::Calendar,
        source: "DfE Characteristics of children in need, table D5",
        twin: Some(Twin { source: D5, filters: &[], value: TwinValue::Column("2_years_or_more_percent") }),
        ..BASE
    },
    Indicator {
        id: "cp_second_ever",
        title: "Second or subsequent child protection plans (ever)",
        area: Area::ChildProtection,
        definition: "Share of plans starting in the period for a child who had been the subject of a plan of the council before, however long ago.",
        numerator: "plans starting in the period whose child had an earlier plan (or NumberOfPreviousCPP ≥ 1)",
        denominator: "plans starting in the period",
        polarity: Polarity::LowerIsBetter,
        source: "DfE Characteristics of children in need, table D3; LG Inform 100 (former NI 65)",
        params: PERIOD,
        twin: Some(Twin { source: D3, filters: &[], value: TwinValue::Column("CPP_subsequent_percent") }),
        ..BASE
    },
    Indicator {
        id: "cp_second_2yrs",
        title: "Second or subsequent child protection plans within 2 years",
        area: Area::ChildProtection,
        definition: "Share of plans starting in the period for a child whose previous plan ended within the 2 years before (previous end ≥ new start − 2 years).",
        numerator: "plans starting in the period whose child's earlier plan ended on or after the start minus 2 years",
        denominator: "plans starting in the period",
        polarity: Polarity::LowerIsBetter,
        days: DayConvention::Calendar,
        source: "Local measure; spec §5.2 (definition UNCERTAIN, parameterised)",
        params: &["period_months", "second_plan_years"],
        ..BASE
    },
    Indicator {
        id: "cp_reviews_on_time",
        title: "Child protection reviews held on time",
        area: Area::ChildProtection,
        definition: "Share of child protection reviews due in the period that were held by their due date. The due date is the one recorded, or else 3 months after the plan started (first review) and 6 months after the previous review; a review due and not held by the as-at date is late.",
        numerator: "reviews due in the period held on or before their due date",
        denominator: "reviews due in the period (held, or due before the as-at date and not held)",
        polarity: Polarity::HigherIsBetter,
        days: DayConvention::Calendar,
        target: Some(98.0),
        tolerance: Some(2.0),
        source: "COLLECT key indicator 'CPPs reviewed within timescales'; Working Together",
        params: &["period_months", "cp_first_review_months", "cp_review_interval_months"],
        ..BASE
    },
    Indicator {
        id: "cp_visits_on_time",
        title: "Children on a plan visited within 10 working days",
        area: Area::ChildProtection,
        definition: "Share of children on a plan at the as-at date whose last visit in which they were seen (or the plan's start, if later) was within 10 working days of the as-at date.",
        numerator: "plans open at the as-at date with working days from the later of the plan start and the last seen visit ≤ 10",
        denominator: "plans open at the as-at date",
        period: PeriodKind::Snapshot,
        polarity: Polarity::HigherIsBetter,
        days: DayConvention::Working,
        target: Some(90.0),
        tolerance: Some(5.0),
        source: "Local measure (Annex A List 7 last statutory visit; spec §5.2)",
        params: &["cp_visit_days", "cp_visit_working_days", "visits_require_seen"],
        ..BASE
    },
    Indicator {
        id: "cla_rate",
        title: "Children looked after per 10,000 children",
        definition: "Children looked after at the as-at date, other than under an agreed series of short breaks, per 10,000 children aged 0–17.",
        numerator: "children looked after at the as-at date",
        denominator: "0–17 population",
        unit: Unit::RatePer10k,
        source: "DfE Children looked after in England; LG Inform 891",
        twin: Some(Twin { source: CLA, filters: &[("population_type", "Children looked after on 31 March each year")], value: TwinValue::Column("rate_per_10000") }),
        ..CLA_AT
    },
    Indicator {
        id: "cla_started_rate",
        title: "Children starting to be looked after per 10,000 children",
        area: Area::ChildrenInCare,
        definition: "Children who started to be looked after in the period (a child counts once), per 10,000 children aged 0–17.",
        numerator: "children with an episode starting care (RNE S) in the period",
        denominator: "0–17 population",
        unit: Unit::RatePer10k,
        source: "DfE Children looked after in England",
        params: PERIOD,
        twin: Some(Twin { source: CLA, filters: &[("population_type", "Children starting to be looked after each year")], value: TwinValue::Column("rate_per_10000") }),
        ..BASE
    },
    Indicator {
        id: "cla_ceased_rate",
        title: "Children ceasing to be looked after per 10,000 children",
        area: Area::ChildrenInCare,
        definition: "Children who ceased to be looked after in the period (a child counts once), per 10,000 children aged 0–17.",
        numerator: "children with an episode ending care (reason other than X1) in the period",
        denominator: "0–17 population",
        unit: Unit::RatePer10k,
        source: "DfE Children looked after in England",
        params: PERIOD,
        twin: Some(Twin { source: CLA, filters: &[("population_type", "Children ceasing to be looked after each year")], value: TwinValue::Column("rate_per_10000") }),
        ..BASE
    },
    Indicator {
        id: "cla_3plus_placements",
        title: "Children in care with 3 or more placements in the year",
        definition: "Share of children looked after at the as-at date who had 3 or more placements in the period: the placement in force at its start counts one and each later change of carer (RNE P or B, or a new period of care) one more; changes of legal status only or of placement with the same carer do not.",
        numerator: "children looked after at the as-at date with ≥ 3 placements in the period",
        polarity: Polarity::LowerIsBetter,
        target: Some(10.0),
        tolerance: Some(1.0),
        source: "DfE Children looked after in England, placement stability; LG Inform 850 (former NI 62)",
        params: &["period_months", "count_temporary_moves"],
        twin: Some(Twin { source: STABILITY, filters: &[("cla_group", "CLA on 31 March"), ("placement_stability", "With 3 or more placements during the year")], value: TwinValue::Column("children_percent") }),
        ..CLA_AT
    },
    Indicator {
        id: "cla_long_term_stability",
        title: "Long-term placement stability",
        definition: "Of children under 16 at the as-at date looked after for 2.5 years or more, the share who had lived in the same placement for 2 years or more (or, placed for adoption, in that and the placement before together).",
        numerator: "those whose current carer's placement began on or before the as-at date minus 2 years",
        denominator: "children looked after at the as-at date, aged under 16, in care for 30 months or more",
        polarity: Polarity::HigherIsBetter,
        days: DayConvention::Calendar,
        target: Some(70.0),
        tolerance: Some(3.0),
        source: "DfE Children looked after in England, placement stability; former NI 63",
        params: &["long_term_care_months", "long_term_placement_years", "long_term_under_age"],
        twin: Some(Twin { source: STABILITY, filters: &[("cla_group", "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years"), ("placement_stability", "Living with the same carer for at least 2 years")], value: TwinValue::Column("children_percent") }),
        ..CLA_AT
    },
    Indicator {
        id: "cla_missing",
        title: "Children in care who went missing",
        area: Area::ChildrenInCare,
        definition: "Share of children looked after at any time in the period who had a missing incident (type M) starting in it.",
        numerator: "children with a missing (M) incident starting in the period",
        denominator: "children looked after at any time in the period",
        polarity: Polarity::LowerIsBetter,
        source: "SSDA903 Missing; DfE Children looked after in England, table G1",
        params: PERIOD,
        ..BASE
    },
    Indicator {
        id: "cla_away",
        title: "Children in care away from placement without authorisation",
        area: Area::ChildrenInCare,
        definition: "Share of children looked after at any time in the period who were away from placement without authorisation (type A), an incident starting in the period.",
        numerator: "children with an away (A) incident starting in the period",
        denominator: "children looked after at any time in the period",
        polarity: Polarity::LowerIsBetter,
        source: "SSDA903 Missing; DfE Children looked after in England, table G1",
        params: PERIOD,
        ..BASE
    },
    Indicator {
        id: "missing_rhi_offered",
        title: "Return home interviews offered",
        area: Area::ChildrenInCare,
        definition: "Share of missing or away episodes ending in the period after which a return home interview was offered (statutory guidance: within 72 hours of return; the record holds whether it was offered).",
        numerator: "episodes ending in the period with an interview offered",
        denominator: "missing or away episodes ending in the period",
        polarity: Polarity::HigherIsBetter,
        target: Some(100.0),
        tolerance: Some(5.0),
        source: "SSDA903 Missing (MIS_RHI_OFFERED); statutory guidance on children who run away or go missing",
        params: PERIOD,
        ..BASE
    },
    Indicator {
        id: "missing_rhi_accepted",
        title: "Return home interviews accepted",
        area: Area::ChildrenInCare,
        definition: "Of episodes ending in the period after which an interview was offered, the share where it was accepted.",
        numerator: "episodes ending in the period with an interview offered and accepted",
        denominator: "episodes ending in the period with an interview offered",
        polarity: Polarity::HigherIsBetter,
        source: "SSDA903 Missing (MIS_RHI_ACCEPTED)",
        params: PERIOD,
        ..BASE
    },
    Indicator {
        id: "oc2_health_assessment",
        title: "Annual health assessment (children in care 12 months)",
        definition: "Share of children looked after continuously for 12 months whose annual health assessment was completed in the period.",
        numerator: "those with a completed health assessment dated in the period",
        ..OC2
    },
    Indicator {
        id: "oc2_dental_check",
        title: "Dental check (children in care 12 months)",
        definition: "Share of children looked after continuously for 12 months whose teeth were checked by a dentist in the period.",
        numerator: "those with a completed dental check dated in the period",
        ..OC2
    },
    Indicator {
        id: "oc2_immunisations",
        title: "Immunisations up to date (children in care 12 months)",
        definition: "Share of children looked after continuously for 12 months whose immunisations were up to date (latest status recorded by the as-at date).",
        numerator: "those whose latest immunisation status is up to date",
        ..OC2
    },
    Indicator {
        id: "oc2_sdq",
        title: "SDQ score recorded (children in care 12 months, aged 5–16)",
        definition: "Share of children aged 5 to 16 looked after continuously for 12 months whose latest Strengths and Difficulties Questionnaire in the period has a score.",
        numerator: "those whose latest SDQ in the period has a score",
        denominator: "the OC2 cohort aged 5 to 16 at the as-at date",
        params: &["period_months", "sdq_min_age", "sdq_max_age"],
        ..OC2
    },
    Indicator {
        id: "cla_health_up_to_date",
        title: "Health assessments up to date",
        definition: "Share of children in care at the as-at date whose health assessment is up to date: the last within 6 months for under-5s and 12 months for older children; a child new to care is not due until 20 working days after entering care.",
        numerator: "children whose next health assessment is not yet overdue",
        polarity: Polarity::HigherIsBetter,
        days: DayConvention::Calendar,
        target: Some(95.0),
        tolerance: Some(3.0),
        source: "Local measure (spec §5.6: 6 months under 5, 12 months 5 and over); statutory guidance on promoting the health of looked-after children",
        params: &["health_months_under5", "health_months_5plus", "initial_health_working_days"],
        ..CLA_AT
    },
    Indicator {
        id: "cla_visits_on_time",
        title: "Children in care visited on time",
        definition: "Share of children in care at the as-at date seen within 6 weeks of their last visit in the current placement, or, not yet visited there, within a week of moving in.",
        numerator: "children whose last seen visit in the placement is ≤ 42 days ago, or unvisited and placed ≤ 7 days ago",
        polarity: Polarity::HigherIsBetter,
        days: DayConvention::Calendar,
        target: Some(95.0),
        tolerance: Some(3.0),
        source: "Local measure; Care Planning, Placement and Case Review Regulations 2010, reg. 28",
        params: &["cla_visit_interval_days", "cla_first_visit_days", "visits_require_seen"],
        ..CLA_AT
    },
    Indicator {
        id: "cla_reviews_on_time",
        title: "Children in care reviews held on time",
        area: Area::ChildrenInCare,
        definition: "Share of looked-after reviews due in the period that were held (not cancelled) by their due date; a review due before the as-at date and not held is late.",
        numerator: "reviews due in the period held on or before their due date",
        denominator: "reviews due in the period (held, or due before the as-at date and not held)",
        polarity: Polarity::HigherIsBetter,
        days: DayConvention::Calendar,
        target: Some(98.0),
        tolerance: Some(2.0),
        source: "Local measure; Care Planning Regulations 2010, reg. 33",
        params: PERIOD,
        ..BASE
    },
    Indicator {
        id: "leavers_in_touch_17_18",
        title: "Care leavers aged 17–18 in touch",
        definition: "Share of care leavers whose 17th or 18th birthday fell in the period with whom the council was in touch around it.",
        numerator: "those recorded in touch (YES) in the contact nearest the birthday",
        denominator: "care leavers whose 17th or 18th birthday fell in the period (out of care by it), less those who died or returned home",
        ..LEAVER
    },
    Indicator {
        id: "leavers_in_touch_19_21",
        title: "Care leavers aged 19–21 in touch",
        definition: "Share of care leavers whose 19th, 20th or 21st birthday fell in the period with whom the council was in touch around it.",
        numerator: "those recorded in touch (YES) in the contact nearest the birthday",
        denominator: "care leavers whose 19th–21st birthday fell in the period, less those who died or returned home",
        ..LEAVER
    },
    Indicator {
        id: "leavers_suitable_17_18",
        title: "Care leavers aged 17–18 in suitable accommodation",
        definition: "Share of the 17–18 care leaver cohort whose accommodation around the birthday was suitable.",
        numerator: "those whose accommodation was recorded as suitable",
        denominator: "care leavers whose 17th or 18th birthday fell in the period, less those who died or returned home",
        ..LEAVER
    },
    Indicator {
        id: "leavers_suitable_19_21",
        title: "Care leavers aged 19–21 in suitable accommodation",
        definition: "Share of the 19–21 care leaver cohort whose accommodation around the birthday was suitable.",
        numerator: "those whose accommodation was recorded as suitable",
        denominator: "care leavers whose 19th–21st birthday fell in the period, less those who died or returned home",
        ..LEAVER
    },
    Indicator {
        id: "leavers_eet_17_18",
        title: "Care leavers aged 17–18 in education, employment or training",
        definition: "Share of the 17–18 care leaver cohort in education, employment or training around the birthday (activity F1, P1, F2, P2, F4, P4, F5, P5).",
        numerator: "those whose activity was education, employment or training",
        denominator: "care leavers whose 17th or 18th birthday fell in the period, less those who died or returned home",
        twin: Some(Twin { source: LEAVERS, filters: EET_17_18, value: TwinValue::Column("care_leaver_percent") }),
        ..LEAVER
    },
    Indicator {
        id: "leavers_eet_19_21",
        title: "Care leavers aged 19–21 in education, employment or training",
        definition: "Share of the 19–21 care leaver cohort in education, employment or training around the birthday.",
        numerator: "those whose activity was education, employment or training",
        denominator: "care leavers whose 19th–21st birthday fell in the period, less those who died or returned home",
        twin: Some(Twin { source: LEAVERS, filters: EET_19_21, value: TwinValue::Column("care_leaver_percent") }),
        ..LEAVER
    },
    Indicator {
        id: "pathway_plans_reviewed",
        title: "Care leavers with a pathway plan reviewed in the last 6 months",
        definition: "Share of current care leavers (relevant or former relevant, contact within 12 months, still receiving services) whose pathway plan was reviewed within 6 months of the as-at date.",
        numerator: "those whose latest pathway plan review is on or after the as-at date minus 6 months",
        denominator: "current care leavers at the as-at date",
        period: PeriodKind::Snapshot,
        days: DayConvention::Calendar,
        target: Some(95.0),
        tolerance: Some(3.0),
        source: "Local measure; Care Leavers (England) Regulations 2010",
        params: &["pathway_review_months", "leaver_current_months"],
        ..LEAVER
    },
    Indicator {
        id: "adoption_a1",
        title: "A1: days from entering care to moving in with the adoptive family",
        definition: "Mean days between entering care and moving in with the adoptive family (first placement for adoption, A3–A6), for children adopted in the 3 years to the as-at date.",
        numerator: "sum of those days",
        source: "Adoption scorecard A1",
        ..ADOPTION
    },
    Indicator {
        id: "adoption_a10",
        title: "A10: days from entering care to moving in with the adoptive family, adjusted for foster carer adoptions",
        definition: "As A1, but for a child adopted by their foster carers the clock stops on the day they moved in with them as foster carers.",
        numerator: "sum of those days",
        target: Some(426.0),
        tolerance: Some(30.0),
        source: "Adoption and special guardianship leadership board (ASGLB) A10",
        ..ADOPTION
    },
    Indicator {
        id: "adoption_a2",
        title: "A2: days from court authority to place to matching",
        definition: "Mean days between the council receiving court authority to place (placement or freeing order, legal status E1/D1) and matching the child with adopters (0 if matched first), for children adopted in the 3 years to the as-at date who had such an order and were placed for adoption.",
        numerator: "sum of those days",
        denominator: "children adopted in the 3 years with a placement or freeing order and a match date",
        target: Some(121.0),
        tolerance: Some(15.0),
        source: "Adoption scorecard A2; LG Inform 912",
        ..ADOPTION
    },
    Indicator {
        id: "unallocated_cases",
        title: "Unallocated open cases",
        area: Area::Practice,
        definition: "Children with an open case (child in need episode) at the as-at date and no allocated worker then.",
        numerator: "open cases without an allocation open at the as-at date",
        period: PeriodKind::Snapshot,
        unit: Unit::Count,
        polarity: Polarity::LowerIsBetter,
        target: Some(0.0),
        tolerance: Some(5.0),
        source: "Local measure (Annex A allocated worker)",
        ..BASE
    },
    Indicator {
        id: "caseload_per_worker",
        title: "Average caseload per allocated worker",
        area: Area::Practice,
        definition: "Allocated open cases at the as-at date divided by the number of workers holding at least one. The DfE's workforce statistics divide by case-holding FTE instead.",
        numerator: "open cases allocated to a worker at the as-at date",
        denominator: "workers holding at least one open case",
        period: PeriodKind::Snapshot,
        unit: Unit::Ratio,
        polarity: Polarity::LowerIsBetter,
        target: Some(17.0),
        tolerance: Some(2.0),
        source: "Local measure; DfE Children's social work workforce (caseload per FTE)",
        twin: Some(Twin { source: CSWW, filters: &[], value: TwinValue::Column("caseload_fte") }),
        ..BASE
    },
    Indicator {
        id: "many_workers_12m",
        title: "Children with 3 or more social workers in 12 months",
        area: Area::Practice,
        definition: "Share of children with an open case at the as-at date who had 3 or more different allocated workers in the 12 months to it.",
        numerator: "open cases whose child had ≥ 3 distinct allocated workers in the 12 months",
        denominator: "children with an open case at the as-at date",
        period: PeriodKind::Snapshot,
        polarity: Polarity::LowerIsBetter,
        source: "Local measure (Ofsted: changes of social worker)",
        params: &["many_workers"],
        ..BASE
    },
];

/// The whole catalogue.
pub fn catalogue() -> &'static [Indicator] {
    CATALOGUE
}

/// The indicator with this id.
pub fn find(id: &str) -> Option<&'static Indicator> {
    CATALOGUE.iter().find(|i| i.id == id)
}
