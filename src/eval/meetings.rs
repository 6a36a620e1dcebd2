//! Scoring meeting clusters: which reports of meetings (`ng:MeetingReport`, one per
//! article and meeting) the graph puts in one `ng:Meeting`, against a gold file's
//! `meetings`.
//!
//! A gold meeting is an id and its reports, each a document and the gold entities the
//! document names as taking part:
//!
//! ```json
//! "meetings": [
//!   {"id": "paris-2014-01-13", "reports": [
//!     {"doc": "wire.txt", "participants": ["John Kerry", "Sergei Lavrov", "Lakhdar Brahimi"]},
//!     {"doc": "bbc.txt", "participants": ["John Kerry", "Sergei Lavrov"]}]}
//! ]
//! ```
//!
//! Each report of the graph is matched with the gold report of its document (the file
//! name its article was read from, `ng:sourceFile`, without folders) with which it shares
//! the most participants, two at least (entities matched as the entity score matches
//! them); reports matched with none are the extractor's business, not the clustering's.
//! Over the matched reports, a pair in one gold meeting and one graph meeting is right;
//! pairwise precision, recall and F1 are the figures, and a graph meeting that joins
//! reports of two gold meetings counts as a merge.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::{prf, select, text_of, EvalError, Prf, NG};
use crate::store::NewsStore;

/// One real meeting of the gold.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct GoldMeeting {
    pub(super) id: String,
    pub(super) reports: Vec<GoldReport>,
}

/// What one document says of a gold meeting.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct GoldReport {
    pub(super) doc: String,
    pub(super) participants: Vec<String>,
}

/// How the graph groups reports into meetings, against the gold.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct MeetingScore {
    /// Pairs of matched reports in one meeting: precision, recall, F1 (all 1 when
    /// neither the gold nor the graph puts two matched reports together).
    pub pairwise: Prf,
    /// Reports of the graph matched with a gold report.
    pub matched: usize,
    /// Gold reports, and how many of them some report of the graph matched.
    pub gold_reports: usize,
    /// Gold reports matched.
    pub gold_found: usize,
    /// Meetings of the graph that join reports of different gold meetings.
    pub merged: usize,
}

/// Scores the meetings of the graph in `store` against `gold`; `assignment` maps entity
/// IRIs to the gold names they were matched with. `None` when the gold has no meetings;
/// else the score and a line for each gold meeting split and each graph meeting that
/// merges.
pub(super) fn score(
    store: &NewsStore,
    gold: &[GoldMeeting],
    assignment: &HashMap<String, String>,
) -> Result<Option<(MeetingScore, Vec<String>)>, EvalError> {
    if gold.is_empty() {
        return Ok(None);
    }
    let q = format!(
        "PREFIX ng: <{NG}> SELECT ?m ?r ?file ?p WHERE {{ ?m a ng:Meeting ; ng:report ?r . \
         ?r ng:participant ?p ; ng:article ?a . ?a ng:sourceFile ?file }}"
    );
    // report → (meeting, document, gold names of its participants)
    let mut reports: BTreeMap<String, (String, String, Vec<String>)> = BTreeMap::new();
    for row in select(store, &q)? {
        let file = text_of(&row[2]);
        let doc = file.rsplit(['/', '\\']).next().unwrap_or(&file).to_string();
        let entry = reports
            .entry(text_of(&row[1]))
            .or_insert_with(|| (text_of(&row[0]), doc, Vec::new()));
        if let Some(name) = assignment.get(&text_of(&row[3])) {
            if !entry.2.contains(name) {
                entry.2.push(name.clone());
            }
        }
    }
    let mut found: Vec<Vec<bool>> = gold.iter().map(|m| vec![false; m.reports.len()]).collect();
    // matched reports: (graph meeting, gold meeting)
    let mut items: Vec<(&str, usize)> = Vec::new();
    for (meeting, doc, names) in reports.values() {
        // the most participants in common, then the fewest gold ones not in common
        let mut best: Option<(usize, usize, (usize, std::cmp::Reverse<usize>))> = None;
        for (i, m) in gold.iter().enumerate() {
            for (j, r) in m.reports.iter().enumerate() {
                if r.doc != *doc {
                    continue;
                }
                let shared = r.participants.iter().filter(|p| names.contains(p)).count();
                let fit = (shared, std::cmp::Reverse(r.participants.len() - shared));
                if shared >= 2 && best.is_none_or(|(_, _, f)| fit > f) {
                    best = Some((i, j, fit));
                }
            }
        }
        if let Some((i, j, _)) = best {
            found[i][j] = true;
            items.push((meeting.as_str(), i));
        }
    }
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (k, (m1, g1)) in items.iter().enumerate() {
        for (m2, g2) in &items[k + 1..] {
            match (m1 == m2, g1 == g2) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                (false, false) => {}
            }
        }
    }
    let pairwise = if tp + fp + fn_ == 0 {
        Prf {
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
        }
    } else {
        prf(tp, fp, fn_)
    };
    let mut golds_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut meetings_of: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for (m, g) in &items {
        let v = golds_of.entry(m).or_default();
        if !v.contains(g) {
            v.push(*g);
        }
        let v = meetings_of.entry(*g).or_default();
        if !v.contains(m) {
            v.push(m);
        }
    }
    let mut details = Vec::new();
    for (g, ms) in &meetings_of {
        if ms.len() > 1 {
            details.push(format!(
                "split meeting: {} is {} meetings of the graph",
                gold[*g].id,
                ms.len()
            ));
        }
    }
    for gs in golds_of.values().filter(|v| v.len() > 1) {
        let ids: Vec<&str> = gs.iter().map(|&g| gold[g].id.as_str()).collect();
        details.push(format!("merged meetings: {}", ids.join(" + ")));
    }
    for (m, f) in gold.iter().zip(&found) {
        for (r, _) in m.reports.iter().zip(f).filter(|(_, f)| !**f) {
            details.push(format!(
                "missed meeting report: {} in {} ({})",
                m.id,
                r.doc,
                r.participants.join(", ")
            ));
        }
    }
    let score = MeetingScore {
        pairwise,
        matched: items.len(),
        gold_reports: gold.iter().map(|m| m.reports.len()).sum(),
        gold_found: found.iter().flatten().filter(|&&f| f).count(),
        merged: golds_of.values().filter(|v| v.len() > 1).count(),
    };
    Ok(Some((score, details)))
}

/// Checks that every participant of a gold meeting is a gold entity, and that ids are
/// unique.
pub(super) fn check(gold: &[GoldMeeting], known: impl Fn(&str) -> bool) -> Result<(), String> {
    let mut ids = std::collections::HashSet::new();
    for m in gold {
        if !ids.insert(&m.id) {
            return Err(format!("meeting id {:?} is used twice", m.id));
        }
        for r in &m.reports {
            if let Some(p) = r.participants.iter().find(|p| !known(p)) {
                return Err(format!("meeting {:?} names unknown entity {p:?}", m.id));
            }
        }
    }
    Ok(())
}
