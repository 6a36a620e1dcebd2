//! Tallies: what the bundled queries aggregate, counted at ingest (part of stage 3).
//!
//! "Who met whom, in how many articles, where, first when, reported by which outlets"
//! needs every meeting of every article; on a store of millions of triples a SPARQL
//! aggregate over them takes a minute. So the graph also holds, in the world graph, one
//! `ng:Tally` node per reported relation (metWith pair, backs, proposed) and per
//! (outlet, mentioned entity): `rdf:subject`/`rdf:predicate`/`rdf:object` name what is
//! counted, `ng:articleCount` how many articles report it, and the relation's
//! `ng:firstDate`, `ng:reportedPlace`s, `ng:outlet`s and one `ng:exampleSentence`.
//!
//! Tallies are derived data: [`of_article`] reads an article's contribution (a [`Tally`]
//! with `articles = 1` per key) from the quads of the article's own graph, both when the
//! article is built and when a store's tallies are recounted from its stored articles.
//! Contributions are merged ([`Tally::merge`]) commutatively and associatively (sums,
//! minima, set unions; the example sentence is the smallest), so a store built in several
//! runs, or recounted after a crash, holds exactly the tallies of one uninterrupted run.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::NamedNodeRef;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use super::vocab::{ng, schema};

/// What a tally counts: `subject predicate object` (the subject is absent for mentions
/// in articles of no known outlet).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TallyKey {
    /// The agent, the first participant (smaller IRI) of a meeting pair, or the outlet.
    pub subject: Option<NamedNode>,
    /// `ng:metWith`, `ng:backs`, `ng:proposed` or `schema:mentions`.
    pub predicate: NamedNode,
    /// The other participant, the backed entity, the proposal or the mentioned entity.
    pub object: NamedNode,
}

/// The counts and details of one key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Articles that report it.
    pub articles: u64,
    /// The earliest stated meeting date.
    pub first_date: Option<NaiveDate>,
    /// Places the meetings were reported in.
    pub places: BTreeSet<NamedNode>,
    /// Outlets of the articles that report it.
    pub outlets: BTreeSet<NamedNode>,
    /// One sentence that states it (the smallest, so that the order articles arrive in
    /// does not matter).
    pub sentence: Option<String>,
}

impl Tally {
    /// Adds `other` into `self`.
    pub fn merge(&mut self, other: Tally) {
        self.articles += other.articles;
        self.first_date = match (self.first_date, other.first_date) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.places.extend(other.places);
        self.outlets.extend(other.outlets);
        self.sentence = match (self.sentence.take(), other.sentence) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }

    /// The quads of the tally node `node` in graph `graph`.
    pub fn to_quads(&self, node: &NamedNode, key: &TallyKey, graph: &NamedNode) -> Vec<Quad> {
        let g = GraphName::NamedNode(graph.clone());
        let quad = |p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
            Quad::new(node.clone(), p, o, g.clone())
        };
        let mut out = vec![
            quad(rdf::TYPE, ng::TALLY.into_owned().into()),
            quad(rdf::PREDICATE, key.predicate.clone().into()),
            quad(rdf::OBJECT, key.object.clone().into()),
            quad(
                ng::ARTICLE_COUNT,
                Literal::new_typed_literal(self.articles.to_string(), xsd::INTEGER).into(),
            ),
        ];
        if let Some(s) = &key.subject {
            out.push(quad(rdf::SUBJECT, s.clone().into()));
        }
        if let Some(d) = self.first_date {
            out.push(quad(
                ng::FIRST_DATE,
                Literal::new_typed_literal(d.format("%Y-%m-%d").to_string(), xsd::DATE).into(),
            ));
        }
        for p in &self.places {
            out.push(quad(ng::REPORTED_PLACE, p.clone().into()));
        }
        for o in &self.outlets {
            out.push(quad(ng::OUTLET, o.clone().into()));
        }
        if let Some(s) = &self.sentence {
            out.push(quad(
                ng::EXAMPLE_SENTENCE,
                Literal::new_simple_literal(s).into(),
            ));
        }
        out
    }

    /// Reads a tally back from the quads of its node (as [`Tally::to_quads`] wrote them;
    /// other quads are ignored).
    pub fn from_quads<'a>(quads: impl IntoIterator<Item = &'a Quad>) -> Tally {
        let mut t = Tally::default();
        for q in quads {
            let p = q.predicate.as_ref();
            match (&q.object, p) {
                (Term::Literal(l), p) if p == ng::ARTICLE_COUNT => {
                    t.articles = l.value().parse().unwrap_or(0);
                }
                (Term::Literal(l), p) if p == ng::FIRST_DATE => {
                    t.first_date = NaiveDate::parse_from_str(l.value(), "%Y-%m-%d").ok();
                }
                (Term::Literal(l), p) if p == ng::EXAMPLE_SENTENCE => {
                    t.sentence = Some(l.value().to_owned());
                }
                (Term::NamedNode(n), p) if p == ng::REPORTED_PLACE => {
                    t.places.insert(n.clone());
                }
                (Term::NamedNode(n), p) if p == ng::OUTLET => {
                    t.outlets.insert(n.clone());
                }
                _ => {}
            }
        }
        t
    }
}

/// Tallies by node IRI, with their keys.
#[derive(Debug, Clone, Default)]
pub struct Tallies(pub BTreeMap<NamedNode, (TallyKey, Tally)>);

impl Tallies {
    /// Adds a tally for `key` under `node`.
    pub fn add(&mut self, node: NamedNode, key: TallyKey, tally: Tally) {
        self.0
            .entry(node)
            .or_insert_with(|| (key, Tally::default()))
            .1
            .merge(tally);
    }

    /// Adds every tally of `other`.
    pub fn extend(&mut self, other: Tallies) {
        for (node, (key, tally)) in other.0 {
            self.add(node, key, tally);
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many nodes.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

/// The tally node of `key` under the base IRI `base`.
pub fn node(base: &str, key: &TallyKey) -> NamedNode {
    let parts = [
        key.subject.as_ref().map_or("", |s| s.as_str()),
        key.predicate.as_str(),
        key.object.as_str(),
    ];
    super::mint(base, "tally", &parts)
}

/// One article's contribution to the tallies, read from the quads of its graph (graph
/// names are ignored): its publisher and mentions (`schema:publisher`,
/// `schema:mentions`), its meetings (`ng:participant`, `ng:place`, `ng:date`; one
/// metWith key per pair of participants) and its assertions of `ng:backs` and
/// `ng:proposed` (`rdf:subject`, `rdf:object`, `ng:sentence`).
pub fn of_article(quads: &[Quad], base: &str) -> Tallies {
    #[derive(Default)]
    struct Node<'a> {
        types: Vec<NamedNodeRef<'a>>,
        participants: BTreeSet<&'a NamedNode>,
        place: Option<&'a NamedNode>,
        date: Option<NaiveDate>,
        subject: Option<&'a NamedNode>,
        predicate: Option<NamedNodeRef<'a>>,
        object: Option<&'a NamedNode>,
        sentence: Option<&'a str>,
    }
    let mut nodes: BTreeMap<&NamedNode, Node<'_>> = BTreeMap::new();
    let mut outlet = None;
    let mut mentioned = Vec::new();
    for q in quads {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            continue;
        };
        let p = q.predicate.as_ref();
        match &q.object {
            Term::NamedNode(o) if p == schema::PUBLISHER => outlet = Some(o.clone()),
            Term::NamedNode(o) if p == schema::MENTIONS => mentioned.push(o.clone()),
            Term::NamedNode(o) if p == rdf::TYPE => {
                nodes.entry(s).or_default().types.push(o.as_ref())
            }
            Term::NamedNode(o) if p == ng::PARTICIPANT => {
                nodes.entry(s).or_default().participants.insert(o);
            }
            Term::NamedNode(o) if p == ng::PLACE_PROP => {
                nodes.entry(s).or_default().place = Some(o)
            }
            Term::NamedNode(o) if p == rdf::SUBJECT => {
                nodes.entry(s).or_default().subject = Some(o)
            }
            Term::NamedNode(o) if p == rdf::PREDICATE => {
                nodes.entry(s).or_default().predicate = Some(o.as_ref());
            }
            Term::NamedNode(o) if p == rdf::OBJECT => nodes.entry(s).or_default().object = Some(o),
            Term::Literal(l) if p == ng::DATE => {
                nodes.entry(s).or_default().date =
                    NaiveDate::parse_from_str(l.value(), "%Y-%m-%d").ok();
            }
            Term::Literal(l) if p == ng::SENTENCE => {
                nodes.entry(s).or_default().sentence = Some(l.value())
            }
            _ => {}
        }
    }
    let mut article = Tallies::default();
    let mut add = |key: TallyKey, tally: Tally| article.add(node(base, &key), key, tally);
    for e in mentioned {
        let key = TallyKey {
            subject: outlet.clone(),
            predicate: schema::MENTIONS.into_owned(),
            object: e,
        };
        add(key, Tally::default());
    }
    for n in nodes.values() {
        if n.types.contains(&ng::MEETING_REPORT) {
            let who: Vec<&NamedNode> = n.participants.iter().copied().collect();
            for (i, a) in who.iter().enumerate() {
                for b in &who[i + 1..] {
                    let key = TallyKey {
                        subject: Some((*a).clone()),
                        predicate: ng::MET_WITH.into_owned(),
                        object: (*b).clone(),
                    };
                    let tally = Tally {
                        first_date: n.date,
                        places: n.place.cloned().into_iter().collect(),
                        ..Tally::default()
                    };
                    add(key, tally);
                }
            }
        }
        if n.types.contains(&ng::ASSERTION) {
            let (Some(s), Some(p), Some(o)) = (n.subject, n.predicate, n.object) else {
                continue;
            };
            if p != ng::BACKS && p != ng::PROPOSED {
                continue;
            }
            let sentence = (p == ng::PROPOSED)
                .then(|| n.sentence.map(str::to_owned))
                .flatten();
            let key = TallyKey {
                subject: Some(s.clone()),
                predicate: p.into_owned(),
                object: o.clone(),
            };
            add(
                key,
                Tally {
                    sentence,
                    ..Tally::default()
                },
            );
        }
    }
    for (key, tally) in article.0.values_mut() {
        tally.articles = 1;
        if key.predicate.as_ref() != schema::MENTIONS {
            tally.outlets.extend(outlet.clone());
        }
    }
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("https://example.org/{s}"))
    }

    fn tally(date: Option<&str>, place: &str, sentence: &str) -> Tally {
        Tally {
            articles: 1,
            first_date: date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date")),
            places: [n(place)].into(),
            outlets: [n("reuters")].into(),
            sentence: Some(sentence.into()),
        }
    }

    #[test]
    fn merging_does_not_depend_on_order() {
        let parts = [
            tally(Some("2014-01-13"), "paris", "b"),
            tally(None, "geneva", "a"),
            tally(Some("2013-12-20"), "paris", "c"),
        ];
        let mut forward = Tally::default();
        for p in parts.iter().cloned() {
            forward.merge(p);
        }
        let mut backward = Tally::default();
        for p in parts.iter().rev().cloned() {
            backward.merge(p);
        }
        assert_eq!(forward, backward);
        assert_eq!(forward.articles, 3);
        assert_eq!(
            forward.first_date.map(|d| d.to_string()).as_deref(),
            Some("2013-12-20")
        );
        assert_eq!(forward.places.len(), 2);
        assert_eq!(forward.sentence.as_deref(), Some("a"));
    }

    #[test]
    fn quads_round_trip() {
        let key = TallyKey {
            subject: Some(n("kerry")),
            predicate: ng::MET_WITH.into_owned(),
            object: n("lavrov"),
        };
        let mut t = tally(Some("2014-01-13"), "paris", "Kerry met Lavrov.");
        t.merge(tally(None, "geneva", "Lavrov met Kerry."));
        let quads = t.to_quads(&n("tally/1"), &key, &n("world"));
        assert!(quads
            .iter()
            .all(|q| q.graph_name == GraphName::NamedNode(n("world"))));
        assert_eq!(Tally::from_quads(&quads), t);
    }
}
