//! Typing with the whole article as evidence, after every sentence's mentions are found and
//! before coreference: what one sentence cannot tell, the article often does.
//!
//! - **Clubs.** In a sports report (a sport named in the headline, or a result or fixture
//!   line), a city's name next to a verb of play ("Sevilla drew with Valencia",
//!   "beat Osasuna 3-0"), before a player's role ("Valencia midfielder") or on a result
//!   line ("TORONTO 4 Boston 2", "Dallas At Portland") is the club's, and so is every other
//!   mention of that name in the article but the dateline.
//! - **Not a person after all.** A name typed a person by its shape alone is an
//!   organisation when the article says it is a thing ("Cancer Research UK, which funded
//!   …") or it opens with a city and is no person's shape ("Toronto Maple Leafs"), unless
//!   something says it is a person: a common given name first ("Oliver Grant"), an initial
//!   ("J. Carver"), an age (", 51,"), "who", or a title, role or attribution on any mention
//!   of its last word ("Verhoeven said"). News names far more people than the given-name
//!   list knows ("Sergei Lavrov", "Yingluck Shinawatra"), so a name with no evidence either
//!   way stays a person.

use super::super::gazetteer::{name_key, EntryKind, Gazetteer};
use super::super::lexicon::{Words, ADJECTIVES};
use super::super::{EntityType, Sentence};
use super::typing::line_of;
use super::RawMention;

/// Verbs of play: `data/lexicon/club_verbs.txt`.
static CLUB_VERBS: Words = Words::data(include_str!("../../../data/lexicon/club_verbs.txt"));

/// Sports as headlines name them: `data/lexicon/sports.txt`.
pub(super) static SPORTS: Words = Words::data(include_str!("../../../data/lexicon/sports.txt"));

/// Common given names: `data/lexicon/given_names.txt` (1990 US Census lists; see
/// `scripts/gen_given_names.py`).
pub(super) static GIVEN_NAMES: Words =
    Words::data(include_str!("../../../data/lexicon/given_names.txt"));

/// Words before "for" that make the name after it a side: `data/lexicon/side_for.txt`.
static SIDE_FOR: Words = Words::data(include_str!("../../../data/lexicon/side_for.txt"));

/// Roles of players and staff after a side's name: `data/lexicon/side_roles.txt`.
static SIDE_ROLES: Words = Words::data(include_str!("../../../data/lexicon/side_roles.txt"));

/// Whether the headline names a sport, one word or two: "SOCCER - …", "Tennis: …", "…
/// round of 2020 Sunshine Coast Rugby Union season".
fn sports_headline(title: &str) -> bool {
    let words: Vec<String> = title
        .split([' ', '-', ':', '–'])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (0..words.len()).any(|k| {
        SPORTS.contains(&words[k])
            || k + 1 < words.len() && SPORTS.contains(&format!("{} {}", words[k], words[k + 1]))
    })
}

/// A result line ("TORONTO 4 Boston 2", "Detroit 3 CHICAGO 3 (OT)") or a fixture line
/// ("Dallas At Portland", "Leeds v Hull"): sides, scores and connectors only.
fn side_line(line: &str) -> bool {
    let line = line.split(" (").next().unwrap_or(line).trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 3 {
        return false;
    }
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    let name = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let fixture = words
        .iter()
        .position(|w| matches!(w.to_lowercase().as_str(), "at" | "v" | "vs" | "v." | "vs."))
        .is_some_and(|k| {
            k > 0
                && k + 1 < words.len()
                && words[..k].iter().all(|w| name(w))
                && words[k + 1..].iter().all(|w| name(w))
        });
    let scores = words.iter().filter(|w| number(w)).count();
    let result = scores == 2
        && number(words[words.len() - 1])
        && words.iter().all(|w| number(w) || name(w))
        && !number(words[0]);
    fixture || result
}

/// Settles the types of an article's mentions with the article as evidence (module docs).
pub(crate) fn settle(
    text: &str,
    title: Option<&str>,
    sentences: &[Sentence],
    raws: &mut Vec<RawMention>,
    gaz: &Gazetteer,
) {
    clubs(text, title, sentences, raws, gaz);
    people(text, sentences, raws, gaz);
    super::short_forms::short_forms(text, sentences, raws);
    super::short_forms::company_stems(text, sentences, raws, gaz);
}

fn token_at(sentences: &[Sentence], m: &RawMention) -> Option<(usize, usize, usize)> {
    let s = m.sentence?;
    let toks = &sentences.get(s)?.tokens;
    let a = toks.iter().position(|t| t.span.start == m.span.start)?;
    let b = toks.iter().position(|t| t.span.end == m.span.end)?;
    Some((s, a, b + 1))
}

fn clubs(
    text: &str,
    title: Option<&str>,
    sentences: &[Sentence],
    raws: &mut Vec<RawMention>,
    gaz: &Gazetteer,
) {
    // the starts of the result and fixture lines, found once
    let mut side_lines = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        if side_line(line) {
            side_lines.push(start);
        }
        start += line.len() + 1;
    }
    if side_lines.is_empty() && !title.is_some_and(sports_headline) {
        return;
    }
    let on_side_line = |at: usize| side_lines.contains(&line_of(text, at).start);
    split_fixtures(text, raws, &side_lines);
    // a city's name, or a name that nothing typed or that is an organisation's: "Erik
    // Svensson beat Luka Kovac" is about people
    let city_or_unknown = |m: &RawMention| match m.gaz {
        Some(g) => matches!(gaz.entry(g).kind, EntryKind::City { .. }),
        None => matches!(m.etype, None | Some(EntityType::Organization)),
    };
    let mut clubs = std::collections::HashSet::new();
    for m in raws.iter() {
        // "Argentine striker": a people's adjective is no side
        let demonym = gaz.demonym(&m.name).is_some() || ADJECTIVES.contains(m.name.as_str());
        if m.rule.starts_with("dateline") || !city_or_unknown(m) || m.honorific.is_some() || demonym
        {
            continue;
        }
        if m.etype == Some(EntityType::Event) {
            continue;
        }
        let on_line = on_side_line(m.span.start);
        let by_verb = token_at(sentences, m).is_some_and(|(s, a, b)| {
            let toks = &sentences[s].tokens;
            let before = (a > 0).then(|| toks[a - 1].lower.as_str());
            let after = toks.get(b).map(|t| t.lower.as_str());
            // "scored twice for Porto", "a striker for Benfica"
            let side_for = before == Some("for")
                && (a.saturating_sub(4)..a - 1).any(|k| {
                    SIDE_FOR.contains(toks[k].lower.as_str())
                        || SIDE_ROLES.contains(toks[k].lower.as_str())
                });
            before.is_some_and(|w| CLUB_VERBS.contains(w))
                || side_for
                // "drew 1-1 with Valencia", "lost at home to Leeds"
                || matches!(before, Some("with" | "to"))
                    && (a.saturating_sub(5)..a - 1)
                        .any(|k| CLUB_VERBS.contains(toks[k].lower.as_str()))
                || after.is_some_and(|w| CLUB_VERBS.contains(w) || SIDE_ROLES.contains(w))
        });
        if on_line || by_verb {
            clubs.insert(name_key(&m.name));
        }
    }
    if clubs.is_empty() {
        return;
    }
    for m in raws.iter_mut() {
        if m.rule.starts_with("dateline") || m.person_cue || m.role.is_some() {
            continue;
        }
        let is_country = m
            .gaz
            .is_some_and(|g| gaz.entry(g).kind == EntryKind::Country);
        if !is_country && clubs.contains(&name_key(&m.name)) {
            m.etype = Some(EntityType::Organization);
            m.gaz = None;
            m.rule = "org.club";
        }
    }
}

/// "Dallas At Portland" on a fixture line is two sides, not one name: the mention is cut
/// at the connector (the second side is added at the end, so indices into `raws` hold).
fn split_fixtures(text: &str, raws: &mut Vec<RawMention>, side_lines: &[usize]) {
    for i in 0..raws.len() {
        let span = raws[i].span.clone();
        if !side_lines.contains(&line_of(text, span.start).start) {
            continue;
        }
        let surface = &text[span.clone()];
        let Some((k, sep)) = [" At ", " AT ", " v ", " vs ", " V ", " VS "]
            .iter()
            .find_map(|sep| surface.find(sep).map(|k| (k, *sep)))
        else {
            continue;
        };
        let second = span.start + k + sep.len()..span.end;
        let mut other = raws[i].clone();
        other.name = crate::ingest::title_case(&text[second.clone()]);
        other.span = second;
        let m = &mut raws[i];
        m.span = span.start..span.start + k;
        m.name = crate::ingest::title_case(&text[m.span.clone()]);
        m.etype = None;
        m.gaz = None;
        other.etype = None;
        other.gaz = None;
        raws.push(other);
    }
}

/// Whether the words after the mention give a person's age: "Ekdahl, 51, ran …".
fn age_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let Some(rest) = rest.strip_prefix(", ") else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && rest[digits..].starts_with(',')
}

/// The word after the mention (past a comma) and the word before it.
fn around<'s>(sentences: &'s [Sentence], m: &RawMention) -> (Option<&'s str>, Option<&'s str>) {
    let Some((s, a, b)) = token_at(sentences, m) else {
        return (None, None);
    };
    let toks = &sentences[s].tokens;
    let k = if toks.get(b).is_some_and(|t| t.lower == ",") {
        b + 1
    } else {
        b
    };
    let next = toks.get(k).map(|t| t.lower.as_str());
    let prev = a.checked_sub(1).map(|k| toks[k].lower.as_str());
    (next, prev)
}

fn people(text: &str, sentences: &[Sentence], raws: &mut [RawMention], gaz: &Gazetteer) {
    let last_word = |m: &RawMention| {
        m.name
            .rsplit([' ', '-'])
            .next()
            .unwrap_or_default()
            .to_string()
    };
    // each mention's neighbours and whether an age follows it, read once
    let context: Vec<_> = raws.iter().map(|m| around(sentences, m)).collect();
    let aged: Vec<bool> = raws.iter().map(|m| age_after(text, m.span.end)).collect();
    // the last words of names that something calls a person's
    let mut cued = std::collections::HashSet::new();
    for (i, m) in raws.iter().enumerate() {
        let cue = m.person_cue
            || m.role.is_some()
            || m.honorific.is_some()
            || aged[i]
            || context[i].0 == Some("who");
        if cue && (m.etype == Some(EntityType::Person) || m.etype.is_none()) {
            cued.insert(last_word(m));
        }
    }
    for (i, m) in raws.iter_mut().enumerate() {
        if m.rule != "person.shape" || m.etype != Some(EntityType::Person) {
            continue;
        }
        let first = m.name.split([' ', '-']).next().unwrap_or_default();
        let initial = first.len() <= 2 && first.ends_with('.');
        let (next, prev) = context[i];
        let evidence = GIVEN_NAMES.contains(first)
            || initial
            || cued.contains(&last_word(m))
            || aged[i]
            || next == Some("who");
        if evidence {
            continue;
        }
        // "Cancer Research UK, which funded the work": a thing, not a person; "Toronto
        // Maple Leafs": a city and more words is no person's name
        // (not "a film by Marek Sekielski, which …": there "which" is the film)
        let which =
            next == Some("which") && !matches!(prev, Some("by" | "of" | "and" | "from" | "with"));
        // a city of some size ("Cat Stevens", "Marek Sekielski": small towns of those
        // names), and after it no given name ("Koszalin Piotr Jedlinski")
        let words: Vec<&str> = m.name.split(' ').collect();
        let city_first = gaz.lookup(words[0]).is_some_and(|(_, e)| {
            matches!(e.kind, EntryKind::City { .. }) && e.population >= 100_000
        }) && !words[1..].iter().any(|w| GIVEN_NAMES.contains(*w))
            && (words.len() >= 3 || words.last().is_some_and(|w| w.ends_with('s')));
        if which || city_first {
            m.etype = Some(EntityType::Organization);
            m.rule = "org.not-a-person";
        }
    }
}
