//! Proposals stated as nouns: "A's proposal to normalise relations", "A renewed his call
//! for a ceasefire", "the plan by A to hold elections", and "a prisoner exchange is under
//! consideration, A said". The agent is the possessor, the pronoun's subject or the name
//! after "by"; the label is the phrase after "to" or "for", as the verb frame reads it.

use super::*;

/// Proposal nouns (`data/lexicon/proposal_nouns.txt`) with their agent and action.
pub(super) fn nominal_proposals(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.len();
    // "accepted the European Union's proposal to normalise relations", "A renewed his call
    // for a ceasefire", "the proposal by A to create a European army"
    for t in 1..n {
        if !PROPOSAL_NOUNS.contains(&s.w(t)) {
            continue;
        }
        // "proposal by A to …", "a plan from A for …": the agent between noun and action
        let by = if matches!(s.w(t + 1), "by" | "from") {
            s.entity(x, t + 2).and_then(|a| {
                let end = s.name_end(x, t + 2);
                matches!(s.w(end), "to" | "for").then_some((a, end + 1))
            })
        } else {
            None
        };
        // "a bill that would ban …": the noun and its clause
        let relative = matches!(s.w(t + 1), "that" | "which")
            && matches!(s.w(t + 2), "would" | "will" | "could");
        // "an offer of talks": what is offered follows "of"
        let opens_action = |k: usize| {
            matches!(s.w(k), "to" | "for")
                || s.w(k) == "of" && OF_NOUNS.contains(s.w(t))
                || relative
        };
        if by.is_none() && !opens_action(t + 1) {
            named_plan(s, x, t);
            continue;
        }
        // "A's phone call to B": the one called, not an action
        if by.is_none() && s.w(t + 1) == "to" && s.entity(x, t + 2).is_some() {
            continue;
        }
        let action = if relative { t } else { t + 2 };
        let before = t.saturating_sub(3)..t;
        let possessor = before
            .clone()
            .rev()
            .find(|&q| matches!(s.w(q), "'s" | "’s"));
        let mut rule = "propose.possessive";
        let (agents, obj, opens): (Vec<usize>, usize, bool) = if let Some((a, obj)) = by {
            (
                vec![a],
                obj,
                (0..t).all(|q| s.class(q) == WordClass::Determiner),
            )
        } else if let Some(p) = possessor {
            let Some(agent) = p.checked_sub(1).and_then(|q| s.entity(x, q)) else {
                continue;
            };
            // "A's plan to cut benefits was rejected", "A's proposal for talks sparked
            // protests": a proposal that opens the sentence is its subject, and the label
            // ends at its verb
            let opens = (0..p)
                .all(|q| s.class(q) == WordClass::Determiner || s.entity(x, q) == Some(agent));
            (vec![agent], action, opens)
        } else if let Some(q) = before
            .clone()
            .rev()
            .find(|&q| matches!(s.w(q), "his" | "her" | "its" | "their"))
            .filter(|&q| q > 0 && s.class(q - 1) == WordClass::Other)
            // "announced his plan to" is a phrase of the trigger table
            .filter(|&q| {
                PROPOSE
                    .first_at(s.w(q - 1), |p| s.matches(q - 1, p))
                    .is_none()
            })
        {
            // "A renewed his call for": the subject of the verb before the pronoun
            (subjects(s, sents, x, q - 1), action, false)
        } else if let Some(v) = put_forward_by(s, before.start, t) {
            // "A made an offer of talks", "A submitted a proposal for joint patrols"
            rule = "propose.put-forward";
            (subjects(s, sents, x, v), action, false)
        } else {
            continue;
        };
        let Some(label) =
            label_from(s, sents, obj).map(|l| if opens { before_verb(&l) } else { l })
        else {
            continue;
        };
        for a in agents {
            if x.entities[a].etype != EntityType::Event {
                push_proposal(x, a, label.clone(), s.idx, rule, 0.7);
            }
        }
    }
}

/// Nouns of a plan named by the words before them: `data/lexicon/named_plan_nouns.txt`.
static NAMED_PLAN_NOUNS: Words =
    Words::data(include_str!("../../../data/lexicon/named_plan_nouns.txt"));

/// "López Obrador's electric reform initiative", "Ostland's peace plan": the possessor put
/// forward the plan its modifiers name (one to three lower-case words before the noun at
/// `t`; not a bare "A's plan").
fn named_plan(s: &Sent<'_>, x: &mut Extraction, t: usize) {
    if !NAMED_PLAN_NOUNS.contains(s.w(t)) {
        return;
    }
    let Some(p) = (t.saturating_sub(4)..t.saturating_sub(1))
        .rev()
        .find(|&q| matches!(s.w(q), "'s" | "’s"))
    else {
        return;
    };
    if !(p + 1..t).all(|q| s.class(q) == WordClass::Other) {
        return;
    }
    let Some(agent) = p
        .checked_sub(1)
        .and_then(|q| s.entity(x, q))
        .filter(|&a| x.entities[a].etype != EntityType::Event)
    else {
        return;
    };
    let words: Vec<&str> = (p + 1..=t).map(|q| s.surface(q)).collect();
    if let Some(label) = clean_label(&words) {
        push_proposal(x, agent, label, s.idx, "propose.named-plan", 0.65);
    }
}

/// Verbs that put a proposal noun forward: `data/lexicon/proposal_verbs.txt`.
static PROPOSAL_VERBS: Words =
    Words::data(include_str!("../../../data/lexicon/proposal_verbs.txt"));

/// Proposal nouns whose action follows "of" ("an offer of talks"):
/// `data/lexicon/proposal_nouns_of.txt`.
static OF_NOUNS: Words = Words::data(include_str!("../../../data/lexicon/proposal_nouns_of.txt"));

/// "made an offer", "submitted a formal proposal", "put forward a new plan": the verb
/// before the proposal noun `t`, over a determiner and at most two modifiers, when it puts
/// a proposal forward.
fn put_forward_by(s: &Sent<'_>, from: usize, t: usize) -> Option<usize> {
    let d = (from..t)
        .rev()
        .find(|&q| s.class(q) == WordClass::Determiner)?;
    if (d + 1..t).any(|q| s.class(q) != WordClass::Other) {
        return None;
    }
    let v = if d >= 2 && s.w(d - 1) == "forward" {
        d - 2
    } else {
        d.checked_sub(1)?
    };
    PROPOSAL_VERBS.contains(s.w(v)).then_some(v)
}

/// The words of a label before its clause's verb: an auxiliary, or a past form after a
/// word that is not a determiner ("new vote was rejected" → "new vote"; "cut benefits
/// sparked protests" → "cut benefits"; "reduce the armed forces" is kept whole).
fn before_verb(label: &str) -> String {
    let words: Vec<&str> = label.split(' ').collect();
    let class = |w: &str| WordClass::of(w, &w.to_lowercase(), true);
    let end = (1..words.len())
        .find(|&k| {
            class(words[k]) == WordClass::Auxiliary
                || class(words[k]) == WordClass::Other
                    && words[k].ends_with("ed")
                    && class(words[k - 1]) != WordClass::Determiner
        })
        .unwrap_or(words.len());
    words[..end].join(" ")
}

/// "A prisoner exchange is under consideration, A and B said": the phrase before the verb,
/// put forward by the quote's speakers.
pub(super) fn under_consideration(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction, t: usize) {
    let verb = (0..t)
        .rev()
        .find(|&k| ["is", "are", "was", "were"].contains(&s.w(k)));
    let Some(v) = verb else { return };
    let start = (0..v)
        .rev()
        .find(|&k| [",", ";", "“", "\""].contains(&s.w(k)))
        .map_or(0, |k| k + 1);
    let words: Vec<&str> = (start..v).map(|k| s.surface(k)).collect();
    let label = clean_label(&words);
    let agents = attribution(s, sents, x);
    if let Some(label) = label {
        for a in agents {
            push_proposal(
                x,
                a,
                label.clone(),
                s.idx,
                "propose.under-consideration",
                0.7,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_plan_noun_is_a_proposal_noun() {
        // named_plan is reached only for proposal nouns: an entry outside them is dead
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/lexicon")
            .join("named_plan_nouns.txt");
        let named = std::fs::read_to_string(path).expect("named plan nouns");
        let nouns = named.lines().map(str::trim);
        for noun in nouns.filter(|l| !l.is_empty() && !l.starts_with('#')) {
            assert!(PROPOSAL_NOUNS.contains(noun), "{noun}");
            assert!(NAMED_PLAN_NOUNS.contains(noun), "{noun}");
        }
    }
}
