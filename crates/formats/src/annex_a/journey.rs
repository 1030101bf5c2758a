//! Child journeys: each child's events across Lists 1 to 8 in date order (contact → early
//! help → referral → assessment → section 47 and ICPC → child in need → child protection →
//! care), so a reviewer can follow one child's path as inspectors will.

use model::Date;

use super::{AnnexA, Cell, LISTS};

/// One event in a child's journey.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyEvent {
    pub child: String,
    pub date: Date,
    /// Annex A list the event comes from (1 to 8).
    pub list: u8,
    pub event: &'static str,
    /// The row's code that says most about the event (source, category, placement …).
    pub detail: String,
}

/// For each list: (date column, event name, detail column) triples.
const EVENTS: &[(u8, &str, &str, &str)] = &[
    (1, "Date of Contact", "Contact", "Contact Source"),
    (
        2,
        "Assessment start date",
        "Early help assessment started",
        "Organisation completing assessment",
    ),
    (
        2,
        "Assessment completion date",
        "Early help assessment completed",
        "Organisation completing assessment",
    ),
    (3, "Date of referral", "Referral", "Referral Source"),
    (
        4,
        "Continuous Assessment Start Date",
        "Assessment started",
        "Allocated Team",
    ),
    (
        4,
        "Continuous Assessment Date of Authorisation",
        "Assessment authorised",
        "Was the child assessed as requiring LA children's social care support?",
    ),
    (
        5,
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Section 47 enquiry started",
        "Allocated Team",
    ),
    (
        5,
        "Date of Initial Child Protection Conference",
        "Initial child protection conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
    ),
    (
        6,
        "CIN Start Date",
        "Child in need episode started",
        "Primary Need Code",
    ),
    (
        6,
        "CIN Closure Date",
        "Child in need episode closed",
        "Reason for Closure",
    ),
    (
        7,
        "Child Protection Plan Start Date",
        "Child protection plan started",
        "Initial Category of Abuse",
    ),
    (
        7,
        "Child Protection Plan End Date",
        "Child protection plan ended",
        "Latest Category of Abuse",
    ),
    (
        8,
        "Date Started to be Looked After",
        "Started to be looked after",
        "Child's Category of Need",
    ),
    (
        8,
        "Start Date of Most Recent Placement",
        "Most recent placement started",
        "Placement Type",
    ),
    (
        8,
        "Date Ceased to be Looked After",
        "Ceased to be looked after",
        "Reason Ceased to be Looked After",
    ),
];

/// Every child's events, ordered by child, then date, then list.
pub fn journeys(annex: &AnnexA) -> Vec<JourneyEvent> {
    let mut out = vec![];
    for &(n, date_col, event, detail_col) in EVENTS {
        let def = &LISTS[n as usize - 1];
        let (Some(dc), Some(xc)) = (def.column(date_col), def.column(detail_col)) else {
            continue;
        };
        for row in annex.list(n) {
            if let Cell::Date(date) = row[dc] {
                out.push(JourneyEvent {
                    child: row[0].text(),
                    date,
                    list: n,
                    event,
                    detail: row[xc].text(),
                });
            }
        }
    }
    // Stable, so events of one date keep the order of EVENTS (contact before referral, …).
    out.sort_by(|a, b| (&a.child, a.date, a.list).cmp(&(&b.child, b.date, b.list)));
    out
}

/// The journeys as CSV: child, date (dd/mm/yyyy), list, event, detail.
pub fn journeys_csv(events: &[JourneyEvent]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record(["Child Unique ID", "Date", "List", "Event", "Detail"])
        .expect("in-memory write");
    for e in events {
        w.write_record([
            e.child.as_str(),
            &e.date.to_dmy(),
            &format!("List {}", e.list),
            e.event,
            &e.detail,
        ])
        .expect("in-memory write");
    }
    w.into_inner().expect("in-memory write")
}
