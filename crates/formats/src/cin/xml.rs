//! CIN census XML: writer (exact element order of the DfE schema) and reader.

use model::codes::{parse_code, Code, Sex};
use model::{CollectionYear, Date};

use super::*;
use crate::xml::{parse, Cursor, XmlOut};
use crate::ReadError;

/// How yes/no items are written. The liia-tools schema copies for 2022-23 and 2023-24 accept
/// `true/false/TRUE/FALSE/0/1`, the 2024-25 and 2025-26 copies only `0/1`, and the reference
/// validator reads `0/1` and `true/false` alike, so `0/1` is the one form every year accepts.
fn yes_no(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        "0"
    }
}

fn parse_yes_no(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "true" => Ok(true),
        "0" | "false" => Ok(false),
        _ => Err("a yes/no value: 1, 0, true or false".into()),
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.to_string())
}

fn code<C: Code>(s: &str) -> Result<C, String> {
    parse_code::<C>(s).map_err(|e| e.to_string())
}

type Out = XmlOut;

impl XmlOut {
    fn opt(&mut self, name: &str, value: Option<impl AsRef<str>>) {
        if let Some(v) = value {
            self.leaf(name, v.as_ref());
        }
    }
    fn date(&mut self, name: &str, d: Option<Date>) {
        self.opt(name, d.map(|d| d.to_string()));
    }
}

/// Writes a census as XML in the layout of its collection year's schema.
pub fn write(census: &Census) -> Vec<u8> {
    let mut o = XmlOut::new();
    o.open("Message");
    write_header(&mut o, census);
    o.open("Children");
    let sex_element = uses_sex(census.year);
    for child in &census.children {
        o.open("Child");
        o.open("ChildIdentifiers");
        o.leaf("LAchildID", &child.la_child_id);
        o.opt("UPN", child.upn.as_deref());
        o.opt("FormerUPN", child.former_upn.as_deref());
        o.opt("UPNunknown", child.upn_unknown.map(|c| c.code()));
        o.date("PersonBirthDate", child.birth_date);
        o.date("ExpectedPersonBirthDate", child.expected_birth_date);
        if sex_element {
            o.leaf("Sex", child.sex.code());
        } else {
            o.leaf("GenderCurrent", child.sex.gender_current());
        }
        o.date("PersonDeathDate", child.death_date);
        o.close("ChildIdentifiers");
        o.open("ChildCharacteristics");
        o.leaf("Ethnicity", child.ethnicity.code());
        if !child.disabilities.is_empty() {
            o.open("Disabilities");
            for d in &child.disabilities {
                o.leaf("Disability", d.code());
            }
            o.close("Disabilities");
        }
        o.close("ChildCharacteristics");
        for d in &child.details {
            write_details(&mut o, d);
        }
        o.close("Child");
    }
    o.close("Children");
    o.close("Message");
    o.finish()
}

fn write_header(o: &mut Out, census: &Census) {
    let h = &census.header;
    o.open("Header");
    o.open("CollectionDetails");
    o.leaf("Collection", "CIN");
    o.leaf("Year", &census.year.year_ending().to_string());
    o.leaf("ReferenceDate", &h.reference_date.to_string());
    o.close("CollectionDetails");
    o.open("Source");
    o.leaf("SourceLevel", "L");
    o.leaf("LEA", &h.la_code);
    o.opt("SoftwareCode", h.software_code.as_deref());
    o.opt("Release", h.release.as_deref());
    o.opt("SerialNo", h.serial_no.as_deref());
    o.opt("DateTime", h.date_time.as_deref());
    o.close("Source");
    o.close("Header");
}

fn write_details(o: &mut Out, d: &CinDetails) {
    o.open("CINdetails");
    o.leaf("CINreferralDate", &d.referral_date.to_string());
    o.leaf("ReferralSource", d.referral_source.code());
    o.opt("PrimaryNeedCode", d.primary_need.map(|c| c.code()));
    o.date("CINclosureDate", d.closure_date);
    o.opt("ReasonForClosure", d.closure_reason.map(|c| c.code()));
    o.date("DateOfInitialCPC", d.initial_cpc_date);
    for a in &d.assessments {
        o.open("Assessments");
        o.leaf("AssessmentActualStartDate", &a.start_date.to_string());
        o.date("AssessmentInternalReviewDate", a.internal_review_date);
        o.date("AssessmentAuthorisationDate", a.authorisation_date);
        if !a.factors.is_empty() {
            o.open("FactorsIdentifiedAtAssessment");
            for f in &a.factors {
                o.leaf("AssessmentFactors", f.code());
            }
            o.close("FactorsIdentifiedAtAssessment");
        }
        o.close("Assessments");
    }
    for p in &d.cin_plans {
        o.open("CINPlanDates");
        o.leaf("CINPlanStartDate", &p.start_date.to_string());
        o.date("CINPlanEndDate", p.end_date);
        o.close("CINPlanDates");
    }
    for s in &d.section47s {
        o.open("Section47");
        o.leaf("S47ActualStartDate", &s.start_date.to_string());
        o.date("InitialCPCtarget", s.initial_cpc_target);
        o.date("DateOfInitialCPC", s.initial_cpc_date);
        o.leaf("ICPCnotRequired", yes_no(s.icpc_not_required));
        o.close("Section47");
    }
    o.leaf("ReferralNFA", yes_no(d.referral_nfa));
    for p in &d.cp_plans {
        o.open("ChildProtectionPlans");
        o.leaf("CPPstartDate", &p.start_date.to_string());
        o.date("CPPendDate", p.end_date);
        o.leaf("InitialCategoryOfAbuse", p.initial_category.code());
        o.leaf("LatestCategoryOfAbuse", p.latest_category.code());
        o.leaf("NumberOfPreviousCPP", &p.previous_plans.to_string());
        if !p.review_dates.is_empty() {
            o.open("Reviews");
            for r in &p.review_dates {
                o.leaf("CPPreviewDate", &r.to_string());
            }
            o.close("Reviews");
        }
        o.close("ChildProtectionPlans");
    }
    o.close("CINdetails");
}

/// Reads a census file. The collection year comes from `Header/CollectionDetails/Year` or,
/// failing that, the reference date; `year` (when given) overrides both, for files whose header
/// is missing. Element order is not enforced (the schema check is `xmllint`'s job), but every
/// element must be one the census defines, so nothing is dropped silently.
pub fn read(file: &str, bytes: &[u8], year: Option<CollectionYear>) -> Result<Census, ReadError> {
    let root = parse(file, bytes)?;
    let msg = Cursor::root(file, &root);
    if root.name != "Message" {
        return Err(msg.error(format!(
            "a CIN census file, whose root element is <Message> (found <{}>)",
            root.name
        )));
    }
    msg.only(&["Header", "Children"])?;
    let header = msg.opt("Header")?;
    let (header, header_year) = match &header {
        Some(h) => read_header(h)?,
        None => (None, None),
    };
    let year = year.or(header_year).ok_or_else(|| {
        msg.missing("Header/CollectionDetails/Year (or give the collection year explicitly)")
    })?;
    let header = match header {
        Some(h) => h,
        None => return Err(msg.missing("Header/Source/LEA")),
    };
    let children_el = msg.one("Children")?;
    children_el.only(&["Child"])?;
    let mut children = Vec::new();
    for c in children_el.all("Child") {
        children.push(read_child(&c)?);
    }
    Ok(Census {
        year,
        header: Header {
            reference_date: header.reference_date.unwrap_or(year.end()),
            la_code: header.la_code,
            software_code: header.software_code,
            release: header.release,
            serial_no: header.serial_no,
            date_time: header.date_time,
        },
        children,
    })
}

struct RawHeader {
    la_code: String,
    reference_date: Option<Date>,
    software_code: Option<String>,
    release: Option<String>,
    serial_no: Option<String>,
    date_time: Option<String>,
}

fn text(s: &str) -> Result<String, String> {
    Ok(s.to_string())
}

fn read_header(h: &Cursor) -> Result<(Option<RawHeader>, Option<CollectionYear>), ReadError> {
    h.only(&["CollectionDetails", "Source"])?;
    let mut year = None;
    let mut reference_date = None;
    if let Some(cd) = h.opt("CollectionDetails")? {
        cd.only(&["Collection", "Year", "ReferenceDate"])?;
        if let Some(c) = cd.opt_value("Collection", text)? {
            if c != "CIN" {
                return Err(cd.one("Collection")?.error("the collection CIN"));
            }
        }
        year = cd.opt_value("Year", |s| {
            s.parse::<i32>()
                .ok()
                .filter(|y| (1990..=2100).contains(y))
                .map(CollectionYear::ending)
                .ok_or_else(|| "a four-digit year (the year the census ends)".to_string())
        })?;
        reference_date = cd.opt_value("ReferenceDate", parse_date)?;
    }
    let year = year.or(reference_date.map(|d| {
        CollectionYear::ending(if d.month() >= 4 {
            d.year() + 1
        } else {
            d.year()
        })
    }));
    let Some(src) = h.all("Source").next() else {
        return Ok((None, year));
    };
    src.only(&[
        "SourceLevel",
        "LEA",
        "SoftwareCode",
        "Release",
        "SerialNo",
        "DateTime",
    ])?;
    let la_code = src.value("LEA", |s| {
        if s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(s.to_string())
        } else {
            Err("a three-digit LA code".into())
        }
    })?;
    Ok((
        Some(RawHeader {
            la_code,
            reference_date,
            software_code: src.opt_value("SoftwareCode", text)?,
            release: src.opt_value("Release", text)?,
            serial_no: src.opt_value("SerialNo", text)?,
            date_time: src.opt_value("DateTime", text)?,
        }),
        year,
    ))
}

fn parse_gender_current(s: &str) -> Result<Sex, String> {
    match s {
        "1" => Ok(Sex::Male),
        "2" => Ok(Sex::Female),
        "0" | "9" => Ok(Sex::Unknown),
        _ => Err("a GenderCurrent code: 1, 2, 0 or 9".into()),
    }
}

fn parse_upn(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let ok = b.len() == 13
        && b[0].is_ascii_alphabetic()
        && b[1..12].iter().all(u8::is_ascii_digit)
        && b[12].is_ascii_alphanumeric();
    if ok {
        Ok(s.to_string())
    } else {
        Err("a UPN: a letter, 11 digits, then a digit or letter".into())
    }
}

fn read_child(c: &Cursor) -> Result<Child, ReadError> {
    c.only(&["ChildIdentifiers", "ChildCharacteristics", "CINdetails"])?;
    let ids = c.one("ChildIdentifiers")?;
    ids.only(&[
        "LAchildID",
        "UPN",
        "FormerUPN",
        "UPNunknown",
        "PersonBirthDate",
        "ExpectedPersonBirthDate",
        "GenderCurrent",
        "Sex",
        "PersonDeathDate",
    ])?;
    let la_child_id = ids.value("LAchildID", text)?;
    let sex = match ids.opt_value("Sex", code::<Sex>)? {
        Some(s) => s,
        None => match ids.opt_value("GenderCurrent", parse_gender_current)? {
            Some(s) => s,
            None => return Err(ids.missing("Sex")),
        },
    };
    let chars = c.one("ChildCharacteristics")?;
    chars.only(&["Ethnicity", "Disabilities"])?;
    let mut disabilities = vec![];
    if let Some(ds) = chars.opt("Disabilities")? {
        ds.only(&["Disability"])?;
        for d in ds.all("Disability") {
            disabilities.push(code(d.text()).map_err(|e| d.error(e))?);
        }
    }
    let mut details = vec![];
    for d in c.all("CINdetails") {
        details.push(read_details(&d)?);
    }
    if details.is_empty() {
        return Err(c.missing("CINdetails"));
    }
    Ok(Child {
        la_child_id,
        upn: ids.opt_value("UPN", parse_upn)?,
        former_upn: ids.opt_value("FormerUPN", parse_upn)?,
        upn_unknown: ids.opt_value("UPNunknown", code)?,
        birth_date: ids.opt_value("PersonBirthDate", parse_date)?,
        expected_birth_date: ids.opt_value("ExpectedPersonBirthDate", parse_date)?,
        sex,
        death_date: ids.opt_value("PersonDeathDate", parse_date)?,
        ethnicity: chars.value("Ethnicity", code)?,
        disabilities,
        details,
    })
}

fn read_details(d: &Cursor) -> Result<CinDetails, ReadError> {
    d.only(&[
        "CINreferralDate",
        "ReferralSource",
        "PrimaryNeedCode",
        "CINclosureDate",
        "ReasonForClosure",
        "DateOfInitialCPC",
        "Assessments",
        "CINPlanDates",
        "Section47",
        "ReferralNFA",
        "ChildProtectionPlans",
    ])?;
    let mut assessments = vec![];
    for a in d.all("Assessments") {
        a.only(&[
            "AssessmentActualStartDate",
            "AssessmentInternalReviewDate",
            "AssessmentAuthorisationDate",
            "FactorsIdentifiedAtAssessment",
        ])?;
        let mut factors = vec![];
        if let Some(fs) = a.opt("FactorsIdentifiedAtAssessment")? {
            fs.only(&["AssessmentFactors"])?;
            for f in fs.all("AssessmentFactors") {
                factors.push(code(f.text()).map_err(|e| f.error(e))?);
            }
        }
        assessments.push(Assessment {
            start_date: a.value("AssessmentActualStartDate", parse_date)?,
            internal_review_date: a.opt_value("AssessmentInternalReviewDate", parse_date)?,
            authorisation_date: a.opt_value("AssessmentAuthorisationDate", parse_date)?,
            factors,
        });
    }
    let mut cin_plans = vec![];
    for p in d.all("CINPlanDates") {
        p.only(&["CINPlanStartDate", "CINPlanEndDate"])?;
        cin_plans.push(CinPlanDates {
            start_date: p.value("CINPlanStartDate", parse_date)?,
            end_date: p.opt_value("CINPlanEndDate", parse_date)?,
        });
    }
    let mut section47s = vec![];
    for s in d.all("Section47") {
        s.only(&[
            "S47ActualStartDate",
            "InitialCPCtarget",
            "DateOfInitialCPC",
            "ICPCnotRequired",
        ])?;
        section47s.push(Section47 {
            start_date: s.value("S47ActualStartDate", parse_date)?,
            initial_cpc_target: s.opt_value("InitialCPCtarget", parse_date)?,
            initial_cpc_date: s.opt_value("DateOfInitialCPC", parse_date)?,
            icpc_not_required: s.value("ICPCnotRequired", parse_yes_no)?,
        });
    }
    let mut cp_plans = vec![];
    for p in d.all("ChildProtectionPlans") {
        p.only(&[
            "CPPstartDate",
            "CPPendDate",
            "InitialCategoryOfAbuse",
            "LatestCategoryOfAbuse",
            "NumberOfPreviousCPP",
            "Reviews",
        ])?;
        let mut review_dates = vec![];
        if let Some(rs) = p.opt("Reviews")? {
            rs.only(&["CPPreviewDate"])?;
            for r in rs.all("CPPreviewDate") {
                review_dates.push(parse_date(r.text()).map_err(|e| r.error(e))?);
            }
        }
        cp_plans.push(CpPlan {
            start_date: p.value("CPPstartDate", parse_date)?,
            end_date: p.opt_value("CPPendDate", parse_date)?,
            initial_category: p.value("InitialCategoryOfAbuse", code)?,
            latest_category: p.value("LatestCategoryOfAbuse", code)?,
            previous_plans: p.value("NumberOfPreviousCPP", |s| {
                s.parse::<u32>()
                    .map_err(|_| "a whole number of previous plans (0 or more)".to_string())
            })?,
            review_dates,
        });
    }
    Ok(CinDetails {
        referral_date: d.value("CINreferralDate", parse_date)?,
        referral_source: d.value("ReferralSource", code)?,
        primary_need: d.opt_value("PrimaryNeedCode", code)?,
        closure_date: d.opt_value("CINclosureDate", parse_date)?,
        closure_reason: d.opt_value("ReasonForClosure", code)?,
        initial_cpc_date: d.opt_value("DateOfInitialCPC", parse_date)?,
        assessments,
        cin_plans,
        section47s,
        referral_nfa: d.value("ReferralNFA", parse_yes_no)?,
        cp_plans,
    })
}
