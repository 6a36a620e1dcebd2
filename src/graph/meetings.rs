//! Meetings across articles: one node per real meeting (part of stage 3, beside the
//! tallies).
//!
//! Each article's graph holds an `ng:MeetingReport` per meeting it reports: the
//! participants, place, date and named event that article gives, with its evidence. Three
//! outlets reporting the talks in Paris on 13 January 2014 give three reports; readers
//! want one meeting. [`resolve`] groups the reports of one day (the date the report
//! states, or else its article's publication date) whose participants overlap (two or
//! more in common, or one and the same named event) into one `ng:Meeting` of the world
//! graph, linked to each report by `ng:report`, with every participant, place, stated
//! date and named event its reports give (two outlets that disagree on the date leave
//! two `ng:date` values to see), and the number of articles and the outlets that report
//! it. The meetings of two days in a row join when they also share an article, a place or
//! an event (talks past midnight); a report of no day joins the one meeting it shares a
//! pair and an article, place or event with. Reports further apart, or sharing at most
//! one participant ("A met B, then C, separately"), stay apart.
//!
//! A meeting is derived data, like a tally: [`of_article`] reads an article's reports
//! from the quads of its graph, both when the article is built and when a store reads
//! its stored articles again, and [`resolve`] is a function of the set of reports alone
//! (the order they come in does not matter), so a store built in several runs, or in
//! another order, holds the same meetings under the same IRIs. A meeting's IRI is minted
//! from its first day and the pair of participants most of its reports name.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use super::vocab::{ng, schema};

/// One article's report of a meeting, as its graph states it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Report {
    /// The report's node (`ng:MeetingReport`).
    pub iri: NamedNode,
    /// The article it is read from.
    pub article: NamedNode,
    /// The article's outlet (`schema:publisher`).
    pub outlet: Option<NamedNode>,
    /// The date the report states (`ng:date`).
    pub stated: Option<NaiveDate>,
    /// The article's publication date.
    pub published: Option<NaiveDate>,
    /// Who took part.
    pub participants: BTreeSet<NamedNode>,
    /// Where, as stated.
    pub places: BTreeSet<NamedNode>,
    /// The named events it is part of.
    pub events: BTreeSet<NamedNode>,
    /// Whether it tells of a call (rule `meet.call`): a call is never the same meeting
    /// as talks face to face ("A, who had phoned both leaders over the weekend, …" in a
    /// report of their talks).
    pub call: bool,
}

impl Report {
    /// The day the meeting took place as far as this report tells: the stated date, or
    /// else the day the article was published.
    pub fn day(&self) -> Option<NaiveDate> {
        self.stated.or(self.published)
    }

    /// What two reports of one day that tell of the same meeting share, one at least:
    /// a pair of participants, or a participant and a named event.
    fn keys(&self) -> Vec<Key<'_>> {
        let who: Vec<&NamedNode> = self.participants.iter().collect();
        let mut keys = Vec::new();
        for (i, a) in who.iter().enumerate() {
            keys.extend(who[i + 1..].iter().map(|b| (self.call, *a, *b, None)));
            keys.extend(self.events.iter().map(|e| (self.call, *a, e, None)));
        }
        keys
    }

    /// What two reports that tell of the same meeting share when they are not of one
    /// day (one of no day, or of the day before): a key of [`Report::keys`] and the
    /// article, a place or the named event. (Leaders who talk often talk again: "he later
    /// telephoned Netanyahu" in two undated reports of two different deals is two calls.)
    fn strong_keys(&self) -> Vec<Key<'_>> {
        let mut keys = Vec::new();
        for (c, a, b, _) in self.keys() {
            keys.push((c, a, b, Some(&self.article)));
            keys.extend(self.places.iter().map(|p| (c, a, b, Some(p))));
            keys.extend(self.events.iter().map(|e| (c, a, b, Some(e))));
        }
        keys
    }
}

/// The keys of some reports, to ask cheaply whether another report shares one (whether
/// it may tell of one of their meetings).
#[derive(Debug)]
pub struct KeySet<'a> {
    keys: std::collections::HashSet<Key<'a>>,
    strong: bool,
}

impl<'a> KeySet<'a> {
    /// The keys ([`Report::keys`]) of `reports`: what a report of a day next to theirs
    /// shares when it may tell of one of their meetings.
    pub fn of(reports: impl IntoIterator<Item = &'a Report>) -> Self {
        KeySet {
            keys: reports.into_iter().flat_map(Report::keys).collect(),
            strong: false,
        }
    }

    /// The strong keys ([`Report::strong_keys`]) of `reports`: what a report of no day
    /// shares when it may tell of one of their meetings.
    pub fn strong(reports: impl IntoIterator<Item = &'a Report>) -> Self {
        KeySet {
            keys: reports.into_iter().flat_map(Report::strong_keys).collect(),
            strong: true,
        }
    }

    /// Whether `report` shares one.
    pub fn shared_with(&self, report: &Report) -> bool {
        let keys = if self.strong {
            report.strong_keys()
        } else {
            report.keys()
        };
        keys.iter().any(|k| self.keys.contains(k))
    }
}

/// A key two reports of one meeting share ([`Report::keys`], [`Report::strong_keys`]):
/// whether it is a call, two participants (or one and an event), and what else.
type Key<'a> = (bool, &'a NamedNode, &'a NamedNode, Option<&'a NamedNode>);

fn date(term: &Term) -> Option<NaiveDate> {
    match term {
        Term::Literal(l) => NaiveDate::parse_from_str(l.value(), "%Y-%m-%d").ok(),
        _ => None,
    }
}

/// The meeting reports of one article, read from the quads of its graph (graph names are
/// ignored), in the order of their IRIs.
pub fn of_article(quads: &[Quad]) -> Vec<Report> {
    let mut reports: BTreeMap<&NamedNode, Report> = BTreeMap::new();
    let mut outlet = None;
    let mut published = None;
    for q in quads {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            continue;
        };
        if q.predicate == rdf::TYPE && q.object == Term::from(ng::MEETING_REPORT.into_owned()) {
            reports.entry(s).or_insert_with(|| Report {
                iri: s.clone(),
                article: s.clone(),
                outlet: None,
                stated: None,
                published: None,
                participants: BTreeSet::new(),
                places: BTreeSet::new(),
                events: BTreeSet::new(),
                call: false,
            });
        } else if q.predicate == schema::PUBLISHER {
            if let Term::NamedNode(o) = &q.object {
                outlet = Some(o.clone());
            }
        } else if q.predicate == schema::DATE_PUBLISHED {
            published = date(&q.object);
        }
    }
    for q in quads {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            continue;
        };
        let Some(r) = reports.get_mut(s) else {
            continue;
        };
        let p = q.predicate.as_ref();
        match &q.object {
            Term::NamedNode(o) if p == ng::PARTICIPANT => {
                r.participants.insert(o.clone());
            }
            Term::NamedNode(o) if p == ng::PLACE_PROP => {
                r.places.insert(o.clone());
            }
            Term::NamedNode(o) if p == ng::PART_OF => {
                r.events.insert(o.clone());
            }
            Term::NamedNode(o) if p == ng::ARTICLE => r.article = o.clone(),
            o if p == ng::DATE => r.stated = date(o),
            Term::Literal(l) if p == ng::RULE => r.call = l.value() == "meet.call",
            _ => {}
        }
    }
    reports
        .into_values()
        .map(|mut r| {
            r.outlet.clone_from(&outlet);
            r.published = published;
            r
        })
        .collect()
}

/// One real meeting: the reports that tell of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// Its node in the world graph.
    pub iri: NamedNode,
    /// The day its reports give (none when they give none).
    pub day: Option<NaiveDate>,
    /// Its reports, in the order of their IRIs.
    pub reports: Vec<Report>,
}

impl Meeting {
    /// The quads of the meeting node in graph `graph`: its type, every participant, place,
    /// stated date and named event of its reports, the reports, the number of articles
    /// and the outlets.
    pub fn to_quads(&self, graph: &NamedNode) -> Vec<Quad> {
        let g = GraphName::NamedNode(graph.clone());
        let quad = |p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
            Quad::new(self.iri.clone(), p, o, g.clone())
        };
        let union = |f: fn(&Report) -> &BTreeSet<NamedNode>| {
            self.reports
                .iter()
                .flat_map(f)
                .collect::<BTreeSet<&NamedNode>>()
        };
        let mut out = vec![quad(rdf::TYPE, ng::MEETING.into_owned().into())];
        for p in union(|r| &r.participants) {
            out.push(quad(ng::PARTICIPANT, p.clone().into()));
        }
        for p in union(|r| &r.places) {
            out.push(quad(ng::PLACE_PROP, p.clone().into()));
        }
        for e in union(|r| &r.events) {
            out.push(quad(ng::PART_OF, e.clone().into()));
        }
        let dates: BTreeSet<NaiveDate> = self.reports.iter().filter_map(|r| r.stated).collect();
        for d in dates {
            out.push(quad(
                ng::DATE,
                Literal::new_typed_literal(d.format("%Y-%m-%d").to_string(), xsd::DATE).into(),
            ));
        }
        for r in &self.reports {
            out.push(quad(ng::REPORT, r.iri.clone().into()));
        }
        let articles: BTreeSet<&NamedNode> = self.reports.iter().map(|r| &r.article).collect();
        out.push(quad(
            ng::ARTICLE_COUNT,
            Literal::new_typed_literal(articles.len().to_string(), xsd::INTEGER).into(),
        ));
        let outlets: BTreeSet<&NamedNode> = self
            .reports
            .iter()
            .filter_map(|r| r.outlet.as_ref())
            .collect();
        for o in outlets {
            out.push(quad(ng::OUTLET, o.clone().into()));
        }
        out
    }
}

/// Groups reports into meetings (see the module header). Reports of one day are one
/// meeting when a chain of them, each pair sharing a key ([`Report::keys`]), joins them;
/// the meetings of two days in a row are one when their reports share a key and an
/// article, a place or a named event (talks that ran past midnight, an outlet that gives
/// the day after). A report of no day joins the one meeting it shares a strong key with; when it
/// shares one with none, or with several, it stays with the reports of no day it shares
/// one with. The result does not depend on the order of `reports`; meetings come in the
/// order of their IRIs, and a meeting's day is its first.
pub fn resolve(base: &str, reports: impl IntoIterator<Item = Report>) -> Vec<Meeting> {
    let mut reports: Vec<Report> = reports.into_iter().collect();
    reports.sort();
    reports.dedup_by(|a, b| a.iri == b.iri);
    let (dated, undated): (Vec<Report>, Vec<Report>) =
        reports.into_iter().partition(|r| r.day().is_some());
    let mut by_day: BTreeMap<Option<NaiveDate>, Vec<Report>> = BTreeMap::new();
    for r in dated {
        by_day.entry(r.day()).or_default().push(r);
    }
    let mut groups: Vec<(Option<NaiveDate>, Vec<Report>)> = Vec::new();
    for (day, reports) in by_day {
        let mut parent: Vec<usize> = (0..reports.len()).collect();
        join_by_keys(&reports, &mut parent, Report::keys);
        groups.extend(grouped(reports, &mut parent).into_iter().map(|g| (day, g)));
    }
    // days in a row: the meetings of two days in a row that share a key and an article,
    // a place or a named event (one of a day holds a key: a shared key would have joined
    // two), so a key's meetings in the order of their days are checked with their
    // neighbours
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    {
        let contexts: Vec<BTreeSet<&NamedNode>> = groups
            .iter()
            .map(|(_, g)| {
                g.iter()
                    .flat_map(|r| {
                        std::iter::once(&r.article)
                            .chain(&r.places)
                            .chain(&r.events)
                    })
                    .collect()
            })
            .collect();
        let mut days_of: BTreeMap<Key<'_>, Vec<(Option<NaiveDate>, usize)>> = BTreeMap::new();
        for (i, (day, g)) in groups.iter().enumerate() {
            for r in g {
                for k in r.keys() {
                    days_of.entry(k).or_default().push((*day, i));
                }
            }
        }
        for list in days_of.values_mut() {
            list.sort();
            list.dedup();
            for w in list.windows(2) {
                if let ((Some(d1), i), (Some(d2), j)) = (w[0], w[1]) {
                    if (d2 - d1).num_days() == 1 && !contexts[i].is_disjoint(&contexts[j]) {
                        union(&mut parent, i, j);
                    }
                }
            }
        }
    }
    let mut joined: BTreeMap<usize, (Option<NaiveDate>, Vec<Report>)> = BTreeMap::new();
    for (i, (day, g)) in groups.into_iter().enumerate() {
        let slot = joined
            .entry(root(&mut parent, i))
            .or_insert((day, Vec::new()));
        slot.0 = slot.0.min(day);
        slot.1.extend(g);
    }
    let mut groups: Vec<(Option<NaiveDate>, Vec<Report>)> = joined.into_values().collect();
    // each report of no day is matched against the meetings of the dated reports alone,
    // so that the order of reports of no day does not matter
    let mut joins: Vec<(usize, Report)> = Vec::new();
    let mut alone = Vec::new();
    {
        let mut owner: BTreeMap<Key<'_>, BTreeSet<usize>> = BTreeMap::new();
        for (i, (_, g)) in groups.iter().enumerate() {
            for r in g {
                for k in r.strong_keys() {
                    owner.entry(k).or_default().insert(i);
                }
            }
        }
        let mut owners: Vec<BTreeSet<usize>> = Vec::with_capacity(undated.len());
        for u in &undated {
            owners.push(
                u.strong_keys()
                    .iter()
                    .filter_map(|k| owner.get(k))
                    .flatten()
                    .copied()
                    .collect(),
            );
        }
        for (u, matches) in undated.into_iter().zip(owners) {
            match matches.first() {
                Some(&i) if matches.len() == 1 => joins.push((i, u)),
                _ => alone.push(u),
            }
        }
    }
    for (i, u) in joins {
        groups[i].1.push(u);
    }
    // the rest, among themselves
    let mut parent: Vec<usize> = (0..alone.len()).collect();
    join_by_keys(&alone, &mut parent, Report::strong_keys);
    groups.extend(grouped(alone, &mut parent).into_iter().map(|g| (None, g)));
    let mut meetings: Vec<Meeting> = groups
        .into_iter()
        .map(|(day, mut reports)| {
            reports.sort();
            let iri = meeting_iri(base, day, &reports);
            Meeting { iri, day, reports }
        })
        .collect();
    meetings.sort_by(|a, b| a.iri.cmp(&b.iri));
    meetings
}

/// Joins, in the union-find forest `parent`, the reports that share a key of `keys`: each
/// report joins the first report with each of its keys, so the work grows with the keys,
/// not with the pairs of reports.
fn join_by_keys<'a>(
    reports: &'a [Report],
    parent: &mut [usize],
    keys: impl Fn(&'a Report) -> Vec<Key<'a>>,
) {
    let mut first: BTreeMap<Key<'a>, usize> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        for k in keys(r) {
            let j = *first.entry(k).or_insert(i);
            union(parent, i, j);
        }
    }
}

/// The root of `i` in a union-find forest.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Joins the trees of `i` and `j` in a union-find forest (the smaller root stays root).
fn union(parent: &mut [usize], i: usize, j: usize) {
    let (a, b) = (root(parent, i), root(parent, j));
    parent[a.max(b)] = a.min(b);
}

/// `reports` grouped by the roots of the forest `parent`, each group in the order of
/// `reports`, the groups in the order of their first report.
fn grouped(reports: Vec<Report>, parent: &mut [usize]) -> Vec<Vec<Report>> {
    let mut groups: BTreeMap<usize, Vec<Report>> = BTreeMap::new();
    for (i, r) in reports.into_iter().enumerate() {
        let g = root(parent, i);
        groups.entry(g).or_default().push(r);
    }
    groups.into_values().collect()
}

/// The IRI of the meeting of `reports` on `day`: from the day and the pair of
/// participants most reports name (the smaller pair on a tie), which no other meeting of
/// that day can share; a meeting of no day, or of reports that name no pair, takes its
/// first report's IRI as the key.
fn meeting_iri(base: &str, day: Option<NaiveDate>, reports: &[Report]) -> NamedNode {
    let mut pairs: BTreeMap<(&NamedNode, &NamedNode), usize> = BTreeMap::new();
    for r in reports {
        let who: Vec<&NamedNode> = r.participants.iter().collect();
        for (i, a) in who.iter().enumerate() {
            for b in &who[i + 1..] {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    // the most reported pair; among equals, the smallest (iteration is in pair order and
    // only a larger count replaces the best)
    let mut best: Option<((&NamedNode, &NamedNode), usize)> = None;
    for (pair, n) in pairs {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((pair, n));
        }
    }
    match (day, best) {
        (Some(day), Some(((a, b), _))) => super::mint(
            base,
            "meeting",
            &[&day.format("%Y-%m-%d").to_string(), a.as_str(), b.as_str()],
        ),
        _ => super::mint(base, "meeting", &[reports[0].iri.as_str()]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://example.org/ng/";

    fn n(s: &str) -> NamedNode {
        NamedNode::new(format!("{BASE}{s}")).expect("an IRI")
    }

    fn report(id: &str, day: &str, who: &[&str], outlet: &str) -> Report {
        Report {
            iri: n(&format!("report/{id}")),
            article: n(&format!("article/{id}")),
            outlet: Some(n(&format!("organization/{outlet}"))),
            stated: None,
            published: NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(),
            participants: who.iter().map(|w| n(&format!("person/{w}"))).collect(),
            places: BTreeSet::new(),
            events: BTreeSet::new(),
            call: false,
        }
    }

    #[test]
    fn reports_of_one_meeting_are_one_node_in_any_order() {
        let reports = vec![
            report("a", "2014-01-13", &["kerry", "lavrov", "brahimi"], "wire"),
            report("b", "2014-01-13", &["kerry", "lavrov"], "bbc"),
            report("c", "2014-01-13", &["lavrov", "brahimi"], "post"),
        ];
        let one = resolve(BASE, reports.clone());
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].reports.len(), 3);
        let mut reversed = reports;
        reversed.reverse();
        assert_eq!(resolve(BASE, reversed), one);
        let quads = one[0].to_quads(&n("graph/world"));
        let count = |p| quads.iter().filter(|q| q.predicate == p).count();
        assert_eq!(count(ng::PARTICIPANT), 3);
        assert_eq!(count(ng::REPORT), 3);
        assert_eq!(count(ng::OUTLET), 3);
    }

    #[test]
    fn other_days_and_separate_meetings_stay_apart() {
        let meetings = resolve(
            BASE,
            vec![
                report("a", "2014-01-13", &["kerry", "lavrov"], "wire"),
                report("b", "2014-01-14", &["kerry", "lavrov"], "wire"),
                // met one, then the other, separately: one participant in common
                report("c", "2014-01-13", &["kerry", "brahimi"], "wire"),
                report("d", "2014-01-13", &["lavrov", "zarif"], "wire"),
            ],
        );
        assert_eq!(meetings.len(), 4);
        let iris: BTreeSet<&NamedNode> = meetings.iter().map(|m| &m.iri).collect();
        assert_eq!(iris.len(), 4);
    }

    #[test]
    fn a_meeting_over_two_days_in_one_place_is_one() {
        let mut a = report("a", "2013-11-23", &["kerry", "zarif", "ashton"], "wire");
        let mut b = report("b", "2013-11-24", &["ashton", "zarif"], "bbc");
        // the same people the next day, nowhere said: two meetings
        assert_eq!(resolve(BASE, vec![a.clone(), b.clone()]).len(), 2);
        a.places.insert(n("place/geneva"));
        b.places.insert(n("place/geneva"));
        let one = resolve(BASE, vec![b.clone(), a.clone()]);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].day, NaiveDate::from_ymd_opt(2013, 11, 23));
        // two days apart: two
        let mut c = b.clone();
        c.published = NaiveDate::from_ymd_opt(2013, 11, 25);
        assert_eq!(resolve(BASE, vec![a, c]).len(), 2);
    }

    #[test]
    fn a_stated_date_wins_over_the_publication_date_and_disagreements_stay_visible() {
        let mut a = report("a", "2014-01-14", &["kerry", "lavrov"], "wire");
        a.stated = NaiveDate::from_ymd_opt(2014, 1, 13);
        let b = report("b", "2014-01-13", &["kerry", "lavrov"], "bbc");
        let meetings = resolve(BASE, vec![a.clone(), b]);
        assert_eq!(meetings.len(), 1);
        assert_eq!(meetings[0].day, NaiveDate::from_ymd_opt(2014, 1, 13));
        let quads = meetings[0].to_quads(&n("graph/world"));
        assert_eq!(quads.iter().filter(|q| q.predicate == ng::DATE).count(), 1);
    }

    #[test]
    fn a_report_of_no_day_joins_the_one_meeting_it_tells_of() {
        let mut dated = report("a", "2014-01-13", &["kerry", "lavrov", "brahimi"], "wire");
        let mut undated = report("b", "", &["kerry", "lavrov"], "post");
        // the same people on some day: not enough
        assert_eq!(resolve(BASE, vec![undated.clone(), dated.clone()]).len(), 2);
        // the same people in the same place
        dated.places.insert(n("place/paris"));
        undated.places.insert(n("place/paris"));
        let meetings = resolve(BASE, vec![undated.clone(), dated.clone()]);
        assert_eq!(meetings.len(), 1);
        assert_eq!(meetings[0].day, NaiveDate::from_ymd_opt(2014, 1, 13));
        // two meetings of the pair on different days: which one is not known
        let mut later = report("c", "2014-02-01", &["kerry", "lavrov"], "wire");
        later.places.insert(n("place/paris"));
        let meetings = resolve(BASE, vec![undated.clone(), dated, later]);
        assert_eq!(meetings.len(), 3);
        // two reports of no day are one meeting when they name its place
        let mut other = report("d", "", &["lavrov", "kerry", "zarif"], "bbc");
        assert_eq!(resolve(BASE, vec![undated.clone(), other.clone()]).len(), 2);
        undated.places.insert(n("place/paris"));
        other.places.insert(n("place/paris"));
        assert_eq!(resolve(BASE, vec![undated, other]).len(), 1);
    }

    #[test]
    fn one_shared_participant_joins_only_under_one_named_event() {
        let mut a = report("a", "2020-03-01", &["macron", "merkel"], "wire");
        let mut b = report("b", "2020-03-01", &["macron", "conte"], "wire");
        assert_eq!(resolve(BASE, vec![a.clone(), b.clone()]).len(), 2);
        a.events.insert(n("event/brussels-summit"));
        b.events.insert(n("event/brussels-summit"));
        assert_eq!(resolve(BASE, vec![a, b]).len(), 1);
    }

    #[test]
    fn a_call_is_never_the_talks_of_the_same_people() {
        // "A, who had phoned both leaders over the weekend, …" in the report of talks
        let talks = report("a", "2025-07-28", &["anwar", "manet", "phumtham"], "wire");
        let mut call = report("a", "2025-07-28", &["trump", "manet", "phumtham"], "wire");
        call.iri = n("report/b");
        assert_eq!(resolve(BASE, vec![talks.clone(), call.clone()]).len(), 1);
        call.call = true;
        assert_eq!(resolve(BASE, vec![talks.clone(), call.clone()]).len(), 2);
        // two reports of one call are one
        let mut again = report("c", "2025-07-28", &["manet", "trump"], "bbc");
        again.call = true;
        assert_eq!(resolve(BASE, vec![talks, call, again]).len(), 2);
    }

    #[test]
    fn reports_are_read_back_from_an_article_graph() {
        let g = GraphName::NamedNode(n("article/x"));
        let quad = |s: NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
            Quad::new(s, p, o, g.clone())
        };
        let r = n("meeting-report/1");
        let day = |d: &str| Term::from(Literal::new_typed_literal(d, xsd::DATE));
        let quads = vec![
            quad(
                n("article/x"),
                schema::PUBLISHER,
                n("organization/wire").into(),
            ),
            quad(n("article/x"), schema::DATE_PUBLISHED, day("2014-01-14")),
            quad(r.clone(), rdf::TYPE, ng::MEETING_REPORT.into_owned().into()),
            quad(r.clone(), ng::ARTICLE, n("article/x").into()),
            quad(r.clone(), ng::PARTICIPANT, n("person/kerry").into()),
            quad(r.clone(), ng::PARTICIPANT, n("person/lavrov").into()),
            quad(r.clone(), ng::PLACE_PROP, n("place/paris").into()),
            quad(r.clone(), ng::DATE, day("2014-01-13")),
            quad(
                r.clone(),
                ng::RULE,
                Literal::new_simple_literal("meet.talks").into(),
            ),
        ];
        let reports = of_article(&quads);
        assert_eq!(reports.len(), 1);
        let r = &reports[0];
        assert_eq!(r.article, n("article/x"));
        assert_eq!(r.outlet, Some(n("organization/wire")));
        assert_eq!(r.day(), NaiveDate::from_ymd_opt(2014, 1, 13));
        assert_eq!(r.published, NaiveDate::from_ymd_opt(2014, 1, 14));
        assert_eq!(r.participants.len(), 2);
        assert_eq!(r.places.len(), 1);
        assert!(!r.call);
    }
}
