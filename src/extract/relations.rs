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

use std::collections::BTreeSet;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

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

const MODAL: &[&str] = &[
    "will",
    "would",
    "'ll",
    "could",
    "may",
    "might",
    "should",
    "shall",
    "expected",
    "plans",
    "planned",
    "plan",
    "hopes",
    "hope",
    "wants",
    "set",
    "due",
    "scheduled",
    "going",
    "intends",
    "aims",
];
const NEGATION: &[&str] = &[
    "not",
    "never",
    "n't",
    "no",
    "refused",
    "declined",
    "cancelled",
    "canceled",
    "postponed",
    "rejected",
    "denied",
    "without",
];
const AUX: &[&str] = &[
    "been",
    "being",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "also",
    "instead",
    "repeatedly",
    "long",
    "already",
    "now",
    "again",
    "later",
    "then",
    "still",
    "jointly",
    "reportedly",
    "both",
    "himself",
    "herself",
    "had",
    "would",
    "will",
    "once",
    "previously",
    "earlier",
    "strongly",
    "publicly",
    "privately",
    "formally",
];

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
        joined_meeting(s, &sents, x);
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

/// Whether `word` is the first word of one of `phrases` (their first words gathered in
/// `first` on first use): most tokens start none, and trying every phrase at every token
/// was a tenth of extraction time.
fn starts_phrase(
    first: &OnceLock<FxHashSet<&'static str>>,
    phrases: impl Iterator<Item = &'static [&'static str]>,
    word: &str,
) -> bool {
    first
        .get_or_init(|| phrases.filter_map(|p| p.first().copied()).collect())
        .contains(word)
}

static MEET_FIRST: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
static PROPOSE_FIRST: OnceLock<FxHashSet<&'static str>> = OnceLock::new();

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

fn first_person(s: &Sent<'_>, x: &Extraction) -> Option<usize> {
    (0..s.words.len()).find_map(|t| {
        let m = s.at[t]?;
        (x.mentions[m].etype == EntityType::Person && !x.mentions[m].in_quote)
            .then(|| x.mentions[m].entity)
    })
}

/// "he"/"she": the speaker of "X said he …" in this sentence, else the first person of the
/// nearest earlier sentence that has one.
fn resolve_pronoun(s: &Sent<'_>, sents: &[Sent<'_>], x: &Extraction, at: usize) -> Option<usize> {
    for k in (1..at).rev() {
        if super::lexicon::SPEECH_VERBS.contains(&s.w(k)) {
            if let Some(e) = ent_of(s, x, k - 1) {
                return Some(e);
            }
        }
    }
    if let Some(e) = (0..at).rev().find_map(|t| {
        s.at[t]
            .filter(|&m| x.mentions[m].etype == EntityType::Person)
            .map(|m| x.mentions[m].entity)
    }) {
        return Some(e);
    }
    (0..s.idx)
        .rev()
        .take(3)
        .find_map(|k| sents.get(k).and_then(|p| first_person(p, x)))
}

/// "the two leaders", "both men": the last two people named together.
fn resolve_pair(sents: &[Sent<'_>], x: &Extraction, upto: usize) -> Vec<usize> {
    if sents.is_empty() {
        return Vec::new();
    }
    for k in (0..=upto.min(sents.len() - 1)).rev() {
        let s = &sents[k];
        for t in (1..s.words.len()).rev() {
            if s.w(t) == "and" {
                let a = (0..t).rev().take(3).find_map(|u| {
                    ent_of(s, x, u).filter(|&e| x.entities[e].etype == EntityType::Person)
                });
                // "A and B", or further on after a comma: "A and Thailand's acting
                // prime minister, B" (not in a list: "…, A, and the adviser, B")
                let person = |u: usize| {
                    ent_of(s, x, u).filter(|&e| x.entities[e].etype == EntityType::Person)
                };
                let b = (t + 1..s.words.len()).take(5).find_map(person).or_else(|| {
                    (t + 1..s.words.len())
                        .filter(|_| s.w(t - 1) != ",")
                        .take(9)
                        .skip(1)
                        .find(|&u| s.w(u - 1) == ",")
                        .and_then(person)
                });
                if let (Some(a), Some(b)) = (a, b) {
                    if a != b {
                        return vec![a, b];
                    }
                }
            }
        }
    }
    Vec::new()
}

/// What is backed when it is no one: "supports the plan", "backed the deal".
const BACKED_THINGS: &[&str] = &[
    "plan",
    "plans",
    "proposal",
    "proposals",
    "idea",
    "deal",
    "initiative",
    "bid",
    "call",
    "calls",
    "effort",
    "efforts",
    "resolution",
    "agreement",
    "move",
    "decision",
    "measure",
    "measures",
    "truce",
    "ceasefire",
    "talks",
    "process",
    "framework",
    "roadmap",
    "position",
    "demand",
    "demands",
    "request",
    "law",
    "bill",
    "motion",
    "policy",
    "candidacy",
    "sanctions",
];

/// Plural nouns for people named together before: "the three ministers".
const GROUP_NOUNS: &[&str] = &[
    "ministers",
    "leaders",
    "men",
    "women",
    "presidents",
    "envoys",
    "delegates",
    "negotiators",
    "diplomats",
    "officials",
    "premiers",
];

/// "three ministers" at token `t`: how many people a number and a group noun stand for.
fn group_of(s: &Sent<'_>, t: usize) -> Option<usize> {
    let size = ["two", "three", "four", "five", "six"]
        .iter()
        .position(|w| *w == s.w(t))?
        + 2;
    GROUP_NOUNS.contains(&s.w(t + 1)).then_some(size)
}

/// The people of a list of exactly `size` names in the sentences before `before`, the
/// latest first: "Sameh Shoukry of Egypt, Gedu Andargachew of Ethiopia and Asma Mohamed
/// Abdalla of Sudan" for "the three ministers".
fn resolve_group(sents: &[Sent<'_>], x: &Extraction, before: usize, size: usize) -> Vec<usize> {
    for s in sents[..before.min(sents.len())].iter().rev() {
        // people in order of appearance, with their first and last token
        let mut people: Vec<(usize, usize, usize)> = Vec::new();
        for t in 0..s.words.len() {
            match ent_of(s, x, t) {
                Some(e) if x.entities[e].etype == EntityType::Person => match people.last_mut() {
                    Some(last) if last.0 == e && last.2 + 1 == t => last.2 = t,
                    _ => people.push((e, t, t)),
                },
                _ => {}
            }
        }
        // list items: the gap between two names is short and holds a comma or "and"
        let joined = |a: &(usize, usize, usize), b: &(usize, usize, usize)| {
            let gap = a.2 + 1..b.1;
            // only punctuation, "and", "of", names and titles ("of Egypt ,", "and Sudan's")
            gap.len() <= 5
                && gap.clone().any(|q| matches!(s.w(q), "," | "and"))
                && gap.clone().all(|q| {
                    matches!(s.w(q), "," | "and" | "of" | "the" | "'s" | "’s")
                        || ent_of(s, x, q).is_some()
                        || surface(s, x, q).starts_with(char::is_uppercase)
                        || Gazetteer::bundled().is_role(s.w(q))
                })
        };
        let mut runs: Vec<Vec<usize>> = Vec::new();
        for (i, p) in people.iter().enumerate() {
            if i > 0 && joined(&people[i - 1], p) {
                if let Some(r) = runs.last_mut() {
                    r.push(p.0);
                }
            } else {
                runs.push(vec![p.0]);
            }
        }
        if let Some(r) = runs.into_iter().rev().find(|r| {
            let mut u = r.clone();
            u.sort_unstable();
            u.dedup();
            u.len() == size
        }) {
            return r;
        }
    }
    Vec::new()
}

/// "The German chancellor", "Iran's foreign minister", "the US secretary of state" ending
/// before token `end`: the one person of the article with that role (and country).
fn role_description(s: &Sent<'_>, x: &Extraction, end: usize) -> Option<usize> {
    let gaz = Gazetteer::bundled();
    let mut q = end;
    while q > 0
        && end - q < 5
        && ent_of(s, x, q - 1).is_none()
        && !matches!(s.w(q - 1), "the" | "'s" | "’s" | "," | "." | "and")
    {
        q -= 1;
    }
    if q == 0 || q == end {
        return None;
    }
    let (country, words_start) = match s.w(q - 1) {
        "the" => (None, q),
        "'s" | "’s" if q >= 2 => (ent_of(s, x, q - 2).and_then(|e| x.entities[e].gaz), q),
        _ => return None,
    };
    let mut words: Vec<&str> = (words_start..end).map(|i| s.w(i)).collect();
    let mut country = country;
    if let Some(first) = words.first() {
        let original = surface(s, x, words_start);
        if let Some(c) = gaz.demonym(original).or_else(|| {
            gaz.lookup(original)
                .filter(|(_, e)| e.kind == EntryKind::Country)
                .map(|(i, _)| i)
        }) {
            country = country.or(Some(c));
            words.remove(0);
        } else if first.is_empty() {
            return None;
        }
    }
    let role = words.join(" ");
    if role.is_empty() || !gaz.is_role(&role) {
        return None;
    }
    let same_country = |e: usize| {
        country.is_none_or(|c| {
            let name = &gaz.entry(c).name;
            x.entities[e]
                .affiliations
                .iter()
                .any(|&a| &gaz.entry(a).name == name)
        })
    };
    let cands: Vec<usize> = (0..x.entities.len())
        .filter(|&e| x.entities[e].etype == EntityType::Person)
        .filter(|&e| {
            x.entities[e]
                .roles
                .iter()
                .any(|r| r == &role || r.ends_with(&role) || role.ends_with(r.as_str()))
        })
        .filter(|&e| same_country(e))
        .collect();
    (cands.len() == 1).then(|| cands[0])
}

/// Nouns that relate a person to another: "adviser to Prime Minister X", "wife of X".
const RELATIONAL: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "aides",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "deputy",
    "assistant",
    "ally",
    "allies",
    "rival",
    "successor",
    "predecessor",
    "lawyer",
    "lawyers",
    "representative",
    "emissary",
    "confidant",
    "loyalist",
    "loyalists",
    "critic",
    "critics",
    "opponent",
];

/// Whether the person mention at token `t` is only the complement of a relational noun
/// ("national security adviser to Prime Minister Abiy Ahmed"): not a party to the meeting.
fn complement_of_relation(s: &Sent<'_>, x: &Extraction, t: usize) -> bool {
    let Some(e) = ent_of(s, x, t) else {
        return false;
    };
    let mut q = t;
    while q > 0 && ent_of(s, x, q - 1) == Some(e) {
        q -= 1;
    }
    while q > 0
        && ent_of(s, x, q - 1).is_none()
        && surface(s, x, q - 1)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        q -= 1;
    }
    q >= 2 && ["to", "of", "for"].contains(&s.w(q - 1)) && RELATIONAL.contains(&s.w(q - 2))
}

/// "the talks", "the summit": the article's one named event of that kind.
fn definite_event(x: &Extraction, head: &str) -> Option<usize> {
    if ![
        "talks",
        "summit",
        "conference",
        "negotiations",
        "meeting",
        "war",
        "process",
    ]
    .contains(&head)
    {
        return None;
    }
    let matching: Vec<usize> = (0..x.entities.len())
        .filter(|&e| {
            x.entities[e].etype == EntityType::Event
                && x.entities[e].name.to_lowercase().ends_with(head)
        })
        .collect();
    (matching.len() == 1).then(|| matching[0])
}

/// Prepositions: a name after one is no subject.
const PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "from", "to", "with", "by", "for", "of", "into", "after", "before", "since",
    "during", "between", "among", "against", "about", "over", "under",
];

/// Verbs that pass their subject to an infinitive ("agreed to lend").
const CONTROL: &[&str] = &[
    "agreed",
    "decided",
    "pledged",
    "promised",
    "voted",
    "moved",
    "continued",
    "began",
    "sought",
    "tried",
    "vowed",
    "offered",
    "refused",
    "wants",
    "wanted",
    "intends",
    "plans",
    "hopes",
];

/// The first entity of a sentence that is not a possessor ("Colombia's FARC guerrillas" → FARC).
fn sentence_subject(s: &Sent<'_>, x: &Extraction) -> Option<usize> {
    let n = s.words.len();
    let mut t = 0;
    while t < n {
        if let Some(e) = ent_of(s, x, t) {
            let mut end = t;
            while end < n && ent_of(s, x, end) == Some(e) {
                end += 1;
            }
            if !matches!(s.w(end), "'s" | "’s") && x.entities[e].etype != EntityType::Event {
                return Some(e);
            }
            t = end;
        } else {
            t += 1;
        }
    }
    None
}

/// "The two leaders …", "Both men …" opening the sentence: the last pair named together.
fn description_subject(s: &Sent<'_>, sents: &[Sent<'_>], x: &Extraction) -> Option<Vec<usize>> {
    let head: Vec<&str> = (0..s.words.len().min(6)).map(|i| s.w(i)).collect();
    let pair = head.windows(2).any(|w| {
        ["two", "both"].contains(&w[0])
            && [
                "leaders",
                "men",
                "women",
                "ministers",
                "presidents",
                "sides",
            ]
            .contains(&w[1])
    });
    if pair {
        let p = resolve_pair(sents, x, s.idx.saturating_sub(1));
        if !p.is_empty() {
            return Some(p);
        }
    }
    None
}

/// The subject(s) of the clause whose verb starts at `trig`.
fn subjects(s: &Sent<'_>, sents: &[Sent<'_>], x: &Extraction, trig: usize) -> Vec<usize> {
    let mut k = trig;
    while k > 0 && AUX.contains(&s.w(k - 1)) {
        k -= 1;
    }
    if k == 0 {
        return Vec::new();
    }
    // ", proposing …": a participle takes the main clause's subject
    if s.w(k - 1) == "," && s.w(k).ends_with("ing") {
        if let Some(p) = description_subject(s, sents, x) {
            return p;
        }
        return sentence_subject(s, x).into_iter().collect();
    }
    // relative clause: "X, who …, called for"
    if s.w(k - 1) == "," {
        if let Some(c) = (1..k - 1)
            .rev()
            .take(20)
            .find(|&c| s.w(c - 1) == "," && ["who", "whom", "which", "whose"].contains(&s.w(c)))
        {
            k = c - 1;
        } else if let Some(c) = (1..k - 1).rev().take(10).find(|&c| {
            s.w(c) == ","
                && ["a", "an"].contains(&s.w(c + 1))
                && ent_of(s, x, c - 1).is_some()
                && (c + 1..k - 1).all(|q| s.w(q) != ",")
        }) {
            // "China, a close ally of Cambodia, had called for": the appositive's head
            k = c;
        } else if k >= 2 && ent_of(s, x, k - 2).is_some() {
            // "The UN secretary general, António Guterres, called for"
            k -= 1;
        } else if let Some(c) = (1..k - 1)
            .rev()
            .take(8)
            .find(|&c| s.w(c) == "," && ent_of(s, x, c - 1).is_some())
        {
            // "Jared Kushner, Trump's senior adviser, proposed"
            k = c;
        }
    }
    // "agreed to lend", "decided to send": the subject of the controlling verb
    if k >= 2 && s.w(k - 1) == "to" && CONTROL.contains(&s.w(k - 2)) {
        k -= 2;
        while k > 0 && AUX.contains(&s.w(k - 1)) {
            k -= 1;
        }
    }
    if k == 0 {
        return Vec::new();
    }
    // "X, who has backed Y"; "China, which has long pushed …"
    if k >= 2 && ["who", "which"].contains(&s.w(k - 1)) && s.w(k - 2) == "," {
        return coordinated(s, x, k - 2);
    }
    // "… declared a ceasefire and called on …": the sentence's subject
    if s.w(k - 1) == "and" && (k < 2 || ent_of(s, x, k - 2).is_none()) {
        return sentence_subject(s, x).into_iter().collect();
    }
    if ent_of(s, x, k - 1).is_none() {
        if let Some(e) = role_description(s, x, k) {
            return vec![e];
        }
    }
    let w = s.w(k - 1);
    if ["we", "i", "you", "it", "which", "that", "who"].contains(&w) {
        return vec![usize::MAX];
    }
    if ["he", "she"].contains(&w) {
        return resolve_pronoun(s, sents, x, k - 1).into_iter().collect();
    }
    if w == "they"
        || (w == "leaders" || w == "men" || w == "sides")
            && ["two", "both"].contains(&s.w(k.saturating_sub(2)))
    {
        let mut v = Vec::new();
        // "X and Y said they …"; "X and Y, which said … that they"
        for t in (0..k - 1).rev() {
            if super::lexicon::SPEECH_VERBS.contains(&s.w(t)) {
                v = if t >= 2 && ["which", "who"].contains(&s.w(t - 1)) && s.w(t - 2) == "," {
                    coordinated(s, x, t - 2)
                } else {
                    coordinated(s, x, t)
                };
                break;
            }
        }
        if v.is_empty() {
            v = resolve_pair(
                sents,
                x,
                s.idx.saturating_sub(if w == "they" { 1 } else { 0 }),
            );
        }
        return v;
    }
    coordinated(s, x, k)
}

/// Mentions ending right before token `end`, with those coordinated before them.
fn coordinated(s: &Sent<'_>, x: &Extraction, end: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = end;
    // "A and B's chief, C, signed": the appositive's comma
    if k >= 2 && s.w(k - 1) == "," && ent_of(s, x, k - 2).is_some() {
        k -= 1;
    }
    let Some(last) = (k > 0).then(|| ent_of(s, x, k - 1)).flatten() else {
        return out;
    };
    out.push(last);
    // walk to the mention's first token
    while k > 0 && ent_of(s, x, k - 1) == Some(last) {
        k -= 1;
    }
    loop {
        // title words between the conjunction and the name: "and Russian Foreign Minister B"
        // (and lower-case titles after a possessor: "and Britain's Europe minister B")
        let mut t = k;
        let mut after_role = false;
        while t > 0 && k - t < 6 {
            let w = s.w(t - 1);
            let role = Gazetteer::bundled().is_role(w);
            // a lower-case modifier of a title: "trade minister", "foreign minister"
            let modifier = after_role
                && w.chars().all(char::is_alphabetic)
                && !matches!(
                    w,
                    "and"
                        | "or"
                        | "of"
                        | "with"
                        | "to"
                        | "by"
                        | "in"
                        | "at"
                        | "for"
                        | "from"
                        | "a"
                        | "an"
                        | "as"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                );
            if ent_of(s, x, t - 1).is_none()
                && (surface(s, x, t - 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    || w == "the"
                    || modifier
                    || role)
            {
                after_role = role;
                t -= 1;
            } else if t >= 2
                && matches!(s.w(t - 1), "'s" | "’s")
                && ent_of(s, x, t - 2).is_some_and(|e| x.entities[e].etype != EntityType::Person)
            {
                t -= 2;
                while t > 0
                    && ent_of(s, x, t - 1).is_some()
                    && ent_of(s, x, t - 1) == ent_of(s, x, t)
                {
                    t -= 1;
                }
            } else {
                break;
            }
        }
        if t < k && t > 0 && ["and", ","].contains(&s.w(t - 1)) {
            k = t;
        }
        if k == 0 || !["and", ","].contains(&s.w(k - 1)) {
            break;
        }
        // back over "and" / "," to the previous name, past titles and possessors
        // ("A and the B's political chief, C": A and C; B only qualifies C)
        let mut j = k - 1;
        let mut found = None;
        let mut q = j;
        let mut steps = 0;
        let mut crossed_and = false;
        while q > 0 && steps < 10 {
            q -= 1;
            steps += 1;
            if s.w(q) == "and" {
                crossed_and = true;
            }
            if [".", ";", "“", "”", "\""].contains(&s.w(q)) {
                break;
            }
            if let Some(e) = ent_of(s, x, q) {
                if matches!(s.w(q + 1), "'s" | "’s") {
                    continue;
                }
                // after a bare comma only a list item right before it is a conjunct
                // ("A, B and C"), not a name that qualifies a title ("The UN secretary
                // general, António Guterres,")
                if s.w(j) == "," && q + 1 != j && !crossed_and {
                    break;
                }
                // ", and" joins clauses unless a list item stands right before the comma
                // ("A, B, and C"; not "X urged A to …, and B asked")
                if s.w(j) == "and" && j >= 1 && s.w(j - 1) == "," && q + 2 != j {
                    break;
                }
                let mut first = q;
                while first > 0 && ent_of(s, x, first - 1) == Some(e) {
                    first -= 1;
                }
                // "In Paris, Kerry said": a name after a preposition is no conjunct
                if first > 0 && PREPOSITIONS.contains(&s.w(first - 1)) {
                    break;
                }
                found = Some((e, q + 1));
                break;
            }
        }
        let Some((e, t_end)) = found else { break };
        if !out.contains(&e) {
            out.push(e);
        }
        j = t_end;
        while j > 0 && ent_of(s, x, j - 1) == Some(e) {
            j -= 1;
        }
        k = j;
    }
    out.reverse();
    out
}

const MEET: &[&[&str]] = &[
    &["met"],
    &["meets"],
    &["meeting", "with"],
    &["held", "talks"],
    &["talks", "with"],
    &["talks", "between"],
    &["news", "conference", "with"],
    &["press", "conference", "with"],
    &["joint", "news", "conference"],
    &["spoke", "by", "phone"],
    &["spoke", "by", "telephone"],
    &["spoke", "on", "the", "phone"],
    &["telephoned"],
    &["phoned"],
    &["phone", "call"],
    &["telephone", "call"],
    &["joined"],
    &["sat", "across"],
    &["shook", "hands"],
    &["shake", "hands"],
    &["hosted"],
    &["negotiating", "with"],
    &["negotiations", "with"],
    &["been", "negotiating"],
    &["embraced"],
    &["attended", "by"],
    &["after", "talks"],
    &["signed", "the", "deal"],
    &["to", "join"],
    &["join"],
    &["joins"],
    &["negotiating", "table"],
    &["signed"],
    &["meeting"],
    &["spoke", "with"],
    &["talked", "with"],
    &["conferred", "with"],
    &["consulted", "with"],
    &["discussions", "with"],
    &["video", "call", "with"],
    &["sat", "down", "with"],
    &["sit", "down", "with"],
    &["began", "talks"],
    &["opened", "talks"],
    &["resumed", "talks"],
    &["begin", "talks"],
    &["received"],
];

fn meetings(article: &Article, s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.words.len();
    // "talks on Tuesday with", "a final dinner with", "a working lunch between"
    let gapped = (0..n).find(|&i| {
        [
            "talks",
            "negotiations",
            "meeting",
            "meetings",
            "dinner",
            "lunch",
            "breakfast",
            "consultations",
        ]
        .contains(&s.w(i))
            && (i + 1..n.min(i + 5))
                .take_while(|&q| !matches!(s.w(q), "," | "." | ";"))
                .any(|q| matches!(s.w(q), "between" | "with"))
    });
    // a bare "meeting" with no one named around it is a reference ("The meeting came days
    // after A met B"): the next trigger is tried
    let named_meeting = |trig: usize| {
        (trig + 1..n.min(trig + 4))
            .any(|t| ent_of(s, x, t).is_some_and(|e| x.entities[e].etype == EntityType::Person))
            || coordinated(s, x, trig).len() >= 2
    };
    // "received the three ministers", "received Foreign Minister A": a reception of people
    // (not "received a letter from A")
    let received_people = |trig: usize| {
        let group = s.w(trig + 1) == "the" && group_of(s, trig + 2).is_some();
        let person = (trig + 1..n.min(trig + 6))
            .find(|&q| {
                ent_of(s, x, q).is_some() || !surface(s, x, q).starts_with(char::is_uppercase)
            })
            .and_then(|q| ent_of(s, x, q))
            .is_some_and(|e| x.entities[e].etype == EntityType::Person);
        group || person
    };
    let Some((trig, phrase)) = (0..n)
        .filter(|&i| starts_phrase(&MEET_FIRST, MEET.iter().copied(), s.w(i)))
        .filter_map(|i| MEET.iter().find(|p| s.matches(i, p)).map(|p| (i, *p)))
        .find(|&(i, p)| {
            (p != ["meeting"] || named_meeting(i)) && (p != ["received"] || received_people(i))
        })
        .or_else(|| gapped.map(|i| (i, &["talks", "with"][..])))
    else {
        return;
    };
    if blocked(s, trig, false) {
        return;
    }
    // "talks with X would continue": talks still to come
    if ["talks", "meeting", "negotiations", "discussions"].contains(&s.w(trig)) {
        let after: Vec<&str> = (trig + 1..n.min(trig + 11)).map(|q| s.w(q)).collect();
        if let Some(m) = after
            .iter()
            .position(|w| ["would", "will", "could", "may", "might", "are", "is"].contains(w))
        {
            if !after[..m]
                .iter()
                .any(|w| ["that", "said", "after", "before", "."].contains(w))
                && after.get(m + 1).is_some_and(|w| {
                    [
                        "continue",
                        "resume",
                        "begin",
                        "start",
                        "take",
                        "be",
                        "due",
                        "expected",
                        "planned",
                        "scheduled",
                        "set",
                    ]
                    .contains(w)
                })
            {
                return;
            }
        }
    }
    let mut parts: Vec<usize> = Vec::new();
    // organisations named as the counterpart: "met delegations from the House of
    // Representatives", "talks with the FARC" (not an organisation that only qualifies a
    // person's title, nor a news agency)
    let counterpart = |t: usize| -> bool {
        t > trig + phrase.len().saturating_sub(1)
            && t <= trig + phrase.len() + 3
            && (trig + phrase.len()..t)
                .all(|q| !matches!(s.w(q), "," | "." | ";" | "in" | "at" | "on"))
    };
    for t in 0..n {
        if let Some(m) = s.at[t] {
            let mm = &x.mentions[m];
            let org_ok = mm.etype == EntityType::Organization
                && counterpart(t)
                && x.entities[mm.entity]
                    .gaz
                    .is_none_or(|_| !mm.rule.starts_with("credit"))
                && !(t + 1..n.min(t + 6))
                    .take_while(|&q| !matches!(s.w(q), "," | "." | ";" | "and"))
                    .any(|q| s.at[q].is_some_and(|m2| x.mentions[m2].etype == EntityType::Person));
            if mm.etype == EntityType::Person && complement_of_relation(s, x, t) {
                continue;
            }
            if (mm.etype == EntityType::Person || org_ok)
                && !mm.in_quote
                && !parts.contains(&mm.entity)
            {
                parts.push(mm.entity);
            }
        }
        if ["he", "she"].contains(&s.w(t)) && t < trig && t + 3 >= trig {
            if let Some(e) = resolve_pronoun(s, sents, x, t) {
                if !parts.contains(&e) {
                    parts.insert(0, e);
                }
            }
        }
    }
    // "the two leaders were joined by …": the pair named before
    if (0..n.saturating_sub(1)).any(|t| {
        ["two", "both"].contains(&s.w(t))
            && ["leaders", "men", "women", "ministers", "presidents"].contains(&s.w(t + 1))
    }) {
        for e in resolve_pair(sents, x, s.idx.saturating_sub(1)) {
            if !parts.contains(&e) {
                parts.insert(0, e);
            }
        }
    }
    // "received the three ministers": the three people an earlier sentence listed
    if let Some(size) = (0..n).find_map(|t| group_of(s, t).filter(|&k| k >= 3)) {
        for e in resolve_group(sents, x, s.idx, size) {
            if !parts.contains(&e) {
                parts.push(e);
            }
        }
    }
    // "at the end of the meeting": the meeting an earlier sentence reported, with its host
    if (1..n).any(|t| {
        s.w(t - 1) == "the"
            && MEETING_NOUNS.contains(&s.w(t))
            && !matches!(s.w(t + 1), "with" | "between")
    }) {
        if let Some(h) = earlier_host(sents, x, s.idx) {
            if !parts.contains(&h) {
                parts.push(h);
            }
        }
    }
    // "signed" is a meeting only between people named together (a bare "meeting" was
    // required to name people when the trigger was chosen)
    if phrase == ["signed"] {
        let coordinated_before = coordinated(s, x, trig).len() >= 2;
        // "The deal was signed … by A and B"
        let passive_by = trig > 0
            && ["was", "were", "been"].contains(&s.w(trig - 1))
            && (trig + 1..n.min(trig + 6)).any(|q| s.w(q) == "by");
        // "A signed the agreement with B and C"
        let signed_with = (trig + 1..n.min(trig + 7)).any(|q| s.w(q) == "with");
        if !(coordinated_before || passive_by || signed_with) {
            return;
        }
    }
    // the counterparts after "with": "signed the agreement with A and B", "with the two men",
    // "in separate ceremonies with Turkey and the United Nations"
    let separate = s.words.iter().any(|w| w == "separate" || w == "separately");
    let mut with_objs: Vec<usize> = Vec::new();
    let reach = if separate { n } else { n.min(trig + 12) };
    if let Some(w) = (trig..reach).find(|&q| s.w(q) == "with") {
        if s.w(w + 1) == "the"
            && ["two", "both"].contains(&s.w(w + 2))
            && ["men", "leaders", "women", "sides", "ministers"].contains(&s.w(w + 3))
        {
            with_objs = resolve_pair(sents, x, s.idx.saturating_sub(1));
        } else {
            let mut q = w + 1;
            while q < n && q < w + 14 && !matches!(s.w(q), "." | ";") {
                if s.w(q) == "," {
                    // "with the US envoy, Robert Malley": the name after the comma
                    let person_next = ent_of(s, x, q + 1)
                        .is_some_and(|e| x.entities[e].etype == EntityType::Person);
                    if !person_next {
                        break;
                    }
                    q += 1;
                    continue;
                }
                if let Some(e) = ent_of(s, x, q) {
                    let et = x.entities[e].etype;
                    let qualifies_person = et == EntityType::Organization
                        && (q + 1..n.min(q + 6))
                            .take_while(|&r| !matches!(s.w(r), "," | "." | ";" | "and"))
                            .any(|r| {
                                ent_of(s, x, r)
                                    .is_some_and(|e2| x.entities[e2].etype == EntityType::Person)
                            });
                    let located = q > 0 && ["in", "at", "on", "near"].contains(&s.w(q - 1));
                    // "the US envoy": a name that only qualifies a title
                    let mut end = q;
                    while end + 1 < n && ent_of(s, x, end + 1) == Some(e) {
                        end += 1;
                    }
                    let qualifies_title = et != EntityType::Person
                        && s.w(end + 1).chars().all(char::is_lowercase)
                        && Gazetteer::bundled().is_role(s.w(end + 1));
                    let qualifies_person = qualifies_person || qualifies_title;
                    if et != EntityType::Event
                        && !qualifies_person
                        && !located
                        && !with_objs.contains(&e)
                    {
                        with_objs.push(e);
                    }
                }
                q += 1;
            }
        }
    }
    let subj: Vec<usize> = if phrase[0] == "signed" || separate {
        subjects(s, sents, x, trig)
            .into_iter()
            .filter(|&e| e != usize::MAX)
            .collect()
    } else {
        Vec::new()
    };
    if phrase[0] == "signed" && !with_objs.is_empty() {
        for &e in subj.iter().chain(with_objs.iter()) {
            if !parts.contains(&e) {
                parts.push(e);
            }
        }
    }
    // "The United States and the Taliban signed …": coordinated countries or organisations
    // that are the subject of the meeting verb take part too
    {
        let mut k = trig;
        while k > 0 && AUX.contains(&s.w(k - 1)) {
            k -= 1;
        }
        let subj = coordinated(s, x, k);
        if subj.len() >= 2
            && subj
                .iter()
                .all(|&e| x.entities[e].etype != EntityType::Person)
        {
            for e in subj {
                if x.entities[e].etype != EntityType::Event && !parts.contains(&e) {
                    parts.push(e);
                }
            }
        }
    }
    if parts.len() < 2 {
        return;
    }
    let place = (0..n).find_map(|t| {
        let e = ent_of(s, x, t)?;
        (t > 0 && ["in", "at"].contains(&s.w(t - 1)) && x.entities[e].etype == EntityType::Place)
            .then_some(e)
    });
    let event =
        (0..n).find_map(|t| ent_of(s, x, t).filter(|&e| x.entities[e].etype == EntityType::Event));
    let date = sentence_date(article, s);
    let rule: &'static str = match phrase[0] {
        "met" | "meets" | "meeting" => "meet.verb",
        _ if phrase
            .iter()
            .any(|w| ["phone", "telephone", "telephoned", "phoned", "call"].contains(w)) =>
        {
            "meet.call"
        }
        "news" | "press" | "joint" => "meet.news-conference",
        _ => "meet.talks",
    };
    let mi = x.meetings.len();
    x.meetings.push(Meeting {
        participants: parts.clone(),
        place,
        date,
        event,
        sentence: s.idx,
        rule,
    });
    // separate meetings ("in separate ceremonies with …"): each party met the
    // counterparts, not each other
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    if separate && !subj.is_empty() && parts.iter().any(|p| !subj.contains(p)) {
        for &a in &subj {
            for &b in parts.iter().filter(|p| !subj.contains(p)) {
                if a != b {
                    pairs.push((a, b));
                }
            }
        }
    } else {
        for (i, &a) in parts.iter().enumerate() {
            for &b in &parts[i + 1..] {
                pairs.push((a, b));
            }
        }
    }
    for (a, b) in pairs {
        {
            x.relations.push(Relation {
                kind: RelationKind::MetWith,
                subject: a,
                object: Some(b),
                proposal: None,
                sentence: s.idx,
                rule,
                confidence: 0.8,
                meeting: Some(mi),
            });
        }
    }
}

/// Nouns for a meeting: "the talks", "the second session".
const MEETING_NOUNS: &[&str] = &[
    "talks",
    "meeting",
    "meetings",
    "session",
    "negotiations",
    "discussions",
    "summit",
];

/// The host of talks an earlier sentence reported: "following talks hosted by Malaysian
/// Prime Minister Anwar Ibrahim"; "X hosted the talks".
fn earlier_host(sents: &[Sent<'_>], x: &Extraction, upto: usize) -> Option<usize> {
    let host = |e: usize| {
        matches!(
            x.entities[e].etype,
            EntityType::Person | EntityType::Organization
        )
    };
    for s in sents[..upto.min(sents.len())].iter().rev() {
        let n = s.words.len();
        for t in 0..n {
            if !matches!(s.w(t), "hosted" | "hosts") {
                continue;
            }
            if s.w(t + 1) == "by"
                && (t.saturating_sub(3)..t).any(|q| MEETING_NOUNS.contains(&s.w(q)))
            {
                return (t + 2..n.min(t + 8))
                    .take_while(|&q| !matches!(s.w(q), "," | "." | ";"))
                    .find_map(|q| ent_of(s, x, q).filter(|&e| host(e)));
            }
            if (t + 1..n.min(t + 4)).any(|q| MEETING_NOUNS.contains(&s.w(q))) {
                return coordinated(s, x, t).into_iter().find(|&e| host(e));
            }
        }
    }
    None
}

/// "Kenyatta also took part in the talks", "Albusaidi attended the second session": one who
/// joins the meeting the article reported last meets its participants.
fn joined_meeting(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    const JOIN: &[&[&str]] = &[
        &["took", "part", "in"],
        &["attended"],
        &["joined"],
        &["participated", "in"],
    ];
    let n = s.words.len();
    let Some((t, p)) = (0..n).find_map(|t| JOIN.iter().find(|p| s.matches(t, p)).map(|p| (t, *p)))
    else {
        return;
    };
    let after = t + p.len();
    if !(after..n.min(after + 4)).any(|q| MEETING_NOUNS.contains(&s.w(q))) || blocked(s, t, false) {
        return;
    }
    let Some(mi) = x.meetings.iter().rposition(|m| m.sentence <= s.idx) else {
        return;
    };
    let joiners: Vec<usize> = subjects(s, sents, x, t)
        .into_iter()
        .filter(|&e| {
            e != usize::MAX
                && matches!(
                    x.entities[e].etype,
                    EntityType::Person | EntityType::Organization
                )
        })
        .collect();
    for j in joiners {
        if x.meetings[mi].participants.contains(&j) {
            continue;
        }
        let others = x.meetings[mi].participants.clone();
        x.meetings[mi].participants.push(j);
        for o in others {
            x.relations.push(Relation {
                kind: RelationKind::MetWith,
                subject: o,
                object: Some(j),
                proposal: None,
                sentence: s.idx,
                rule: "meet.joined",
                confidence: 0.7,
                meeting: Some(mi),
            });
        }
    }
}

fn sentence_date(article: &Article, s: &Sent<'_>) -> Option<chrono::NaiveDate> {
    let anchor = article.published?;
    for t in 0..s.words.len() {
        if let Some(m) = month_number(s.w(t)).filter(|_| s.w(t).len() >= 3 && s.w(t) != "may") {
            if let Ok(d) = s
                .w(t + 1)
                .trim_end_matches(|c: char| c.is_alphabetic())
                .parse::<u32>()
            {
                return resolve_month_day(anchor, m, d);
            }
        }
        if s.w(t) == "on" {
            if let Some(wd) = weekday(s.w(t + 1)) {
                return Some(resolve_weekday(anchor, wd));
            }
        }
    }
    None
}

const BACK_VERBS: &[&str] = &[
    "backs",
    "backed",
    "back",
    "backing",
    "supports",
    "supported",
    "support",
    "sponsor",
    "sponsors",
    "sponsored",
    "arms",
    "funds",
    "funded",
    "finances",
    "financed",
    "lend",
    "lent",
    "loaned",
    "bankrolled",
    "bankrolls",
    "allied",
    "sided",
    "arming",
    "funding",
    "financing",
    "bankrolling",
    "sponsoring",
];

fn push_backs(x: &mut Extraction, a: usize, b: usize, s: usize, rule: &'static str, conf: f32) {
    if a != b {
        x.relations.push(Relation {
            kind: RelationKind::Backs,
            subject: a,
            object: Some(b),
            proposal: None,
            sentence: s,
            rule,
            confidence: conf,
            meeting: None,
        });
    }
}

fn backs(s: &Sent<'_>, sents: &[Sent<'_>], gaz: &Gazetteer, x: &mut Extraction) {
    let n = s.words.len();
    for t in 0..n {
        let w = s.w(t).to_string();
        // "Moscow-backed rebel leaders A and B"
        if let Some(prefix) = w
            .strip_suffix("-backed")
            .or_else(|| w.strip_suffix("-supported"))
            .or_else(|| w.strip_suffix("-sponsored"))
        {
            let surface = &s.text[x.sentences[s.idx].tokens[t].span.clone()];
            let prefix_surface = &surface[..prefix.len()];
            if let Some(c) = country_of_word(gaz, prefix_surface) {
                let backer = ensure_gaz_entity(x, gaz, c);
                let objs: Vec<usize> = (t + 1..n.min(t + 12))
                    .take_while(|&k| ![".", ";", ","].contains(&s.w(k)) || s.w(k) == ",")
                    .filter_map(|k| ent_of(s, x, k))
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                for o in objs {
                    push_backs(x, backer, o, s.idx, "backs.hyphen", 0.85);
                }
            }
            continue;
        }
        if !(BACK_VERBS.contains(&w.as_str()) || w == "props" || w == "propped") {
            continue;
        }
        if blocked(s, t, true) {
            continue;
        }
        if t + 1 < n && s.w(t + 1) == "by" {
            // passive: "B, backed by A"
            let backers: Vec<usize> = (t + 2..n.min(t + 8))
                .filter_map(|k| ent_of(s, x, k))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            // the backed one: the clause's subject ("Haftar, whose army …, is backed by"),
            // "X, whose government is supported by", or the noun phrase just before
            // ("the Rapid Support Forces, a paramilitary group backed by")
            let mut k = t;
            while k > 0 && AUX.contains(&s.w(k - 1)) {
                k -= 1;
            }
            let mut backed: Vec<usize> = Vec::new();
            if k >= 3
                && ["government", "country", "nation", "state"].contains(&s.w(k - 1))
                && s.w(k - 2) == "whose"
                && s.w(k - 3) == ","
            {
                let heads = coordinated(s, x, k - 3);
                // "X, whose government is supported by": X's government, read as X;
                // "X, whose country is backed by": the country X serves
                let of_country = s.w(k - 1) != "government";
                for h in heads {
                    if x.entities[h].etype == EntityType::Person && of_country {
                        let affs: Vec<usize> = x.entities[h].affiliations.iter().copied().collect();
                        for a in affs {
                            backed.push(ensure_gaz_entity(x, gaz, a));
                        }
                    } else {
                        backed.push(h);
                    }
                }
            } else if k < t {
                backed = subjects(s, sents, x, t)
                    .into_iter()
                    .filter(|&e| e != usize::MAX)
                    .collect();
            }
            if backed.is_empty() && k >= 2 && s.w(k - 2) == "the" {
                backed.extend(definite_event(x, s.w(k - 1)));
            }
            if backed.is_empty() {
                // the name just before, or the head of an appositive: "the Rapid Support
                // Forces, a paramilitary group backed by"
                backed.extend(
                    (0..t)
                        .rev()
                        .take(3)
                        .take_while(|&q| ![".", ";", ","].contains(&s.w(q)))
                        .find_map(|q| ent_of(s, x, q)),
                );
                if backed.is_empty() {
                    if let Some(c) = (1..t)
                        .rev()
                        .take(7)
                        .find(|&c| s.w(c) == "," && ["a", "an"].contains(&s.w(c + 1)))
                    {
                        backed.extend(ent_of(s, x, c - 1));
                    }
                }
            }
            for &b in &backed {
                for &a in &backers {
                    push_backs(x, a, b, s.idx, "backs.passive", 0.8);
                }
            }
            continue;
        }
        // active: "A backs B"; "A, whose government backs B"
        let mut k = t;
        while k > 0 && AUX.contains(&s.w(k - 1)) {
            k -= 1;
        }
        let mut backers = Vec::new();
        // "Kinshasa accuses Kigali of arming the M23": the one accused
        let accused = (k >= 2 && s.w(k - 1) == "of")
            .then(|| ent_of(s, x, k - 2))
            .flatten()
            .filter(|_| {
                (0..k - 2).rev().take(4).any(|q| {
                    s.w(q).starts_with("accus") || s.w(q).starts_with("charg") || s.w(q) == "blamed"
                })
            });
        if let Some(a) = accused {
            backers.push(a);
        } else if w.ends_with("ing") {
            // a gerund has no subject of its own ("the funding of …")
        } else if k >= 2 && s.w(k - 2) == "whose" {
            // "Lavrov, whose government backs Assad": a person's country; "Russia, whose
            // mercenaries support Haftar": the country itself
            if let Some(p) = (0..k - 2).rev().take(3).find_map(|q| ent_of(s, x, q)) {
                if x.entities[p].etype == EntityType::Person {
                    let affs: Vec<usize> = x.entities[p].affiliations.iter().copied().collect();
                    for a in affs {
                        backers.push(ensure_gaz_entity(x, gaz, a));
                    }
                } else {
                    backers.push(p);
                }
            }
        } else {
            let sub = subjects(s, sents, x, k);
            backers.extend(sub.into_iter().filter(|&e| e != usize::MAX));
        }
        let objs: Vec<usize> = {
            let mut v = Vec::new();
            for q in t + 1..n.min(t + 8) {
                if s.w(q) == "," && q > t + 1 && s.w(q - 1).chars().all(char::is_alphabetic) {
                    // "backs the country's internationally recognised president, Rashad
                    // al-Alimi": a description, then the name
                    if let Some(e) =
                        ent_of(s, x, q + 1).filter(|&e| x.entities[e].etype == EntityType::Person)
                    {
                        v.push(e);
                    }
                    break;
                }
                if [".", ";", ","].contains(&s.w(q)) {
                    break;
                }
                // "supported the plan put forward by A": a thing is backed, not A
                if BACKED_THINGS.contains(&s.w(q)) || matches!(s.w(q), "by" | "from" | "for") {
                    break;
                }
                if let Some(e) = ent_of(s, x, q) {
                    if !v.contains(&e) {
                        v.push(e);
                    }
                    break;
                }
            }
            v
        };
        for &a in &backers {
            for &b in &objs {
                push_backs(x, a, b, s.idx, "backs.active", 0.8);
            }
        }
    }
    // alliance: "Russia, which has long been Armenia's main military ally"
    for t in 0..n {
        if !["ally", "allies", "backer", "backers", "patron", "sponsor"].contains(&s.w(t)) {
            continue;
        }
        let Some(p) = (t.saturating_sub(4)..t).find(|&q| matches!(s.w(q), "'s" | "’s")) else {
            continue;
        };
        let Some(b) = p.checked_sub(1).and_then(|q| ent_of(s, x, q)) else {
            continue;
        };
        let Some(v) = (0..p)
            .rev()
            .take(6)
            .find(|&q| ["is", "was", "been", "remains", "became"].contains(&s.w(q)))
        else {
            continue;
        };
        if let Some(&a) = subjects(s, sents, x, v + 1)
            .iter()
            .find(|&&e| e != usize::MAX && e != b)
        {
            push_backs(x, a, b, s.idx, "backs.ally", 0.75);
        }
    }
    // appositive alliance: "The United States, Israel's closest ally, has urged …"
    for t in 0..n {
        if !["ally", "allies", "backer", "patron"].contains(&s.w(t))
            || !matches!(s.w(t + 1), "," | "")
        {
            continue;
        }
        let Some(p) = (t.saturating_sub(4)..t).find(|&q| matches!(s.w(q), "'s" | "’s")) else {
            continue;
        };
        let Some(b) = p.checked_sub(1).and_then(|q| ent_of(s, x, q)) else {
            continue;
        };
        let mut first = p - 1;
        while first > 0 && ent_of(s, x, first - 1) == Some(b) {
            first -= 1;
        }
        if first >= 2 && s.w(first - 1) == "," {
            if let Some(a) = ent_of(s, x, first - 2) {
                push_backs(x, a, b, s.idx, "backs.ally", 0.75);
            }
        }
    }
    // "troops to fight alongside the Ethiopian army"
    for t in 1..n {
        if s.w(t) != "alongside"
            || !(t.saturating_sub(3)..t)
                .any(|q| ["fight", "fought", "fighting", "battle", "battling"].contains(&s.w(q)))
        {
            continue;
        }
        let object = (t + 1..n.min(t + 4)).find_map(|q| {
            ent_of(s, x, q).or_else(|| {
                country_of_word(gaz, surface(s, x, q)).map(|c| ensure_gaz_entity(x, gaz, c))
            })
        });
        let Some(b) = object else { continue };
        let subject = (0..t)
            .rev()
            .find_map(|q| {
                (s.w(q) == "which" && q >= 2 && s.w(q - 1) == ",")
                    .then(|| ent_of(s, x, q - 2))
                    .flatten()
            })
            .or_else(|| sentence_subject(s, x));
        if let Some(a) = subject {
            push_backs(x, a, b, s.idx, "backs.alongside", 0.7);
        }
    }
    // supplies: "Turkey, which has supplied drones to Ukraine"
    const SUPPLY: &[&str] = &[
        "supplied",
        "supplies",
        "sent",
        "sends",
        "delivered",
        "delivers",
        "provided",
        "provides",
        "shipped",
        "sold",
        "gives",
        "gave",
        "grants",
        "granted",
    ];
    const MATERIEL: &[&str] = &[
        "weapons",
        "arms",
        "drones",
        "missiles",
        "tanks",
        "ammunition",
        "artillery",
        "jets",
        "rockets",
        "munitions",
        "equipment",
    ];
    // "military aid", "financial support": help that arms or funds
    let materiel = |q: usize| {
        MATERIEL.contains(&s.w(q))
            || q > 0
                && ["aid", "assistance", "support", "funding", "loans"].contains(&s.w(q))
                && ["military", "financial", "security", "economic", "budget"].contains(&s.w(q - 1))
    };
    for t in 0..n {
        if !SUPPLY.contains(&s.w(t)) {
            continue;
        }
        // "The United States, which gives Cairo $1.3 billion in military aid a year"
        let double_object = (t + 1..n.min(t + 3))
            .take_while(|&q| q == t + 1 || s.w(t + 1) == "the")
            .find_map(|q| ent_of(s, x, q))
            .filter(|&r| {
                let mut end = t + 1;
                while end < n && (s.w(end) == "the" || ent_of(s, x, end) == Some(r)) {
                    end += 1;
                }
                (end..n.min(end + 8))
                    .take_while(|&q| !matches!(s.w(q), "." | ";" | "," | "to"))
                    .any(materiel)
            });
        if let Some(r) = double_object {
            if !blocked(s, t, false) {
                for a in subjects(s, sents, x, t)
                    .into_iter()
                    .filter(|&e| e != usize::MAX && e != r)
                {
                    push_backs(x, a, r, s.idx, "backs.supplies", 0.75);
                }
            }
            continue;
        }
        // "Iran, which supplies the Houthis with missiles"
        let recipient_first = (t + 1..n.min(t + 6))
            .find(|&q| s.w(q) == "with")
            .filter(|&w| {
                (w + 1..n.min(w + 5)).any(materiel)
                    && (t + 1..w).all(|q| ent_of(s, x, q).is_some() || s.w(q) == "the")
            })
            .and_then(|w| (t + 1..w).find_map(|q| ent_of(s, x, q)));
        if let Some(r) = recipient_first {
            if !blocked(s, t, false) {
                for a in subjects(s, sents, x, t)
                    .into_iter()
                    .filter(|&e| e != usize::MAX)
                {
                    push_backs(x, a, r, s.idx, "backs.supplies", 0.75);
                }
            }
            continue;
        }
        let Some(m) = (t + 1..n.min(t + 5)).find(|&q| materiel(q)) else {
            continue;
        };
        let Some(to) = (m + 1..n.min(m + 4)).find(|&q| s.w(q) == "to") else {
            continue;
        };
        let Some(r) = ent_of(s, x, to + 1) else {
            continue;
        };
        if blocked(s, t, false) {
            continue;
        }
        for a in subjects(s, sents, x, t)
            .into_iter()
            .filter(|&e| e != usize::MAX)
        {
            push_backs(x, a, r, s.idx, "backs.supplies", 0.75);
        }
    }
    // alliance: "Egypt, a close ally of Washington"; "X is an ally of Y"
    for t in 0..n {
        if !["ally", "allies"].contains(&s.w(t)) || s.w(t + 1) != "of" {
            continue;
        }
        let Some(b) = ent_of(s, x, t + 2) else {
            continue;
        };
        // the one who is the ally: the appositive's head, or the clause's subject
        let a = (1..t)
            .rev()
            .take(6)
            .find(|&q| s.w(q) == "," && ent_of(s, x, q - 1).is_some())
            .and_then(|q| ent_of(s, x, q - 1))
            .or_else(|| {
                let v = (0..t).rev().take(4).find(|&q| {
                    ["is", "was", "are", "were", "remains", "became"].contains(&s.w(q))
                })?;
                coordinated(s, x, v).first().copied()
            });
        if let Some(a) = a {
            push_backs(x, a, b, s.idx, "backs.ally", 0.75);
        }
    }
    // aid: "Israel, which receives … U.S. military aid"; "A, which has poured … aid into B"
    if let Some(t) = (0..n).find(|&t| s.w(t) == "aid") {
        let donor = (t.saturating_sub(3)..t).find_map(|k| {
            let surface = &s.text[x.sentences[s.idx].tokens[k].span.clone()];
            country_of_word(gaz, surface)
        });
        let receives = (0..t).any(|k| ["receives", "received", "receiving"].contains(&s.w(k)));
        if receives {
            if let (Some(d), Some(r)) = (donor, (0..t).find_map(|k| ent_of(s, x, k))) {
                let d = ensure_gaz_entity(x, gaz, d);
                push_backs(x, d, r, s.idx, "backs.aid", 0.7);
            }
        } else if let Some(into) = (t + 1..n.min(t + 4)).find(|&k| ["into", "to"].contains(&s.w(k)))
        {
            let recipient = ent_of(s, x, into + 1);
            let verb = (0..t).find(|&k| {
                [
                    "poured", "provided", "sent", "gave", "given", "pledged", "supplied",
                ]
                .contains(&s.w(k))
            });
            if let (Some(r), Some(v)) = (recipient, verb) {
                for a in subjects(s, sents, x, v)
                    .into_iter()
                    .filter(|&e| e != usize::MAX)
                {
                    push_backs(x, a, r, s.idx, "backs.aid", 0.7);
                }
            }
        }
    }
}

/// Triggers of proposals: the phrase, and whether an entity and "to" come before the object.
const PROPOSE: &[(&[&str], bool)] = &[
    (&["proposed"], false),
    (&["proposes"], false),
    (&["proposing"], false),
    (&["propose"], false),
    (&["suggested"], false),
    (&["called", "for"], false),
    (&["calls", "for"], false),
    (&["calling", "for"], false),
    (&["call", "for"], false),
    (&["called", "on"], true),
    (&["urged"], true),
    (&["pushed", "for"], false),
    (&["pushing", "for"], false),
    (&["push", "for"], false),
    (&["pressed", "for"], false),
    (&["pressing", "for"], false),
    (&["offered", "to"], false),
    (&["offered"], false),
    (&["demanded"], false),
    (&["demanding"], false),
    (&["insisted", "that"], false),
    (&["raised", "the", "possibility", "of"], false),
    (&["discussed", "the", "possibility", "of"], false),
    (&["about", "the", "possibility", "of"], false),
    (&["pushed"], false),
    (&["hoped", "for"], false),
    (&["put", "forward"], false),
    (&["floated"], false),
    (&["recommended"], false),
    (&["advocated"], false),
    (&["unveiled", "a", "plan"], false),
    (&["outlined", "a", "plan"], false),
    (&["presented", "a", "plan"], false),
    (&["hopes", "for"], false),
    (&["hope", "for"], false),
    (&["pressed"], false),
    (&["asked", "for"], false),
    (&["asking", "for"], false),
    (&["asked"], false),
    (&["sought"], false),
    (&["seeks"], false),
    (&["seeking"], false),
];

const LABEL_STOP: &[&str] = &[
    "which", "while", "but", "as", "so", "saying", "arguing", "adding", "after", "before", "a",
    "and", "whereas", "who", "although", "though", "because", "when",
];

fn proposals(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.words.len();
    // "accepted the European Union's proposal to normalise relations"
    for t in 1..n {
        if !["proposal", "plan", "offer", "initiative", "proposals"].contains(&s.w(t))
            || !matches!(s.w(t + 1), "to" | "for")
        {
            continue;
        }
        let Some(p) = (t.saturating_sub(3)..t)
            .rev()
            .find(|&q| matches!(s.w(q), "'s" | "’s"))
        else {
            continue;
        };
        let Some(agent) = p.checked_sub(1).and_then(|q| ent_of(s, x, q)) else {
            continue;
        };
        if x.entities[agent].etype == EntityType::Event {
            continue;
        }
        if let Some(label) = label_from(s, sents, x, t + 2) {
            x.relations.push(Relation {
                kind: RelationKind::Proposed,
                subject: agent,
                object: None,
                proposal: Some(label),
                sentence: s.idx,
                rule: "propose.possessive",
                confidence: 0.7,
                meeting: None,
            });
        }
    }
    let mut t = 0;
    while t < n {
        let first = starts_phrase(&PROPOSE_FIRST, PROPOSE.iter().map(|(p, _)| *p), s.w(t));
        let Some((phrase, via_to)) = PROPOSE
            .iter()
            .filter(|_| first)
            .find(|(p, _)| s.matches(t, p))
            .copied()
        else {
            // "A prisoner exchange is also under consideration, X and Y said."
            if s.matches(t, &["under", "consideration"]) {
                under_consideration(s, sents, x, t);
            }
            t += 1;
            continue;
        };
        let mut obj = t + phrase.len();
        // "asked Kagame to halt …": a request is a proposal only with its "to"
        if phrase == ["asked"] {
            match object_then_to(s, x, obj) {
                Some(k) => obj = k,
                None => {
                    t += 1;
                    continue;
                }
            }
        }
        // "pushed during the night for …"; "pushed a 'freeze for freeze' formula";
        // "pressed them to agree a truce"
        if phrase == ["pushed"] || phrase == ["pressed"] {
            match (obj..n.min(obj + 7)).find(|&k| s.w(k) == "for") {
                Some(f)
                    if (obj..f).all(|k| {
                        !matches!(s.w(k), "," | "\"" | "“" | "”") && ent_of(s, x, k).is_none()
                    }) =>
                {
                    obj = f + 1
                }
                _ if ["a", "an", "the"].contains(&s.w(obj)) => {}
                _ => match object_then_to(s, x, obj) {
                    Some(k) => obj = k,
                    None => {
                        t += 1;
                        continue;
                    }
                },
            }
        }
        // "sought outside mediation", not "sought to calm" (an aim) nor "sought asylum"
        if matches!(phrase, ["sought"] | ["seeks"] | ["seeking"])
            && (matches!(
                s.w(obj),
                "to" | "by"
                    | "out"
                    | "asylum"
                    | "refuge"
                    | "shelter"
                    | "comment"
                    | "help"
                    | "treatment"
                    | "re-election"
                    | "office"
                    | ","
                    | "."
            ) || ent_of(s, x, obj).is_some())
        {
            t += 1;
            continue;
        }
        if via_to {
            if let Some(k) = (obj..n.min(obj + 12)).find(|&k| s.w(k) == "to") {
                obj = k + 1;
            }
        }
        if s.w(obj) == "that" {
            obj += 1;
        }
        if blocked(s, t, true) || x.sentences[s.idx].tokens.is_empty() {
            t += 1;
            continue;
        }
        // "have been urged by Washington to withdraw": the agent follows "by"
        let passive_by = t > 0
            && ["been", "was", "were", "is", "are", "being"].contains(&s.w(t - 1))
            && s.w(t + phrase.len()) == "by";
        let mut agents = if passive_by {
            coordinated(
                s,
                x,
                (t + phrase.len() + 1..n.min(t + phrase.len() + 6))
                    .find(|&q| ent_of(s, x, q).is_some() && ent_of(s, x, q + 1).is_none())
                    .map_or(t, |q| q + 1),
            )
        } else {
            subjects(s, sents, x, t)
        };
        if agents == [usize::MAX] {
            t += 1;
            continue;
        }
        if agents.is_empty() {
            agents = attribution(s, sents, x);
        }
        agents.retain(|&a| x.entities[a].etype != EntityType::Event);
        if s.w(obj) == "for" {
            t += 1;
            continue;
        }
        let label = label_from(s, sents, x, obj);
        for label in label.iter().flat_map(|l| split_coordinated(l)) {
            for &a in &agents {
                x.relations.push(Relation {
                    kind: RelationKind::Proposed,
                    subject: a,
                    object: None,
                    proposal: Some(label.clone()),
                    sentence: s.idx,
                    rule: "propose.trigger",
                    confidence: 0.75,
                    meeting: None,
                });
            }
        }
        t = obj.max(t + 1);
    }
}

/// Where the action starts after "asked X to", "pressed them to": the word after "to", when
/// only names or words for the parties stand between the verb and "to".
fn object_then_to(s: &Sent<'_>, x: &Extraction, obj: usize) -> Option<usize> {
    let n = s.words.len();
    let to = (obj..n.min(obj + 8)).find(|&k| s.w(k) == "to")?;
    let parties = [
        "them",
        "him",
        "her",
        "both",
        "the",
        "two",
        "all",
        "sides",
        "leaders",
        "parties",
        "governments",
        "and",
    ];
    (to > obj
        && (obj..to).all(|k| ent_of(s, x, k).is_some() || parties.contains(&s.w(k)))
        && s.w(to + 1).chars().all(char::is_alphabetic)
        && ent_of(s, x, to + 1).is_none())
    .then_some(to + 1)
}

/// The speaker of a quotation or report: "…, X said."; "“…,” X told reporters".
fn attribution(s: &Sent<'_>, sents: &[Sent<'_>], x: &Extraction) -> Vec<usize> {
    let n = s.words.len();
    for t in 0..n {
        if super::lexicon::SPEECH_VERBS.contains(&s.w(t)) {
            let before = coordinated(s, x, t);
            if !before.is_empty() {
                return before;
            }
            if let Some(e) = ent_of(s, x, t + 1) {
                return vec![e];
            }
            if t > 0 && ["he", "she"].contains(&s.w(t - 1)) {
                return resolve_pronoun(s, sents, x, t - 1).into_iter().collect();
            }
        }
    }
    // a quotation whose speaker opens the next sentence: "“…,” Mr" / "Mr Kerry told …"
    if let Some(next) = sents.get(s.idx + 1) {
        if let Some(v) = (1..next.words.len().min(6))
            .find(|&t| super::lexicon::SPEECH_VERBS.contains(&next.w(t)))
        {
            let c = coordinated(next, x, v);
            if !c.is_empty() && s.words.iter().any(|w| w == "“" || w == "\"") {
                return c;
            }
        }
    }
    Vec::new()
}

fn under_consideration(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction, t: usize) {
    let verb = (0..t)
        .rev()
        .find(|&k| ["is", "are", "was", "were"].contains(&s.w(k)));
    let Some(v) = verb else { return };
    let start = (0..v)
        .rev()
        .find(|&k| [",", ";", "“", "\""].contains(&s.w(k)))
        .map_or(0, |k| k + 1);
    let words: Vec<&str> = (start..v)
        .map(|k| &s.text[x.sentences[s.idx].tokens[k].span.clone()])
        .collect();
    let label = clean_label(&words);
    let agents = attribution(s, sents, x);
    if let Some(label) = label {
        for a in agents {
            x.relations.push(Relation {
                kind: RelationKind::Proposed,
                subject: a,
                object: None,
                proposal: Some(label.clone()),
                sentence: s.idx,
                rule: "propose.under-consideration",
                confidence: 0.7,
                meeting: None,
            });
        }
    }
}

fn label_from(s: &Sent<'_>, sents: &[Sent<'_>], x: &Extraction, obj: usize) -> Option<String> {
    let toks = &x.sentences[s.idx].tokens;
    let mut words: Vec<String> = Vec::new();
    // inside a quotation already? then a straight quote closes it
    let before: Vec<&str> = (0..obj).map(|k| s.w(k)).collect();
    let straight = before.iter().filter(|w| **w == "\"").count();
    let opened =
        before.iter().filter(|w| **w == "“").count() > before.iter().filter(|w| **w == "”").count();
    let outer_quoted = straight % 2 == 1 || opened;
    let mut quoted = false;
    let mut aside = false;
    #[allow(clippy::needless_range_loop)] // k also indexes the words and looks ahead
    for k in obj..s.words.len() {
        let w = s.w(k);
        // ", and possibly China,": an aside inside the object
        if aside {
            if w == "," {
                aside = false;
            }
            continue;
        }
        if !quoted
            && w == ","
            && ["and", "or"].contains(&s.w(k + 1))
            && ["possibly", "perhaps", "maybe", "even", "later"].contains(&s.w(k + 2))
        {
            aside = true;
            continue;
        }
        if w == "\"" && !quoted && outer_quoted {
            break;
        }
        if matches!(w, "“" | "\"") && !quoted {
            quoted = true;
            continue;
        }
        if matches!(w, "”" | "\"") {
            if quoted {
                quoted = false;
                continue;
            }
            break;
        }
        if !quoted
            && ([".", ";", "?", "!", "—", "–", "(", ":"].contains(&w)
                || (w == "-" && !words.is_empty()))
        {
            break;
        }
        if !quoted && w == "," && (words.len() >= 4 || LABEL_STOP.contains(&s.w(k + 1))) {
            break;
        }
        // "… on the Arak reactor and said afterwards …": a new verb phrase
        if !quoted
            && w == "and"
            && (super::lexicon::SPEECH_VERBS.contains(&s.w(k + 1))
                || ["was", "is", "has", "had", "will", "would"].contains(&s.w(k + 1)))
        {
            break;
        }
        if words.len() >= 14
            || (!quoted
                && !words.is_empty()
                && [
                    "before", "after", "ahead", "until", "that", "because", "unless", "while",
                    "whereas", "when", "which", "who", "as", "so", "saying", "if",
                ]
                .contains(&w))
        {
            break;
        }
        words.push(s.text[toks[k].span.clone()].to_string());
    }
    // "it" stands for the last thing the previous sentence named: "… a U.N. arms embargo."
    if let Some(p) = words
        .first()
        .filter(|w| *w == "it")
        .and_then(|_| sents.get(s.idx.checked_sub(1)?))
    {
        if let Some(d) = (0..p.words.len())
            .rev()
            .find(|&k| ["a", "an", "the"].contains(&p.w(k)))
        {
            let ptoks = &x.sentences[p.idx].tokens;
            let np: Vec<String> = (d + 1..p.words.len())
                .filter(|&k| x.sentences[p.idx].tokens[k].word)
                .map(|k| p.text[ptoks[k].span.clone()].to_string())
                .take(5)
                .collect();
            if !np.is_empty() {
                words.splice(0..1, np);
            }
        }
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    clean_label(&refs)
}

/// "X, along with Y", "X and the Y": one proposal each (not inside quotations).
fn split_coordinated(label: &str) -> Vec<String> {
    if label.contains('“') || label.contains('"') {
        return vec![label.to_string()];
    }
    let mut parts = vec![label.to_string()];
    for sep in [
        ", along with ",
        " along with ",
        " as well as ",
        " and the ",
        " and a ",
        " and an ",
    ] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .filter_map(|p| clean_label(&p.split(' ').collect::<Vec<_>>()))
        .filter(|p| p.split(' ').count() >= 2 || p.len() > 6)
        .collect()
}

fn clean_label(words: &[&str]) -> Option<String> {
    let mut w = words.to_vec();
    while w
        .first()
        .is_some_and(|f| ["a", "an", "the", "that", "to", "A", "An", "The"].contains(f))
    {
        w.remove(0);
    }
    while w
        .last()
        .is_some_and(|l| [",", "and", "or", "the", "a"].contains(l))
    {
        w.pop();
    }
    // "outside mediation for months": how long it has been sought is no part of it
    if w.len() > 2
        && w[w.len() - 2] == "for"
        && ["days", "weeks", "months", "years", "decades"].contains(&w[w.len() - 1])
    {
        w.truncate(w.len() - 2);
    }
    if w.is_empty() {
        return None;
    }
    let mut out = String::new();
    for (i, t) in w.iter().enumerate() {
        let attach = i > 0 && (t.starts_with('\'') || t.starts_with('’') || *t == "," || *t == "%");
        if i > 0 && !attach {
            out.push(' ');
        }
        out.push_str(t);
    }
    Some(out)
}
