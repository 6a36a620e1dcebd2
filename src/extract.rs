//! Stage 2 of the pipeline: [`Article`] → mentions, entities and relations, with spans.
//!
//! Deterministic, offline and fast: sentences and tokens ([`text`]), a gazetteer of real
//! data ([`gazetteer`]), mention detection by capitalisation, titles, heads and context,
//! coreference of name forms inside the article, and relations read as frames around a
//! trigger (a meeting, backing, or proposal) with their participants taken from the
//! clause, not from co-occurrence. Every mention keeps its byte span into the article
//! text, and every relation its sentence, rule and confidence.

mod doc;
mod entities;
pub mod frames;
pub mod gazetteer;
mod invariants;
mod lexicon;
mod mentions;
mod relations;
pub mod text;

use std::collections::BTreeSet;
use std::ops::Range;

use chrono::NaiveDate;

use crate::ingest::{Article, BlockKind};
pub use gazetteer::Gazetteer;

/// The four core entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A named human being.
    Person,
    /// An organisation, agency, outlet, armed group, party or collective actor.
    Organization,
    /// A country, city, district, region or venue.
    Place,
    /// A named event: talks, summit, war.
    Event,
}

impl EntityType {
    /// The local name of the ontology class.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Place => "Place",
            EntityType::Event => "Event",
        }
    }

    /// Parses a class name (case-insensitive; "Organisation" accepted).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_lowercase().as_str() {
            "person" => EntityType::Person,
            "organization" | "organisation" | "org" => EntityType::Organization,
            "place" | "location" => EntityType::Place,
            "event" => EntityType::Event,
            _ => return None,
        })
    }
}

/// A sentence of prose.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Byte span in the article text.
    pub span: Range<usize>,
    /// The block it is in.
    pub block: BlockKind,
    /// Its tokens.
    pub tokens: Vec<text::Token>,
}

/// A mention of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte span into the article text.
    pub span: Range<usize>,
    /// Type of the entity.
    pub etype: EntityType,
    /// Index into [`Extraction::entities`].
    pub entity: usize,
    /// Index into [`Extraction::sentences`]; `None` for bylines, datelines and credits,
    /// which are not prose.
    pub sentence: Option<usize>,
    /// Rule that found it.
    pub rule: &'static str,
    /// Inside a quotation.
    pub in_quote: bool,
}

/// An entity of one article.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Type.
    pub etype: EntityType,
    /// Canonical name: the fullest form the article uses, or the gazetteer's name.
    pub name: String,
    /// Other names the article uses.
    pub aliases: BTreeSet<String>,
    /// Gazetteer entry.
    pub gaz: Option<usize>,
    /// GeoNames id.
    pub geonames: Option<u32>,
    /// Roles and titles.
    pub roles: BTreeSet<String>,
    /// Gazetteer entries of the countries or organisations the person serves.
    pub affiliations: BTreeSet<usize>,
    /// Names given as "known as", "alias".
    pub nicknames: BTreeSet<String>,
    /// A key that identifies the entity beyond its name (events: their place and kind,
    /// so that "Minsk talks" and "Minsk summit" meet).
    pub key: Option<String>,
}

impl Entity {
    /// An entity known by its type and name only (no aliases, gazetteer entry or roles yet).
    pub fn new(etype: EntityType, name: String) -> Self {
        Entity {
            etype,
            name,
            aliases: BTreeSet::new(),
            gaz: None,
            geonames: None,
            roles: BTreeSet::new(),
            affiliations: BTreeSet::new(),
            nicknames: BTreeSet::new(),
            key: None,
        }
    }
}

/// The three core relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RelationKind {
    /// Took part in the same meeting (symmetric).
    MetWith,
    /// Supports, sponsors, arms, funds or is allied with.
    Backs,
    /// Proposed an action.
    Proposed,
}

impl RelationKind {
    /// The local name of the ontology property.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::MetWith => "metWith",
            RelationKind::Backs => "backs",
            RelationKind::Proposed => "proposed",
        }
    }
}

/// One relation as one sentence states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Kind.
    pub kind: RelationKind,
    /// Subject entity (agent, backer, participant).
    pub subject: usize,
    /// Object entity (for metWith and backs).
    pub object: Option<usize>,
    /// Proposal label (for proposed).
    pub proposal: Option<String>,
    /// Index into [`Extraction::sentences`].
    pub sentence: usize,
    /// Rule id.
    pub rule: &'static str,
    /// Confidence 0–1.
    pub confidence: f32,
    /// Index into [`Extraction::meetings`] for metWith.
    pub meeting: Option<usize>,
}

/// The record of a reported meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    /// Participants (entity indices), in order of mention.
    pub participants: Vec<usize>,
    /// Where, when stated.
    pub place: Option<usize>,
    /// When, when stated or resolvable.
    pub date: Option<NaiveDate>,
    /// The named event it belongs to.
    pub event: Option<usize>,
    /// Index into [`Extraction::sentences`].
    pub sentence: usize,
    /// Rule id.
    pub rule: &'static str,
}

/// Everything read from one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Prose sentences.
    pub sentences: Vec<Sentence>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Mentions, in text order per sentence.
    pub mentions: Vec<Mention>,
    /// Relations.
    pub relations: Vec<Relation>,
    /// Meeting records.
    pub meetings: Vec<Meeting>,
}

fn is_title_case(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    // "ICE HOCKEY - NHL RESULTS": a headline in capitals
    let capitals = words.len() >= 2 && words.iter().all(|w| !w.chars().any(char::is_lowercase));
    let long: Vec<&&str> = words.iter().filter(|w| w.len() > 3).collect();
    capitals
        || long.len() >= 3
            && long
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Extracts entities, mentions and relations from one article.
///
/// ```
/// use newsgraph::extract::{extract, EntityType, Gazetteer};
/// use newsgraph::ingest::{Article, Metadata};
/// let a = Article::from_text("t", "Talks\n\nForeign Minister Anna Berg met Mr Tom Vale in Oslo on Monday.\n", Metadata::default());
/// let x = extract(&a, Gazetteer::bundled());
/// let people: Vec<&str> = x.entities.iter().filter(|e| e.etype == EntityType::Person).map(|e| e.name.as_str()).collect();
/// assert_eq!(people, ["Anna Berg", "Tom Vale"]);
/// for m in &x.mentions {
///     assert!(!a.text[m.span.clone()].is_empty());
/// }
/// // one metWith record; the graph asserts it in both directions
/// assert_eq!(x.relations.len(), 1);
/// ```
pub fn extract(article: &Article, gaz: &Gazetteer) -> Extraction {
    let text = &article.text;
    let mut sentences = Vec::new();
    let mut raws = Vec::new();
    for block in &article.blocks {
        if !block.kind.is_prose() {
            continue;
        }
        let mut range = block.span.clone();
        // a credit at the end of a prose line ("… | Island Observer") is read as a credit
        if let Some(c) = article
            .credit_orgs
            .iter()
            .find(|c| c.end == range.end && c.start > range.start)
        {
            range.end = range.start
                + text[range.start..c.start]
                    .trim_end_matches([' ', '|'])
                    .len();
        }
        if let Some(d) = article
            .datelines
            .iter()
            .find(|d| d.span.start == range.start)
        {
            if let Some(p) = &d.place {
                let surface = crate::ingest::title_case(&text[p.clone()]);
                if let Some((id, e)) = gaz.lookup(&surface) {
                    raws.push(mentions::RawMention {
                        span: p.clone(),
                        sentence: None,
                        etype: Some(e.etype),
                        gaz: Some(id),
                        name: surface,
                        honorific: None,
                        role: None,
                        affiliation: None,
                        person_cue: false,
                        rule: "dateline.place",
                        alias_of: None,
                        in_quote: false,
                        event_key: None,
                    });
                } else {
                    raws.push(credit_mention(
                        p.clone(),
                        surface,
                        EntityType::Place,
                        "dateline.place",
                        gaz,
                    ));
                }
            }
            if let Some(r) = &d.region {
                let surface = text[r.clone()].to_string();
                if let Some((id, e)) = gaz.lookup(&surface) {
                    let mut m = credit_mention(r.clone(), surface, e.etype, "dateline.region", gaz);
                    m.gaz = Some(id);
                    raws.push(m);
                }
            }
            // the story starts after the dateline
            range.start = d.span.end;
        }
        let title_case =
            block.kind == BlockKind::Headline && is_title_case(&text[block.span.clone()]);
        // a quotation may run over several sentences of a paragraph, never past its end
        let mut quoted = false;
        for s in text::sentences(text, range) {
            let tokens;
            (tokens, quoted) = text::tokenize_in_quote(text, s.clone(), quoted);
            let idx = sentences.len();
            let ctx = mentions::Ctx::new(text, s.clone(), &tokens, gaz, idx, title_case);
            mentions::detect(&ctx, &mut raws);
            sentences.push(Sentence {
                span: s,
                block: block.kind,
                tokens,
            });
        }
    }
    for span in &article.credit_persons {
        let surface = crate::ingest::title_case(&text[span.clone()]);
        raws.push(credit_mention(
            span.clone(),
            surface,
            EntityType::Person,
            "credit.person",
            gaz,
        ));
    }
    for span in &article.credit_places {
        let surface = crate::ingest::title_case(&text[span.clone()]);
        if let Some((id, e)) = gaz.lookup(&surface) {
            if e.etype == EntityType::Place {
                let mut m = credit_mention(
                    span.clone(),
                    surface,
                    EntityType::Place,
                    "credit.place",
                    gaz,
                );
                m.gaz = Some(id);
                raws.push(m);
            }
        }
    }
    for span in &article.credit_orgs {
        let surface = text[span.clone()].to_string();
        raws.push(credit_mention(
            span.clone(),
            surface,
            EntityType::Organization,
            "credit.org",
            gaz,
        ));
    }
    mentions::settle(text, article.title.as_deref(), &sentences, &mut raws, gaz);
    let (entities, mut mentions) = entities::group(&raws, gaz);
    // prose in order, then what is outside it
    mentions.sort_by_key(|m| (m.sentence.is_none(), m.sentence, m.span.start));
    let mut x = Extraction {
        sentences,
        entities,
        mentions,
        relations: Vec::new(),
        meetings: Vec::new(),
    };
    relations::find(article, gaz, &mut x);
    x
}

fn credit_mention(
    span: Range<usize>,
    name: String,
    etype: EntityType,
    rule: &'static str,
    gaz: &Gazetteer,
) -> mentions::RawMention {
    let g = if etype == EntityType::Person {
        None
    } else {
        gaz.lookup(&name).map(|x| x.0)
    };
    mentions::RawMention {
        span,
        sentence: None,
        etype: Some(etype),
        gaz: g,
        name,
        honorific: None,
        role: None,
        affiliation: None,
        person_cue: etype == EntityType::Person,
        rule,
        alias_of: None,
        in_quote: false,
        event_key: None,
    }
}

/// A human-readable account of an extraction: entities with their names and the rules
/// that found them, and each relation with its sentence (for `newsgraph extract --explain`).
pub fn explain(article: &Article, x: &Extraction) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {} — {}",
        article.source,
        article.title.as_deref().unwrap_or("(no title)")
    );
    let _ = writeln!(
        s,
        "outlet: {}; date: {}; authors: {}",
        article.outlet.as_deref().unwrap_or("-"),
        article.published.map_or("-".to_string(), |d| d.to_string()),
        article.authors.join(", ")
    );
    for (i, e) in x.entities.iter().enumerate() {
        let rules: BTreeSet<&str> = x
            .mentions
            .iter()
            .filter(|m| m.entity == i)
            .map(|m| m.rule)
            .collect();
        let _ = writeln!(
            s,
            "  {:12} {}{}{}  [{}]",
            e.etype.as_str(),
            e.name,
            if e.aliases.is_empty() {
                String::new()
            } else {
                format!(
                    " (also: {})",
                    e.aliases.iter().cloned().collect::<Vec<_>>().join(", ")
                )
            },
            if e.roles.is_empty() {
                String::new()
            } else {
                format!(
                    " role: {}",
                    e.roles.iter().cloned().collect::<Vec<_>>().join(", ")
                )
            },
            rules.into_iter().collect::<Vec<_>>().join(", ")
        );
    }
    for r in &x.relations {
        let obj = match (r.object, &r.proposal) {
            (Some(o), _) => x.entities[o].name.clone(),
            (None, Some(p)) => format!("«{p}»"),
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "  {} {} {}  [{} {:.2}]\n      {}",
            x.entities[r.subject].name,
            r.kind.as_str(),
            obj,
            r.rule,
            r.confidence,
            &article.text[x.sentences[r.sentence].span.clone()]
        );
    }
    s
}
