//! Backing by sending forces: "The US committed to send more troops to Saudi Arabia",
//! "the agreement on sending Turkish soldiers to Libya". Forces sent to a country stand
//! with its government (GUIDELINES: A "supports … or is allied with B"); forces sent
//! *into* a country, or against it, are no backing, and the frame does not read them.

use super::*;

/// Verbs that send forces: `data/lexicon/deploy_verbs.txt`.
static DEPLOY_VERBS: Words = Words::data(include_str!("../../../data/lexicon/deploy_verbs.txt"));

/// Forces: `data/lexicon/troops.txt` (one or two words).
static TROOPS: Words = Words::data(include_str!("../../../data/lexicon/troops.txt"));

/// Words that make a deployment hostile: `data/lexicon/hostile.txt`.
static HOSTILE: Words = Words::data(include_str!("../../../data/lexicon/hostile.txt"));

pub(super) fn deployments(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let gaz = s.gaz;
    let n = s.len();
    for t in 0..n {
        if !DEPLOY_VERBS.contains(&s.w(t)) {
            continue;
        }
        // the forces within five words: "sent 3,000 more troops", "sending Turkish soldiers"
        let Some((m, len)) = (t + 1..n.min(t + 6)).find_map(|q| {
            if TROOPS.contains(&s.w(q)) {
                Some((q, 1))
            } else {
                let two = format!("{} {}", s.w(q), s.w(q + 1));
                TROOPS.contains(&two.as_str()).then_some((q, 2))
            }
        }) else {
            continue;
        };
        if (t + 1..m).any(|q| matches!(s.w(q), "." | ";" | "," | "to" | "and")) {
            continue;
        }
        let to = m + len;
        if s.w(to) != "to" {
            continue;
        }
        let at = if s.w(to + 1) == "the" { to + 2 } else { to + 1 };
        // the receiver is a country, not a city or a front line
        let Some(r) = s.entity(x, at).filter(|&e| {
            x.entities[e]
                .gaz
                .is_some_and(|g| matches!(gaz.entry(g).kind, EntryKind::Country))
        }) else {
            continue;
        };
        // "sent troops to Ukraine to invade …"
        if blocked(s, t, true)
            || (t.saturating_sub(2)..n.min(at + 6)).any(|q| HOSTILE.contains(&s.w(q)))
        {
            continue;
        }
        // "Turkish soldiers": the demonym names the sender; else the clause's subject
        let demonym = (t + 1..m).find_map(|q| gaz.demonym(s.surface(q)));
        let senders: Vec<usize> = match demonym {
            Some(c) => match country_of_word(gaz, gaz.entry(c).name.as_str()) {
                Some(c) => vec![ensure_gaz_entity(x, gaz, c)],
                None => Vec::new(),
            },
            // "committed to send", ", committing to send": clause::subject reads the
            // controlling verb (data/lexicon/control.txt)
            None => subjects(s, sents, x, t),
        };
        for a in senders {
            push_backs(x, a, r, s.idx, "backs.deploy", 0.7);
        }
    }
}
