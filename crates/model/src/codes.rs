//! DfE and Ofsted code lists as enums.
//!
//! Each code knows its exact wire string, a plain-English label and the collection years in which
//! it is valid (a year is named by the calendar year in which it ends: 2025 = 2024-25), so readers
//! reject unknown codes at the edge and later layers never handle raw strings.
//! Sources: `csc-data-spec.md` §1.2, §2.4 and §3.3.

use std::fmt;
use std::str::FromStr;

/// A value that is not in a code list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not a valid {list} code (expected one of: {expected})")]
pub struct UnknownCode {
    pub list: &'static str,
    pub value: String,
    pub expected: String,
}

/// Behaviour shared by every code list.
pub trait Code: Copy + Eq + std::hash::Hash + fmt::Debug + 'static {
    /// Name of the list, used in error messages.
    const LIST: &'static str;
    /// Every code, in the order the DfE lists them.
    const ALL: &'static [Self];
    /// The exact string written in returns and extracts.
    fn code(self) -> &'static str;
    /// Plain-English meaning.
    fn label(self) -> &'static str;
    /// First collection year (ending year) in which the code is valid, if limited.
    fn valid_from(self) -> Option<i32>;
    /// Last collection year (ending year) in which the code is valid, if limited.
    fn valid_until(self) -> Option<i32>;
    /// Whether the code may be used in the collection year ending in `year_ending`.
    fn valid_in(self, year_ending: i32) -> bool {
        self.valid_from().is_none_or(|f| year_ending >= f)
            && self.valid_until().is_none_or(|u| year_ending <= u)
    }
}

/// Defines a code-list enum with its wire strings, labels, year validity, `FromStr`, `Display`
/// and serde (as the wire string). Parsing trims surrounding space and ignores case, because
/// extracts differ in both; what is written is always the canonical form.
macro_rules! code_list {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($list:literal) {
            $( $variant:ident = $code:literal, $label:literal $(, from $from:literal)? $(, until $until:literal)? ; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $( $variant ),+ }

        impl $crate::codes::Code for $name {
            const LIST: &'static str = $list;
            const ALL: &'static [Self] = &[ $( $name::$variant ),+ ];
            fn code(self) -> &'static str { match self { $( $name::$variant => $code ),+ } }
            fn label(self) -> &'static str { match self { $( $name::$variant => $label ),+ } }
            #[allow(unreachable_patterns)]
            fn valid_from(self) -> Option<i32> {
                match self { $( $( $name::$variant => Some($from), )? )+ _ => None }
            }
            #[allow(unreachable_patterns)]
            fn valid_until(self) -> Option<i32> {
                match self { $( $( $name::$variant => Some($until), )? )+ _ => None }
            }
        }

        impl $crate::table::Scalar for $name {
            const KIND: $crate::table::ColumnKind = $crate::table::ColumnKind::Text;
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::codes::UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::codes::parse_code::<$name>(s)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::codes::Code::code(*self))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::codes::Code::code(*self))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}

/// Shared parser behind every code list's `FromStr`.
pub fn parse_code<C: Code>(s: &str) -> Result<C, UnknownCode> {
    let t = s.trim();
    C::ALL
        .iter()
        .copied()
        .find(|c| c.code().eq_ignore_ascii_case(t))
        .ok_or_else(|| UnknownCode {
            list: C::LIST,
            value: s.to_string(),
            expected: C::ALL
                .iter()
                .map(|c| c.code())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

code_list! {
    /// Sex as recorded in the CIN census and SSDA903 from 2024-25 (and the SSD `pers_sex`).
    pub enum Sex ("sex") {
        Male = "M", "Male";
        Female = "F", "Female";
        Unknown = "U", "Not known / unborn";
    }
}

impl Sex {
    /// CIN `GenderCurrent` (up to 2023-24): 1 male, 2 female, 0 not recorded/unborn.
    pub fn gender_current(self) -> &'static str {
        match self {
            Sex::Male => "1",
            Sex::Female => "2",
            Sex::Unknown => "0",
        }
    }
    /// SSDA903 SEX up to 2023-24: 1 male, 2 female.
    pub fn legacy_903(self) -> &'static str {
        match self {
            Sex::Male => "1",
            Sex::Female => "2",
            Sex::Unknown => "0",
        }
    }
}

code_list! {
    /// DfE ethnicity codes (CIN census, SSDA903, Annex A).
    pub enum Ethnicity ("ethnicity") {
        Wbri = "WBRI", "White British";
        Wiri = "WIRI", "White Irish";
        Wirt = "WIRT", "Traveller of Irish heritage";
        Woth = "WOTH", "Any other White background";
        Wrom = "WROM", "Gypsy/Roma";
        Mwbc = "MWBC", "White and Black Caribbean";
        Mwba = "MWBA", "White and Black African";
        Mwas = "MWAS", "White and Asian";
        Moth = "MOTH", "Any other mixed background";
        Aind = "AIND", "Indian";
        Apkn = "APKN", "Pakistani";
        Aban = "ABAN", "Bangladeshi";
        Aoth = "AOTH", "Any other Asian background";
        Bcrb = "BCRB", "Caribbean";
        Bafr = "BAFR", "African";
        Both = "BOTH", "Any other Black background";
        Chne = "CHNE", "Chinese";
        Ooth = "OOTH", "Any other ethnic group";
        Refu = "REFU", "Refused";
        Nobt = "NOBT", "Information not yet obtained";
    }
}

impl Ethnicity {
    /// The DfE's high-level ethnic group, used in breakdowns.
    pub fn group(self) -> &'static str {
        use Ethnicity::*;
        match self {
            Wbri | Wiri | Wirt | Woth | Wrom => "White",
            Mwbc | Mwba | Mwas | Moth => "Mixed or Multiple ethnic groups",
            Aind | Apkn | Aban | Aoth => "Asian or Asian British",
            Bcrb | Bafr | Both => "Black, African, Caribbean or Black British",
            Chne | Ooth => "Other ethnic group",
            Refu | Nobt => "Refused or not obtained",
        }
    }
}

code_list! {
    /// CIN census disability codes.
    pub enum Disability ("disability") {
        None = "NONE", "No disability";
        Mob = "MOB", "Mobility";
        Hand = "HAND", "Hand function";
        Pc = "PC", "Personal care";
        Inc = "INC", "Incontinence";
        Comm = "COMM", "Communication";
        Ld = "LD", "Learning";
        Hear = "HEAR", "Hearing";
        Vis = "VIS", "Vision";
        Beh = "BEH", "Behaviour";
        Con = "CON", "Consciousness";
        Aut = "AUT", "Autism/Asperger syndrome (diagnosed)";
        Dda = "DDA", "Other DDA";
    }
}

code_list! {
    /// Reason a UPN is not recorded.
    pub enum UpnUnknown ("UPN unknown reason") {
        Un1 = "UN1", "Child under 6 years old and not yet assigned a UPN";
        Un2 = "UN2", "Child has never attended a maintained school in England";
        Un3 = "UN3", "Child is educated outside England";
        Un4 = "UN4", "Child newly referred or looked after; UPN not yet known";
        Un5 = "UN5", "Sources conflict";
        Un6 = "UN6", "Unknown (meaning not published)";
        Un7 = "UN7", "Referral with no further action";
    }
}

code_list! {
    /// Source of a contact or referral (CIN ReferralSource; Annex A contact/referral source).
    pub enum ReferralSource ("referral source") {
        S1A = "1A", "Individual: family member, relative or carer";
        S1B = "1B", "Individual: acquaintance";
        S1C = "1C", "Individual: self";
        S1D = "1D", "Individual: other";
        S2A = "2A", "Schools";
        S2B = "2B", "Education services";
        S3A = "3A", "Health services: GP";
        S3B = "3B", "Health services: health visitor";
        S3C = "3C", "Health services: school nurse";
        S3D = "3D", "Health services: other primary health services";
        S3E = "3E", "Health services: A&E";
        S3F = "3F", "Health services: other";
        S4 = "4", "Housing";
        S5A = "5A", "LA services: social care";
        S5B = "5B", "LA services: other internal department";
        S5C = "5C", "LA services: external";
        S5D = "5D", "LA services: early help";
        S6 = "6", "Police";
        S7 = "7", "Other legal agency";
        S8 = "8", "Other";
        S9 = "9", "Anonymous";
        S10 = "10", "Unknown";
    }
}

code_list! {
    /// CIN primary need code.
    pub enum PrimaryNeed ("primary need") {
        N0 = "N0", "Not stated";
        N1 = "N1", "Abuse or neglect";
        N2 = "N2", "Child's disability";
        N3 = "N3", "Parental disability or illness";
        N4 = "N4", "Family in acute stress";
        N5 = "N5", "Family dysfunction";
        N6 = "N6", "Socially unacceptable behaviour";
        N7 = "N7", "Low income";
        N8 = "N8", "Absent parenting";
        N9 = "N9", "Cases other than children in need";
    }
}

code_list! {
    /// CIN episode closure reason.
    pub enum ClosureReason ("CIN closure reason") {
        Rc1 = "RC1", "Adopted";
        Rc2 = "RC2", "Died";
        Rc3 = "RC3", "Child arrangements order";
        Rc4 = "RC4", "Special guardianship order";
        Rc5 = "RC5", "Transferred to services of another local authority";
        Rc6 = "RC6", "Transferred to adult social care services";
        Rc7 = "RC7", "Services ceased for any other reason, including child no longer in need";
        Rc8 = "RC8", "Case closed after assessment, no further action";
        Rc9 = "RC9", "Case closed after assessment, referred to early help";
    }
}

code_list! {
    /// Child protection plan category of abuse.
    pub enum CpCategory ("category of abuse") {
        Neg = "NEG", "Neglect";
        Phy = "PHY", "Physical abuse";
        Sab = "SAB", "Sexual abuse";
        Emo = "EMO", "Emotional abuse";
        Mul = "MUL", "Multiple/not recommended";
    }
}

code_list! {
    /// Factors identified at the end of assessment.
    pub enum AssessmentFactor ("assessment factor") {
        F1A = "1A", "Alcohol misuse: child";
        F1B = "1B", "Alcohol misuse: parent(s)/carer(s)";
        F1C = "1C", "Alcohol misuse: other household member";
        F2A = "2A", "Drug misuse: child";
        F2B = "2B", "Drug misuse: parent(s)/carer(s)";
        F2C = "2C", "Drug misuse: other household member";
        F3A = "3A", "Domestic violence: child subject";
        F3B = "3B", "Domestic violence: parent(s)/carer(s) subject";
        F3C = "3C", "Domestic violence: other household member subject";
        F4A = "4A", "Mental health: child";
        F4B = "4B", "Mental health: parent(s)/carer(s)";
        F4C = "4C", "Mental health: other family/household member";
        F5A = "5A", "Learning disability: child";
        F5B = "5B", "Learning disability: parent(s)/carer(s)";
        F5C = "5C", "Learning disability: other";
        F6A = "6A", "Physical disability or illness: child";
        F6B = "6B", "Physical disability or illness: parent(s)/carer(s)";
        F6C = "6C", "Physical disability or illness: other";
        F7A = "7A", "Young carer";
        F8B = "8B", "Privately fostered: overseas, intend to return";
        F8C = "8C", "Privately fostered: overseas, intend to stay";
        F8D = "8D", "Privately fostered: UK, educational placement";
        F8E = "8E", "Privately fostered: UK, alternative family arrangement";
        F8F = "8F", "Privately fostered: other";
        F9A = "9A", "Unaccompanied asylum-seeking child";
        F10A = "10A", "Going/being missing";
        F11A = "11A", "Child sexual exploitation";
        F12A = "12A", "Trafficking";
        F13A = "13A", "Gangs";
        F14A = "14A", "Socially unacceptable behaviour";
        F15A = "15A", "Self-harm";
        F16A = "16A", "Abuse or neglect: neglect";
        F17A = "17A", "Abuse or neglect: emotional abuse";
        F18B = "18B", "Physical abuse: child on child";
        F18C = "18C", "Physical abuse: adult on child";
        F19B = "19B", "Sexual abuse: child on child";
        F19C = "19C", "Sexual abuse: adult on child";
        F20 = "20", "Other";
        F21 = "21", "No factors identified";
        F22A = "22A", "Female genital mutilation";
        F23A = "23A", "Abuse linked to faith or belief";
        F24A = "24A", "Child criminal exploitation";
    }
}

code_list! {
    /// SSDA903 reason for new episode (RNE).
    pub enum ReasonNewEpisode ("reason for new episode") {
        S = "S", "Started to be looked after";
        L = "L", "Change of legal status only";
        P = "P", "Change of placement and carer(s) only";
        T = "T", "Change of placement but same carer(s)";
        B = "B", "Change of legal status and of placement and carer(s) on the same day";
        U = "U", "Change of legal status and of placement, same carer(s), same day";
    }
}

code_list! {
    /// SSDA903 legal status (LS).
    pub enum LegalStatus ("legal status") {
        C1 = "C1", "Interim care order";
        C2 = "C2", "Full care order";
        D1 = "D1", "Freeing order granted";
        E1 = "E1", "Placement order granted";
        V2 = "V2", "Single period of accommodation under section 20";
        V3 = "V3", "Agreed series of short-term breaks, individual episodes recorded";
        V4 = "V4", "Agreed series of short-term breaks, agreements recorded";
        L1 = "L1", "Under police protection and in local authority accommodation";
        L2 = "L2", "Emergency protection order";
        L3 = "L3", "Child assessment order and in local authority accommodation";
        J1 = "J1", "Remanded to local authority accommodation or youth detention accommodation";
        J2 = "J2", "Placed in local authority accommodation under PACE 1984";
        J3 = "J3", "Youth rehabilitation order with residence or intensive fostering requirement";
    }
}

impl LegalStatus {
    /// Short breaks are excluded from most looked-after statistics (spec §5.1).
    pub fn is_short_break(self) -> bool {
        matches!(self, LegalStatus::V3 | LegalStatus::V4)
    }
}

code_list! {
    /// SSDA903 placement type (PLACE).
    pub enum PlacementType ("placement type") {
        A3 = "A3", "Placed for adoption with consent with current foster carer(s)";
        A4 = "A4", "Placed for adoption with consent not with current foster carer(s)";
        A5 = "A5", "Placed for adoption with placement order with current foster carer(s)";
        A6 = "A6", "Placed for adoption with placement order not with current foster carer(s)";
        H5 = "H5", "Semi-independent living not subject to children's homes regulations", until 2025;
        K1 = "K1", "Secure children's home";
        K2 = "K2", "Children's home subject to Children's Homes Regulations";
        K3 = "K3", "Supported accommodation not subject to children's homes regulations", from 2025;
        P1 = "P1", "Placed with own parent(s) or person(s) with parental responsibility";
        P2 = "P2", "Independent living", until 2025;
        P3 = "P3", "Residential employment";
        R1 = "R1", "Residential care home";
        R2 = "R2", "NHS/health trust or other establishment providing medical or nursing care";
        R3 = "R3", "Family centre or mother and baby unit";
        R5 = "R5", "Young offender institution";
        S1 = "S1", "Residential school";
        T0 = "T0", "All types of temporary move";
        T1 = "T1", "Temporary periods in hospital";
        T2 = "T2", "Temporary absence of the child on holiday";
        T3 = "T3", "Temporary accommodation whilst normal foster carer(s) on holiday";
        T4 = "T4", "Temporary accommodation of seven days or less";
        U1 = "U1", "Foster placement with relative(s) or friend(s): long-term fostering";
        U2 = "U2", "Foster placement with relative(s) or friend(s) who are approved adopters: FFA/concurrent planning";
        U3 = "U3", "Foster placement with relative(s) or friend(s): not long-term or FFA";
        U4 = "U4", "Foster placement with other foster carer(s): long-term fostering";
        U5 = "U5", "Foster placement with other foster carer(s) who are approved adopters: FFA/concurrent planning";
        U6 = "U6", "Foster placement with other foster carer(s): not long-term or FFA";
        Z1 = "Z1", "Other placements", until 2025;
        Z11 = "Z11", "Other placements (Z11)", from 2026;
        Z12 = "Z12", "Other placements (Z12)", from 2026;
        Z13 = "Z13", "Other placements (Z13)", from 2026;
        Z14 = "Z14", "Other placements (Z14)", from 2026;
    }
}

impl PlacementType {
    pub fn is_temporary(self) -> bool {
        use PlacementType::*;
        matches!(self, T0 | T1 | T2 | T3 | T4)
    }
    pub fn is_adoption(self) -> bool {
        use PlacementType::*;
        matches!(self, A3 | A4 | A5 | A6)
    }
    /// Whether the 903 needs an Ofsted URN for the setting (rules 218/222): every placement
    /// except with parents, residential employment, health and custodial settings, temporary
    /// moves and "other" placements.
    pub fn needs_urn(self) -> bool {
        use PlacementType::*;
        !matches!(
            self,
            P1 | P2 | P3 | R1 | R2 | R5 | T0 | T1 | T2 | T3 | T4 | Z1 | Z11 | Z12 | Z13 | Z14
        )
    }
    pub fn is_foster(self) -> bool {
        use PlacementType::*;
        matches!(self, U1 | U2 | U3 | U4 | U5 | U6)
    }
    pub fn is_other(self) -> bool {
        use PlacementType::*;
        matches!(self, Z1 | Z11 | Z12 | Z13 | Z14)
    }
    /// Placement types that carry a provider code (rules 178/213).
    pub fn needs_provider(self) -> bool {
        !self.is_temporary() && !self.is_other()
    }
    /// Broad grouping used in dashboards and the Annex A summary.
    pub fn group(self) -> &'static str {
        use PlacementType::*;
        match self {
            U1 | U2 | U3 => "Foster: relatives or friends",
            U4 | U5 | U6 => "Foster: other carers",
            A3 | A4 | A5 | A6 => "Placed for adoption",
            P1 => "Placed with parents",
            K1 | K2 | R1 | H5 | K3 | S1 => "Residential and supported settings",
            P2 | P3 => "Independent living",
            R2 | R3 | R5 => "Health, family centre or custody",
            T0 | T1 | T2 | T3 | T4 => "Temporary",
            Z1 | Z11 | Z12 | Z13 | Z14 => "Other",
        }
    }
}

code_list! {
    /// SSDA903 placement provider.
    pub enum PlacementProvider ("placement provider") {
        Pr0 = "PR0", "Parent(s) or other person(s) with parental responsibility";
        Pr1 = "PR1", "Own provision (by the local authority)";
        Pr2 = "PR2", "Other local authority provision";
        Pr3 = "PR3", "Other public provision";
        Pr4 = "PR4", "Private provision";
        Pr5 = "PR5", "Voluntary/third sector provision";
    }
}

code_list! {
    /// SSDA903 reason episode ceased (REC).
    pub enum ReasonEpisodeCeased ("reason episode ceased") {
        X1 = "X1", "Episode ceases, and new episode begins on same day";
        E11 = "E11", "Adopted: application for an adoption order unopposed";
        E12 = "E12", "Adopted: consent dispensed with by the court";
        E2 = "E2", "Died";
        E3 = "E3", "Care taken over by another local authority in the UK";
        E4A = "E4A", "Returned home to live with parent(s), relative(s) or PR holder as part of care planning";
        E4B = "E4B", "Returned home, not as part of care planning";
        E13 = "E13", "Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility";
        E41 = "E41", "Residence order or child arrangements order granted";
        E45 = "E45", "Special guardianship order to former foster carer(s) who are relatives or friends";
        E46 = "E46", "Special guardianship order to former foster carer(s) other than relatives or friends";
        E47 = "E47", "Special guardianship order to carer(s) other than former foster carer(s), relatives or friends";
        E48 = "E48", "Special guardianship order to other carer(s)";
        E5 = "E5", "Moved into independent living arrangement with formal support";
        E6 = "E6", "Moved into independent living arrangement without formal support";
        E7 = "E7", "Transferred to residential care funded by adult social services";
        E9 = "E9", "Sentenced to custody";
        E14 = "E14", "Accommodation on remand ended";
        E15 = "E15", "Age assessment determined child is aged 18 or over";
        E16 = "E16", "Child moved abroad";
        E17 = "E17", "Aged 18 (or over) and remained with current carers";
        E8 = "E8", "Period of being looked after ceased for any other reason";
    }
}

impl ReasonEpisodeCeased {
    pub fn is_adoption(self) -> bool {
        matches!(self, ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
    }
    pub fn is_sgo(self) -> bool {
        use ReasonEpisodeCeased::*;
        matches!(self, E45 | E46 | E47 | E48)
    }
}

code_list! {
    /// SSDA903 reason for placement change.
    pub enum ReasonPlaceChange ("reason for placement change") {
        Carpl = "CARPL", "Change to/implementation of care plan";
        Close = "CLOSE", "Resignation/closure of provision";
        Alleg = "ALLEG", "Allegation (s47)";
        Stand = "STAND", "Standards of care concern";
        Apprr = "APPRR", "Approval removed";
        Creqb = "CREQB", "Carer requests placement end due to child's behaviour";
        Creqo = "CREQO", "Carer requests placement end, other reasons";
        Child = "CHILD", "Child requests placement end";
        Lareq = "LAREQ", "Responsible/area authority requests placement end";
        Place = "PLACE", "Change in the status of placement only";
        Custod = "CUSTOD", "Custody arrangement";
        Other = "OTHER", "Other";
    }
}

code_list! {
    /// Looked-after review participation (REVIEW_CODE).
    pub enum ReviewParticipation ("review participation") {
        Pn0 = "PN0", "Child aged under 4 at the time of the review";
        Pn1 = "PN1", "Child physically attends and speaks for self";
        Pn2 = "PN2", "Child physically attends; an advocate speaks on their behalf";
        Pn3 = "PN3", "Child attends and conveys views symbolically";
        Pn4 = "PN4", "Child physically attends but does not contribute";
        Pn5 = "PN5", "Child does not attend but briefs an advocate";
        Pn6 = "PN6", "Child does not attend but conveys feelings by another method";
        Pn7 = "PN7", "Child does not attend nor are views conveyed";
    }
}

code_list! {
    /// Missing (M) or away from placement without authorisation (A).
    pub enum MissingType ("missing type") {
        Missing = "M", "Missing";
        Away = "A", "Away from placement without authorisation";
    }
}

code_list! {
    /// Care leaver eligibility category (Annex A List 9).
    pub enum CareLeaverEligibility ("care leaver eligibility") {
        Relevant = "RELEVANT", "Relevant child";
        FormerRelevant = "FORMER_RELEVANT", "Former relevant child";
        Qualifying = "QUALIFYING", "Qualifying care leaver";
        Eligible = "ELIGIBLE", "Eligible child";
    }
}

code_list! {
    /// SSDA903 OC3 IN_TOUCH.
    pub enum InTouch ("in touch") {
        Yes = "YES", "In touch";
        No = "NO", "Not in touch";
        Died = "DIED", "Died";
        Refu = "REFU", "Refuses contact";
        Nreq = "NREQ", "No longer requires services";
        Rhom = "RHOM", "Returned home for six months or more";
    }
}

code_list! {
    /// Care leaver accommodation type (the letter of OC3 ACCOM).
    pub enum AccommodationType ("accommodation type") {
        B = "B", "Parents/relatives";
        C = "C", "Community home/residential care";
        D = "D", "Semi-independent, transitional accommodation and self-contained accommodation";
        E = "E", "Supported lodgings";
        G = "G", "Abroad";
        H = "H", "Deported";
        K = "K", "Ordinary lodgings, without formal support";
        R = "R", "Residence not known";
        S = "S", "No fixed abode / homeless";
        T = "T", "Foyers and similar supported accommodation";
        U = "U", "Independent living";
        V = "V", "Emergency accommodation";
        W = "W", "Bed and breakfast";
        X = "X", "In custody";
        Y = "Y", "Other accommodation";
        Z = "Z", "With former foster carers";
    }
}

code_list! {
    /// SSDA903 OC3 ACTIV.
    pub enum CareLeaverActivity ("care leaver activity") {
        F1 = "F1", "Full time in higher education";
        P1 = "P1", "Part time in higher education";
        F2 = "F2", "Full time in education other than higher";
        P2 = "P2", "Part time in education other than higher";
        F4 = "F4", "Full time apprenticeship";
        P4 = "P4", "Part time apprenticeship";
        F5 = "F5", "Full time training or employment (not apprenticeship)";
        P5 = "P5", "Part time training or employment (not apprenticeship)";
        G4 = "G4", "NEET: illness or disability";
        G5 = "G5", "NEET: other";
        G6 = "G6", "NEET: pregnancy or parenting";
        NoInfo = "0", "No information";
    }
}

impl CareLeaverActivity {
    /// In education, employment or training (spec §5.4).
    pub fn is_eet(self) -> bool {
        use CareLeaverActivity::*;
        matches!(self, F1 | P1 | F2 | P2 | F4 | P4 | F5 | P5)
    }
}

code_list! {
    /// Social worker change reason (SWEpisodes SW_REASON).
    pub enum WorkerChangeReason ("social worker change reason") {
        Manage = "MANAGE", "Managing caseloads";
        Fconta = "FCONTA", "First contact or re-referral";
        Leftrl = "LEFTRL", "Previous social worker left role";
        Orgrst = "ORGRST", "Organisational restructure";
        Tsproc = "TSPROC", "Transfer under standard process";
        Absenc = "ABSENC", "Absence cover or return";
        Chchan = "CHCHAN", "Child requested change";
        Pcchan = "PCCHAN", "Parent/carer requested change";
        Swdied = "SWDIED", "Previous social worker died";
        Others = "OTHERS", "Other";
    }
}

code_list! {
    /// SSDA903 PREV_PERM.
    pub enum PreviousPermanence ("previous permanence") {
        P1 = "P1", "Adoption";
        P2 = "P2", "Special guardianship order";
        P3 = "P3", "Residence order or child arrangements order";
        P4 = "P4", "Unknown";
        Z1 = "Z1", "No previous permanence";
    }
}

code_list! {
    /// AD1 SEX_ADOPTR.
    pub enum AdopterSex ("adopter sex") {
        M1 = "M1", "Single male";
        F1 = "F1", "Single female";
        Mm = "MM", "Male couple";
        Ff = "FF", "Female couple";
        Mf = "MF", "Male/female couple";
    }
}

code_list! {
    /// AD1 LS_ADOPTR.
    pub enum AdopterLegalStatus ("adopter legal status") {
        L0 = "L0", "Single adopter";
        L11 = "L11", "Different-gender married couple";
        L12 = "L12", "Same-gender married couple";
        L2 = "L2", "Civil partnership";
        L3 = "L3", "Different-gender unmarried couple";
        L4 = "L4", "Same-gender couple not married or in a civil partnership";
    }
}

code_list! {
    /// REASON_PLACED_CEASED.
    pub enum ReasonNoLongerPlaced ("reason no longer placed for adoption") {
        Rd1 = "RD1", "The child's needs changed subsequent to the decision";
        Rd2 = "RD2", "The court did not make a placement order";
        Rd3 = "RD3", "Prospective adopters could not be found";
        Rd4 = "RD4", "Any other reason";
    }
}

code_list! {
    /// Annex A List 11 reason a (prospective) adopter left the adoption process.
    pub enum AdopterLeavingReason ("reason for leaving adoption process") {
        Withdrew = "1", "Adopter withdrew from process";
        OnHold = "2", "Process put on hold";
        Refused = "3", "Application refused";
    }
}

code_list! {
    /// Annex A List 8 permanence plan.
    pub enum PermanencePlan ("permanence plan") {
        ReturnToFamily = "RETURN_TO_FAMILY", "Return to family";
        Adoption = "ADOPTION", "Adoption";
        SgoCao = "SGO_CAO", "SGO/CAO";
        SupportedLiving = "SUPPORTED_LIVING", "Supported living in the community";
        LongTermResidential = "LONG_TERM_RESIDENTIAL", "Long-term residential placement";
        LongTermFostering = "LONG_TERM_FOSTERING", "Long-term fostering";
        Other = "OTHER", "Other";
    }
}

code_list! {
    /// Kind of health check recorded for a looked-after child.
    pub enum HealthCheckType ("health check type") {
        HealthAssessment = "HEALTH_ASSESSMENT", "Health assessment";
        DentalCheck = "DENTAL_CHECK", "Dental check";
    }
}

code_list! {
    /// Outcome of a health check.
    pub enum HealthCheckStatus ("health check status") {
        Completed = "COMPLETED", "Completed";
        Refused = "REFUSED", "Refused";
        NotCompleted = "NOT_COMPLETED", "Not completed";
    }
}

/// A Y/N flag as SSD extracts write it. Input also accepts Yes/No, True/False and 1/0 in any
/// case, because case-management systems export all of these; output is always `Y`/`N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum YesNo {
    Yes,
    No,
}

impl Code for YesNo {
    const LIST: &'static str = "yes/no";
    const ALL: &'static [Self] = &[YesNo::Yes, YesNo::No];
    fn code(self) -> &'static str {
        match self {
            YesNo::Yes => "Y",
            YesNo::No => "N",
        }
    }
    fn label(self) -> &'static str {
        match self {
            YesNo::Yes => "Yes",
            YesNo::No => "No",
        }
    }
    fn valid_from(self) -> Option<i32> {
        None
    }
    fn valid_until(self) -> Option<i32> {
        None
    }
}

impl FromStr for YesNo {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "y" | "yes" | "1" | "true" | "t" => Ok(YesNo::Yes),
            "n" | "no" | "0" | "false" | "f" => Ok(YesNo::No),
            _ => Err(UnknownCode {
                list: Self::LIST,
                value: s.to_string(),
                expected: "Y, N (or Yes/No, 1/0, True/False)".into(),
            }),
        }
    }
}

impl crate::table::Scalar for YesNo {
    const KIND: crate::table::ColumnKind = crate::table::ColumnKind::Text;
}

impl fmt::Display for YesNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for YesNo {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for YesNo {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl YesNo {
    pub fn from_bool(b: bool) -> Self {
        if b {
            YesNo::Yes
        } else {
            YesNo::No
        }
    }
    pub fn is_yes(self) -> bool {
        self == YesNo::Yes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_reject_unknown() {
        for c in PlacementType::ALL {
            assert_eq!(c.code().parse::<PlacementType>().unwrap(), *c);
        }
        assert_eq!(" n1 ".parse::<PrimaryNeed>().unwrap(), PrimaryNeed::N1);
        let e = "N12".parse::<PrimaryNeed>().unwrap_err();
        assert_eq!(e.value, "N12");
        assert!(e.to_string().contains("expected one of: N0, N1"));
    }

    #[test]
    fn placement_year_validity_follows_the_903_changes() {
        assert!(PlacementType::H5.valid_in(2025));
        assert!(!PlacementType::H5.valid_in(2026));
        assert!(!PlacementType::K3.valid_in(2024));
        assert!(PlacementType::K3.valid_in(2025));
        assert!(PlacementType::Z11.valid_in(2026) && !PlacementType::Z11.valid_in(2025));
        assert!(PlacementType::U6.valid_in(2020));
    }

    #[test]
    fn serde_uses_the_wire_string() {
        let v: Vec<ReasonEpisodeCeased> = serde_json::from_str(r#"["E4A","x1"]"#).unwrap();
        assert_eq!(v, vec![ReasonEpisodeCeased::E4A, ReasonEpisodeCeased::X1]);
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"["E4A","X1"]"#);
    }
}

code_list! {
    /// SSDA903 OC2 SDQ_REASON.
    pub enum SdqReason ("SDQ reason") {
        Sdq1 = "SDQ1", "No form returned as child was aged under 4 or over 17 at date of latest assessment";
        Sdq2 = "SDQ2", "Carer(s) refused to complete and return questionnaire";
        Sdq3 = "SDQ3", "Not possible to complete the questionnaire due to severity of the child's disability";
        Sdq4 = "SDQ4", "Other";
        Sdq5 = "SDQ5", "Child or young person refuses to allow an SDQ to be completed";
    }
}

code_list! {
    /// Suitability of a care leaver's accommodation (the digit of OC3 ACCOM).
    pub enum Suitability ("accommodation suitability") {
        Suitable = "1", "Suitable";
        Unsuitable = "2", "Unsuitable";
    }
}

code_list! {
    /// Order that ended a child's care or secured permanence.
    pub enum PermanenceOrderType ("permanence order type") {
        Adoption = "ADOPTION", "Adoption order";
        Sgo = "SGO", "Special guardianship order";
        Cao = "CAO", "Child arrangements order";
    }
}
