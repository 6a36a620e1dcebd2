//! Relations as frames around a trigger, not co-occurrence.
//!
//! - **metWith**: a meeting trigger ("met", "held talks", "talks with", "news conference
//!   with", "spoke by phone", "telephoned", "joined … at the table") whose people are the
//!   participants; planned, hypothetical and negated meetings are skipped.
//! - **backs**: "A backs B", "B, backed by A", "A-backed B", "whose government backs B"
//!   (the government of A's country), "A's … aid to B".
//! - **proposed**: "proposed", "called for", "pushed (…) for", "urged … to", "offered to",
//!   "demanded that", "the possibility of", "under consideration"; the agent is the clause's
//!   subject (through relative clauses, pronouns, "the two leaders") or the quote's speaker,
//!   and the label is the object phrase up to the clause's end.

use crate::extract::lexicon::{Words, GROUP_NOUNS, ORG_NOUNS};
use std::collections::BTreeSet;

mod adjunct;
mod anaphora;
mod back;
mod clause;
mod deploy;
mod joining;
mod label;
mod lists;
mod meet;
mod nominal;
mod propose;
mod seconded;
mod story;

use adjunct::*;
use anaphora::*;
use back::*;
use clause::*;
use deploy::*;
use joining::*;
use label::*;
use lists::*;
use meet::*;
use nominal::*;
use propose::*;
use seconded::*;
use story::*;

use super::doc::{Doc, Sent};
use super::frames::{Starts, Trigger, ATTEND, BACK, JOIN, MEET, PRESENT, PROPOSE};
use super::gazetteer::{EntryKind, Gazetteer};
use super::text::WordClass;
use super::{Entity, EntityType, Extraction, Meeting, Relation, RelationKind};
use crate::ingest::{month_number, resolve_month_day, resolve_weekday, weekday, Article};

static MODAL: Words = Words::data(include_str!("../../data/lexicon/modal.txt"));
static NEGATION: Words = Words::data(include_str!("../../data/lexicon/negation.txt"));
static AUX: Words = Words::data(include_str!("../../data/lexicon/aux.txt"));

static DENIAL: Words = Words::data(include_str!("../../data/lexicon/denial.txt"));

/// Whether the event at `trig` is stated as not happening: negated or (unless
/// `allow_modal`) planned, expected or hoped in its clause, or inside a denial ("denied
/// claims that he had offered …", "rejected reports that A met B").
fn blocked(s: &Sent<'_>, trig: usize, allow_modal: bool) -> bool {
    // look back at most four words, and not past the start of the clause
    let local = (s.clause_start(trig, 4)..trig).any(|k| {
        NEGATION.contains(&s.w(k))
            || (!allow_modal
                && (MODAL.contains(&s.w(k))
                    || (s.w(k) == "to" && k > 0 && MODAL.contains(&s.w(k - 1)))))
    });
    local
        || (0..trig).any(|d| {
            DENIAL.contains(&s.w(d))
                && (d + 1..trig).any(|q| {
                    matches!(
                        s.w(q),
                        "that" | "claims" | "reports" | "allegations" | "suggestions"
                    )
                })
        })
}

fn ensure_gaz_entity(x: &mut Extraction, gaz: &Gazetteer, id: usize) -> usize {
    if let Some(e) = x.entities.iter().position(|e| e.gaz == Some(id)) {
        return e;
    }
    let entry = gaz.entry(id);
    x.entities.push(Entity {
        gaz: Some(id),
        geonames: entry.geonames,
        ..Entity::new(entry.etype, entry.name.clone())
    });
    x.entities.len() - 1
}

/// The country a word names, as a capital, country or demonym ("Moscow", "U.S.", "Russian").
fn country_of_word(gaz: &Gazetteer, w: &str) -> Option<usize> {
    if let Some(c) = gaz.demonym(w) {
        return gaz.lookup(&gaz.entry(c).name).map(|x| x.0).or(Some(c));
    }
    let (id, e) = gaz.lookup(w)?;
    match e.kind {
        EntryKind::Country => Some(id),
        EntryKind::City {
            capital_of: Some(c),
        } => Some(c),
        EntryKind::Organization | EntryKind::News | EntryKind::User => Some(id),
        _ => None,
    }
}

/// Nouns through which a country acts or speaks: `data/lexicon/state_nouns.txt`.
static STATE_NOUNS: Words = Words::data(include_str!("../../data/lexicon/state_nouns.txt"));

/// "the Turkish statement", "the Yemeni government", "the Russian foreign ministry": a
/// country acting through its government or a text it issued, in the words that end right
/// before token `end`. The country's gazetteer id.
fn state_voice(s: &Sent<'_>, x: &Extraction, end: usize) -> Option<usize> {
    let noun = end.checked_sub(1)?;
    if !STATE_NOUNS.contains(s.w(noun)) {
        return None;
    }
    // at most two lower-case modifiers between the country's word and the noun
    (noun.saturating_sub(3)..noun)
        .rev()
        .take_while(|&k| k + 1 == noun || !s.surface(k + 1).starts_with(char::is_uppercase))
        .find(|&k| s.surface(k).starts_with(char::is_uppercase) && s.entity(x, k).is_none())
        .and_then(|k| country_of_word(s.gaz, s.surface(k)))
        .filter(|&c| s.gaz.entry(c).etype == EntityType::Place)
}

pub(crate) fn find(article: &Article, gaz: &Gazetteer, x: &mut Extraction) {
    // the sentences are read by the frames while they add entities and relations to `x`
    let sentences = std::mem::take(&mut x.sentences);
    let doc = Doc::new(&article.text, gaz, &sentences, x);
    let sents = &doc.sents;
    for s in sents {
        meetings(article, s, sents, x);
        if !joined_meeting(s, sents, x) && !present_at(s, x) {
            at_event(s, x);
        }
        joint_statement(s, sents, x);
        backs(s, sents, x);
        proposals(s, sents, x);
        seconded(s, x);
    }
    story_meeting(sents, x);
    drop(doc);
    x.sentences = sentences;
    x.relations.sort_by(|a, b| {
        (a.sentence, a.kind, a.subject, a.object).cmp(&(b.sentence, b.kind, b.subject, b.object))
    });
    x.relations.dedup_by(|a, b| {
        a.kind == b.kind
            && a.subject == b.subject
            && a.object == b.object
            && a.proposal == b.proposal
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::ingest::Metadata;

    /// The frames read the gazetteer the entities were found with: a user's country, whose
    /// id lies past the bundled list's end, resolves "Zembla's foreign minister" to the
    /// minister named before (with the bundled list alone, the id indexed the wrong list).
    #[test]
    fn a_user_country_in_a_role_description_indexes_the_users_gazetteer() {
        let mut gaz = Gazetteer::bundled_copy();
        gaz.add_user_entry("Zembla", "Place", &[])
            .expect("a user entry");
        let zembla = gaz.lookup("Zembla").expect("the user's country").0;
        assert!(
            zembla >= Gazetteer::bundled().len(),
            "the user's entry comes after the bundled ones"
        );
        let a = Article::from_text(
            "t",
            "Talks\n\nZembla's foreign minister, Anna Berg, arrived in Oslo on Monday. \
             On Tuesday Zembla's foreign minister called for a ceasefire in the north.\n",
            Metadata::default(),
        );
        let x = extract(&a, &gaz);
        let berg = x
            .entities
            .iter()
            .position(|e| e.name == "Anna Berg")
            .expect("Anna Berg");
        assert!(x.entities[berg].affiliations.contains(&zembla));
        let proposals: Vec<(&str, &str)> = x
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Proposed)
            .map(|r| {
                (
                    x.entities[r.subject].name.as_str(),
                    r.proposal.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(proposals, [("Anna Berg", "ceasefire in the north")]);
    }
}
