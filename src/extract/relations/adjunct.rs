//! Who an adjunct speaks for: the clause an "in support of B" or a "by supporting B"
//! belongs to, and the name that is its subject. A sentence may hold a speaker's clause
//! and a reported one ("Norway claims A sent money … in support of B"): the adjunct's
//! subject is the reported clause's (A), not the speaker's; within a clause, the name a
//! verb follows ("A had harmed Chad by supporting B": A, not Chad).

use super::*;

/// The name that opens the clause holding token `t`: the sentence's first name, or the
/// first name after the last speech verb or "that" before `t` ("The US claims Kessel flies
/// cargo … in support of B" → Kessel), past a parenthesis between commas ("alleged, by
/// way of example, Kessel had …"). Only "the" may stand before it.
pub(super) fn clause_opener(s: &Sent<'_>, x: &Extraction, t: usize) -> Option<usize> {
    let mut c = (0..t)
        .rev()
        .find(|&q| {
            !s.tokens[q].quoted
                && (crate::extract::lexicon::SPEECH_VERBS.contains(&s.w(q)) || s.w(q) == "that")
        })
        .map_or(0, |q| q + 1);
    if c > 0 && s.w(c) == "," {
        c = (c + 1..t).find(|&q| s.w(q) == ",")? + 1;
    }
    let k = (c..t).find(|&q| s.entity(x, q).is_some())?;
    if !(c..k).all(|q| matches!(s.w(q), "the" | "The")) {
        return None;
    }
    if c == 0 {
        return sentence_subject(s, x);
    }
    let e = s.entity(x, k)?;
    let usable = !matches!(s.w(s.name_end(x, k)), "'s" | "’s")
        && x.entities[e].etype != EntityType::Event
        && !s.tokens[k].quoted;
    usable.then_some(e)
}

/// The nearest name before token `t` that a verb follows ("Kessel had harmed Lund by
/// arming …" → Kessel, not Lund; "the airline, Kessel, flies …"): the subject of the
/// clause an adjunct at `t` belongs to. Not past ";" or ":", not a possessor, not quoted.
pub(super) fn verb_subject_before(s: &Sent<'_>, x: &Extraction, t: usize) -> Option<usize> {
    let mut q = t;
    while q > 0 {
        q -= 1;
        if matches!(s.w(q), ";" | ":") {
            return None;
        }
        let Some(e) = s.entity(x, q) else {
            continue;
        };
        let end = q + 1;
        while q > 0 && s.entity(x, q - 1) == Some(e) {
            q -= 1;
        }
        let verb_follows = matches!(s.class(end), WordClass::Auxiliary | WordClass::Other)
            && !matches!(s.w(end), "'s" | "’s");
        if verb_follows && x.entities[e].etype != EntityType::Event && !s.tokens[q].quoted {
            return Some(e);
        }
    }
    None
}
