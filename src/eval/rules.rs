//! Rule coverage: which extraction rules stated the graph's relations, and how often each
//! was right against the gold (`newsgraph eval --rules`).
//!
//! Every relation a sentence states is kept as an `ng:Assertion` with its `ng:rule`; each
//! assertion is judged as `evaluate` judges the graph's relations (same entity matching,
//! same argument and key rules). A rule's precision is over the assertions it made; a
//! gold relation that no assertion states is counted as found by no rule.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{
    gold_relations, score, select, text_of, EvalError, Gold, Judge, Verdict, NG, RELATIONS,
};
use crate::store::NewsStore;

/// What one rule stated, judged against the gold.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleRow {
    /// The rule id (`meet.met`, `backs.ally` …).
    pub rule: String,
    /// The relation it states: metWith, backs or proposed.
    pub relation: &'static str,
    /// Assertions it made (one per sentence and pair).
    pub fired: usize,
    /// Of them, relations of the gold.
    pub right: usize,
    /// Of them, relations the gold does not have.
    pub wrong: usize,
    /// Of them, relations with an optional gold entity (counted neither way).
    pub optional: usize,
}

impl RuleRow {
    /// Right over right and wrong (0 when it made none that count).
    pub fn precision(&self) -> f64 {
        let n = self.right + self.wrong;
        if n == 0 {
            0.0
        } else {
            self.right as f64 / n as f64
        }
    }
}

/// The rules of a graph, and the required gold relations no rule found, by type.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RuleReport {
    /// One row a rule, by relation then rule id.
    pub rules: Vec<RuleRow>,
    /// Required gold relations that no assertion states, by relation type.
    pub unfound: BTreeMap<&'static str, usize>,
}

impl RuleReport {
    /// A table for people.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:32} {:9} {:>6} {:>6} {:>6} {:>8} {:>9}",
            "rule", "relation", "fired", "right", "wrong", "optional", "precision"
        );
        for r in &self.rules {
            let _ = writeln!(
                s,
                "{:32} {:9} {:6} {:6} {:6} {:8} {:9.3}",
                r.rule,
                r.relation,
                r.fired,
                r.right,
                r.wrong,
                r.optional,
                r.precision()
            );
        }
        let unfound: Vec<String> = self
            .unfound
            .iter()
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        let _ = writeln!(s, "gold relations no rule stated: {}", unfound.join(", "));
        s
    }
}

/// Judges every assertion of the graph in `store` by its rule.
pub fn rule_report(store: &NewsStore, gold: &Gold) -> Result<RuleReport, EvalError> {
    let (_, matching) = score(store, gold)?;
    let assignment = matching.assignment;
    let mut rows: BTreeMap<(&'static str, String), RuleRow> = BTreeMap::new();
    let mut unfound = BTreeMap::new();
    for rtype in RELATIONS {
        let golds = gold_relations(gold, rtype);
        let judge = Judge {
            gold,
            assignment: &assignment,
            rtype,
            golds: &golds,
        };
        // the object of a proposal is read by its label, as the scorer reads it
        let object = if rtype == "proposed" {
            "?o rdfs:label ?b"
        } else {
            "BIND(?o AS ?b)"
        };
        let q = format!(
            "PREFIX ng: <{NG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
             PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> \
             SELECT ?a ?b ?rule WHERE {{ ?s a ng:Assertion ; rdf:predicate ng:{rtype} ; \
             rdf:subject ?a ; rdf:object ?o ; ng:rule ?rule . {object} }}"
        );
        for row in select(store, &q)? {
            let rule = text_of(&row[2]);
            let r = rows
                .entry((rtype, rule.clone()))
                .or_insert_with(|| RuleRow {
                    rule,
                    relation: rtype,
                    fired: 0,
                    right: 0,
                    wrong: 0,
                    optional: 0,
                });
            r.fired += 1;
            match judge.verdict(&text_of(&row[0]), &text_of(&row[1])) {
                Verdict::Right(_) => r.right += 1,
                Verdict::Optional => r.optional += 1,
                Verdict::Wrong => r.wrong += 1,
            }
        }
        unfound.insert(rtype, matching.missed.get(rtype).copied().unwrap_or(0));
    }
    Ok(RuleReport {
        rules: rows.into_values().collect(),
        unfound,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NGI: &str = "https://w3id.org/newsgraph/ontology#";

    /// Two assertions of one rule (one right, one wrong) and one of another (right); every
    /// gold relation is stated, so none is left unfound.
    #[test]
    fn each_rule_is_judged_by_its_assertions() {
        let dir = tempfile::tempdir().expect("tempdir");
        let gold_path = dir.path().join("gold.json");
        std::fs::write(
            &gold_path,
            r#"{"entities": [
                {"name": "Anna Berg", "type": "Person"},
                {"name": "Tom Vale", "type": "Person"},
                {"name": "Ida Moss", "type": "Person"},
                {"name": "Zembla", "type": "Place"}],
              "relations": [
                {"type": "metWith", "a": "Anna Berg", "b": "Tom Vale"},
                {"type": "metWith", "a": "Anna Berg", "b": "Ida Moss"},
                {"type": "backs", "subject": "Zembla", "object": "Tom Vale"},
                {"type": "proposed", "agent": "Tom Vale", "proposal": "truce", "keys": ["truce"]}]}"#,
        )
        .expect("gold");
        let gold = Gold::load(&gold_path).expect("gold loads");
        let e = |n: &str| format!("<https://example.org/e/{n}>");
        let mut ttl = String::new();
        for (n, label, t) in [
            ("berg", "Anna Berg", "Person"),
            ("vale", "Tom Vale", "Person"),
            ("moss", "Ida Moss", "Person"),
            ("zembla", "Zembla", "Place"),
        ] {
            ttl += &format!(
                "{} a <{NGI}{t}> ; <http://www.w3.org/2000/01/rdf-schema#label> \"{label}\" .\n",
                e(n)
            );
        }
        ttl += "<https://example.org/p/1> <http://www.w3.org/2000/01/rdf-schema#label> \"a truce\" .\n";
        let mut k = 0;
        let mut state = |a: &str, p: &str, o: &str, rule: &str| {
            k += 1;
            // the relation itself, as the graph states it beside its assertion
            ttl += &format!("{a} <{NGI}{p}> {o} .\n");
            ttl += &format!(
                "<https://example.org/a/{k}> a <{NGI}Assertion> ; \
                 <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> {a} ; \
                 <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <{NGI}{p}> ; \
                 <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> {o} ; \
                 <{NGI}rule> \"{rule}\" .\n"
            );
        };
        state(&e("berg"), "metWith", &e("vale"), "meet.met");
        state(&e("vale"), "metWith", &e("zembla"), "meet.met");
        state(&e("moss"), "metWith", &e("berg"), "meet.talks");
        state(&e("zembla"), "backs", &e("vale"), "backs.verb");
        state(
            &e("vale"),
            "proposed",
            "<https://example.org/p/1>",
            "propose.verb",
        );
        let store = NewsStore::memory().expect("store");
        store
            .load(oxigraph::io::RdfFormat::Turtle, ttl.as_bytes())
            .expect("loads");
        let r = rule_report(&store, &gold).expect("report");
        let row = |rule: &str| {
            r.rules
                .iter()
                .find(|x| x.rule == rule)
                .map(|x| (x.relation, x.fired, x.right, x.wrong))
        };
        assert_eq!(row("meet.met"), Some(("metWith", 2, 1, 1)));
        assert_eq!(row("meet.talks"), Some(("metWith", 1, 1, 0)));
        assert_eq!(row("backs.verb"), Some(("backs", 1, 1, 0)));
        assert_eq!(row("propose.verb"), Some(("proposed", 1, 1, 0)));
        assert_eq!(r.rules.len(), 4);
        assert!(r.unfound.values().all(|&n| n == 0), "{:?}", r.unfound);
        let text = r.to_text();
        assert!(text.contains("meet.met"), "{text}");
        assert!(text.contains("0.500"), "{text}");
    }
}
