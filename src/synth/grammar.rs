//! Articles composed from a grammar of the constructions the relation frames read, for
//! robustness testing: the property tests (`tests/robustness.rs`) and the `news` fuzz
//! target (`fuzz/`) turn bytes into articles with [`article`], so every byte is a choice
//! between productions and the frames, pronoun and group resolution, quotes, lists,
//! appositions, negation and modality run on inputs that reach them.
//!
//! Random bytes (proptest's, or libFuzzer's) give varied, well-formed news; a mutation
//! of the bytes changes a choice, not a letter, so coverage-guided fuzzing explores the
//! grammar instead of the spelling. Some productions are deliberately awkward (a sentence
//! in capitals, a lost full stop, a line break inside a sentence, a stray quote mark),
//! since pasted news has all of those. Nothing here is test data for quality.

use super::{CITIES, COUNTRIES, FIRST, LAST, ORGS, OUTLETS, ROLES, THINGS};

/// A stream of choices read from bytes; when they run out every choice is the first.
#[derive(Debug, Clone)]
pub struct Choices<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Choices<'a> {
    /// Choices read from `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Choices { bytes, at: 0 }
    }

    /// Whether every byte has been used.
    pub fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// A number below `n` (0 when the bytes are used up).
    pub fn below(&mut self, n: usize) -> usize {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        usize::from(b) % n.max(1)
    }

    /// One of `items`.
    pub fn pick<'s>(&mut self, items: &[&'s str]) -> &'s str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }

    /// True `percent` times in a hundred (of byte values).
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Noun phrases that point back at someone named before.
const REFERRING: &[&str] = &[
    "He",
    "She",
    "They",
    "It",
    "The minister",
    "The president",
    "Both leaders",
    "The two leaders",
    "Both men",
    "The three ministers",
    "The envoy",
    "Its foreign minister",
    "His counterpart",
    "The two sides",
    "The delegation",
];
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "it", "his counterpart"];

/// Verb groups of meetings, real, planned, refused or denied.
const MEET: &[&str] = &[
    "met",
    "met with",
    "held talks with",
    "has met",
    "spoke by phone with",
    "telephoned",
    "hosted",
    "sat down with",
    "had dinner with",
    "received",
    "will meet",
    "is expected to meet",
    "had hoped to see",
    "refused to meet",
    "did not meet",
    "denied meeting",
    "would meet",
    "is set to hold talks with",
    "shook hands with",
    "signed the accord with",
];
/// Verb groups of backing, both voices.
const BACK: &[&str] = &[
    "backs",
    "supports",
    "has long backed",
    "is backed by",
    "was supported by",
    "armed",
    "supplies weapons to",
    "gives military aid to",
    "does not support",
    "stopped backing",
    "is a close ally of",
    "has accused",
];
/// Verb groups of proposals, demands and calls.
const PROPOSE: &[&str] = &[
    "proposed",
    "called for",
    "pushed for",
    "offered",
    "wants",
    "demanded",
    "sought",
    "put forward",
    "rejected",
    "did not propose",
    "will propose",
    "is expected to call for",
];
const SPEECH: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "said on Monday",
    "told a news conference",
];
const TIME: &[&str] = &[
    "on Monday",
    "on Friday",
    "last week",
    "on 13 January 2014",
    "on Jan. 13",
    "earlier this month",
    "in March",
    "on the sidelines of the summit",
    "for the first time",
    "late on Tuesday",
];
const QUOTES: &[&str] = &[
    "We made progress",
    "There is no military solution",
    "The door remains open",
    "We will not accept this",
    "It was a good meeting",
    "Nothing is agreed until everything is agreed",
];
const FILLER: &[&str] = &[
    "The talks lasted two hours.",
    "No date has been set for the next round.",
    "Officials gave few details.",
    "The meeting had been postponed twice.",
    "It was the first such meeting in almost two years.",
    "Fighting continued in the north.",
];
const NOISE: &[&str] = &[
    "READ MORE",
    "Advertisement",
    "Photo: AFP",
    "Share this article",
    "By Anna Berg, Harbour Times",
    "(Reporting by Omar Haddad; Editing by Lena Lind)",
    "Home | World | Middle East",
];
/// Things that can go wrong with a sentence pasted from a page.
const DAMAGE: &[&str] = &[
    "", "", "", "", "", "", "upper", "nostop", "break", "quote", "lower",
];

/// A person's name, with or without a title or an honorific.
fn person(c: &mut Choices<'_>) -> String {
    let name = format!("{} {}", c.pick(FIRST), c.pick(LAST));
    match c.below(6) {
        0 | 1 => name,
        2 | 3 => format!("{} {name}", c.pick(ROLES)),
        4 => format!("Mr {}", c.pick(LAST)),
        _ => format!(
            "{}'s {} {name}",
            c.pick(COUNTRIES),
            c.pick(&["foreign minister", "president", "envoy", "prime minister"])
        ),
    }
}

/// A party: a person, an organisation, a country, a pronoun or a role that refers back.
fn party(c: &mut Choices<'_>, subject: bool) -> String {
    match c.below(12) {
        0..=3 => person(c),
        4 => c.pick(ORGS).to_string(),
        5 => c.pick(COUNTRIES).to_string(),
        6 | 7 if subject => c.pick(REFERRING).to_string(),
        6 | 7 => c.pick(OBJECT_PRONOUNS).to_string(),
        8 => {
            // a list: "A, B and C"
            let n = 2 + c.below(3);
            let items: Vec<String> = (0..n).map(|_| person(c)).collect();
            let (last, rest) = items
                .split_last()
                .map_or((String::new(), &[][..]), |(l, r)| (l.clone(), r));
            format!("{} and {last}", rest.join(", "))
        }
        9 => format!(
            "{}, {},",
            person(c),
            c.pick(&[
                "the UN envoy",
                "a close ally of Russia",
                "who arrived on Monday",
                "Syria's foreign minister",
                "the opposition leader"
            ])
        ),
        10 => format!(
            "the {}-backed {}",
            c.pick(COUNTRIES),
            c.pick(&["government", "rebels", "militia"])
        ),
        _ => format!(
            "{} {}",
            c.pick(&["the", "a"]),
            c.pick(&[
                "opposition",
                "government",
                "rebels",
                "delegation",
                "alliance"
            ])
        ),
    }
}

fn adjuncts(c: &mut Choices<'_>) -> String {
    let mut s = String::new();
    for _ in 0..c.below(3) {
        match c.below(3) {
            0 => s.push_str(&format!(" in {}", c.pick(CITIES))),
            1 => s.push_str(&format!(" {}", c.pick(TIME))),
            _ => s.push_str(&format!(" in {} ({})", c.pick(CITIES), c.pick(COUNTRIES))),
        }
    }
    s
}

/// One sentence.
fn sentence(c: &mut Choices<'_>) -> String {
    let s = match c.below(14) {
        0..=2 => format!(
            "{} {} {}{}.",
            party(c, true),
            c.pick(MEET),
            party(c, false),
            adjuncts(c)
        ),
        3 | 4 => format!("{} {} {}.", party(c, true), c.pick(BACK), party(c, false)),
        5 | 6 => format!(
            "{} {} {}{}.",
            party(c, true),
            c.pick(PROPOSE),
            c.pick(THINGS),
            adjuncts(c)
        ),
        7 => format!(
            "{} urged {} to {}.",
            party(c, true),
            party(c, false),
            c.pick(&[
                "return to talks",
                "accept a ceasefire",
                "release the detainees",
                "open the border"
            ])
        ),
        8 => format!(
            "“{},” {} {}.",
            c.pick(QUOTES),
            party(c, true).to_lowercase(),
            c.pick(SPEECH)
        ),
        9 => format!(
            "{} {} {} {} {}.",
            party(c, true),
            c.pick(SPEECH),
            c.pick(&["he", "she", "they", "it"]),
            c.pick(&["backs", "proposed", "met", "would meet", "supports"]),
            party(c, false)
        ),
        10 => format!(
            "The talks were {} by {}. Among those taking part were {} and {}, as well as {}.",
            c.pick(&["chaired", "hosted", "arranged"]),
            person(c),
            person(c),
            person(c),
            party(c, false)
        ),
        11 => format!(
            "{} stepped in to mediate between {} and {}{}.",
            party(c, true),
            party(c, false),
            party(c, false),
            adjuncts(c)
        ),
        12 => format!(
            "{} and {} shook hands in {}'s presence{}.",
            person(c),
            person(c),
            c.pick(LAST),
            adjuncts(c)
        ),
        _ => c.pick(FILLER).to_string(),
    };
    match c.pick(DAMAGE) {
        "upper" => s.to_uppercase(),
        "lower" => s.to_lowercase(),
        "nostop" => s.trim_end_matches('.').to_string(),
        "break" => s.replacen(' ', "\n", 1 + c.below(3)),
        "quote" => format!("\"{s}"),
        _ => s,
    }
}

/// An article as pasted text: a headline, perhaps a byline and a dateline, then
/// paragraphs of sentences until the choices run out (at most 40 paragraphs).
pub fn article(bytes: &[u8]) -> String {
    let mut c = Choices::new(bytes);
    let mut out = format!("{} {} {}\n\n", person(&mut c), c.pick(MEET), c.pick(CITIES));
    if c.chance(30) {
        out.push_str(&format!("By {} {}\n\n", c.pick(FIRST), c.pick(LAST)));
    }
    if c.chance(50) {
        out.push_str(&format!(
            "{} ({}) - ",
            c.pick(CITIES).to_uppercase(),
            c.pick(OUTLETS)
        ));
    }
    for p in 0..40 {
        for _ in 0..=c.below(4) {
            out.push_str(&sentence(&mut c));
            out.push(' ');
        }
        out.push_str("\n\n");
        if c.chance(8) {
            out.push_str(c.pick(NOISE));
            out.push_str("\n\n");
        }
        if c.done() && p > 0 {
            break;
        }
    }
    out
}

/// The same article as an HTML page (headline in `<h1>`, paragraphs in `<p>`).
pub fn html_page(bytes: &[u8]) -> String {
    let text = article(bytes);
    let mut paras = text.split("\n\n").filter(|p| !p.trim().is_empty());
    let title = paras.next().unwrap_or("News");
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let mut out = format!(
        "<!doctype html><html><head><title>{}</title></head><body><article><h1>{}</h1>",
        esc(title),
        esc(title)
    );
    for p in paras {
        out.push_str(&format!("<p>{}</p>", esc(p)));
    }
    out.push_str("</article></body></html>\n");
    out
}

/// The same article as one JSON Lines record (title, text, a date, an outlet).
pub fn json_line(bytes: &[u8]) -> String {
    let text = article(bytes);
    let title = text.lines().next().unwrap_or("").to_string();
    serde_json::json!({
        "title": title,
        "text": text,
        "published": "2014-01-13",
        "source": "Example Wire",
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_choose_and_the_same_bytes_give_the_same_article() {
        let a = article(&[7, 1, 200, 3, 9, 44, 12, 0, 5, 6, 250, 18, 77, 2, 31]);
        assert_eq!(
            a,
            article(&[7, 1, 200, 3, 9, 44, 12, 0, 5, 6, 250, 18, 77, 2, 31])
        );
        assert_ne!(
            a,
            article(&[8, 1, 200, 3, 9, 44, 12, 0, 5, 6, 250, 18, 77, 2, 31])
        );
        // no bytes: still an article, with a headline and a body
        let empty = article(&[]);
        assert!(empty.contains("\n\n") && empty.len() > 20, "{empty:?}");
    }

    #[test]
    fn long_random_bytes_reach_every_kind_of_sentence() {
        let mut bytes = Vec::new();
        let mut z: u64 = 1;
        for _ in 0..20_000 {
            z = z
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            bytes.push((z >> 33) as u8);
        }
        let a: String = bytes.chunks(2_000).map(article).collect();
        for want in [
            "met",
            "backs",
            "Among those taking part",
            "mediate",
            "urged",
            "“",
            "He",
            "They",
        ] {
            assert!(a.contains(want), "no {want:?} in a long article");
        }
        let page = html_page(&bytes);
        assert!(page.starts_with("<!doctype html>") && page.contains("<p>"));
        let line = json_line(&bytes);
        assert!(!line.contains('\n'), "one line");
        let v: serde_json::Value = serde_json::from_str(&line).expect("JSON");
        assert_eq!(v["text"].as_str(), Some(article(&bytes).as_str()));
    }
}
