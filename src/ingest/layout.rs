//! Layout of pasted article text: which line is the headline, a byline, a timestamp, a
//! photo caption (and its repeat), reporting credits, navigation boilerplate, and where a
//! story paragraph opens with a dateline ("GENEVA, Nov 24 (Reuters) - ").
//!
//! The rules are about the *form* of news pages (position, punctuation, capitalisation,
//! the words pages use for their furniture), never about what a story says.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::{dates::parse_date, Block, BlockKind, Dateline};

/// What the layout analysis found.
#[derive(Debug, Default)]
pub struct Layout {
    /// Every non-empty line, classified.
    pub blocks: Vec<Block>,
    /// Datelines at the start of story paragraphs.
    pub datelines: Vec<Dateline>,
    /// The headline, cleaned of wire prefixes ("UPDATE 3-").
    pub title: Option<String>,
    /// The outlet named by the page furniture ("BBC News - …", "Associated Press").
    pub outlet: Option<String>,
    /// Authors from bylines, in order.
    pub authors: Vec<String>,
    /// Publication date from a timestamp line.
    pub published: Option<NaiveDate>,
    /// Spans of person names in bylines, credits and photo credits.
    pub person_names: Vec<Range<usize>>,
    /// Spans of organisation names (agencies) in credits and datelines.
    pub org_names: Vec<Range<usize>>,
    /// Spans of places in credits and bylines ("Helen Marsh in Lausanne").
    pub place_names: Vec<Range<usize>>,
}

/// News outlets and agencies whose names stand alone on a line or in a credit.
pub const OUTLETS: &[&str] = &[
    "Reuters",
    "AFP",
    "AP",
    "Associated Press",
    "BBC",
    "BBC News",
    "The Guardian",
    "Guardian",
    "EPA",
    "Getty Images",
    "Getty",
    "Xinhua",
    "Tass",
    "TASS",
    "Interfax",
    "Sana",
    "SANA",
    "Al Jazeera",
    "CNN",
    "Bloomberg",
    "Yonhap",
    "Kyodo",
    "AAP",
    "ANSA",
    "dpa",
    "DPA",
    "The New York Times",
    "The Washington Post",
    "Financial Times",
    "The Times",
    "Sky News",
    "NPR",
    "Agence France-Presse",
    "Anadolu",
    "Anadolu Agency",
    "Press Association",
    "PA",
    "Deutsche Welle",
    "France 24",
    "Euronews",
    "RIA Novosti",
    "IRNA",
    "KCNA",
    "EFE",
];

static BOILERPLATE_EXACT: &[&str] = &[
    "read more",
    "read more here",
    "share this page",
    "share this article",
    "share",
    "related stories",
    "related topics",
    "related content",
    "more on this story",
    "topics",
    "reuse this content",
    "advertisement",
    "key events",
    "skip to content",
    "most read",
    "sign up",
    "subscribe",
    "print",
    "email",
    "comments",
    "show more",
    "continue reading",
    "see also",
    "follow us",
    "tweet",
    "save",
    "live",
    "listen",
    "watch",
];
static BOILERPLATE_PREFIX: &[&str] = &[
    "related:",
    "read more:",
    "read more at",
    "enhanced by ",
    "copyright ",
    "©",
    "(c) ",
    "all rights reserved",
    "this material may not be",
    "click here",
    "follow us on",
    "sign up for",
    "more:",
    "see more",
    "also read",
    "recommended:",
    "skip to ",
];
/// Headers after which short lines are tag lists or link lists.
static SECTION_HEADERS: &[&str] = &[
    "topics",
    "related stories",
    "related topics",
    "more on this story",
    "related content",
    "most read",
    "see also",
];

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?P<place>[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+)*)",
        r"(?:, (?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+)*))?",
        r"(?:,? (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}))?",
        r"|(?P<dateonly>[A-Z][a-z]{2,8}\.? \d{1,2}))",
        // "(Reuters) - " before the text, or a line of its own that ends in an ISO date
        // ("LYON, France 1997-03-14", as some agencies' feeds have it)
        r"(?:\s*(?:\((?P<agency>[A-Za-z][A-Za-z .\-]{0,40})\))?\s*[-–—]+\s+",
        r"|\s+(?P<iso>\d{4}-\d{2}-\d{2})\s*$)"
    ))
    .expect("valid regex")
});
static TIME_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC|EST|EDT|CET|CEST|PST|PDT|ET)?$",
    )
    .expect("valid regex")
});
static INITIALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z]{1,4}(?:/[a-z]{1,4})+$").expect("valid regex"));
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    // A personal name: 2–4 words, each capitalised (or all capitals), with hyphenated
    // parts and lower-case particles inside.
    Regex::new(concat!(
        r"^(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ'’.\-]+)",
        r"(?: (?:(?:de|la|del|der|van|von|da|dos|du|bin|al|el|le)(?: |-))*[A-ZÀ-Ý][A-Za-zÀ-ÿ'’.\-]+){1,3}$"
    ))
    .expect("valid regex")
});

fn lower(s: &str) -> String {
    s.trim().to_lowercase()
}

fn is_boilerplate(line: &str) -> bool {
    let l = lower(line);
    let l = l.trim_end_matches([':', '.', '»', '>', ' ']);
    BOILERPLATE_EXACT.contains(&l)
        || BOILERPLATE_PREFIX.iter().any(|p| l.starts_with(p))
        || INITIALS.is_match(line.trim())
        || is_menu(line.trim())
}

/// A menu bar or breadcrumb pasted with the page: short items set apart by runs of spaces,
/// tabs, bars or arrows ("Menu   Search   Subscribe", "WORLD > EUROPE", "Home | News"),
/// with no sentence punctuation.
fn is_menu(line: &str) -> bool {
    static SEP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*[|>›»·•]\s*|\s+/\s+|\t\s*|\s{2,}").expect("valid regex"));
    if line.len() > 120 || line.ends_with(['.', '?', '!', '"', '”', ':']) {
        return false;
    }
    let arrows = SEP
        .find_iter(line)
        .any(|m| m.as_str().contains(['>', '›', '»']));
    let items: Vec<&str> = SEP.split(line).map(str::trim).collect();
    // a breadcrumb may have two items; a headline with its site ("Talks end | Post") may too
    items.len() >= if arrows { 2 } else { 3 }
        && items
            .iter()
            .all(|i| !i.is_empty() && i.split_whitespace().count() <= 3 && !i.contains(", "))
}

/// Whether a line is only a date and time ("Sun Nov 24, 2013 6:41am EST").
fn timestamp_date(line: &str) -> Option<NaiveDate> {
    if line.len() > 80 || line.ends_with('.') && line.split_whitespace().count() > 8 {
        return None;
    }
    let d = parse_date(line)?;
    // Mostly date words: few words that are neither numbers nor short tokens.
    let wordy = line
        .split_whitespace()
        .filter(|w| w.chars().all(char::is_alphabetic) && w.len() > 3)
        .count();
    (wordy <= 5).then_some(d)
}

fn push_name_spans(
    text: &str,
    range: Range<usize>,
    names: &mut Vec<Range<usize>>,
    orgs: &mut Vec<Range<usize>>,
) {
    push_name_spans_with_places(text, range, names, orgs, &mut Vec::new());
}

/// As [`push_name_spans`], also keeping the places of "NAME in PLACE".
fn push_name_spans_with_places(
    text: &str,
    range: Range<usize>,
    names: &mut Vec<Range<usize>>,
    orgs: &mut Vec<Range<usize>>,
    places: &mut Vec<Range<usize>>,
) {
    // Split a list of names ("A and B", "A, B", "A/AFP/Getty Images") into spans,
    // dropping "in PLACE" tails.
    let s = &text[range.clone()];
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut cuts = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let sep = if rest.starts_with(" and ") {
            5
        } else if rest.starts_with(", ") || rest.starts_with(" & ") {
            if rest.starts_with(", ") {
                2
            } else {
                3
            }
        } else if bytes[i] == b'/' || bytes[i] == b';' {
            1
        } else {
            0
        };
        if sep > 0 {
            cuts.push((start, i));
            start = i + sep;
            i += sep;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    cuts.push((start, s.len()));
    for (a, b) in cuts {
        let mut part = &s[a..b];
        if let Some(p) = part.find(" in ") {
            let place = part[p + 4..].trim_end_matches([')', '.', ' ']);
            if !place.is_empty() && place.split_whitespace().count() <= 3 {
                let start = range.start + a + p + 4;
                places.push(start..start + place.len());
            }
            part = &part[..p];
        }
        let trimmed = part.trim();
        if trimmed.is_empty() {
            continue;
        }
        let off = range.start + a + (part.len() - part.trim_start().len());
        let span = off..off + trimmed.len();
        if OUTLETS.contains(&trimmed) {
            orgs.push(span);
        } else if NAME.is_match(trimmed) {
            names.push(span);
        }
    }
}

/// A writer's role after a byline's comma ("Staff Writer", "Chief Political Correspondent").
fn is_role(s: &str) -> bool {
    const ROLES: &[&str] = &[
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "staff",
        "contributor",
        "columnist",
        "analyst",
        "producer",
        "chief",
        "bureau",
    ];
    s.split_whitespace()
        .any(|w| ROLES.contains(&w.to_lowercase().as_str()))
}

/// Reads the layout of an article's text.
pub fn analyse(text: &str) -> Layout {
    let mut out = Layout::default();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut in_section = false;
    let mut body_started = false;
    let mut headline_done = false;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches('\n');
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let span = start + lead..start + lead + trimmed.len();
        let l = lower(trimmed);
        let kind = if !seen.insert(trimmed) {
            BlockKind::Boilerplate
        } else if SECTION_HEADERS.contains(&l.trim_end_matches(':')) {
            in_section = true;
            BlockKind::Boilerplate
        } else if (in_section && trimmed.len() < 70 && !trimmed.ends_with('.'))
            || is_boilerplate(trimmed)
        {
            BlockKind::Boilerplate
        } else if TIME_ONLY.is_match(trimmed) {
            BlockKind::Timestamp
        } else if let Some(d) = dateline(text, &span).filter(|d| d.iso) {
            // "LYON, France 1997-03-14": the place and the date on a line of their own
            if let Some(date) = timestamp_date(trimmed) {
                out.published.get_or_insert(date);
            }
            out.datelines.push(d);
            body_started = true;
            BlockKind::Body
        } else if let Some(d) = timestamp_date(trimmed) {
            out.published.get_or_insert(d);
            BlockKind::Timestamp
        } else if let Some(rest) = trimmed
            .strip_prefix("By ")
            .or_else(|| trimmed.strip_prefix("BY "))
        {
            if rest.split_whitespace().count() <= 12 && !rest.ends_with('.') {
                let before = out.person_names.len();
                let mut r = span.end - rest.len()..span.end;
                // "By Jane Doe, Harbour Times": people are listed with "and"; a comma with
                // no "and" leads to the writer's affiliation (an outlet, or a role)
                if let Some(c) = rest.find(", ").filter(|_| {
                    !rest.contains(" and ") && !rest.contains(" & ") && !rest.contains('/')
                }) {
                    let aff = r.start + c + 2..r.end;
                    let first = text[aff.clone()].split(", ").next().unwrap_or("");
                    let aff = aff.start..aff.start + first.len();
                    if OUTLETS.contains(&first) || NAME.is_match(first) && !is_role(first) {
                        out.org_names.push(aff);
                    }
                    r.end = r.start + c;
                }
                push_name_spans(text, r, &mut out.person_names, &mut out.org_names);
                for n in &out.person_names[before..] {
                    out.authors.push(title_case(&text[n.clone()]));
                }
                BlockKind::Byline
            } else {
                BlockKind::Body
            }
        } else if OUTLETS.contains(&trimmed)
            || trimmed.split('/').all(|p| OUTLETS.contains(&p.trim()))
        {
            let mut names = Vec::new();
            push_name_spans(text, span.clone(), &mut names, &mut out.org_names);
            if out.outlet.is_none() && !body_started {
                out.outlet = Some(trimmed.to_string());
            }
            BlockKind::Credit
        } else if let Some(kind) = credit(text, &span, &mut out) {
            kind
        } else if !headline_done {
            headline_done = true;
            let mut title = trimmed;
            if let Some((outlet, rest)) = title.split_once(" - ") {
                if OUTLETS.contains(&outlet) {
                    out.outlet.get_or_insert_with(|| outlet.to_string());
                    title = rest;
                }
            }
            // a page title pasted with its site: "Talks end without a deal | Island Observer"
            if let Some((head, site)) = title.rsplit_once(" | ") {
                let words: Vec<&str> = site.split_whitespace().collect();
                if (1..=4).contains(&words.len())
                    && words.iter().all(|w| w.starts_with(char::is_uppercase))
                    && head.split_whitespace().count() > words.len()
                {
                    let at = span.end - site.len();
                    out.org_names.push(at..at + site.len());
                    out.outlet.get_or_insert_with(|| site.to_string());
                    title = head;
                }
            }
            if let Some(rest) = strip_wire_prefix(title) {
                title = rest;
            }
            out.title = Some(title.to_string());
            BlockKind::Headline
        } else if let Some(kind) = caption(text, &span, &mut out) {
            kind
        } else if !body_started && is_plain_byline(trimmed) {
            let before = out.person_names.len();
            push_name_spans_with_places(
                text,
                span.clone(),
                &mut out.person_names,
                &mut out.org_names,
                &mut out.place_names,
            );
            for n in &out.person_names[before..] {
                out.authors.push(title_case(&text[n.clone()]));
            }
            BlockKind::Byline
        } else if !body_started && (trimmed.starts_with('*') || trimmed.starts_with('•')) {
            BlockKind::Standfirst
        } else {
            if let Some(d) = dateline(text, &span) {
                if let Some(a) = &d.agency {
                    out.org_names.push(a.clone());
                }
                out.datelines.push(d);
                body_started = true;
            } else if trimmed.ends_with(':') {
                // "Games on Friday:": the lead-in to a list of results is the story's
                body_started = true;
            } else if !body_started
                && trimmed.split_whitespace().count() < 40
                && out.blocks.iter().all(|b| b.kind != BlockKind::Standfirst)
                && !trimmed.ends_with('.')
            {
                out.blocks.push(Block {
                    span,
                    kind: BlockKind::Standfirst,
                });
                continue;
            }
            if trimmed.split_whitespace().count() >= 12 {
                body_started = true;
            }
            BlockKind::Body
        };
        if kind == BlockKind::Body {
            in_section = false;
        }
        out.blocks.push(Block { span, kind });
    }
    out
}

fn strip_wire_prefix(title: &str) -> Option<&str> {
    // "UPDATE 3-Iran, six powers …", "EXCLUSIVE-…"
    let (head, rest) = title.split_once('-')?;
    let head_ok = head
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == ' ')
        && head.chars().any(|c| c.is_ascii_uppercase())
        && head.len() <= 16;
    (head_ok && !rest.starts_with(' ')).then_some(rest)
}

/// "Helen Marsh in Lausanne and Arash Karimi": a line of names with no verb.
fn is_plain_byline(line: &str) -> bool {
    if line.ends_with(['.', '?', '!', '"', '”']) || line.split_whitespace().count() > 12 {
        return false;
    }
    let mut names = 0;
    for part in line.split(" and ") {
        let part = part.split(" in ").next().unwrap_or(part).trim();
        if !NAME.is_match(part) {
            return false;
        }
        names += 1;
    }
    names >= 1
}

fn credit(text: &str, span: &Range<usize>, out: &mut Layout) -> Option<BlockKind> {
    let line = &text[span.clone()];
    let l = line.to_lowercase();
    let parenthesised = line.starts_with('(') && line.ends_with(')');
    if parenthesised
        && (l.contains("reporting by") || l.contains("editing by") || l.contains("writing by"))
    {
        for part_range in split_ranges(text, span.start + 1..span.end - 1, ';') {
            let part = text[part_range.clone()].to_lowercase();
            if let Some(p) = part.find(" by ") {
                let r = part_range.start + p + 4..part_range.end;
                push_name_spans_with_places(
                    text,
                    r,
                    &mut out.person_names,
                    &mut out.org_names,
                    &mut out.place_names,
                );
            }
        }
        return Some(BlockKind::Credit);
    }
    if let Some(p) = l.find(" contributed to this report") {
        // "Associated Press writer Lorne Bauer contributed to this report."
        let mut head = &line[..p];
        if let Some(q) = head.rfind(" in ") {
            // "… writer Rahim Ferozi in Kabul contributed …"
            let place = &head[q + 4..];
            if !place.is_empty() && place.split_whitespace().count() <= 3 {
                let start = span.start + q + 4;
                out.place_names.push(start..start + place.len());
            }
            head = &head[..q];
        }
        let words: Vec<&str> = head.split_whitespace().collect();
        let name_words: Vec<&str> = words
            .iter()
            .rev()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .copied()
            .collect();
        if (2..=4).contains(&name_words.len()) {
            let name_len: usize =
                name_words.iter().map(|w| w.len()).sum::<usize>() + name_words.len() - 1;
            let end = span.start + head.len();
            out.person_names.push(end - name_len..end);
        }
        return Some(BlockKind::Credit);
    }
    for prefix in [
        "Analysis: ",
        "Analysis by ",
        "Reporting by ",
        "Written by ",
        "Edited by ",
    ] {
        if let Some(rest) = line.strip_prefix(prefix) {
            let name = rest.split(',').next().unwrap_or(rest).trim();
            if NAME.is_match(name) {
                let s = span.start + prefix.len();
                out.person_names.push(s..s + name.len());
                return Some(BlockKind::Credit);
            }
        }
    }
    None
}

fn caption(text: &str, span: &Range<usize>, out: &mut Layout) -> Option<BlockKind> {
    let line = &text[span.clone()];
    for marker in [
        "Photograph: ",
        "Photo: ",
        "Photos: ",
        "Picture: ",
        "Image: ",
        "Credit: ",
    ] {
        if let Some(p) = line.rfind(marker) {
            let r = span.start + p + marker.len()..span.end;
            let r = r.start
                ..r.end
                    - text[r.clone()]
                        .trim_end_matches(['.', ')'])
                        .len()
                        .abs_diff(r.len());
            push_name_spans(text, r, &mut out.person_names, &mut out.org_names);
            return Some(BlockKind::Caption);
        }
    }
    None
}

fn split_ranges(text: &str, range: Range<usize>, sep: char) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for (i, c) in text[range.clone()].char_indices() {
        if c == sep {
            out.push(start..range.start + i);
            start = range.start + i + c.len_utf8();
        }
    }
    out.push(start..range.end);
    out.into_iter()
        .map(|r| {
            let s = &text[r.clone()];
            let lead = s.len() - s.trim_start().len();
            r.start + lead..r.start + lead + s.trim().len()
        })
        .collect()
}

fn dateline(text: &str, span: &Range<usize>) -> Option<Dateline> {
    let line = &text[span.clone()];
    let c = DATELINE.captures(line)?;
    let place = c.name("place").filter(|m| m.as_str().len() >= 3);
    let agency = c.name("agency");
    if place.is_none() && agency.is_none() {
        return None;
    }
    let m0 = c.get(0)?;
    let abs = |m: regex::Match<'_>| span.start + m.start()..span.start + m.end();
    Some(Dateline {
        span: abs(m0),
        place: place.map(abs),
        agency: agency.map(abs),
        region: c.name("region").map(abs),
        iso: c.name("iso").is_some(),
    })
}

/// "ANDREAS KOLLER" → "Andreas Koller"; names already in mixed case are kept.
pub fn title_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '\'' && c != '’';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASTED: &str = "UPDATE 2-Talks resume in Oslo\n\nMon Mar 3, 2014 9:15am GMT\n\nBy Jane Doe and RICHARD ROE\n\nOSLO, March 3 (Reuters) - Negotiators met on Monday to resume the long-stalled talks on the border.\n\nREAD MORE\n\nA caption of a picture. Photograph: Ann Lee/AFP\nA caption of a picture. Photograph: Ann Lee/AFP\n\n(Additional reporting by Sam Hill in Bergen; Editing by Kim Poe)\n\nEnhanced by Zemanta\n";

    fn kinds(l: &Layout, text: &str) -> Vec<(BlockKind, String)> {
        l.blocks
            .iter()
            .map(|b| (b.kind, text[b.span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn byline_affiliations_are_not_people() {
        for (byline, people, orgs) in [
            (
                "By Jane Doe, Harbour Times",
                &["Jane Doe"][..],
                &["Harbour Times"][..],
            ),
            ("By Jane Doe, Staff Writer", &["Jane Doe"], &[]),
            ("By Jane Doe, Reuters", &["Jane Doe"], &["Reuters"]),
            (
                "By Jane Doe, Sam Hill and Kim Poe",
                &["Jane Doe", "Sam Hill", "Kim Poe"],
                &[],
            ),
        ] {
            let text = format!("Talks resume in Oslo\n\n{byline}\n\nOSLO - Talks resumed.\n");
            let l = analyse(&text);
            let got = |v: &[Range<usize>]| -> Vec<String> {
                v.iter().map(|r| text[r.clone()].to_string()).collect()
            };
            assert_eq!(got(&l.person_names), people, "{byline}");
            assert_eq!(got(&l.org_names), orgs, "{byline}");
            assert_eq!(l.authors, people, "{byline}");
        }
    }

    #[test]
    fn menus_breadcrumbs_and_the_site_after_a_title() {
        for menu in [
            "Menu   Search   Subscribe",
            "Home | World | Business | Sport",
            "NEWS > AFRICA",
            "News › Middle East",
            "Share this story\tFacebook\tX\tEmail",
        ] {
            assert!(is_menu(menu), "{menu}");
        }
        for not in [
            "Talks end without a deal | Harbour Times",
            "By Jane Doe  |  7 July 2017",
            "Ministers met in Oslo.   They agreed.",
            "Jane Doe",
            "Oslo, Bergen and Tromso",
        ] {
            assert!(!is_menu(not), "{not}");
        }
        let text = "Talks end without a deal in Oslo | Harbour Times\nMenu   Search   Subscribe\n\nOSLO — Talks ended on Friday without a deal after ten days, officials said.\n";
        let l = analyse(text);
        assert_eq!(l.title.as_deref(), Some("Talks end without a deal in Oslo"));
        assert_eq!(l.outlet.as_deref(), Some("Harbour Times"));
        let orgs: Vec<&str> = l.org_names.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(orgs, ["Harbour Times"]);
        assert_eq!(l.blocks[1].kind, BlockKind::Boilerplate);
    }

    #[test]
    fn pasted_wire_story() {
        let l = analyse(PASTED);
        let k = kinds(&l, PASTED);
        assert_eq!(k[0].0, BlockKind::Headline);
        assert_eq!(k[1].0, BlockKind::Timestamp);
        assert_eq!(k[2].0, BlockKind::Byline);
        assert_eq!(k[3].0, BlockKind::Body);
        assert_eq!(k[4], (BlockKind::Boilerplate, "READ MORE".to_string()));
        assert_eq!(k[5].0, BlockKind::Caption);
        assert_eq!(
            k[6].0,
            BlockKind::Boilerplate,
            "a repeated caption is boilerplate"
        );
        assert_eq!(k[7].0, BlockKind::Credit);
        assert_eq!(k[8].0, BlockKind::Boilerplate);
        assert_eq!(l.title.as_deref(), Some("Talks resume in Oslo"));
        assert_eq!(l.authors, ["Jane Doe", "Richard Roe"]);
        assert_eq!(l.published, NaiveDate::from_ymd_opt(2014, 3, 3));
        let names: Vec<&str> = l.person_names.iter().map(|r| &PASTED[r.clone()]).collect();
        assert_eq!(
            names,
            ["Jane Doe", "RICHARD ROE", "Ann Lee", "Sam Hill", "Kim Poe"]
        );
        let orgs: Vec<&str> = l.org_names.iter().map(|r| &PASTED[r.clone()]).collect();
        assert_eq!(orgs, ["Reuters", "AFP"]);
        let d = &l.datelines[0];
        assert_eq!(d.place.clone().map(|r| &PASTED[r]), Some("OSLO"));
    }

    #[test]
    fn datelines_of_several_agencies() {
        for (line, place, agency) in [
            (
                "VIENNA (AP) — After talks, they agreed.",
                Some("VIENNA"),
                Some("AP"),
            ),
            ("HAVANA — The two sides met.", Some("HAVANA"), None),
            (
                "Jan 13 (Reuters) – Officials said so.",
                None,
                Some("Reuters"),
            ),
            (
                "GOYANG, South Korea, April 27 (Reuters) - Leaders met.",
                Some("GOYANG"),
                Some("Reuters"),
            ),
            ("LYON, France 1997-03-14", Some("LYON"), None),
            ("MOSCOW 1996-08-22", Some("MOSCOW"), None),
        ] {
            let d = dateline(line, &(0..line.len())).expect(line);
            assert_eq!(d.place.map(|r| &line[r]), place);
            assert_eq!(d.agency.map(|r| &line[r]), agency);
        }
        let plain = "The talks - long delayed - resumed.";
        assert!(dateline(plain, &(0..plain.len())).is_none());
        let dated = "Talks RESUMED 1997-03-14 in Lyon";
        assert!(dateline(dated, &(0..dated.len())).is_none());
    }
}
