//! Progress bars for long work; silent when asked or when stderr is not a terminal.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Bars {
    hidden: bool,
}

impl Bars {
    pub fn new(quiet: bool) -> Self {
        Bars { hidden: quiet }
    }

    fn target(&self) -> ProgressDrawTarget {
        if self.hidden {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        }
    }

    pub fn bar(&self, what: &str, len: u64) -> ProgressBar {
        let b = ProgressBar::with_draw_target(Some(len), self.target());
        b.set_style(
            ProgressStyle::with_template("{msg:24} [{bar:40}] {pos}/{len} ({eta})")
                .expect("template")
                .progress_chars("=> "),
        );
        b.set_message(what.to_string());
        b
    }

    pub fn spinner(&self, what: String) -> ProgressBar {
        let b = ProgressBar::with_draw_target(None, self.target());
        b.set_style(ProgressStyle::with_template("{spinner} {msg} {elapsed}").expect("template"));
        b.set_message(what);
        b.enable_steady_tick(std::time::Duration::from_millis(120));
        b
    }
}
