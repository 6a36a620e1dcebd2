//! Who a pronoun or a group description stands for: "he" and "she" (the person last
//! named before, past a title's owner), "the two leaders" and "both men" (the last pair
//! named together), "they" and "the ministers" (the whole list that pair belongs to),
//! "the three ministers" (a list of exactly three). The frames reach it through
//! `clause::subject`; it reads the names `entities` gave each sentence.

use super::*;

/// The first person a sentence names outside quotations.
pub(super) fn first_person(s: &Sent<'_>, x: &Extraction) -> Option<usize> {
    (0..s.len()).find_map(|t| {
        let m = s.at[t]?;
        (x.mentions[m].etype == EntityType::Person && !x.mentions[m].in_quote)
            .then(|| x.mentions[m].entity)
    })
}

/// "he"/"she": the speaker of "X said he …" in this sentence, else the first person of the
/// nearest earlier sentence that has one.
pub(super) fn resolve_pronoun(
    s: &Sent<'_>,
    sents: &[Sent<'_>],
    x: &Extraction,
    at: usize,
) -> Option<usize> {
    for k in (1..at).rev() {
        if crate::extract::lexicon::SPEECH_VERBS.contains(&s.w(k)) {
            if let Some(e) = s.entity(x, k - 1) {
                return Some(e);
            }
        }
    }
    // not the possessor of a title: "during his time as President Obama's vice president,
    // he called for …" is the vice president
    if let Some(e) = (0..at).rev().find_map(|t| {
        s.at[t]
            .filter(|&m| x.mentions[m].etype == EntityType::Person)
            .filter(|&m| {
                let mut end = t + 1;
                while s.at.get(end).copied().flatten() == Some(m) {
                    end += 1;
                }
                let title = s.gaz.is_role(s.w(end + 1))
                    || s.gaz.is_role(&format!("{} {}", s.w(end + 1), s.w(end + 2)));
                !(matches!(s.w(end), "'s" | "’s") && title)
            })
            .map(|m| x.mentions[m].entity)
    }) {
        return Some(e);
    }
    // earlier sentences that open with the same kind of pronoun continue the chain ("She
    // spoke about … Lukashenko … She asked for …"): their antecedent is further back
    let mut left = 3;
    for k in (0..s.idx).rev() {
        let Some(p) = sents.get(k) else { break };
        if p.w(0) == s.w(at) {
            continue;
        }
        // a sentence wholly inside a quotation is the speaker's, not the story's: it does
        // not use up the reach ("… ,” Betancourt said. “…. …. …” She called on …)
        if p.tokens.iter().all(|t| t.quoted || !t.word) {
            continue;
        }
        if let Some(e) = first_person(p, x) {
            return Some(e);
        }
        left -= 1;
        if left == 0 {
            break;
        }
    }
    None
}

/// "the two leaders", "both men": the last two people named together.
pub(super) fn resolve_pair(sents: &[Sent<'_>], x: &Extraction, upto: usize) -> Vec<usize> {
    if sents.is_empty() {
        return Vec::new();
    }
    for k in (0..=upto.min(sents.len() - 1)).rev() {
        let s = &sents[k];
        for t in (1..s.len()).rev() {
            if s.w(t) == "and" {
                let a = (0..t).rev().take(3).find_map(|u| s.person(x, u));
                // "A and B", or further on after a comma: "A and Thailand's acting
                // prime minister, B" (not in a list: "…, A, and the adviser, B")
                let person = |u: usize| s.person(x, u);
                let b = (t + 1..s.len()).take(5).find_map(person).or_else(|| {
                    (t + 1..s.len())
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

/// "three ministers" at token `t`: how many people a number and a group noun stand for.
pub(super) fn group_of(s: &Sent<'_>, t: usize) -> Option<usize> {
    let size = ["two", "three", "four", "five", "six"]
        .iter()
        .position(|w| *w == s.w(t))?
        + 2;
    GROUP_NOUNS.contains(&s.w(t + 1)).then_some(size)
}

/// The people of a list of exactly `size` names in the sentences before `before`, the
/// latest first: "Sameh Shoukry of Egypt, Gedu Andargachew of Ethiopia and Asma Mohamed
/// Abdalla of Sudan" for "the three ministers".
pub(super) fn resolve_group(
    sents: &[Sent<'_>],
    x: &Extraction,
    before: usize,
    size: usize,
) -> Vec<usize> {
    for s in sents[..before.min(sents.len())].iter().rev() {
        if let Some(r) = person_lists(s, x).into_iter().rev().find(|r| {
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

/// "They" after "A, B and C met …": the whole list of the last sentence that named the
/// pair `pair` together (the pair itself when no longer list holds it).
pub(super) fn widen_pair(
    sents: &[Sent<'_>],
    x: &Extraction,
    before: usize,
    pair: Vec<usize>,
) -> Vec<usize> {
    if pair.len() != 2 {
        return pair;
    }
    for s in sents[..before.min(sents.len())].iter().rev() {
        let lists = person_lists(s, x);
        if lists
            .iter()
            .any(|r| r.contains(&pair[0]) || r.contains(&pair[1]))
        {
            return lists
                .into_iter()
                .rev()
                .find(|r| r.len() > 2 && pair.iter().all(|e| r.contains(e)))
                .unwrap_or(pair);
        }
    }
    pair
}

/// The lists of people in a sentence, in order: runs of names whose gaps are short and
/// hold a comma or "and" ("A of Egypt, B of Ethiopia and C").
fn person_lists(s: &Sent<'_>, x: &Extraction) -> Vec<Vec<usize>> {
    // people in order of appearance, with their first and last token
    let mut people: Vec<(usize, usize, usize)> = Vec::new();
    for t in 0..s.len() {
        match s.entity(x, t) {
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
                    || s.entity(x, q).is_some()
                    || s.surface(q).starts_with(char::is_uppercase)
                    || s.gaz.is_role(s.w(q))
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
    runs
}
