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

use crate::extract::lexicon::Words;
use std::collections::BTreeSet;

mod back;
mod clause;
mod meet;
mod propose;

use back::*;
use clause::*;
use meet::*;
use propose::*;

use super::frames::{Starts, Trigger, JOIN, MEET, PRESENT, PROPOSE};
use super::gazetteer::{EntryKind, Gazetteer};
use super::{Entity, EntityType, Extraction, Meeting, Relation, RelationKind};
use crate::ingest::{month_number, resolve_month_day, resolve_weekday, weekday, Article};

struct Sent<'a> {
    idx: usize,
    text: &'a str,
    words: Vec<String>,
    /// token index → mention index (into x.mentions)
    at: Vec<Option<usize>>,
}

impl Sent<'_> {
    fn w(&self, i: usize) -> &str {
        self.words.get(i).map_or("", String::as_str)
    }

    fn matches(&self, i: usize, phrase: &[&str]) -> bool {
        phrase.iter().enumerate().all(|(k, p)| self.w(i + k) == *p)
    }
}

static MODAL: Words = Words::data(include_str!("../../data/lexicon/modal.txt"));
static NEGATION: Words = Words::data(include_str!("../../data/lexicon/negation.txt"));
static AUX: Words = Words::data(include_str!("../../data/lexicon/aux.txt"));

fn blocked(s: &Sent<'_>, trig: usize, allow_modal: bool) -> bool {
    // look back at most four words, and not past the start of the clause
    let mut lo = trig.saturating_sub(4);
    if let Some(b) = (lo..trig)
        .rev()
        .find(|&k| matches!(s.w(k), "and" | "," | ";" | "but" | "while"))
    {
        lo = b + 1;
    }
    (lo..trig).any(|k| {
        NEGATION.contains(&s.w(k))
            || (!allow_modal
                && (MODAL.contains(&s.w(k))
                    || (s.w(k) == "to" && k > 0 && MODAL.contains(&s.w(k - 1)))))
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

pub(crate) fn find(article: &Article, gaz: &Gazetteer, x: &mut Extraction) {
    let text = &article.text;
    let sents: Vec<Sent<'_>> = x
        .sentences
        .iter()
        .enumerate()
        .map(|(idx, s)| {
            let words: Vec<String> = s
                .tokens
                .iter()
                .map(|t| text[t.span.clone()].to_lowercase())
                .collect();
            let mut at = vec![None; s.tokens.len()];
            // mentions are sorted by (sentence, start): this sentence's are one slice
            let lo = x.mentions.partition_point(|m| m.sentence < idx);
            let hi = x.mentions.partition_point(|m| m.sentence <= idx);
            for (mi, m) in x.mentions[lo..hi].iter().enumerate() {
                let first = s.tokens.partition_point(|t| t.span.start < m.span.start);
                for (ti, t) in s.tokens.iter().enumerate().skip(first) {
                    if t.span.end > m.span.end {
                        break;
                    }
                    at[ti] = Some(lo + mi);
                }
            }
            Sent {
                idx,
                text,
                words,
                at,
            }
        })
        .collect();
    for s in &sents {
        meetings(article, s, &sents, x);
        if !joined_meeting(s, &sents, x) {
            present_at(s, x);
        }
        backs(s, &sents, gaz, x);
        proposals(s, &sents, x);
    }
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

fn ent_of(s: &Sent<'_>, x: &Extraction, ti: usize) -> Option<usize> {
    s.at.get(ti)
        .copied()
        .flatten()
        .map(|m| x.mentions[m].entity)
}

/// The token as written (the `words` are lower-cased).
fn surface<'a>(s: &Sent<'a>, x: &Extraction, i: usize) -> &'a str {
    &s.text[x.sentences[s.idx].tokens[i].span.clone()]
}
