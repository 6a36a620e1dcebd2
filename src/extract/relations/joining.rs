//! Joining a meeting reported elsewhere in the article: "joined the talks" (`data/frames/
//! join.txt`), "Also present were A and B" (`present.txt`), "A, at the summit, said"
//! (`attend.txt`), and the one place where a participant is added to a meeting and paired
//! with those already there ([`join_meeting`]).

use super::*;

/// "Kenyatta also took part in the talks", "Albusaidi attended the second session": one who
/// joins the meeting the article reported last meets its participants.
/// "X joined the talks": X joins the last meeting reported. Returns whether the
/// sentence has a joining phrase at all.
pub(super) fn joined_meeting(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) -> bool {
    let n = s.len();
    let Some((t, trigger)) =
        (0..n).find_map(|t| JOIN.first_at(s.w(t), |p| s.matches(t, p)).map(|p| (t, p)))
    else {
        return false;
    };
    let after = t + trigger.words.len();
    // "attended the talks", or "attended for A and B" (on behalf of countries)
    let delegated = delegated_countries(s, x);
    let on_behalf = s.w(after) == "for" && !delegated.is_empty();
    if !(on_behalf || (after..n.min(after + 4)).any(|q| MEETING_NOUNS.contains(&s.w(q))))
        || blocked(s, t, false)
    {
        return true;
    }
    // people and bodies, and countries through their officials ("Mexico and Panama
    // attended the ceremony", "Foreign ministers attended for A and B")
    let subj = subjects(s, sents, x, t);
    let country = |e: usize| {
        x.entities[e]
            .gaz
            .is_some_and(|g| s.gaz.entry(g).kind == EntryKind::Country)
    };
    // countries only when they are the whole subject (not "the ministers of A and B, C and D")
    let countries_act = !subj.is_empty() && subj.iter().all(|&e| country(e));
    let mut joiners: Vec<usize> = subj
        .into_iter()
        .filter(|&e| match x.entities[e].etype {
            EntityType::Person | EntityType::Organization => true,
            EntityType::Place => countries_act,
            EntityType::Event => false,
        })
        .collect();
    for e in delegated {
        if !joiners.contains(&e) {
            joiners.push(e);
        }
    }
    // "A, B and C attended the summit" in the article's first report of a meeting: the
    // record opens here, and they met one another
    if joiners.len() >= 2 {
        join_or_open_meeting(s, x, &joiners, trigger);
    } else {
        join_last_meeting(s, x, &joiners, trigger);
    }
    true
}

/// "Also present were A, B and C": everyone named after the phrase joins the last
/// meeting reported so far. Returns whether the sentence has such a phrase.
pub(super) fn present_at(s: &Sent<'_>, x: &mut Extraction) -> bool {
    let n = s.len();
    let Some((t, trigger)) = (0..n).find_map(|t| {
        PRESENT
            .first_at(s.w(t), |p| s.matches(t, p))
            .map(|p| (t, p))
    }) else {
        return false;
    };
    let mut joiners: Vec<usize> = Vec::new();
    for q in t + trigger.words.len()..n {
        if matches!(s.w(q), "." | ";" | "who" | "which" | "where") {
            break;
        }
        let Some(e) = s.entity(x, q) else { continue };
        let party = match x.entities[e].etype {
            EntityType::Person | EntityType::Organization => true,
            // "delegates from Germany": a country through its officials
            EntityType::Place => s.w(q - 1) == "from",
            EntityType::Event => false,
        };
        if party && !joiners.contains(&e) {
            joiners.push(e);
        }
    }
    join_last_meeting(s, x, &joiners, trigger);
    true
}

/// "At the opening of the summit, A said …", "B asked the delegates at the conference …":
/// the person the clause is about was at the meeting, and joins the last one reported (or
/// opens its record when the article has reported none with people yet). Not in quotes,
/// nor when the sentence is planned or negated ("A will speak at the summit").
pub(super) fn at_event(s: &Sent<'_>, x: &mut Extraction) {
    let n = s.len();
    let Some((t, trigger)) = (0..n).find_map(|t| {
        ATTEND
            .first_at(s.w(t), |p| s.matches(t, p))
            .filter(|_| !s.tokens[t].quoted)
            .map(|p| (t, p))
    }) else {
        return;
    };
    let after = t + trigger.words.len();
    let Some(noun) = (after..n.min(after + 5))
        .take_while(|&q| !matches!(s.w(q), "," | "." | ";"))
        .find(|&q| MEETING_NOUNS.contains(&s.w(q)))
    else {
        return;
    };
    if (0..noun).any(|q| NEGATION.contains(&s.w(q)) || MODAL.contains(&s.w(q))) {
        return;
    }
    let person = |q: usize| s.person(x, q).filter(|_| !s.tokens[q].quoted);
    let who = if t == 0 {
        // the phrase opens the sentence: the first person after its comma
        (noun..n)
            .find(|&q| s.w(q) == ",")
            .and_then(|c| (c + 1..n.min(c + 8)).find_map(person))
    } else {
        // after the verb: the clause's subject, the first person before the phrase
        (0..t).find_map(person)
    };
    let Some(who) = who else { return };
    join_or_open_meeting(s, x, &[who], trigger);
}

/// Adds `joiners` to the last meeting reported up to this sentence, opening one here
/// when none is reported yet.
pub(super) fn join_or_open_meeting(
    s: &Sent<'_>,
    x: &mut Extraction,
    joiners: &[usize],
    trigger: &Trigger,
) {
    if !x.meetings.iter().any(|m| m.sentence <= s.idx) {
        open_meeting(s, x, trigger);
    }
    join_last_meeting(s, x, joiners, trigger);
}

/// A meeting record opened in this sentence, with no one in it yet.
pub(super) fn open_meeting(s: &Sent<'_>, x: &mut Extraction, trigger: &Trigger) {
    x.meetings.push(Meeting {
        participants: Vec::new(),
        place: None,
        date: None,
        event: None,
        sentence: s.idx,
        rule: trigger.rule,
    });
}

/// Adds `joiners` to the last meeting reported up to this sentence, each metWith
/// everyone already there.
fn join_last_meeting(s: &Sent<'_>, x: &mut Extraction, joiners: &[usize], trigger: &Trigger) {
    let Some(mi) = x.meetings.iter().rposition(|m| m.sentence <= s.idx) else {
        return;
    };
    for &j in joiners {
        join_meeting(x, mi, j, s.idx, trigger.rule, trigger.confidence);
    }
}

/// Adds `j` to meeting `mi` (unless there already), metWith everyone already there but
/// the country or organisation a person speaks for, with `sentence` as the evidence.
pub(super) fn join_meeting(
    x: &mut Extraction,
    mi: usize,
    j: usize,
    sentence: usize,
    rule: &'static str,
    confidence: f32,
) {
    if x.meetings[mi].participants.contains(&j) {
        return;
    }
    let others = x.meetings[mi].participants.clone();
    x.meetings[mi].participants.push(j);
    // a minister at the table speaks for their country: "the ministers of Germany and
    // France met …, said German Foreign Minister A" pairs A with France, not Germany
    let represents = |p: usize, c: usize| {
        x.entities[c]
            .gaz
            .is_some_and(|g| x.entities[p].affiliations.contains(&g))
    };
    for o in others {
        if represents(o, j) || represents(j, o) {
            continue;
        }
        x.relations.push(Relation {
            kind: RelationKind::MetWith,
            subject: o,
            object: Some(j),
            proposal: None,
            sentence,
            rule,
            confidence,
            meeting: Some(mi),
        });
    }
}
