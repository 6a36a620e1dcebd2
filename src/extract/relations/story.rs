//! The meeting a whole story reports. A report of a summit or conference names its parties
//! once, at the top ("Delegates from twenty countries, including Yemen, the United Kingdom
//! and the United States, …"), and then lets their officials speak, one paragraph each,
//! without saying again that they were there ("Hillary Clinton, the US Secretary of State,
//! said …"). No sentence frame sees that; this article-level pass does: when the headline
//! or the first sentence of the story reports a meeting that took place, a person who is
//! the subject of a sentence of the story and serves one of the countries or organisations
//! named in its first two sentences took part in it. Officials of others ("Arab League
//! secretary general Amr Moussa is unsure how useful the meeting will be") stay out.

use super::*;
use crate::extract::lexicon::{PLACE_NOUNS, SPEECH_VERBS};
use crate::ingest::BlockKind;

/// How many of the story's first sentences name the parties of its meeting.
const LEDE_SENTENCES: usize = 2;

/// The rule id and confidence of a participant found this way.
const RULE: &str = "meet.story";
const CONFIDENCE: f32 = 0.5;

/// Adds the officials of the story's parties to the meeting the story reports (the record
/// with the most participants, or a new one at the story's first sentence).
pub(super) fn story_meeting(sents: &[Sent<'_>], x: &mut Extraction) {
    let body: Vec<&Sent<'_>> = sents
        .iter()
        .filter(|s| s.block == BlockKind::Body)
        .collect();
    let Some(&lede) = body.first() else { return };
    // a meeting that took place, not one planned, hoped for or called off
    // ("A donors' conference will next week discuss …" reports none; "came up with a plan"
    // has a noun, not a modal)
    let reports_meeting = |s: &Sent<'_>| {
        (0..s.len()).any(|t| MEETING_NOUNS.contains(&s.w(t)))
            && !(0..s.len()).any(|q| {
                (MODAL.contains(&s.w(q)) || NEGATION.contains(&s.w(q)))
                    && !(q > 0
                        && matches!(
                            s.class(q - 1),
                            WordClass::Determiner | WordClass::Preposition
                        ))
            })
    };
    let headlines = sents.iter().filter(|s| s.block == BlockKind::Headline);
    if !headlines.chain(std::iter::once(lede)).any(reports_meeting) {
        return;
    }
    let mut parties = BTreeSet::new();
    for s in body.iter().take(LEDE_SENTENCES) {
        for t in 0..s.len() {
            let Some(g) = s.entity(x, t).and_then(|e| x.entities[e].gaz) else {
                continue;
            };
            if where_it_is(s, x, t) {
                continue;
            }
            if matches!(
                s.gaz.entry(g).kind,
                EntryKind::Country | EntryKind::Organization
            ) {
                parties.insert(g);
            }
        }
    }
    if parties.len() < 2 {
        return;
    }
    let mut joiners: Vec<(usize, usize)> = Vec::new();
    for s in &body {
        let Some(e) = speaker(s, sents, x) else {
            continue;
        };
        let entity = &x.entities[e];
        if entity.etype == EntityType::Person
            && entity.affiliations.iter().any(|a| parties.contains(a))
            && !joiners.iter().any(|&(j, _)| j == e)
        {
            joiners.push((e, s.idx));
        }
    }
    if joiners.is_empty() {
        return;
    }
    let mi = match (0..x.meetings.len())
        .max_by_key(|&m| (x.meetings[m].participants.len(), std::cmp::Reverse(m)))
    {
        Some(m) => m,
        None => {
            x.meetings.push(Meeting {
                participants: Vec::new(),
                place: None,
                date: None,
                event: None,
                sentence: lede.idx,
                rule: RULE,
            });
            x.meetings.len() - 1
        }
    };
    for (j, sentence) in joiners {
        join_meeting(x, mi, j, sentence, RULE, CONFIDENCE);
    }
}

/// A country named only to say where the meeting is, which makes it no party: "met in
/// Niamey, Niger's capital", "a summit in Niger", "in Niamey, Niger". `t` is a token of the
/// name.
fn where_it_is(s: &Sent<'_>, x: &Extraction, t: usize) -> bool {
    let e = s.entity(x, t);
    let mut start = t;
    while start > 0 && s.entity(x, start - 1) == e {
        start -= 1;
    }
    let end = s.name_end(x, t);
    let before = |k: usize| start.checked_sub(k).map_or("", |q| s.w(q));
    let located = matches!(before(1), "in" | "at" | "near");
    let apposed = before(1) == ","
        && start
            .checked_sub(2)
            .and_then(|q| s.entity(x, q))
            .and_then(|p| x.entities[p].gaz)
            .is_some_and(|g| matches!(s.gaz.entry(g).kind, EntryKind::City { .. }));
    let possessed_place = matches!(s.w(end), "'s" | "’s") && PLACE_NOUNS.contains(&s.w(end + 1));
    located || apposed || possessed_place
}

/// Words that put a statement away from the meeting: `data/lexicon/remote_speech.txt`.
static REMOTE_SPEECH: Words = Words::data(include_str!("../../../data/lexicon/remote_speech.txt"));

/// The person a sentence reports speaking, as the subject of its speech verb: "A, the US
/// Secretary of State, said …", "A received this support warmly, but said …", "“…,” said
/// A". Not a verb with a preposition ("called for", "told of"), a passive ("was called by
/// A"), nor a statement made elsewhere ("in a televised address", "told the BBC").
fn speaker(s: &Sent<'_>, sents: &[Sent<'_>], x: &Extraction) -> Option<usize> {
    let n = s.len();
    let remote = (0..n).any(|q| {
        REMOTE_SPEECH.contains(&s.w(q))
            || s.entity(x, q)
                .and_then(|e| x.entities[e].gaz)
                .is_some_and(|g| s.gaz.entry(g).kind == EntryKind::News)
    });
    if remote {
        return None;
    }
    let verb = (0..n).find(|&t| {
        !s.tokens[t].quoted
            && SPEECH_VERBS.contains(&s.w(t))
            && s.class(t + 1) != WordClass::Preposition
            && (t == 0 || !AUX.contains(&s.w(t - 1)))
    })?;
    // "“…,” said A": the speaker follows the verb, after the title
    if verb > 0 && matches!(s.w(verb - 1), "," | "\"" | "”" | "'" | "’") {
        if let Some(e) = (verb + 1..n.min(verb + 6)).find_map(|q| s.person(x, q)) {
            return Some(e);
        }
    }
    // "A has put forward what he called …": a pronoun speaks, not the one named
    if verb > 0 && s.class(verb - 1) == WordClass::Pronoun {
        return None;
    }
    // "A received this support warmly, but said …": the sentence's subject
    let who = if verb > 0 && matches!(s.w(verb - 1), "but" | "and") {
        sentence_subject(s, x).into_iter().collect()
    } else {
        subjects(s, sents, x, verb)
    };
    match who[..] {
        // named in the sentence, not a pronoun's antecedent
        [e] if x.entities[e].etype == EntityType::Person
            && (0..verb).any(|q| s.entity(x, q) == Some(e)) =>
        {
            Some(e)
        }
        _ => None,
    }
}
