//! A small element tree over quick-xml, shared by the CIN census and SSDA903 XML readers.
//!
//! The returns are shallow and record-shaped, so readers first build a tree (each element with
//! its text and 1-based line) and then map it to typed records, where a missing or unexpected
//! element can be reported with its path and line.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

use crate::ReadError;

/// Deeper nesting than any return uses is refused (it would only be an attack or a corrupt file).
const MAX_DEPTH: usize = 32;

#[derive(Debug, Default)]
pub(crate) struct Node {
    pub name: String,
    pub text: String,
    pub children: Vec<Node>,
    pub line: u64,
}

/// Parses a whole document into its root element.
pub(crate) fn parse(file: &str, bytes: &[u8]) -> Result<Node, ReadError> {
    let text = utf8(
        file,
        bytes,
        "UTF-8 text (the file contains bytes that are not UTF-8)",
    )?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut lines = LineCounter::default();
    let mut stack: Vec<Node> = vec![];
    let mut root: Option<Node> = None;
    loop {
        let pos = reader.buffer_position() as usize;
        let event = reader.read_event();
        let line = lines.line_at(text, pos);
        let err = |expected: String| ReadError {
            line: Some(line),
            ..ReadError::file(file, expected)
        };
        match event {
            Err(e) => {
                // The error belongs to the markup after any whitespace the reader consumed,
                // or to where the reader says it is, if that is later.
                let at = (reader.error_position() as usize).max(pos + leading_space(&text[pos..]));
                return Err(ReadError {
                    line: Some(lines.line_at(text, at)),
                    ..ReadError::file(file, format!("well-formed XML ({e})"))
                });
            }
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                if root.is_some() {
                    return Err(err("a single root element".into()));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(err(format!("elements nested at most {MAX_DEPTH} deep")));
                }
                stack.push(Node {
                    name: name_of(&e, file, line)?,
                    line: lines.line_at(text, pos + leading_space(&text[pos..])),
                    ..Node::default()
                });
            }
            Ok(Event::Empty(e)) => {
                let node = Node {
                    name: name_of(&e, file, line)?,
                    line: lines.line_at(text, pos + leading_space(&text[pos..])),
                    ..Node::default()
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None if root.is_none() => root = Some(node),
                    None => return Err(err("a single root element".into())),
                }
            }
            Ok(Event::End(_)) => {
                let node = stack
                    .pop()
                    .ok_or_else(|| err("a matching start tag".into()))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => root = Some(node),
                }
            }
            Ok(Event::Text(t)) => {
                let s = t
                    .unescape()
                    .map_err(|e| err(format!("valid character references ({e})")))?;
                match stack.last_mut() {
                    Some(n) => n.text.push_str(&s),
                    None => return Err(err("no text outside the root element".into())),
                }
            }
            Ok(Event::CData(t)) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                match stack.last_mut() {
                    Some(n) => n.text.push_str(&s),
                    None => return Err(err("no text outside the root element".into())),
                }
            }
            Ok(Event::DocType(_)) => {
                // Entity definitions are never needed and are how XML bombs work.
                return Err(err("no DOCTYPE declaration".into()));
            }
            Ok(Event::Decl(_) | Event::Comment(_) | Event::PI(_)) => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(ReadError {
            line: Some(open.line),
            column: Some(open.name.clone()),
            ..ReadError::file(file, "a closing tag before the end of the file")
        });
    }
    root.ok_or_else(|| ReadError::file(file, "an XML document (the file has no elements)"))
}

/// Text of a file, or an error at the line of the first byte that is not UTF-8.
pub(crate) fn utf8<'a>(file: &str, bytes: &'a [u8], expected: &str) -> Result<&'a str, ReadError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        ReadError {
            line: Some(line),
            ..ReadError::file(file, expected)
        }
    })
}

/// An indented XML document being written into memory.
pub(crate) struct XmlOut {
    w: Writer<Vec<u8>>,
}

impl XmlOut {
    /// Starts a document with its XML declaration.
    pub fn new() -> Self {
        let mut o = XmlOut {
            w: Writer::new_with_indent(Vec::with_capacity(1 << 20), b' ', 2),
        };
        o.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        o
    }
    // Writing into a Vec cannot fail, so the io::Result is only ever Ok.
    fn event(&mut self, e: Event<'_>) {
        self.w.write_event(e).expect("writing XML to memory");
    }
    pub fn open(&mut self, name: &str) {
        self.event(Event::Start(BytesStart::new(name)));
    }
    pub fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }
    pub fn leaf(&mut self, name: &str, value: &str) {
        self.open(name);
        self.event(Event::Text(BytesText::new(value)));
        self.close(name);
    }
    /// The finished document, ending in a newline.
    pub fn finish(self) -> Vec<u8> {
        let mut bytes = self.w.into_inner();
        bytes.push(b'\n');
        bytes
    }
}

fn name_of(e: &quick_xml::events::BytesStart, file: &str, line: u64) -> Result<String, ReadError> {
    // Namespace prefixes are dropped: returns do not use them, but some tools add one.
    let local = e.local_name();
    String::from_utf8(local.as_ref().to_vec()).map_err(|_| ReadError {
        line: Some(line),
        ..ReadError::file(file, "an element name in UTF-8")
    })
}

fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// Turns byte offsets into line numbers without rescanning from the start each time.
#[derive(Default)]
struct LineCounter {
    pos: usize,
    line: u64,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, pos: usize) -> u64 {
        let pos = pos.min(text.len());
        if pos < self.pos {
            self.pos = 0;
            self.line = 0;
        }
        self.line += text.as_bytes()[self.pos..pos]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.pos = pos;
        self.line + 1
    }
}

/// Maps a tree to records, carrying the file name and the element path for messages.
pub(crate) struct Cursor<'a> {
    pub file: &'a str,
    pub node: &'a Node,
    pub path: String,
}

impl<'a> Cursor<'a> {
    pub fn root(file: &'a str, node: &'a Node) -> Self {
        Cursor {
            file,
            node,
            path: node.name.clone(),
        }
    }

    pub fn child(&self, node: &'a Node) -> Cursor<'a> {
        Cursor {
            file: self.file,
            node,
            path: format!("{}/{}", self.path, node.name),
        }
    }

    /// An error about this element's own value.
    pub fn error(&self, expected: impl Into<String>) -> ReadError {
        ReadError {
            file: self.file.to_string(),
            line: Some(self.node.line),
            column: Some(self.path.clone()),
            value: (!self.node.text.is_empty()).then(|| self.node.text.clone()),
            expected: expected.into(),
        }
    }

    /// An error about something missing from this element.
    pub fn missing(&self, name: &str) -> ReadError {
        ReadError {
            file: self.file.to_string(),
            line: Some(self.node.line),
            column: Some(self.path.clone()),
            value: None,
            expected: format!("a <{name}> element inside <{}>", self.node.name),
        }
    }

    /// Refuses any child element not in `allowed`, so misspelt or foreign data is not lost silently.
    pub fn only(&self, allowed: &[&str]) -> Result<(), ReadError> {
        for c in &self.node.children {
            if !allowed.contains(&c.name.as_str()) {
                let cur = self.child(c);
                return Err(ReadError {
                    value: None,
                    ..cur.error(format!(
                        "one of the elements allowed in <{}>: {}",
                        self.node.name,
                        allowed.join(", ")
                    ))
                });
            }
        }
        Ok(())
    }

    pub fn all(&self, name: &'a str) -> impl Iterator<Item = Cursor<'a>> + '_ {
        self.node
            .children
            .iter()
            .filter(move |c| c.name == name)
            .map(|c| self.child(c))
    }

    /// At most one child with this name.
    pub fn opt(&self, name: &str) -> Result<Option<Cursor<'a>>, ReadError> {
        let mut found = self.node.children.iter().filter(|c| c.name == name);
        let first = found.next();
        if let Some(second) = found.next() {
            return Err(self
                .child(second)
                .error(format!("at most one <{name}> inside <{}>", self.node.name)));
        }
        Ok(first.map(|c| self.child(c)))
    }

    /// Exactly one child with this name.
    pub fn one(&self, name: &str) -> Result<Cursor<'a>, ReadError> {
        self.opt(name)?.ok_or_else(|| self.missing(name))
    }

    /// The trimmed text of an optional child; an empty element counts as absent.
    pub fn opt_value<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, ReadError> {
        match self.opt(name)? {
            None => Ok(None),
            Some(c) => {
                let t = c.node.text.trim();
                if t.is_empty() {
                    return Ok(None);
                }
                parse(t).map(Some).map_err(|e| c.error(e))
            }
        }
    }

    pub fn value<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T, ReadError> {
        let c = self.one(name)?;
        self.opt_value(name, parse)?
            .ok_or_else(|| c.error(format!("a value in <{name}>")))
    }

    pub fn text(&self) -> &str {
        self.node.text.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree_with_lines() {
        let doc = "<?xml version=\"1.0\"?>\n<A>\n  <B>x &amp; y</B>\n  <C/>\n</A>\n";
        let root = parse("t.xml", doc.as_bytes()).unwrap();
        assert_eq!(root.name, "A");
        assert_eq!(root.line, 2);
        assert_eq!(root.children[0].text, "x & y");
        assert_eq!(root.children[0].line, 3);
        assert_eq!(root.children[1].name, "C");
        assert_eq!(root.children[1].line, 4);
    }

    #[test]
    fn refuses_bad_documents() {
        for (doc, want) in [
            ("<A><B></A>", "well-formed"),
            ("<A>", "closing tag"),
            ("", "no elements"),
            ("<A/><B/>", "single root"),
            ("<!DOCTYPE A [<!ENTITY x \"y\">]><A/>", "DOCTYPE"),
            ("<A>&bogus;</A>", "character references"),
        ] {
            let e = parse("t.xml", doc.as_bytes()).unwrap_err();
            assert!(e.to_string().contains(want), "{doc}: {e}");
        }
        let deep = "<A>".repeat(100) + &"</A>".repeat(100);
        assert!(parse("t.xml", deep.as_bytes())
            .unwrap_err()
            .to_string()
            .contains("nested"));
        assert!(parse("t.xml", b"<A>\xff</A>")
            .unwrap_err()
            .to_string()
            .contains("UTF-8"));
    }
}
