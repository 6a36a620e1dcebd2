//! Meetings in the store: an ingest resolves the meeting reports of the articles it
//! wrote with the stored reports that bear on them, and replaces those meetings of the
//! world graph ([`crate::graph::meetings`] says what one meeting is).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDate;
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad};

use super::{NewsStore, StoreError};
use crate::graph::meetings;
use crate::graph::vocab::{ng, schema};

impl NewsStore {
    /// Resolves the meetings of the reports of articles just written ([`NewsStore::write`])
    /// together with the stored reports that bear on them, and replaces those meetings in
    /// the world graph `world` ([`crate::graph::meetings::resolve`]), in one transaction.
    /// What bears on them: every stored report of the days they fall on; every stored
    /// report of no day (found by a scan, they are few); and every report of a day
    /// that shares a meeting with one of no day, with the rest of its day. A store built
    /// in several runs thus holds the meetings of one run over all its articles.
    pub fn resolve_meetings(
        &self,
        reports: Vec<meetings::Report>,
        world: &NamedNode,
        base: &str,
    ) -> Result<(), StoreError> {
        if reports.is_empty() {
            return Ok(());
        }
        // the new articles' reports are all here; the world graph holds none
        let mut new_articles: HashSet<NamedNode> =
            reports.iter().map(|r| r.article.clone()).collect();
        new_articles.insert(world.clone());
        let mut read = new_articles.clone();
        let mut all = reports;
        // stored reports of no day: in the graphs of articles without a publication date
        // (a lookup per article: a SPARQL query for them took 8 s on 10,000 articles)
        let mut graphs = Vec::new();
        for q in self.store.quads_for_pattern(
            None,
            Some(rdf::TYPE),
            Some(schema::NEWS_ARTICLE.into()),
            None,
        ) {
            let q = q?;
            let (NamedOrBlankNode::NamedNode(a), GraphName::NamedNode(g)) =
                (&q.subject, &q.graph_name)
            else {
                continue;
            };
            if a != g || read.contains(g) {
                continue;
            }
            let dated = self
                .store
                .quads_for_pattern(
                    Some(a.as_ref().into()),
                    Some(schema::DATE_PUBLISHED),
                    None,
                    Some(g.as_ref().into()),
                )
                .next()
                .transpose()?
                .is_some();
            if !dated {
                graphs.push(g.clone());
            }
        }
        // (their dated reports, and the others read below, wait for their day: each graph
        // is read once)
        let mut got = Vec::new();
        self.read_reports(graphs, &mut read, &mut got, |_| true)?;
        let (undated, mut waiting): (Vec<_>, Vec<_>) =
            got.into_iter().partition(|r| r.day().is_none());
        all.extend(undated);
        // the dated reports that share a meeting with one of no day
        let undated: Vec<&meetings::Report> = all.iter().filter(|r| r.day().is_none()).collect();
        let who: BTreeSet<&NamedNode> = undated.iter().flat_map(|r| &r.participants).collect();
        let mut graphs = BTreeSet::new();
        for p in who {
            for q in self.store.quads_for_pattern(
                None,
                Some(ng::PARTICIPANT),
                Some(p.as_ref().into()),
                None,
            ) {
                if let GraphName::NamedNode(g) = q?.graph_name {
                    graphs.insert(g);
                }
            }
        }
        let keys = meetings::KeySet::strong(undated);
        let mut got = Vec::new();
        self.read_reports(graphs, &mut read, &mut got, |r| r.day().is_some())?;
        let (matching, rest): (Vec<_>, Vec<_>) = got.into_iter().partition(|r| keys.shared_with(r));
        drop(keys);
        all.extend(matching);
        waiting.extend(rest);
        // every report of those days, and of the days next to them whose reports may
        // tell of the same meetings (talks past midnight), as far as such days go on
        // (each graph is read once, and its reports kept by day until their day is taken)
        let mut seen: HashSet<NamedNode> = all.iter().map(|r| r.iri.clone()).collect();
        let mut by_day: BTreeMap<NaiveDate, Vec<meetings::Report>> = BTreeMap::new();
        for r in waiting {
            if let Some(d) = r.day() {
                if seen.insert(r.iri.clone()) {
                    by_day.entry(d).or_default().push(r);
                }
            }
        }
        let mut read_days = |days: &BTreeSet<NaiveDate>,
                             seen: &mut HashSet<NamedNode>,
                             by_day: &mut BTreeMap<NaiveDate, Vec<meetings::Report>>|
         -> Result<(), StoreError> {
            let mut more = Vec::new();
            self.read_reports(
                self.graphs_of_days(days, world)?,
                &mut read,
                &mut more,
                |r| r.day().is_some() && !seen.contains(&r.iri),
            )?;
            for r in more {
                seen.insert(r.iri.clone());
                if let Some(d) = r.day() {
                    by_day.entry(d).or_default().push(r);
                }
            }
            Ok(())
        };
        let mut todo: BTreeSet<NaiveDate> = all.iter().filter_map(meetings::Report::day).collect();
        let mut loaded = BTreeSet::new();
        while !todo.is_empty() {
            read_days(&todo, &mut seen, &mut by_day)?;
            for d in &todo {
                all.extend(by_day.remove(d).unwrap_or_default());
            }
            loaded.extend(todo);
            let next: BTreeSet<NaiveDate> = loaded
                .iter()
                .flat_map(|d| [d.pred_opt(), d.succ_opt()])
                .flatten()
                .filter(|d| !loaded.contains(d))
                .collect();
            read_days(&next, &mut seen, &mut by_day)?;
            let keys = meetings::KeySet::of(all.iter().filter(|r| r.day().is_some()));
            todo = next
                .into_iter()
                .filter(|d| {
                    by_day
                        .get(d)
                        .is_some_and(|v| v.iter().any(|r| keys.shared_with(r)))
                })
                .collect();
        }
        let resolved = meetings::resolve(base, all);
        // the meetings the stored reports made before (the new ones made none: an
        // earlier resolution in this run took the reports it resolved)
        let mut old = HashSet::new();
        for m in &resolved {
            for r in m
                .reports
                .iter()
                .filter(|r| !new_articles.contains(&r.article))
            {
                for q in self.store.quads_for_pattern(
                    None,
                    Some(ng::REPORT),
                    Some(r.iri.as_ref().into()),
                    Some(world.as_ref().into()),
                ) {
                    old.insert(q?.subject);
                }
            }
        }
        self.write_meetings(old.into_iter().collect(), &resolved, world)
    }

    /// Replaces every meeting of the world graph `world` by `resolved`.
    pub(super) fn replace_meetings(
        &self,
        resolved: Vec<meetings::Meeting>,
        world: &NamedNode,
    ) -> Result<(), StoreError> {
        let mut old = HashSet::new();
        for q in self.store.quads_for_pattern(
            None,
            Some(rdf::TYPE),
            Some(ng::MEETING.into()),
            Some(world.as_ref().into()),
        ) {
            old.insert(q?.subject);
        }
        // a node a stopped bulk load left without its type
        for q in
            self.store
                .quads_for_pattern(None, Some(ng::REPORT), None, Some(world.as_ref().into()))
        {
            old.insert(q?.subject);
        }
        self.write_meetings(old.into_iter().collect(), &resolved, world)
    }

    /// Removes the meeting nodes `old` of the world graph `world` and writes `resolved`:
    /// removals in transactions of 5,000 nodes, the new nodes through the bulk loader
    /// when there are many (one transaction of the 41,577 meetings of a 10,000-article
    /// ingest took a gigabyte and half a minute). A run stopped meanwhile leaves the
    /// tallies' mark set, and the next writer resolves every meeting again
    /// ([`NewsStore::recount_tallies`]).
    fn write_meetings(
        &self,
        old: Vec<NamedOrBlankNode>,
        resolved: &[meetings::Meeting],
        world: &NamedNode,
    ) -> Result<(), StoreError> {
        self.remove_nodes(&old, world)?;
        self.add_nodes(
            resolved.len(),
            resolved.iter().flat_map(|m| m.to_quads(world)),
        )
    }

    /// The graphs (other than `world`) with a stated date or a publication date of one
    /// of `days`.
    fn graphs_of_days(
        &self,
        days: &BTreeSet<NaiveDate>,
        world: &NamedNode,
    ) -> Result<BTreeSet<NamedNode>, StoreError> {
        let mut graphs = BTreeSet::new();
        for day in days {
            let literal = Literal::new_typed_literal(day.format("%Y-%m-%d").to_string(), xsd::DATE);
            for p in [ng::DATE, schema::DATE_PUBLISHED] {
                for q in
                    self.store
                        .quads_for_pattern(None, Some(p), Some(literal.as_ref().into()), None)
                {
                    if let GraphName::NamedNode(g) = q?.graph_name {
                        if g != *world {
                            graphs.insert(g);
                        }
                    }
                }
            }
        }
        Ok(graphs)
    }

    /// Reads the reports `keep` accepts from each graph of `graphs` not in `read` (which
    /// it joins), into `into`.
    fn read_reports(
        &self,
        graphs: impl IntoIterator<Item = NamedNode>,
        read: &mut HashSet<NamedNode>,
        into: &mut Vec<meetings::Report>,
        keep: impl Fn(&meetings::Report) -> bool,
    ) -> Result<(), StoreError> {
        for g in graphs {
            if !read.insert(g.clone()) {
                continue;
            }
            // most articles report no meeting: a lookup tells, without reading the graph
            let reports = self
                .store
                .quads_for_pattern(
                    None,
                    Some(rdf::TYPE),
                    Some(ng::MEETING_REPORT.into()),
                    Some(g.as_ref().into()),
                )
                .next()
                .transpose()?
                .is_some();
            if !reports {
                continue;
            }
            let quads: Vec<Quad> = self
                .store
                .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
                .collect::<Result<_, _>>()?;
            into.extend(meetings::of_article(&quads).into_iter().filter(|r| keep(r)));
        }
        Ok(())
    }
}
