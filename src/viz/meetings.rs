//! Meetings in the picture. Every `ng:Meeting` of the world graph (the reports of one real
//! meeting, resolved across articles by `graph::meetings`) is drawn once: a node of its
//! own, joined to each participant by a "took part" edge, in place of the `metWith`
//! edges between every pair of them. Three people at one summit reported by three
//! outlets are one node and three edges, not three edges each stated three times; and
//! two meetings of the same two people stay two nodes, each with its date and place.
//!
//! The filters of the picture apply to the reports: a meeting is drawn with what the
//! reports of the chosen dates and outlets say (their participants, their articles), and
//! only when at least two of its participants are drawn.

use std::collections::{BTreeMap, BTreeSet};

use super::{select, text, Acc, Filter, Node, VizError};
use crate::store::NewsStore;

/// The relation of a participant's edge to its meeting.
pub const TOOK_PART: &str = "tookPart";

const REPORTS: &str = r#"
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
SELECT ?m ?p ?pl ?pt ?art ?date ?outlet ?sentence WHERE {
  ?m a ng:Meeting ; ng:report ?r .
  ?r ng:article ?art ; ng:participant ?p .
  ?p rdfs:label ?pl ; a ?pt .
  FILTER(STRSTARTS(STR(?pt), STR(ng:)))
  OPTIONAL { ?r ng:evidence/ng:sentence ?sentence }
  OPTIONAL { ?art schema:datePublished ?date }
  OPTIONAL { ?art schema:publisher/rdfs:label ?outlet }
}"#;

const WHAT: &str = r#"
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?m ?date ?place ?event WHERE {
  ?m a ng:Meeting .
  OPTIONAL { ?m ng:date ?date }
  OPTIONAL { ?m ng:place/rdfs:label ?place }
  OPTIONAL { ?m ng:partOf/rdfs:label ?event }
}"#;

/// A meeting's label: its named event or "Meeting", its places and its first stated day
/// (else the first publication day of a drawn report): "Geneva talks · Geneva ·
/// 2014-01-22".
fn label(events: &BTreeSet<String>, places: &BTreeSet<String>, days: &BTreeSet<String>) -> String {
    let mut parts = vec![events
        .first()
        .cloned()
        .unwrap_or_else(|| "Meeting".to_string())];
    if !places.is_empty() {
        parts.push(places.iter().cloned().collect::<Vec<_>>().join(" / "));
    }
    parts.extend(days.first().cloned());
    parts.join(" · ")
}

/// Draws the meetings into `nodes` and `acc` (edges keyed by subject, relation, object)
/// and removes the `metWith` edges between two participants of one drawn meeting.
/// `keep(date, outlet)` says whether a report's article passes the date and outlet
/// filters, `wanted(type)` whether a participant's type is drawn.
pub(super) fn draw(
    store: &NewsStore,
    filter: &Filter,
    focus: Option<&BTreeSet<String>>,
    keep: &dyn Fn(Option<&String>, Option<&String>) -> bool,
    wanted: &dyn Fn(&str) -> bool,
    nodes: &mut BTreeMap<String, Node>,
    acc: &mut BTreeMap<(String, String, String), Acc>,
) -> Result<(), VizError> {
    // meeting → participant → (label, type, what the drawn reports say)
    let mut drawn: BTreeMap<String, BTreeMap<String, (String, String, Acc)>> = BTreeMap::new();
    let mut published: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in select(store, REPORTS, None)? {
        let (Some(m), Some(p)) = (text(r.get("m")), text(r.get("p"))) else {
            continue;
        };
        let (date, outlet) = (text(r.get("date")), text(r.get("outlet")));
        if !keep(date.as_ref(), outlet.as_ref()) {
            continue;
        }
        let etype = super::local(&text(r.get("pt")).unwrap_or_default());
        if !wanted(&etype) {
            continue;
        }
        let label = text(r.get("pl")).unwrap_or_else(|| super::local(&p));
        let (_, _, a) = drawn
            .entry(m.clone())
            .or_default()
            .entry(p)
            .or_insert_with(|| (label, etype, Acc::default()));
        a.add(
            text(r.get("art")).unwrap_or_default(),
            outlet,
            date.clone(),
            text(r.get("sentence")).unwrap_or_default(),
        );
        published.entry(m).or_default().extend(date);
    }
    drawn.retain(|_, who| {
        who.len() >= 2
            && who
                .values()
                .map(|(_, _, a)| a.articles.len())
                .max()
                .unwrap_or(0)
                >= filter.min_articles.max(1)
            && focus.is_none_or(|f| who.keys().any(|p| f.contains(p)))
    });
    if drawn.is_empty() {
        return Ok(());
    }
    let mut what: BTreeMap<String, [BTreeSet<String>; 3]> = BTreeMap::new();
    for r in select(store, WHAT, None)? {
        let Some(m) = text(r.get("m")) else { continue };
        if !drawn.contains_key(&m) {
            continue;
        }
        let w = what.entry(m).or_default();
        for (i, var) in ["event", "place", "date"].into_iter().enumerate() {
            w[i].extend(text(r.get(var)));
        }
    }
    let mut pairs: BTreeSet<(String, String)> = BTreeSet::new();
    for (m, who) in drawn {
        let [events, places, mut days] = what.remove(&m).unwrap_or_default();
        if days.is_empty() {
            days = published.remove(&m).unwrap_or_default();
        }
        nodes.insert(
            m.clone(),
            Node {
                iri: m.clone(),
                label: label(&events, &places, &days),
                etype: "Meeting".to_string(),
            },
        );
        for x in who.keys() {
            for y in who.keys().filter(|y| x < *y) {
                pairs.insert((x.clone(), y.clone()));
            }
        }
        for (p, (label, etype, a)) in who {
            nodes.entry(p.clone()).or_insert_with(|| Node {
                iri: p.clone(),
                label,
                etype,
            });
            acc.insert((p, TOOK_PART.to_string(), m.clone()), a);
        }
    }
    // the pairs a drawn meeting shows are not drawn again as edges
    acc.retain(|(x, p, y), _| p != "metWith" || !pairs.contains(&(x.clone(), y.clone())));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_is_named_by_its_event_place_and_first_day() {
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(
            label(
                &set(&["Geneva talks"]),
                &set(&["Geneva"]),
                &set(&["2014-01-23", "2014-01-22"])
            ),
            "Geneva talks · Geneva · 2014-01-22"
        );
        assert_eq!(
            label(&set(&[]), &set(&["Paris"]), &set(&["2014-01-13"])),
            "Meeting · Paris · 2014-01-13"
        );
        assert_eq!(label(&set(&[]), &set(&[]), &set(&[])), "Meeting");
    }
}
