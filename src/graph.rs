//! Stage 3 of the pipeline: extractions → RDF quads.
//!
//! Entities are resolved across articles into one node per real-world entity (gazetteer
//! entries by GeoNames id or name; people by the words of their name, so "Kerry" in one
//! article joins "John Kerry" of another; organisations by name and acronym), with
//! deterministic IRIs under a configurable base: the same input in the same order mints
//! the same IRIs on any machine. Every relation carries its evidence as a reified
//! `ng:Assertion` (article, sentence, character offsets, rule, confidence) in plain RDF 1.1.

pub mod meetings;
pub mod tally;
pub mod vocab;

use std::collections::{BTreeSet, HashMap};

use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};

use crate::extract::gazetteer::{fold, is_subsequence, name_key, name_words as words};
use crate::extract::{EntityType, Extraction, Gazetteer, RelationKind};
use crate::ingest::{hex_sha256, Article};
use tally::Tallies;
use vocab::{ng, owl, prov, schema, skos};

/// The default base IRI of minted nodes.
pub const DEFAULT_BASE: &str = "https://example.org/newsgraph/";

/// Errors of the graph stage.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    /// The base IRI is not an absolute IRI ending in `/` or `#`.
    #[error("base IRI {iri:?} is not an absolute http(s) IRI ending with '/' or '#'")]
    BadBase {
        /// The IRI given.
        iri: String,
    },
}

/// An entity already in the graph (read back from a store).
#[derive(Debug, Clone)]
pub struct KnownEntity {
    /// Its IRI.
    pub iri: String,
    /// Its type.
    pub etype: EntityType,
    /// Its rdfs:label.
    pub label: String,
    /// Its skos:altLabels.
    pub alt_labels: Vec<String>,
    /// Its GeoNames id (places from the gazetteer).
    pub geonames: Option<u32>,
}

#[derive(Debug, Clone)]
struct Global {
    iri: NamedNode,
    etype: EntityType,
    label: String,
    alts: BTreeSet<String>,
    roles: BTreeSet<String>,
    affiliations: BTreeSet<usize>,
    geonames: Option<u32>,
    dirty: bool,
}

/// Builds the graph of a sequence of articles.
#[derive(Debug)]
pub struct GraphBuilder {
    base: String,
    ents: Vec<Global>,
    by_key: HashMap<String, usize>,
    iris: HashMap<String, usize>,
    /// Entities by type and [`skeleton`] of their label, and persons by the first and
    /// the last word of their label: the candidates of the two fuzzy joins in
    /// `resolve`, found without a scan of every entity (which made building quadratic
    /// in the number of entities). An entry may be stale after a label changes (the
    /// new label is added); candidates are checked against the current label.
    by_skeleton: HashMap<String, Vec<usize>>,
    by_end_word: HashMap<String, Vec<usize>>,
    tallies: Tallies,
    /// Meeting reports of the articles built since the last [`GraphBuilder::take_reports`].
    reports: Vec<meetings::Report>,
}

/// A transliteration-tolerant key: per word, consonants only, after folding "x" to
/// "ks", "ph" to "f", "c"/"q" to "k", without "h", "w" and "y", repeats collapsed; name
/// particles ("al", "de") dropped. "Oleksandr Zakharchenko" and "Alexander Zakharchenko"
/// meet, as do "Serraj" and "Sarraj".
pub fn skeleton(name: &str) -> String {
    const PARTICLES: &[&str] = &[
        "al", "el", "ad", "as", "ash", "de", "la", "del", "der", "van", "von", "da", "du", "bin",
        "ibn", "ben", "abu",
    ];
    words(name)
        .into_iter()
        .filter(|w| !PARTICLES.contains(&w.as_str()))
        .map(|w| {
            let w = w
                .replace("ph", "f")
                .replace('x', "ks")
                .replace(['c', 'q'], "k");
            let mut out = String::new();
            for ch in w.chars().filter(|c| !"aeiouyhw".contains(*c)) {
                if !out.ends_with(ch) {
                    out.push(ch);
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Levenshtein similarity of two folded names, 0–1.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = fold(a).chars().collect();
    let b: Vec<char> = fold(b).chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    1.0 - prev[b.len()] as f64 / a.len().max(b.len()) as f64
}

/// Adds `id` to an index entry unless it is already its last.
fn push_unique(ids: &mut Vec<usize>, id: usize) {
    if ids.last() != Some(&id) {
        ids.push(id);
    }
}

/// A readable IRI segment: "François Hollande" → "francois-hollande".
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c == '+' {
            out.push_str("-plus-");
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let t = out.trim_matches('-').to_string();
    if t.is_empty() {
        hex_sha256(s.as_bytes())[..12].to_string()
    } else {
        t.chars().take(80).collect()
    }
}

/// Whether a metadata author looks like one person's name ("Lena Brooks", "J. R. Hale",
/// "Ana de la Cruz"): two to five words, capitalised apart from name particles, and no
/// word of a desk or an agency ("Staff Reporter", "Reuters Editorial", "AP").
fn personal_name(s: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "la", "van", "von", "der", "al", "bin", "da", "di", "le",
    ];
    const NOT_NAMES: &[&str] = &[
        "staff",
        "reporter",
        "reporters",
        "correspondent",
        "editor",
        "editors",
        "editorial",
        "desk",
        "news",
        "team",
        "writer",
        "writers",
        "service",
        "agency",
        "bureau",
        "wire",
        "wires",
        "and",
        "with",
        "by",
    ];
    let w: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&w.len())
        && w.first().is_some_and(|f| f.starts_with(char::is_uppercase))
        && w.last().is_some_and(|f| f.starts_with(char::is_uppercase))
        && w.iter().all(|w| {
            (w.starts_with(char::is_uppercase) || PARTICLES.contains(w))
                && !NOT_NAMES.contains(&w.to_lowercase().as_str())
                // a word in capitals is an acronym ("AP", "AFP"), unless an initial ("J.")
                && (w.chars().any(char::is_lowercase)
                    || w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        })
}

/// Whether `short` is `outlet` without a generic last word ("Harbourline" for "Harbourline
/// News", "Meridian" for "Meridian Post"): how an outlet credits itself in datelines.
fn short_outlet_form(short: &str, outlet: &str) -> bool {
    const GENERIC: &[&str] = &[
        "News", "Post", "Times", "Daily", "Wire", "Online", "Media", "Agency", "Network", "TV",
        "Radio", "Herald", "Tribune", "Journal", "Observer", "Ledger", "Press",
    ];
    outlet
        .strip_prefix(short)
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|rest| GENERIC.contains(&rest))
}

fn type_path(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "person",
        EntityType::Organization => "organization",
        EntityType::Place => "place",
        EntityType::Event => "event",
    }
}

fn class(t: EntityType) -> NamedNodeRef<'static> {
    match t {
        EntityType::Person => ng::PERSON,
        EntityType::Organization => ng::ORGANIZATION,
        EntityType::Place => ng::PLACE,
        EntityType::Event => ng::EVENT,
    }
}

/// The path, under the base IRI, of the world graph.
pub const WORLD_GRAPH_PATH: &str = "graph/world";

fn in_graph(mut quad: Quad, graph: NamedNode) -> Quad {
    quad.graph_name = graph.into();
    quad
}

fn q(
    s: impl Into<oxigraph::model::NamedOrBlankNode>,
    p: NamedNodeRef<'_>,
    o: impl Into<Term>,
) -> Quad {
    Quad::new(s, p, o, GraphName::DefaultGraph)
}

/// The IRI of a node of `kind` (meeting, assertion, proposal, tally) under `base`,
/// named by a hash of the parts that identify it.
fn mint(base: &str, kind: &str, parts: &[&str]) -> NamedNode {
    let h = hex_sha256(parts.join("\u{1f}").as_bytes());
    NamedNode::new_unchecked(format!("{base}{kind}/{}", &h[..16]))
}

impl GraphBuilder {
    /// A builder minting IRIs under `base`.
    pub fn new(base: &str) -> Result<Self, GraphError> {
        let ok = url::Url::parse(base).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
            && (base.ends_with('/') || base.ends_with('#'));
        if !ok || NamedNode::new(base).is_err() {
            return Err(GraphError::BadBase {
                iri: base.to_string(),
            });
        }
        Ok(GraphBuilder {
            base: base.to_string(),
            ents: Vec::new(),
            by_key: HashMap::new(),
            iris: HashMap::new(),
            by_skeleton: HashMap::new(),
            by_end_word: HashMap::new(),
            tallies: Tallies::default(),
            reports: Vec::new(),
        })
    }

    /// Makes entities already in a store known, so new articles join them exactly as
    /// they would have joined them in one run: a gazetteer entity is found by its
    /// identity (GeoNames id, or its gazetteer name) and not by its other labels, which
    /// may be metonyms ("Warsaw" for Poland) naming other entries.
    pub fn seed(&mut self, known: impl IntoIterator<Item = KnownEntity>, gaz: &Gazetteer) {
        for k in known {
            let Ok(iri) = NamedNode::new(&k.iri) else {
                continue;
            };
            let id = self.ents.len();
            self.iris.insert(k.iri.clone(), id);
            let from_gazetteer = k.geonames.is_some()
                || gaz
                    .lookup(&k.label)
                    .is_some_and(|(_, e)| e.etype == k.etype && e.name == k.label);
            let g = Global {
                iri,
                etype: k.etype,
                label: k.label.clone(),
                alts: k.alt_labels.iter().cloned().collect(),
                roles: BTreeSet::new(),
                affiliations: BTreeSet::new(),
                geonames: k.geonames,
                dirty: false,
            };
            self.ents.push(g);
            self.index_label(id);
            if let Some(geo) = k.geonames {
                self.by_key.entry(format!("geo:{geo}")).or_insert(id);
            }
            self.register(id, k.etype, &k.label);
            if !from_gazetteer {
                for name in &k.alt_labels {
                    self.register(id, k.etype, name);
                }
            }
        }
    }

    /// Adds an entity's current label to the indexes of the fuzzy joins.
    fn index_label(&mut self, id: usize) {
        let g = &self.ents[id];
        let key = format!("{}:{}", type_path(g.etype), skeleton(&g.label));
        push_unique(self.by_skeleton.entry(key).or_default(), id);
        if g.etype == EntityType::Person {
            let w = words(&g.label);
            for k in [
                w.first().map(|f| format!("f:{f}")),
                w.last().map(|l| format!("l:{l}")),
            ]
            .into_iter()
            .flatten()
            {
                push_unique(self.by_end_word.entry(k).or_default(), id);
            }
        }
    }

    fn register(&mut self, id: usize, etype: EntityType, name: &str) {
        let key = format!("{}:{}", type_path(etype), name_key(name));
        self.by_key.entry(key).or_insert(id);
    }

    fn mint(&mut self, etype: EntityType, name: &str, suffix: Option<u32>) -> NamedNode {
        let mut s = slug(name);
        if let Some(x) = suffix {
            s = format!("{s}-{x}");
        }
        let mut iri = format!("{}{}/{}", self.base, type_path(etype), s);
        let mut n = 2;
        while self.iris.contains_key(&iri) {
            iri = format!("{}{}/{}-{}", self.base, type_path(etype), s, n);
            n += 1;
        }
        NamedNode::new_unchecked(iri)
    }

    /// Finds or creates the global entity of an article's entity.
    fn resolve(&mut self, e: &crate::extract::Entity, gaz: &Gazetteer) -> usize {
        let mut keys = Vec::new();
        if let Some(g) = e.gaz {
            let entry = gaz.entry(g);
            keys.push(match entry.geonames {
                Some(id) => format!("geo:{id}"),
                None => format!("{}:{}", type_path(e.etype), name_key(&entry.name)),
            });
        }
        let w = words(&e.name);
        if let Some(k) = &e.key {
            keys.push(k.clone());
        }
        keys.push(format!("{}:{}", type_path(e.etype), name_key(&e.name)));
        // a gazetteer entry is known by its identity; its aliases may be metonyms
        // ("Damascus" for Syria) that name other entries
        let alias_keys = if e.gaz.is_some() {
            Vec::new()
        } else {
            e.aliases
                .iter()
                .chain(e.nicknames.iter())
                .cloned()
                .collect()
        };
        for a in &alias_keys {
            if e.etype != EntityType::Person || words(a).len() >= 2 || e.nicknames.contains(a) {
                keys.push(format!("{}:{}", type_path(e.etype), name_key(a)));
            }
        }
        let mut found = keys
            .iter()
            .find_map(|k| self.by_key.get(k).copied())
            .filter(|&id| self.ents[id].etype == e.etype);
        if found.is_none()
            && e.gaz.is_none()
            && matches!(e.etype, EntityType::Person | EntityType::Place)
        {
            // the same name in another transliteration ("Oleksandr"/"Alexander")
            let sk = skeleton(&e.name);
            if sk.replace(' ', "").len() >= 4 && (e.etype != EntityType::Person || w.len() >= 2) {
                // the most similar, ties to the smallest IRI: the choice must not
                // depend on the order entities became known (one run or several)
                let key = format!("{}:{sk}", type_path(e.etype));
                let cands = self.by_skeleton.get(&key).map_or(&[][..], Vec::as_slice);
                found = cands
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let g = &self.ents[i];
                        g.etype == e.etype && skeleton(&g.label) == sk
                    })
                    .map(|i| (similarity(&self.ents[i].label, &e.name), i))
                    .filter(|&(sim, _)| sim >= 0.75)
                    .max_by(|a, b| {
                        a.0.total_cmp(&b.0).then_with(|| {
                            self.ents[b.1].iri.as_str().cmp(self.ents[a.1].iri.as_str())
                        })
                    })
                    .map(|(_, i)| i);
            }
        }
        if found.is_none() && e.etype == EntityType::Person && e.gaz.is_none() {
            // a person named in part: join the one person whose name has these words
            let mut cands: Vec<usize> = [
                w.first().map(|f| format!("f:{f}")),
                w.last().map(|l| format!("l:{l}")),
            ]
            .into_iter()
            .flatten()
            .filter_map(|k| self.by_end_word.get(&k))
            .flatten()
            .copied()
            .filter(|&i| self.ents[i].etype == EntityType::Person)
            .filter(|&i| {
                let gw = words(&self.ents[i].label);
                (is_subsequence(&w, &gw) || is_subsequence(&gw, &w))
                    && (gw.last() == w.last() || gw.first() == w.first())
            })
            .collect();
            cands.sort_unstable();
            cands.dedup();
            if cands.len() == 1 {
                found = Some(cands[0]);
            }
        }
        let id = match found {
            Some(id) => id,
            None => {
                let (label, geonames) = match e.gaz {
                    Some(g) => (gaz.entry(g).name.clone(), gaz.entry(g).geonames),
                    None => (e.name.clone(), None),
                };
                let iri = self.mint(e.etype, &label, geonames);
                let id = self.ents.len();
                self.iris.insert(iri.as_str().to_string(), id);
                self.ents.push(Global {
                    iri,
                    etype: e.etype,
                    label,
                    alts: BTreeSet::new(),
                    roles: BTreeSet::new(),
                    affiliations: BTreeSet::new(),
                    geonames,
                    dirty: true,
                });
                self.index_label(id);
                id
            }
        };
        for k in keys {
            self.by_key.entry(k).or_insert(id);
        }
        let g = &mut self.ents[id];
        // the fullest name becomes the label; the others stay as aliases
        if e.etype == EntityType::Person
            && e.gaz.is_none()
            && words(&e.name).len() > words(&g.label).len()
        {
            let old = std::mem::replace(&mut g.label, e.name.clone());
            g.alts.insert(old);
            g.dirty = true;
            self.index_label(id);
        }
        let g = &mut self.ents[id];
        let before = g.alts.len() + g.roles.len();
        for a in e
            .aliases
            .iter()
            .chain(e.nicknames.iter())
            .chain(std::iter::once(&e.name))
        {
            if *a != g.label {
                g.alts.insert(a.clone());
            }
        }
        g.roles.extend(e.roles.iter().cloned());
        if g.alts.len() + g.roles.len() != before {
            g.dirty = true;
        }
        for &a in &e.affiliations {
            if g.affiliations.insert(a) {
                g.dirty = true;
            }
        }
        id
    }

    fn node(&self, kind: &str, parts: &[&str]) -> NamedNode {
        mint(&self.base, kind, parts)
    }

    /// The named graph of the merged world: entity descriptions, the relations between
    /// entities, proposals.
    pub fn world_graph(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{}", self.base, WORLD_GRAPH_PATH))
    }

    /// The IRI of an article (also the name of the graph of what it says).
    pub fn article_iri(&self, article: &Article) -> NamedNode {
        NamedNode::new_unchecked(format!("{}article/{}", self.base, &article.id[..16]))
    }

    /// The quads of one article: in the article's own named graph (named by the article
    /// IRI) the article node, its mentions, meetings and the evidence of each relation;
    /// in the world graph ([`GraphBuilder::world_graph`]) the relation triples themselves
    /// and the proposal nodes, which several articles may share. Entity descriptions come
    /// from [`GraphBuilder::entity_quads`]. No triple is ever in two graphs, so the union
    /// of the graphs has no duplicates.
    pub fn add_article(&mut self, article: &Article, x: &Extraction, gaz: &Gazetteer) -> Vec<Quad> {
        let mut out = Vec::new();
        let mut world = Vec::new();
        let art = self.article_iri(article);
        out.push(q(art.clone(), rdf::TYPE, schema::NEWS_ARTICLE));
        out.push(q(
            art.clone(),
            ng::CONTENT_HASH,
            Literal::new_simple_literal(&article.id),
        ));
        out.push(q(
            art.clone(),
            ng::SOURCE_FILE,
            Literal::new_simple_literal(&article.source),
        ));
        out.push(q(
            art.clone(),
            ng::TEXT,
            Literal::new_simple_literal(&article.text),
        ));
        if let Some(t) = &article.title {
            out.push(q(
                art.clone(),
                schema::HEADLINE,
                Literal::new_simple_literal(t),
            ));
        }
        if let Some(d) = article.published {
            out.push(q(
                art.clone(),
                schema::DATE_PUBLISHED,
                Literal::new_typed_literal(d.format("%Y-%m-%d").to_string(), xsd::DATE),
            ));
        }
        if let Some(u) = article.url.as_deref().and_then(|u| NamedNode::new(u).ok()) {
            out.push(q(art.clone(), schema::URL, u));
        }
        let ids: Vec<usize> = x.entities.iter().map(|e| self.resolve(e, gaz)).collect();
        let mut mentioned = BTreeSet::new();
        for m in &x.mentions {
            mentioned.insert(ids[m.entity]);
        }
        for &g in &mentioned {
            out.push(q(art.clone(), schema::MENTIONS, self.ents[g].iri.clone()));
        }
        if let Some(outlet) = &article.outlet {
            // the outlet's short form in its own credits: "(Harbourline)" for Harbourline News
            let short_forms = x.entities.iter().filter(|e| {
                e.etype == EntityType::Organization && short_outlet_form(&e.name, outlet)
            });
            let known = gaz.lookup(outlet);
            let e = crate::extract::Entity {
                aliases: std::iter::once(outlet.clone())
                    .chain(short_forms.map(|e| e.name.clone()))
                    .collect(),
                gaz: known
                    .map(|x| x.0)
                    .filter(|&g| gaz.entry(g).etype == EntityType::Organization),
                ..crate::extract::Entity::new(
                    EntityType::Organization,
                    known.map_or_else(|| outlet.clone(), |x| x.1.name.clone()),
                )
            };
            let g = self.resolve(&e, gaz);
            out.push(q(art.clone(), schema::PUBLISHER, self.ents[g].iri.clone()));
        }
        for author in &article.authors {
            let in_text = x
                .entities
                .iter()
                .position(|e| {
                    e.etype == EntityType::Person
                        && (e.name == *author || e.aliases.contains(author))
                })
                .map(|i| ids[i]);
            // an author named only in the metadata (a feed's "author", an HTML
            // `<meta name="author">`) is a person too, when the value is a personal name
            let g = in_text.or_else(|| {
                (personal_name(author)
                    && article.outlet.as_deref() != Some(author.as_str())
                    && gaz.lookup(author).is_none())
                .then(|| {
                    let e = crate::extract::Entity {
                        aliases: std::iter::once(author.clone()).collect(),
                        ..crate::extract::Entity::new(EntityType::Person, author.clone())
                    };
                    self.resolve(&e, gaz)
                })
            });
            if let Some(g) = g {
                out.push(q(art.clone(), schema::AUTHOR, self.ents[g].iri.clone()));
            }
        }
        // meetings
        let mut meeting_iris = Vec::new();
        // one sentence may report separate meetings ("met A and B separately"): the second
        // and later take their rank in the sentence
        let mut in_sentence: HashMap<usize, usize> = HashMap::new();
        for m in &x.meetings {
            let s = &x.sentences[m.sentence];
            let seen = in_sentence.entry(m.sentence).or_insert(0);
            let rank = *seen;
            *seen += 1;
            let start = s.span.start.to_string();
            let iri = if rank == 0 {
                self.node("meeting-report", &[&article.id, &start])
            } else {
                self.node("meeting-report", &[&article.id, &start, &rank.to_string()])
            };
            out.push(q(iri.clone(), rdf::TYPE, ng::MEETING_REPORT));
            out.push(q(
                iri.clone(),
                rdfs::LABEL,
                Literal::new_simple_literal(format!(
                    "meeting of {}",
                    m.participants
                        .iter()
                        .map(|&p| self.ents[ids[p]].label.clone())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            ));
            for &p in &m.participants {
                out.push(q(
                    iri.clone(),
                    ng::PARTICIPANT,
                    self.ents[ids[p]].iri.clone(),
                ));
            }
            if let Some(p) = m.place {
                out.push(q(
                    iri.clone(),
                    ng::PLACE_PROP,
                    self.ents[ids[p]].iri.clone(),
                ));
            }
            if let Some(d) = m.date {
                out.push(q(
                    iri.clone(),
                    ng::DATE,
                    Literal::new_typed_literal(d.format("%Y-%m-%d").to_string(), xsd::DATE),
                ));
            }
            if let Some(e) = m.event {
                out.push(q(iri.clone(), ng::PART_OF, self.ents[ids[e]].iri.clone()));
            }
            out.push(q(iri.clone(), ng::ARTICLE, art.clone()));
            out.push(q(
                iri.clone(),
                ng::RULE,
                Literal::new_simple_literal(m.rule),
            ));
            meeting_iris.push(iri);
        }
        let offsets = article.char_offsets(x.relations.iter().flat_map(|r| {
            [
                x.sentences[r.sentence].span.start,
                x.sentences[r.sentence].span.end,
            ]
        }));
        for r in &x.relations {
            let s = &x.sentences[r.sentence];
            let subj = self.ents[ids[r.subject]].iri.clone();
            let (pred, obj): (NamedNodeRef<'_>, NamedNode) = match r.kind {
                RelationKind::MetWith | RelationKind::Backs => {
                    let Some(o) = r.object else { continue };
                    let p = if r.kind == RelationKind::MetWith {
                        ng::MET_WITH
                    } else {
                        ng::BACKS
                    };
                    (p, self.ents[ids[o]].iri.clone())
                }
                RelationKind::Proposed => {
                    let Some(label) = &r.proposal else { continue };
                    let p = self.node("proposal", &[&fold(label)]);
                    world.push(q(p.clone(), rdf::TYPE, ng::PROPOSAL));
                    world.push(q(
                        p.clone(),
                        rdfs::LABEL,
                        Literal::new_simple_literal(label),
                    ));
                    (ng::PROPOSED, p)
                }
            };
            if subj == obj {
                continue;
            }
            world.push(q(subj.clone(), pred, obj.clone()));
            if r.kind == RelationKind::MetWith {
                world.push(q(obj.clone(), pred, subj.clone()));
            }
            let a = self.node(
                "assertion",
                &[
                    &article.id,
                    r.kind.as_str(),
                    subj.as_str(),
                    obj.as_str(),
                    &s.span.start.to_string(),
                ],
            );
            out.push(q(a.clone(), rdf::TYPE, ng::ASSERTION));
            out.push(q(a.clone(), rdf::SUBJECT, subj));
            out.push(q(a.clone(), rdf::PREDICATE, pred));
            out.push(q(a.clone(), rdf::OBJECT, obj.clone()));
            out.push(q(a.clone(), ng::ARTICLE, art.clone()));
            out.push(q(a.clone(), prov::WAS_DERIVED_FROM, art.clone()));
            out.push(q(
                a.clone(),
                ng::SENTENCE,
                Literal::new_simple_literal(&article.text[s.span.clone()]),
            ));
            out.push(q(
                a.clone(),
                ng::START_OFFSET,
                Literal::new_typed_literal(offsets[&s.span.start].to_string(), xsd::INTEGER),
            ));
            out.push(q(
                a.clone(),
                ng::END_OFFSET,
                Literal::new_typed_literal(offsets[&s.span.end].to_string(), xsd::INTEGER),
            ));
            out.push(q(a.clone(), ng::RULE, Literal::new_simple_literal(r.rule)));
            out.push(q(
                a.clone(),
                ng::CONFIDENCE,
                Literal::new_typed_literal(format!("{:.2}", r.confidence), xsd::DECIMAL),
            ));
            if let Some(mi) = r.meeting {
                out.push(q(meeting_iris[mi].clone(), ng::EVIDENCE, a.clone()));
            }
            if r.kind == RelationKind::Proposed {
                out.push(q(obj, ng::EVIDENCE, a));
            }
        }
        self.tallies.extend(tally::of_article(&out, &self.base));
        self.reports.extend(meetings::of_article(&out));
        let world_graph = self.world_graph();
        out.into_iter()
            .map(|x| in_graph(x, art.clone()))
            .chain(world.into_iter().map(|x| in_graph(x, world_graph.clone())))
            .collect()
    }

    /// How many tallies the articles added since the last [`GraphBuilder::take_tallies`]
    /// touch; they are to be merged with what a store holds ([`tally`]).
    ///
    /// (They are read back from each article's quads by [`tally::of_article`], as a
    /// store's recount reads them from its stored articles: one implementation.)
    pub fn pending_tallies(&self) -> usize {
        self.tallies.len()
    }

    /// Takes the tallies pending (see [`GraphBuilder::pending_tallies`]).
    pub fn take_tallies(&mut self) -> Tallies {
        std::mem::take(&mut self.tallies)
    }

    /// Takes the meeting reports of the articles built since the last call, to be
    /// resolved into meetings with those a store holds ([`meetings`]).
    pub fn take_reports(&mut self) -> Vec<meetings::Report> {
        std::mem::take(&mut self.reports)
    }

    /// The IRI base of the graph.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Description quads of the entities changed since the last call (type, labels,
    /// aliases, roles, affiliations, GeoNames links), and the IRIs whose `rdfs:label` they
    /// replace.
    pub fn entity_quads(&mut self, gaz: &Gazetteer) -> (Vec<NamedNode>, Vec<Quad>) {
        let mut out = Vec::new();
        let mut changed = Vec::new();
        for i in 0..self.ents.len() {
            if !self.ents[i].dirty {
                continue;
            }
            self.ents[i].dirty = false;
            let aff: Vec<NamedNode> = self.ents[i]
                .affiliations
                .iter()
                .filter_map(|&a| {
                    let entry = gaz.entry(a);
                    let key = entry
                        .geonames
                        .map(|g| format!("geo:{g}"))
                        .unwrap_or_else(|| {
                            format!("{}:{}", type_path(entry.etype), name_key(&entry.name))
                        });
                    self.by_key.get(&key).map(|&g| self.ents[g].iri.clone())
                })
                .collect();
            let g = &self.ents[i];
            changed.push(g.iri.clone());
            out.push(q(g.iri.clone(), rdf::TYPE, class(g.etype)));
            out.push(q(
                g.iri.clone(),
                rdfs::LABEL,
                Literal::new_simple_literal(&g.label),
            ));
            for a in &g.alts {
                if *a != g.label {
                    out.push(q(
                        g.iri.clone(),
                        skos::ALT_LABEL,
                        Literal::new_simple_literal(a),
                    ));
                }
            }
            for r in &g.roles {
                out.push(q(g.iri.clone(), ng::ROLE, Literal::new_simple_literal(r)));
            }
            for a in aff {
                if a != g.iri {
                    out.push(q(g.iri.clone(), ng::AFFILIATED_WITH, a));
                }
            }
            if let Some(id) = g.geonames {
                out.push(q(
                    g.iri.clone(),
                    ng::GEONAMES_ID,
                    Literal::new_typed_literal(id.to_string(), xsd::INTEGER),
                ));
                out.push(q(
                    g.iri.clone(),
                    owl::SAME_AS,
                    NamedNode::new_unchecked(format!("https://sws.geonames.org/{id}/")),
                ));
            }
        }
        let world_graph = self.world_graph();
        (
            changed,
            out.into_iter()
                .map(|x| in_graph(x, world_graph.clone()))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::ingest::Metadata;

    #[test]
    fn bad_base_iri_is_refused() {
        assert!(GraphBuilder::new("not an iri").is_err());
        assert!(GraphBuilder::new("https://example.org/kg").is_err());
        assert!(GraphBuilder::new("https://example.org/kg/").is_ok());
    }

    #[test]
    fn outlets_credit_themselves_by_a_short_form() {
        assert!(short_outlet_form("Harbourline", "Harbourline News"));
        assert!(short_outlet_form("Meridian", "Meridian Post"));
        assert!(!short_outlet_form("Harbour", "Harbourline News"));
        assert!(!short_outlet_form("Harbourline News", "Harbourline News"));
        assert!(!short_outlet_form("United", "United Nations"));
    }

    #[test]
    fn metadata_authors_that_are_personal_names() {
        for yes in [
            "Lena Brooks",
            "J. R. Hale",
            "Ana de la Cruz",
            "Sean O'Neill",
        ] {
            assert!(personal_name(yes), "{yes}");
        }
        for no in [
            "Reuters",
            "Staff Reporter",
            "AP STAFF",
            "Reuters Editorial",
            "Jane Doe and John Roe",
            "newsdesk",
            "Desk 4",
            "the Editors",
        ] {
            assert!(!personal_name(no), "{no}");
        }
    }

    #[test]
    fn transliterations_meet_and_different_names_do_not() {
        assert_eq!(
            skeleton("Oleksandr Zakharchenko"),
            skeleton("Alexander Zakharchenko")
        );
        assert!(similarity("Oleksandr Zakharchenko", "Alexander Zakharchenko") >= 0.75);
        assert_eq!(skeleton("Fayez al-Serraj"), skeleton("Fayez Sarraj"));
        assert!(similarity("Mahmoud Abbas", "Mohammed Abbas") < 0.75);
        assert_ne!(skeleton("John Kerry"), skeleton("John Carey Smith"));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("François Hollande"), "francois-hollande");
        assert_eq!(slug("P5+1"), "p5-plus-1");
    }

    #[test]
    fn one_node_for_a_person_across_articles() {
        let gaz = Gazetteer::bundled();
        let a = Article::from_text(
            "a",
            "Talks\n\nForeign Minister Anna Berg met Tom Vale in Oslo on Monday.\n",
            Metadata::default(),
        );
        let b = Article::from_text(
            "b",
            "More talks\n\nBerg said the talks would resume, a spokesman said.\n",
            Metadata::default(),
        );
        let mut g = GraphBuilder::new(DEFAULT_BASE).expect("base");
        g.add_article(&a, &extract(&a, gaz), gaz);
        g.add_article(&b, &extract(&b, gaz), gaz);
        let (_, quads) = g.entity_quads(gaz);
        let people: Vec<String> = quads
            .iter()
            .filter(|q| q.predicate == rdf::TYPE && q.object == Term::from(ng::PERSON.into_owned()))
            .map(|q| q.subject.to_string())
            .collect();
        assert_eq!(
            people,
            [
                "<https://example.org/newsgraph/person/anna-berg>",
                "<https://example.org/newsgraph/person/tom-vale>"
            ]
        );
    }
}
