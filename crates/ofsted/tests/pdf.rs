//! PDF input: a report text laid out as a PDF here (Helvetica, WinAnsi encoding, a running
//! header and page number on every page, 48 lines a page) reads exactly as the text does.

use std::path::PathBuf;

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

/// WinAnsi bytes for a line (the PDF's simple font encoding); other characters become '?'.
fn winansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '’' => 0x92,
            '‘' => 0x91,
            '“' => 0x93,
            '”' => 0x94,
            '•' | '◼' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            c if (c as u32) < 0x7f => c as u8,
            c if (0xa0..=0xff).contains(&(c as u32)) => c as u32 as u8,
            _ => b'?',
        })
        .collect()
}

fn make_pdf(pages: &[Vec<String>]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    for lines in pages {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 9.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![40.into(), 800.into()]),
        ];
        for l in lines {
            ops.push(Operation::new(
                "Tj",
                vec![Object::string_literal(winansi(l))],
            ));
            ops.push(Operation::new("T*", vec![]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops }.encode().unwrap();
        let c = doc.add_object(Stream::new(dictionary! {}, content));
        let p = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => c,
        });
        kids.push(p.into());
    }
    let n = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => n, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_generated_pdf_reads_as_its_text() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(
        "../../../shared/data/ofsted-reports/80543_rotherham_children_s_services_inspection_12_august_2022.txt",
    );
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let from_text = ofsted::report::read("r.txt", text.as_bytes()).unwrap();
    // The text's own page breaks and headers are dropped; the PDF gets new ones.
    let body: Vec<String> = text
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with("Inspection of Rotherham Metropolitan Borough Council local authority children’s services") && !l.starts_with("27 June to 1 July 2022 "))
        .collect();
    let pages: Vec<Vec<String>> = body
        .chunks(48)
        .enumerate()
        .map(|(i, chunk)| {
            let mut p = Vec::new();
            if i > 0 {
                p.push("Inspection of Rotherham Metropolitan Borough Council local authority children’s services".to_string());
                p.push(format!("27 June to 1 July 2022 {}", i + 1));
            }
            p.extend(chunk.iter().cloned());
            p
        })
        .collect();
    assert!(pages.len() > 5);
    let pdf = make_pdf(&pages);
    let from_pdf = ofsted::report::read("r.pdf", &pdf).unwrap();
    assert_eq!(from_pdf, from_text);
    assert_eq!(from_pdf.improvements.len(), 4);
}

#[test]
fn a_damaged_or_textless_pdf_is_a_clear_error() {
    let e = ofsted::report::read("x.pdf", b"%PDF-1.5\nthis is not a pdf")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("x.pdf: cannot be read"), "{e}");
    let blank = make_pdf(&[vec![]]);
    let e = ofsted::report::read("blank.pdf", &blank)
        .unwrap_err()
        .to_string();
    assert!(e.contains("no text layer"), "{e}");
}
