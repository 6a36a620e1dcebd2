//! Organisations named again by their head word: "the United States House of
//! Representatives issued a subpoena … . It follows requests the House made in May".
//! After every sentence's mentions are found, "the" and a capitalised head word
//! (`data/lexicon/org_short_heads.txt`) that is the head of exactly one organisation the
//! article names in full (its last word, or its word before "of") is a mention of that
//! organisation. A head word two organisations share ("the Council" with a Security
//! Council and a Council of Europe) names neither. Companies are named again without
//! their form too ("Mahan Air" … "Mahan flies"): `company_stems`.

use std::collections::BTreeMap;

use super::super::gazetteer::{EntryKind, Gazetteer};
use super::super::lexicon::{Words, ADJECTIVES, COMMON_WORDS, ORG_SUFFIXES};
use super::super::{EntityType, Sentence};
use super::RawMention;

/// Head words of organisations: `data/lexicon/org_short_heads.txt`.
pub(super) static SHORT_HEADS: Words =
    Words::data(include_str!("../../../data/lexicon/org_short_heads.txt"));

/// Adds a mention for every "the {head}" that stands for one organisation named in full.
pub(super) fn short_forms(text: &str, sentences: &[Sentence], raws: &mut Vec<RawMention>) {
    // head word → the full names whose head it is
    let mut heads: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for m in raws.iter() {
        if m.etype != Some(EntityType::Organization) {
            continue;
        }
        let words: Vec<&str> = m.name.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        // the head is the last word ("Security Council") or the word before "of" ("United
        // States House of Representatives"), not a modifier ("House Judiciary Committee")
        let before_of = (1..words.len())
            .find(|&k| words[k] == "of")
            .map(|k| words[k - 1]);
        for w in before_of.into_iter().chain([words[words.len() - 1]]) {
            if SHORT_HEADS.contains(w) {
                let names = heads.entry(w.to_string()).or_default();
                // "House of Representatives" and "United States House of Representatives"
                // are one organisation: the longer name stands for both
                match names
                    .iter_mut()
                    .find(|n| n.ends_with(m.name.as_str()) || m.name.ends_with(n.as_str()))
                {
                    Some(n) if m.name.len() > n.len() => *n = m.name.clone(),
                    Some(_) => {}
                    None => names.push(m.name.clone()),
                }
            }
        }
    }
    if heads.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let toks = &s.tokens;
        for i in 1..toks.len() {
            let w = &text[toks[i].span.clone()];
            let Some([name]) = heads.get(w).map(Vec::as_slice) else {
                continue;
            };
            // "the House", not "the House Judiciary Committee" nor "White House"
            let next_capitalised = toks
                .get(i + 1)
                .is_some_and(|t| text[t.span.clone()].starts_with(char::is_uppercase));
            if toks[i - 1].lower != "the" || next_capitalised || taken(raws, &toks[i].span) {
                continue;
            }
            found.push(RawMention::found(
                toks[i].span.clone(),
                si,
                Some(EntityType::Organization),
                name.clone(),
                "org.short-form",
                toks[i].quoted,
            ));
        }
    }
    raws.extend(found);
}

/// Adds a mention for every lone word that is the name of one company the article names
/// in full with its company form: "Mahan Air" … "Mahan flies cargo", "Kessler AG" …
/// "Kessler said". Not a word that names a country or a people, or a common word ("Qatar
/// Airways" does not make "Qatar" a company, nor "American Airlines" "American"); a town's
/// name only where no rule made it a place.
pub(super) fn company_stems(
    text: &str,
    sentences: &[Sentence],
    raws: &mut Vec<RawMention>,
    gaz: &Gazetteer,
) {
    // stem → the full names that have it
    let mut stems: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for m in raws.iter() {
        if m.etype != Some(EntityType::Organization) || m.alias_of.is_some() {
            continue;
        }
        let words: Vec<&str> = m.name.split_whitespace().collect();
        let [stem, form] = words[..] else {
            continue;
        };
        let plain = stem.starts_with(char::is_uppercase)
            && stem.chars().all(char::is_alphabetic)
            && !COMMON_WORDS.contains(&stem.to_lowercase().as_str())
            && !ADJECTIVES.contains(stem)
            // a town's name no rule made a place may be the company's ("Mahan")
            && gaz
                .lookup(stem)
                .is_none_or(|(_, e)| matches!(e.kind, EntryKind::City { .. }))
            && gaz.demonym(stem).is_none();
        // "GitHub Trust and Safety": a name cut short is no company's
        let rest = &text[m.span.end..];
        let cut = ["and ", "& "].iter().any(|c| {
            rest.trim_start()
                .strip_prefix(c)
                .is_some_and(|r| r.starts_with(char::is_uppercase))
        });
        if plain && !cut && ORG_SUFFIXES.contains(form) {
            let names = stems.entry(stem.to_string()).or_default();
            if !names.contains(&m.name) {
                names.push(m.name.clone());
            }
        }
    }
    if stems.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let toks = &s.tokens;
        for (i, tok) in toks.iter().enumerate() {
            let w = &text[tok.span.clone()];
            let Some([name]) = stems.get(w).map(Vec::as_slice) else {
                continue;
            };
            let next_capitalised = toks
                .get(i + 1)
                .is_some_and(|t| text[t.span.clone()].starts_with(char::is_uppercase));
            if next_capitalised {
                continue;
            }
            // a capitalised word no rule typed is the company; a typed one stays
            if let Some(m) = raws
                .iter_mut()
                .find(|m| m.span == tok.span && m.etype.is_none())
            {
                m.etype = Some(EntityType::Organization);
                m.name.clone_from(name);
                m.rule = "org.short-form";
                continue;
            }
            if taken(raws, &tok.span) {
                continue;
            }
            found.push(RawMention::found(
                tok.span.clone(),
                si,
                Some(EntityType::Organization),
                name.clone(),
                "org.short-form",
                tok.quoted,
            ));
        }
    }
    raws.extend(found);
}

/// Whether a mention already covers part of `span`.
fn taken(raws: &[RawMention], span: &std::ops::Range<usize>) -> bool {
    raws.iter()
        .any(|m| m.span.start < span.end && span.start < m.span.end)
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Gazetteer};
    use crate::ingest::{Article, Metadata};

    /// The entity named by the mention whose text is the last `surface` of `text`.
    fn named(text: &str, surface: &str) -> Option<String> {
        let x = extract(
            &Article::from_text("t", text, Metadata::default()),
            Gazetteer::bundled(),
        );
        let at = text.rfind(surface).expect(surface);
        let m = x.mentions.iter().find(|m| m.span.start == at)?;
        assert_eq!(&text[m.span.clone()], surface);
        Some(x.entities[m.entity].name.clone())
    }

    #[test]
    fn the_head_word_names_the_one_organisation_it_heads() {
        let text = "Budget\n\nThe Vestland House of Representatives met on Monday. \
                    The House Budget Committee asked for more time. \
                    Later the House voted on the budget.\n";
        assert_eq!(
            named(text, "House").as_deref(),
            Some("Vestland House of Representatives")
        );
    }

    #[test]
    fn a_company_is_named_again_without_its_form() {
        let text = "Ban\n\nLund banned the airline Kessel Air on Monday. \
                    Officials said Kessel flies arms to Chad.\n";
        assert_eq!(named(text, "Kessel").as_deref(), Some("Kessel Air"));
    }

    #[test]
    fn a_country_or_people_is_no_company_stem() {
        let text = "Flights\n\nQatar Airways and American Airlines cut flights. \
                    Qatar said talks would go on; American officials agreed.\n";
        assert_eq!(named(text, "Qatar").as_deref(), Some("Qatar"));
        assert_eq!(named(text, "American"), None);
    }

    #[test]
    fn a_head_word_two_organisations_share_names_neither() {
        let text = "Budget\n\nThe House of Lords met on Monday and the House of Commons \
                    on Tuesday. Later the House voted on the budget.\n";
        assert_eq!(named(text, "House"), None);
    }
}
