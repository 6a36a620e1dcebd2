//! Trigger tables of the relation frames, as data: `data/frames/meet.txt` and
//! `data/frames/propose.txt`, one trigger phrase a line with its rule id, confidence and
//! where the frame's argument starts. The frames (`relations/meet.rs`,
//! `relations/propose.rs`) are the mechanism; a new phrasing of a known construction is
//! a line here, not code.
//!
//! A line is `rule confidence starts phrase…` (whitespace between columns; `#` starts a
//! comment): `rule` is the id recorded on every relation the line gives (`meet.talks`),
//! `confidence` a number in 0–1, `starts` one of `object` (the argument follows the
//! phrase), `after-to` (it follows the "to" after the parties: "urged both sides to
//! …", or the phrase when no "to" comes: "urged restraint") and `only-after-to` (the same,
//! and without the "to" the line gives nothing: "encouraged allies to …", not
//! "encouraging conspiracy theories"), and the phrase is lower-case words as the
//! tokenizer splits them. Lines are tried
//! in order: the first that matches at a word wins.
//!
//! A word ending in `~` is a verb written once for all its forms: `demand~ for` is the
//! four lines `demand for`, `demands for`, `demanded for`, `demanding for`, in that
//! order. Regular forms are made by spelling rules; a verb whose forms the rules get
//! wrong ("stood", "planned") is written out in `data/lexicon/verb_forms.txt`.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::lexicon::entries;

/// Where a frame's argument starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Starts {
    /// Right after the phrase.
    Object,
    /// After the "to" that follows the parties, or right after the phrase without one.
    AfterTo,
    /// After the "to" that follows the parties, and nothing without one.
    OnlyAfterTo,
}

/// One trigger phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    /// The rule id of what it gives.
    pub rule: &'static str,
    /// How sure a relation it gives is.
    pub confidence: f32,
    /// Where the argument starts.
    pub starts: Starts,
    /// The phrase's words.
    pub words: Vec<&'static str>,
}

/// A trigger table read from a data file on first use.
#[derive(Debug)]
pub struct Triggers {
    name: &'static str,
    text: &'static str,
    table: OnceLock<(Vec<Trigger>, FxHashSet<&'static str>)>,
}

/// Irregular verbs: `data/lexicon/verb_forms.txt`, one verb a line as `base third-person
/// past -ing`.
static VERB_FORMS: &str = include_str!("../../data/lexicon/verb_forms.txt");

/// The forms of verb `base` (base, third person, past, -ing): the irregular list first,
/// then English spelling rules.
pub fn verb_forms(base: &str) -> [String; 4] {
    for line in entries(VERB_FORMS) {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() == 4 && f[0] == base {
            return [f[0], f[1], f[2], f[3]].map(str::to_string);
        }
    }
    let b = base;
    // "lobby" → "lobbies", "lobbied" (not "obey")
    let y_stem = b
        .strip_suffix('y')
        .filter(|stem| stem.ends_with(|c: char| !"aeiou".contains(c)));
    let third = if let Some(stem) = y_stem {
        format!("{stem}ies")
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| b.ends_with(e))
    {
        format!("{b}es")
    } else {
        format!("{b}s")
    };
    let past = match y_stem {
        Some(stem) => format!("{stem}ied"),
        None if b.ends_with('e') => format!("{b}d"),
        None => format!("{b}ed"),
    };
    let ing = if let Some(stem) = b.strip_suffix("ie") {
        format!("{stem}ying")
    } else if b.ends_with('e') && !b.ends_with("ee") && b.len() > 2 {
        format!("{}ing", &b[..b.len() - 1])
    } else {
        format!("{b}ing")
    };
    [b.to_string(), third, past, ing]
}

/// The phrases a line's words stand for: one, or one per form of its `~` verb.
fn expand(words: &[&'static str]) -> Result<Vec<Vec<&'static str>>, String> {
    let marked: Vec<usize> = (0..words.len())
        .filter(|&k| words[k].ends_with('~'))
        .collect();
    match marked[..] {
        [] => Ok(vec![words.to_vec()]),
        [k] => Ok(verb_forms(words[k].trim_end_matches('~'))
            .into_iter()
            .map(|form| {
                let mut w = words.to_vec();
                // the tables are read once per process: their few forms live as long
                w[k] = Box::leak(form.into_boxed_str());
                w
            })
            .collect()),
        _ => Err("more than one word ends in `~`".into()),
    }
}

/// Reads one line of a table (a `~` line gives one trigger per form).
fn parse_line(line: &'static str) -> Result<Vec<Trigger>, String> {
    let mut cols = line.split_whitespace();
    let rule = cols.next().ok_or("no rule id")?;
    let confidence: f32 = cols
        .next()
        .and_then(|c| c.parse().ok())
        .filter(|c| (0.0..=1.0).contains(c))
        .ok_or("the confidence is not a number in 0-1")?;
    let starts = match cols.next() {
        Some("object") => Starts::Object,
        Some("after-to") => Starts::AfterTo,
        Some("only-after-to") => Starts::OnlyAfterTo,
        _ => {
            return Err(
                "the third column is none of `object`, `after-to` and `only-after-to`".into(),
            )
        }
    };
    let words: Vec<&'static str> = cols.collect();
    if words.is_empty() {
        return Err("no phrase".into());
    }
    if words.iter().any(|w| w.chars().any(char::is_uppercase)) {
        return Err("a phrase is written in lower case".into());
    }
    Ok(expand(&words)?
        .into_iter()
        .map(|words| Trigger {
            rule,
            confidence,
            starts,
            words,
        })
        .collect())
}

impl Triggers {
    /// The table in `text` (the contents of `data/frames/{name}`).
    pub const fn data(name: &'static str, text: &'static str) -> Self {
        Triggers {
            name,
            text,
            table: OnceLock::new(),
        }
    }

    /// Reads the table; a line it cannot read names the file and the line.
    pub fn parse(&self) -> Result<Vec<Trigger>, String> {
        let lines: Result<Vec<Vec<Trigger>>, String> = entries(self.text)
            .map(|l| parse_line(l).map_err(|e| format!("data/frames/{}: {l:?}: {e}", self.name)))
            .collect();
        Ok(lines?.into_iter().flatten().collect())
    }

    fn table(&self) -> &(Vec<Trigger>, FxHashSet<&'static str>) {
        self.table.get_or_init(|| {
            // the tables are compiled in and checked by a test, so this cannot fail in a
            // release; should it, the frame finds nothing rather than stopping
            let all = self.parse().unwrap_or_default();
            let first = all
                .iter()
                .filter_map(|t| t.words.first().copied())
                .collect();
            (all, first)
        })
    }

    /// Every trigger, in order.
    pub fn all(&self) -> &[Trigger] {
        &self.table().0
    }

    /// Whether some trigger starts with `word` (most words start none: trying every
    /// phrase at every word was a tenth of extraction time).
    pub fn starts(&self, word: &str) -> bool {
        self.table().1.contains(word)
    }

    /// The first trigger whose words `matches` accepts, when `word` starts one.
    pub fn first_at(&self, word: &str, matches: impl Fn(&[&str]) -> bool) -> Option<&Trigger> {
        if !self.starts(word) {
            return None;
        }
        self.all().iter().find(|t| matches(&t.words))
    }

    /// The trigger whose phrase is `words`.
    pub fn find(&self, words: &[&str]) -> Option<&Trigger> {
        self.all().iter().find(|t| t.words == words)
    }
}

/// Triggers of meetings.
pub static MEET: Triggers = Triggers::data("meet.txt", include_str!("../../data/frames/meet.txt"));
/// Triggers of proposals.
pub static PROPOSE: Triggers =
    Triggers::data("propose.txt", include_str!("../../data/frames/propose.txt"));

/// Phrases of joining a meeting reported before ("joined the talks").
pub static JOIN: Triggers = Triggers::data("join.txt", include_str!("../../data/frames/join.txt"));
/// Phrases that list participants apart from the verb ("Also present were").
pub static PRESENT: Triggers =
    Triggers::data("present.txt", include_str!("../../data/frames/present.txt"));

/// Backing stated as a noun: "X's support for Y".
pub static BACK: Triggers = Triggers::data("back.txt", include_str!("../../data/frames/back.txt"));

/// Presence at a meeting stated by place: "at the summit", "on the sidelines of the talks".
pub static ATTEND: Triggers =
    Triggers::data("attend.txt", include_str!("../../data/frames/attend.txt"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_reads_and_names_a_bad_line() {
        for t in [&MEET, &PROPOSE, &JOIN, &PRESENT, &ATTEND, &BACK] {
            let all = t.parse().expect("table reads");
            assert!(all.len() >= 5, "{}: {} triggers", t.name, all.len());
            let mut seen = std::collections::HashSet::new();
            for tr in &all {
                assert!(seen.insert(&tr.words), "{}: {:?} twice", t.name, tr.words);
                // join and present lines add to meetings
                let frame = match t.name {
                    "propose.txt" => "propose",
                    "back.txt" => "backs",
                    _ => "meet",
                };
                assert!(
                    tr.rule.starts_with(&format!("{frame}.")),
                    "{}: rule {}",
                    t.name,
                    tr.rule
                );
            }
        }
        assert!(MEET.starts("met") && !MEET.starts("the"));
        assert_eq!(
            MEET.find(&["talks", "with"]).map(|t| t.rule),
            Some("meet.talks")
        );
        let bad = Triggers::data(
            "x.txt",
            "meet.verb 0.8 object met\nmeet.verb high object met\n",
        );
        let e = bad.parse().expect_err("a confidence that is no number");
        assert!(
            e.starts_with("data/frames/x.txt: \"meet.verb high object met\": the confidence"),
            "{e}"
        );
        assert!(parse_line("propose.x 0.7 later called for").is_err());
        assert!(parse_line("propose.x 0.7 object Called for").is_err());
        assert!(parse_line("propose.x 0.7 object").is_err());
        assert!(parse_line("propose.x 0.7 object call~ on~").is_err());
    }

    #[test]
    fn a_marked_verb_stands_for_its_forms() {
        let forms = |l| {
            parse_line(l)
                .expect("line reads")
                .into_iter()
                .map(|t| t.words.join(" "))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            forms("propose.x 0.7 object demand~ that"),
            [
                "demand that",
                "demands that",
                "demanded that",
                "demanding that"
            ]
        );
        assert_eq!(
            forms("propose.x 0.7 object stand~ ready to"),
            [
                "stand ready to",
                "stands ready to",
                "stood ready to",
                "standing ready to"
            ]
        );
        assert_eq!(verb_forms("urge"), ["urge", "urges", "urged", "urging"]);
        assert_eq!(
            verb_forms("press"),
            ["press", "presses", "pressed", "pressing"]
        );
        assert_eq!(
            verb_forms("lobby"),
            ["lobby", "lobbies", "lobbied", "lobbying"]
        );
        assert_eq!(verb_forms("plan"), ["plan", "plans", "planned", "planning"]);
        assert_eq!(verb_forms("seek"), ["seek", "seeks", "sought", "seeking"]);
    }
}
