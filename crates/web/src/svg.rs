//! Charts drawn on the server as SVG: each has a title and description for screen readers,
//! and its page shows the same figures as a table beside it. Presentation attributes only
//! (no style attributes), so the content security policy needs no 'unsafe-inline'.

use std::fmt::Write as _;

/// Escapes text for SVG/HTML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The range the values span (padded when flat or empty).
fn range(values: &[Option<f64>]) -> (f64, f64) {
    let (mut lo, mut hi) = values
        .iter()
        .flatten()
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    if lo > hi {
        (lo, hi) = (0.0, 1.0);
    }
    if (hi - lo).abs() < 1e-9 {
        lo -= 1.0;
        hi += 1.0;
    }
    (lo, hi)
}

/// Points scaled into a `w`×`h` box with `pad` margin and `lo..hi` vertically; gaps (None)
/// break the line.
fn paths(values: &[Option<f64>], w: f64, h: f64, pad: f64, (lo, hi): (f64, f64)) -> Vec<String> {
    let n = values.len().max(2) - 1;
    let x = |i: usize| pad + (w - 2.0 * pad) * i as f64 / n as f64;
    let y = |v: f64| h - pad - (h - 2.0 * pad) * (v - lo) / (hi - lo);
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => {
                let cmd = if cur.is_empty() { 'M' } else { 'L' };
                let _ = write!(cur, "{cmd}{:.1} {:.1} ", x(i), y(*v));
            }
            None if !cur.is_empty() => out.push(std::mem::take(&mut cur)),
            None => {}
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A small trend line for a dashboard tile.
pub fn sparkline(id: &str, label: &str, values: &[Option<f64>]) -> String {
    let (w, h) = (120.0, 32.0);
    let lines = paths(values, w, h, 3.0, range(values));
    let mut s = format!(
        "<svg class=\"sl-spark\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" \
         aria-labelledby=\"{id}-t\"><title id=\"{id}-t\">{}</title>",
        esc(label)
    );
    for d in lines {
        let _ = write!(
            s,
            "<path d=\"{d}\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\"/>"
        );
    }
    s.push_str("</svg>");
    s
}

/// A monthly trend chart with axis labels, an optional target line, and title/description.
pub fn line_chart(
    id: &str,
    title: &str,
    desc: &str,
    labels: &[String],
    values: &[Option<f64>],
    target: Option<f64>,
) -> String {
    let (w, h, pad) = (640.0, 240.0, 36.0);
    // Scaled with the target included, so both fit.
    let mut all = values.to_vec();
    all.push(target);
    let (lo, hi) = range(&all);
    let lines = paths(values, w, h, pad, (lo, hi));
    let y = |v: f64| h - pad - (h - 2.0 * pad) * (v - lo) / (hi - lo);
    let mut s = format!(
        "<svg class=\"sl-chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">\
         <title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        esc(title),
        esc(desc)
    );
    let _ = write!(
        s,
        "<line x1=\"{pad}\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\" stroke=\"#505a5f\"/>",
        h - pad,
        w - pad
    );
    for v in [lo, hi] {
        let _ = write!(
            s,
            "<text x=\"2\" y=\"{:.1}\" font-size=\"12\" fill=\"#0b0c0c\">{}</text>",
            y(v) + 4.0,
            trim(v)
        );
    }
    if let (Some(first), Some(last)) = (labels.first(), labels.last()) {
        let _ = write!(
            s,
            "<text x=\"{pad}\" y=\"{0}\" font-size=\"12\" fill=\"#0b0c0c\">{1}</text>\
             <text x=\"{2}\" y=\"{0}\" font-size=\"12\" fill=\"#0b0c0c\" text-anchor=\"end\">{3}</text>",
            h - 10.0,
            esc(first),
            w - pad,
            esc(last)
        );
    }
    if let Some(t) = target {
        let _ = write!(
            s,
            "<line x1=\"{pad}\" y1=\"{0:.1}\" x2=\"{1}\" y2=\"{0:.1}\" stroke=\"#00703c\" \
             stroke-dasharray=\"6 4\"/>",
            y(t),
            w - pad
        );
    }
    for d in lines {
        let _ = write!(
            s,
            "<path d=\"{d}\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\"/>"
        );
    }
    s.push_str("</svg>");
    s
}

fn trim(v: f64) -> String {
    if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_labelled_and_escape_their_text() {
        let s = line_chart(
            "c",
            "A <b> & c",
            "desc",
            &["Apr 2024".into(), "Mar 2026".into()],
            &[Some(1.0), None, Some(3.0)],
            Some(2.0),
        );
        assert!(s.contains("role=\"img\""));
        assert!(s.contains("<title id=\"c-t\">A &lt;b&gt; &amp; c</title>"));
        assert!(s.contains("<desc id=\"c-d\">desc</desc>"));
        assert!(!s.contains("style="));
        // The gap splits the series into two paths.
        assert_eq!(s.matches("<path").count(), 2);
        let spark = sparkline("s", "trend", &[Some(1.0), Some(2.0)]);
        assert_eq!(spark.matches("<path").count(), 1);
    }
}
