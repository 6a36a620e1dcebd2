//! Proposals joined by others. A report states a proposal once and then who took it up:
//! "Macron called for G7 action on the fires. The call was quickly seconded by Merkel and
//! Johnson." The second sentence names no proposal of its own; "the call" refers to the
//! last one reported, and those after "by" put it forward too ("It was co-sponsored by A
//! and B" right after the sentence that reported it).

use super::*;

/// Nouns for what an agent puts forward: `data/lexicon/proposal_nouns.txt`.
pub(super) static PROPOSAL_NOUNS: Words =
    Words::data(include_str!("../../../data/lexicon/proposal_nouns.txt"));

/// Verbs by which others join a proposal: `data/lexicon/seconding.txt`.
static SECONDING: Words = Words::data(include_str!("../../../data/lexicon/seconding.txt"));

/// "The call was (quickly) seconded by A and B": A and B propose what the last proposal
/// reported before this sentence proposed.
pub(super) fn seconded(s: &Sent<'_>, x: &mut Extraction) {
    let n = s.len();
    // the sentence opens with the reference: "The call", "This proposal", or "It" right
    // after the sentence that reported the proposal
    let pronoun = s.w(0) == "it";
    let head = if pronoun { 1 } else { 2 };
    if n < 5
        || !pronoun
            && (!matches!(s.w(0), "the" | "this" | "that") || !PROPOSAL_NOUNS.contains(&s.w(1)))
    {
        return;
    }
    let Some(v) = (head..n.min(head + 4)).find(|&q| SECONDING.contains(&s.w(q))) else {
        return;
    };
    // a passive, not negated ("The call was not seconded by A")
    if !(head..v).any(|q| matches!(s.w(q), "was" | "were" | "has" | "is"))
        || s.w(v + 1) != "by"
        || blocked(s, v, false)
    {
        return;
    }
    let Some(label) = x
        .relations
        .iter()
        .rev()
        .find(|r| r.kind == RelationKind::Proposed && r.sentence < s.idx)
        .filter(|r| !pronoun || r.sentence + 1 == s.idx)
        .and_then(|r| r.proposal.clone())
    else {
        return;
    };
    let agents = listed(s, x, v + 2);
    for a in agents {
        push_proposal(x, a, label.clone(), s.idx, "propose.seconded", 0.6);
    }
}
