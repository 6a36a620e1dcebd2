//! Measuring extraction quality: `newsgraph eval` scores a graph (a store or a Turtle
//! file) against a gold file in the format of `GUIDELINES.md` (entities with names,
//! aliases and types; metWith, backs and proposed relations), by the same rules as the
//! reference scorer `score.py`: names match after folding case, accents, punctuation and a
//! leading "the"; each gold entity is one node (a second node for it is an error); a
//! relation matches when both arguments match and, for proposals, a key word is in the
//! label; optional gold entities and their relations count neither way.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::store::NewsStore;

mod meetings;
mod rules;
pub use meetings::MeetingScore;
pub use rules::{rule_report, RuleReport, RuleRow};

/// Errors of evaluation.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The gold file cannot be read.
    #[error("{path}: cannot read gold file: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The gold file is not valid.
    #[error("{path}: invalid gold file: {message}")]
    Gold {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A query on the graph failed.
    #[error("evaluation query failed: {0}")]
    Query(String),
}

#[derive(Debug, Clone, Deserialize)]
struct GoldEntity {
    name: String,
    #[serde(rename = "type")]
    etype: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default = "yes")]
    required: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
struct GoldRelation {
    #[serde(rename = "type")]
    rtype: String,
    a: Option<String>,
    b: Option<String>,
    subject: Option<String>,
    object: Option<String>,
    agent: Option<String>,
    proposal: Option<String>,
    #[serde(default)]
    keys: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldFile {
    entities: Vec<GoldEntity>,
    relations: Vec<GoldRelation>,
    #[serde(default)]
    meetings: Vec<meetings::GoldMeeting>,
}

/// A gold standard (see the README, "Measuring quality").
#[derive(Debug)]
pub struct Gold {
    order: Vec<String>,
    entities: HashMap<String, (GoldEntity, HashSet<String>)>,
    relations: Vec<(GoldRelation, bool)>,
    meetings: Vec<meetings::GoldMeeting>,
}

/// Folds a name as the scorer does: accents, case, apostrophes, "'s", dots, punctuation
/// and a leading "the" do not matter.
///
/// ```
/// use newsgraph::eval::norm;
/// assert_eq!(norm("The U.N. Secretary-General’s office"), "un secretary general office");
/// assert_eq!(norm("François Hollande"), "francois hollande");
/// ```
pub fn norm(text: &str) -> String {
    let folded: String = text
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let folded = folded
        .replace('\u{2019}', "'")
        .replace("'s ", " ")
        .replace('.', "");
    let mut out = String::new();
    let mut gap = false;
    for c in folded.chars() {
        if c.is_alphanumeric() || c == '_' {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

impl Gold {
    /// Reads a gold file.
    pub fn load(path: &Path) -> Result<Gold, EvalError> {
        let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let g: GoldFile = serde_json::from_str(&text).map_err(|e| EvalError::Gold {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let mut order = Vec::new();
        let mut entities = HashMap::new();
        for e in g.entities {
            let forms: HashSet<String> = std::iter::once(norm(&e.name))
                .chain(e.aliases.iter().map(|a| norm(a)))
                .collect();
            if !entities.contains_key(&e.name) {
                order.push(e.name.clone());
            }
            entities.insert(e.name.clone(), (e, forms));
        }
        let mut relations = Vec::new();
        for r in g.relations {
            let args: Vec<&String> = [&r.a, &r.b, &r.subject, &r.object, &r.agent]
                .into_iter()
                .flatten()
                .collect();
            if let Some(missing) = args.iter().find(|a| !entities.contains_key(a.as_str())) {
                return Err(EvalError::Gold {
                    path: path.to_path_buf(),
                    message: format!("relation names unknown entity {missing:?}"),
                });
            }
            let required = args.iter().all(|a| entities[a.as_str()].0.required);
            relations.push((r, required));
        }
        meetings::check(&g.meetings, |p| entities.contains_key(p)).map_err(|message| {
            EvalError::Gold {
                path: path.to_path_buf(),
                message,
            }
        })?;
        Ok(Gold {
            order,
            entities,
            relations,
            meetings: g.meetings,
        })
    }
}

/// Precision, recall and F1 of one line of the report.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

fn prf(tp: usize, fp: usize, fn_: usize) -> Prf {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf {
        precision: p,
        recall: r,
        f1: f,
    }
}

/// The result of an evaluation.
#[derive(Debug, Clone)]
pub struct Report {
    /// Rows: "entities", "metWith", "backs", "proposed", "relations".
    pub rows: Vec<(&'static str, Prf)>,
    /// Counts: found, missed, spurious, duplicate nodes.
    pub counts: (usize, usize, usize, usize),
    /// Misses and errors, one line each.
    pub details: Vec<String>,
    /// Entity types, gold against system, counted over required gold entities and
    /// system nodes: `(gold, system)` with `"-"` for none (a miss or a node no gold
    /// entity names). The diagonal is what is right.
    pub confusions: BTreeMap<(String, String), usize>,
    /// Meeting clusters, when the gold has meetings.
    pub meetings: Option<MeetingScore>,
}

impl Report {
    /// The figures of one row.
    pub fn get(&self, row: &str) -> Option<Prf> {
        self.rows.iter().find(|(n, _)| *n == row).map(|(_, p)| *p)
    }

    /// The report as text, in the layout of the reference scorer.
    pub fn to_text(&self, verbose: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{:10} {:>6} {:>6} {:>6}", "", "P", "R", "F1");
        for (n, p) in &self.rows {
            let _ = writeln!(
                s,
                "{n:10} {:6.3} {:6.3} {:6.3}",
                p.precision, p.recall, p.f1
            );
        }
        let (tp, fn_, fp, dup) = self.counts;
        let _ = writeln!(
            s,
            "entities: {tp} found, {fn_} missed, {fp} spurious, {dup} duplicate nodes"
        );
        if !self.confusions.is_empty() {
            let _ = write!(s, "{}", self.confusion_table());
        }
        if let Some(m) = &self.meetings {
            let _ = writeln!(
                s,
                "meetings: pairwise P {:.3} R {:.3} F1 {:.3} over {} reports matched \
                 ({} of {} gold reports found), {} merging different meetings",
                m.pairwise.precision,
                m.pairwise.recall,
                m.pairwise.f1,
                m.matched,
                m.gold_found,
                m.gold_reports,
                m.merged
            );
        }
        if verbose {
            for d in &self.details {
                let _ = writeln!(s, "  {d}");
            }
        }
        let e = self.get("entities").map_or(0.0, |p| p.f1);
        let r = self.get("relations").map_or(0.0, |p| p.f1);
        let _ = writeln!(s, "summary: entities F1 {e:.3}, relations F1 {r:.3}");
        s
    }

    /// The type confusion table: a row per gold type, a column per system type, `-` for
    /// none.
    pub fn confusion_table(&self) -> String {
        let types = ["Person", "Organization", "Place", "Event", "-"];
        let mut s = String::from("types (rows gold, columns system; - none):\n");
        let _ = write!(s, "  {:13}", "");
        for t in types {
            let _ = write!(s, "{:>13}", t);
        }
        s.push('\n');
        for g in types {
            let _ = write!(s, "  {g:13}");
            for t in types {
                let n = self
                    .confusions
                    .get(&(g.to_string(), t.to_string()))
                    .copied()
                    .unwrap_or(0);
                let _ = write!(s, "{n:>13}");
            }
            s.push('\n');
        }
        s
    }

    /// The figures as JSON, as `score.py --json` prints them, and the meeting clusters
    /// (`meetings`: `pairwise`, `matched`, `gold_reports`, `gold_found`, `merged`) when
    /// the gold has meetings.
    pub fn to_json(&self) -> String {
        let mut map: serde_json::Map<String, serde_json::Value> = self
            .rows
            .iter()
            .map(|(n, p)| {
                (
                    (*n).to_string(),
                    serde_json::to_value(p).unwrap_or_default(),
                )
            })
            .collect();
        if let Some(m) = &self.meetings {
            map.insert(
                "meetings".to_string(),
                serde_json::to_value(m).unwrap_or_default(),
            );
        }
        serde_json::Value::Object(map).to_string()
    }
}

const NG: &str = crate::graph::vocab::NG;

fn select(store: &NewsStore, query: &str) -> Result<Vec<Vec<Option<Term>>>, EvalError> {
    let results = crate::store::over_union(
        SparqlEvaluator::new()
            .parse_query(query)
            .map_err(|e| EvalError::Query(e.to_string()))?,
    )
    .on_store(store.inner())
    .execute()
    .map_err(|e| EvalError::Query(e.to_string()))?;
    let mut rows = Vec::new();
    if let QueryResults::Solutions(solutions) = results {
        let vars = solutions.variables().to_vec();
        for s in solutions {
            let s = s.map_err(|e| EvalError::Query(e.to_string()))?;
            rows.push(vars.iter().map(|v| s.get(v).cloned()).collect());
        }
    }
    Ok(rows)
}

fn text_of(t: &Option<Term>) -> String {
    match t {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::BlankNode(b)) => b.as_str().to_string(),
        _ => String::new(),
    }
}

#[derive(Default)]
struct Node {
    types: BTreeSet<String>,
    labels: HashSet<String>,
    main: Option<String>,
}

/// The relation types, as the ontology's local names.
const RELATIONS: [&str; 3] = ["metWith", "backs", "proposed"];

/// The gold relations of one type, with whether each is required.
fn gold_relations<'g>(gold: &'g Gold, rtype: &str) -> Vec<&'g (GoldRelation, bool)> {
    gold.relations
        .iter()
        .filter(|(r, _)| r.rtype == rtype)
        .collect()
}

/// How one relation of the graph compares with the gold.
enum Verdict {
    /// It is these gold relations (indices into the judge's `golds`).
    Right(Vec<usize>),
    /// An argument is an optional gold entity: it counts neither way.
    Optional,
    /// It is no gold relation.
    Wrong,
}

/// Judges the relations of one type: `assignment` maps entity IRIs to gold names.
struct Judge<'g> {
    gold: &'g Gold,
    assignment: &'g HashMap<String, String>,
    rtype: &'static str,
    golds: &'g [&'g (GoldRelation, bool)],
}

impl Judge<'_> {
    /// `a_iri` related to `b` (an entity IRI, or a proposal's label).
    fn verdict(&self, a_iri: &str, b: &str) -> Verdict {
        let golds = self.golds;
        let a = self.assignment.get(a_iri);
        let hits: Vec<usize> = if self.rtype == "proposed" {
            let label = norm(b);
            (0..golds.len())
                .filter(|&i| {
                    golds[i].0.agent.as_ref() == a
                        && golds[i].0.keys.iter().any(|k| label.contains(&norm(k)))
                })
                .collect()
        } else {
            let b = self.assignment.get(b);
            (0..golds.len())
                .filter(|&i| {
                    let r = &golds[i].0;
                    let (ga, gb) = (
                        r.a.as_ref().or(r.subject.as_ref()),
                        r.b.as_ref().or(r.object.as_ref()),
                    );
                    (ga == a && gb == b)
                        || (self.rtype == "metWith"
                            && r.b.as_ref() == a
                            && r.a.as_ref() == b
                            && a.is_some())
                })
                .collect()
        };
        if !hits.is_empty() {
            return Verdict::Right(hits);
        }
        let optional =
            |x: Option<&String>| x.is_some_and(|n| !self.gold.entities[n.as_str()].0.required);
        if optional(a) || optional(self.b_gold(b)) {
            Verdict::Optional
        } else {
            Verdict::Wrong
        }
    }

    /// The gold entity `b` is, for metWith and backs.
    fn b_gold(&self, b: &str) -> Option<&String> {
        (self.rtype != "proposed")
            .then(|| self.assignment.get(b))
            .flatten()
    }

    /// The relation as the report shows it: gold names where there are some.
    fn shown(&self, a_iri: &str, b: &str) -> String {
        format!(
            "{} -> {}",
            self.assignment.get(a_iri).map_or(a_iri, String::as_str),
            self.b_gold(b).map_or(b, String::as_str)
        )
    }
}

/// Scores the graph in `store` against `gold`.
pub fn evaluate(store: &NewsStore, gold: &Gold) -> Result<Report, EvalError> {
    Ok(score(store, gold)?.0)
}

/// What scoring found besides the report: which gold entity each entity IRI of the graph
/// was matched with, and how many required gold relations of each type no relation of the
/// graph matched.
struct Matching {
    assignment: HashMap<String, String>,
    missed: std::collections::BTreeMap<&'static str, usize>,
}

/// The report, and how the graph was matched with the gold.
fn score(store: &NewsStore, gold: &Gold) -> Result<(Report, Matching), EvalError> {
    let mut missed_by_type = std::collections::BTreeMap::new();
    let mut details = Vec::new();
    // entities
    let q = format!(
        "PREFIX ng: <{NG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> \
         SELECT ?e ?type ?label WHERE {{ ?e a ?type . VALUES ?type {{ ng:Person ng:Organization ng:Place ng:Event }} \
         {{ ?e rdfs:label ?label }} UNION {{ ?e skos:altLabel ?label }} }}"
    );
    let mut nodes: HashMap<String, Node> = HashMap::new();
    for row in select(store, &q)? {
        let n = nodes.entry(text_of(&row[0])).or_default();
        n.types
            .insert(text_of(&row[1]).trim_start_matches(NG).to_string());
        n.labels.insert(norm(&text_of(&row[2])));
    }
    for row in select(store, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?e ?l WHERE { ?e rdfs:label ?l }")? {
        if let Some(n) = nodes.get_mut(&text_of(&row[0])) {
            n.main = Some(norm(&text_of(&row[1])));
        }
    }
    let mut iris: Vec<&String> = nodes.keys().collect();
    iris.sort_by_key(|i| (nodes[*i].main.is_none(), (*i).clone()));
    let mut assignment: HashMap<String, String> = HashMap::new();
    let mut claimed: HashMap<String, String> = HashMap::new();
    let (mut tp, mut fp, mut dup) = (0usize, Vec::new(), Vec::new());
    let mut confusions: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut mistyped: HashSet<String> = HashSet::new();
    for iri in iris {
        let node = &nodes[iri];
        let mut cands: Vec<&String> = gold
            .order
            .iter()
            .filter(|name| {
                let (g, forms) = &gold.entities[name.as_str()];
                !node.labels.is_disjoint(forms) && node.types.contains(&g.etype)
            })
            .collect();
        cands.sort_by_key(|name| {
            let n = norm(name);
            (Some(&n) != node.main.as_ref(), !node.labels.contains(&n))
        });
        let Some(name) = cands.first() else {
            // the gold entity the node names under another type, if any
            let named = gold.order.iter().find(|name| {
                let (g, forms) = &gold.entities[name.as_str()];
                g.required && !node.labels.is_disjoint(forms)
            });
            let gtype = named.map_or("-".to_string(), |n| {
                gold.entities[n.as_str()].0.etype.clone()
            });
            if let Some(n) = named {
                mistyped.insert(n.clone());
            }
            for t in &node.types {
                *confusions.entry((gtype.clone(), t.clone())).or_insert(0) += 1;
            }
            let shown = node
                .main
                .clone()
                .unwrap_or_else(|| node.labels.iter().min().cloned().unwrap_or_default());
            fp.push(format!(
                "spurious entity: {:?} {shown}",
                node.types.iter().collect::<Vec<_>>()
            ));
            continue;
        };
        let (g, _) = &gold.entities[name.as_str()];
        assignment.insert(iri.clone(), (*name).clone());
        if let Some(first) = claimed.get(name.as_str()) {
            if g.required {
                dup.push(format!("duplicate nodes for {name}: {first} and {iri}"));
            }
            continue;
        }
        claimed.insert((*name).clone(), iri.clone());
        if g.required {
            tp += 1;
            *confusions
                .entry((g.etype.clone(), g.etype.clone()))
                .or_insert(0) += 1;
        }
    }
    let missed: Vec<&String> = gold
        .order
        .iter()
        .filter(|n| gold.entities[n.as_str()].0.required && !claimed.contains_key(n.as_str()))
        .collect();
    for n in &missed {
        if !mistyped.contains(n.as_str()) {
            let g = &gold.entities[n.as_str()].0;
            *confusions
                .entry((g.etype.clone(), "-".to_string()))
                .or_insert(0) += 1;
        }
        details.push(format!(
            "missed entity: {n} ({})",
            gold.entities[n.as_str()].0.etype
        ));
    }
    details.extend(fp.iter().cloned());
    details.extend(dup.iter().cloned());
    let mut rows = vec![("entities", prf(tp, fp.len() + dup.len(), missed.len()))];
    let counts = (tp, missed.len(), fp.len(), dup.len());

    // relations
    let (mut all_tp, mut all_fp, mut all_fn) = (0, 0, 0);
    for rtype in RELATIONS {
        let name = rtype;
        let q = if rtype == "proposed" {
            format!("PREFIX ng: <{NG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?a ?b WHERE {{ ?a ng:proposed ?p . ?p rdfs:label ?b }}")
        } else {
            format!("PREFIX ng: <{NG}> SELECT ?a ?b WHERE {{ ?a ng:{rtype} ?b }}")
        };
        let golds = gold_relations(gold, rtype);
        let mut found: HashSet<usize> = HashSet::new();
        let mut fps: BTreeSet<String> = BTreeSet::new();
        let judge = Judge {
            gold,
            assignment: &assignment,
            rtype,
            golds: &golds,
        };
        for row in select(store, &q)? {
            let (a_iri, b) = (text_of(&row[0]), text_of(&row[1]));
            match judge.verdict(&a_iri, &b) {
                Verdict::Right(hits) => {
                    let pick = hits
                        .iter()
                        .copied()
                        .find(|i| !found.contains(i))
                        .unwrap_or(hits[0]);
                    found.insert(pick);
                }
                Verdict::Optional => {}
                Verdict::Wrong => {
                    fps.insert(judge.shown(&a_iri, &b));
                }
            }
        }
        let required: Vec<usize> = (0..golds.len()).filter(|&i| golds[i].1).collect();
        let r_tp = required.iter().filter(|i| found.contains(i)).count();
        let r_fn: Vec<usize> = required
            .iter()
            .copied()
            .filter(|i| !found.contains(i))
            .collect();
        for i in &r_fn {
            let r = &golds[*i].0;
            let desc = match rtype {
                "metWith" => format!(
                    "{{\"a\": {:?}, \"b\": {:?}}}",
                    r.a.clone().unwrap_or_default(),
                    r.b.clone().unwrap_or_default()
                ),
                "backs" => format!(
                    "{{\"subject\": {:?}, \"object\": {:?}}}",
                    r.subject.clone().unwrap_or_default(),
                    r.object.clone().unwrap_or_default()
                ),
                _ => format!(
                    "{{\"agent\": {:?}, \"proposal\": {:?}}}",
                    r.agent.clone().unwrap_or_default(),
                    r.proposal.clone().unwrap_or_default()
                ),
            };
            details.push(format!("missed {name}: {desc}"));
        }
        for f in &fps {
            details.push(format!("spurious {name}: {f}"));
        }
        rows.push((name, prf(r_tp, fps.len(), r_fn.len())));
        missed_by_type.insert(rtype, r_fn.len());
        all_tp += r_tp;
        all_fp += fps.len();
        all_fn += r_fn.len();
    }
    rows.push(("relations", prf(all_tp, all_fp, all_fn)));
    let meetings = meetings::score(store, &gold.meetings, &assignment)?.map(|(m, lines)| {
        details.extend(lines);
        m
    });
    let report = Report {
        rows,
        counts,
        details,
        confusions,
        meetings,
    };
    Ok((
        report,
        Matching {
            assignment,
            missed: missed_by_type,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report of a Turtle graph against a gold file's JSON, in a temporary folder
    /// named by `tag`.
    fn report(tag: &str, gold_json: &str, ttl: &str) -> Report {
        let dir = std::env::temp_dir().join(format!("ng-eval-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("tempdir");
        let gold_path = dir.join("gold.json");
        std::fs::write(&gold_path, gold_json).expect("write gold");
        let gold = Gold::load(&gold_path).expect("gold loads");
        let store = NewsStore::memory().expect("store");
        store
            .load(oxigraph::io::RdfFormat::Turtle, ttl.as_bytes())
            .expect("graph");
        let r = evaluate(&store, &gold).expect("evaluates");
        let _ = std::fs::remove_dir_all(&dir);
        r
    }

    #[test]
    fn scores_a_small_graph() {
        let gold = r#"{"entities": [
                {"name": "Anna Berg", "type": "Person", "aliases": ["Berg"]},
                {"name": "Tom Vale", "type": "Person"},
                {"name": "Oslo", "type": "Place"},
                {"name": "Nobody", "type": "Person"}],
              "relations": [{"type": "metWith", "a": "Anna Berg", "b": "Tom Vale"},
                            {"type": "proposed", "agent": "Anna Berg", "proposal": "a truce", "keys": ["truce"]}]}"#;
        let ttl = r#"@prefix ng: <https://w3id.org/newsgraph/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <http://x/a> a ng:Person ; rdfs:label "Anna Berg" ; ng:metWith <http://x/t> ; ng:proposed <http://x/p> .
            <http://x/t> a ng:Person ; rdfs:label "Tom Vale" ; ng:metWith <http://x/a> .
            <http://x/o> a ng:Place ; rdfs:label "Oslo" .
            <http://x/o2> a ng:Place ; rdfs:label "the Oslo" .
            <http://x/p> rdfs:label "a long ceasefire" ."#;
        let r = report("graph", gold, ttl);
        // 3 found, 1 missed (Nobody), 1 duplicate (Oslo twice)
        assert_eq!(r.counts, (3, 1, 0, 1));
        let e = r.get("entities").expect("row");
        assert!((e.precision - 0.75).abs() < 1e-9 && (e.recall - 0.75).abs() < 1e-9);
        let m = r.get("metWith").expect("row");
        assert!((m.f1 - 1.0).abs() < 1e-9);
        let p = r.get("proposed").expect("row");
        assert!(p.f1.abs() < 1e-9, "'truce' is not in the label");
        assert!(r
            .details
            .iter()
            .any(|d| d.starts_with("spurious proposed: Anna Berg -> a long ceasefire")));
        // types: Anna Berg and Tom Vale right, Oslo right, Nobody missed
        let c = |g: &str, t: &str| r.confusions.get(&(g.into(), t.into())).copied();
        assert_eq!(c("Person", "Person"), Some(2));
        assert_eq!(c("Place", "Place"), Some(1));
        assert_eq!(c("Person", "-"), Some(1));
    }

    #[test]
    fn counts_type_confusions() {
        let gold = r#"{"entities": [
                {"name": "Norland Air", "type": "Organization"},
                {"name": "Lima", "type": "Place"}], "relations": []}"#;
        let ttl = r#"@prefix ng: <https://w3id.org/newsgraph/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <http://x/n> a ng:Person ; rdfs:label "Norland Air" .
            <http://x/d> a ng:Person ; rdfs:label "Harvest Day" ."#;
        let r = report("types", gold, ttl);
        let c = |g: &str, t: &str| r.confusions.get(&(g.into(), t.into())).copied();
        assert_eq!(c("Organization", "Person"), Some(1), "{:?}", r.confusions);
        assert_eq!(
            c("Organization", "-"),
            None,
            "a mistyped entity is no miss besides"
        );
        assert_eq!(c("-", "Person"), Some(1));
        assert_eq!(c("Place", "-"), Some(1));
        let table = r.confusion_table();
        let row = |name: &str| {
            table
                .lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>())
                .find(|w| w.first() == Some(&name))
        };
        assert_eq!(
            row("Organization"),
            Some(vec!["Organization", "1", "0", "0", "0", "0"])
        );
        assert_eq!(row("-"), Some(vec!["-", "1", "0", "0", "0", "0"]));
    }
}
