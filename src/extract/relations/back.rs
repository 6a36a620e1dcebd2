//! The backing frame: "A backs B", "B, backed by A", "A-backed B", "whose government
//! backs B" (the government of A's country), "A's … aid to B", "supplies B with arms".

use super::*;

/// Words that put a backing in the past or take it back: `data/lexicon/former.txt`.
static FORMER: Words = Words::data(include_str!("../../../data/lexicon/former.txt"));

/// Nouns for one who backs another: `data/lexicon/ally_nouns.txt`.
static ALLY_NOUNS: Words = Words::data(include_str!("../../../data/lexicon/ally_nouns.txt"));

pub(super) static BACK_VERBS: Words =
    Words::data(include_str!("../../../data/lexicon/back_verbs.txt"));

pub(super) fn push_backs(
    x: &mut Extraction,
    a: usize,
    b: usize,
    s: usize,
    rule: &'static str,
    conf: f32,
) {
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

pub(super) fn backs(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let gaz = s.gaz;
    let n = s.len();
    for t in 0..n {
        let w = s.w(t).to_string();
        // "Moscow-backed rebel leaders A and B"
        if let Some(prefix) = w
            .strip_suffix("-backed")
            .or_else(|| w.strip_suffix("-supported"))
            .or_else(|| w.strip_suffix("-sponsored"))
        {
            let surface = s.surface(t);
            let prefix_surface = &surface[..prefix.len()];
            if let Some(c) = country_of_word(gaz, prefix_surface) {
                let backer = ensure_gaz_entity(x, gaz, c);
                let objs: Vec<usize> = (t + 1..n.min(t + 12))
                    .take_while(|&k| ![".", ";", ","].contains(&s.w(k)) || s.w(k) == ",")
                    .filter_map(|k| s.entity(x, k))
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
        // "backed by A", "backed heavily by A"
        let by = if s.w(t + 1).ends_with("ly") && s.w(t + 2) == "by" {
            t + 2
        } else {
            t + 1
        };
        if by < n && s.w(by) == "by" {
            // passive: "B, backed by A"
            let backers: Vec<usize> = (t + 2..n.min(t + 8))
                .filter_map(|k| s.entity(x, k))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            // the backed one: the clause's subject ("Haftar, whose army …, is backed by"),
            // "X, whose government is supported by", or the noun phrase just before
            // ("the Rapid Support Forces, a paramilitary group backed by")
            let k = aux_start(s, t);
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
                backed = subjects(s, sents, x, t).into_iter().collect();
            }
            if backed.is_empty() && k >= 2 && s.w(k - 2) == "the" {
                backed.extend(definite_event(x, s.w(k - 1)));
            }
            if backed.is_empty() && t >= 2 && s.w(t - 1) == "," {
                // "Comoros, backed by African Union forces, has invaded"
                backed.extend(s.entity(x, t - 2));
            }
            if backed.is_empty() && t >= 1 && s.w(t - 1) == "and" {
                // "The FARC is a member of, and supported by, the Foro de São Paulo": the
                // sentence's subject, named before the verb
                backed.extend(
                    sentence_subject(s, x).filter(|&e| (0..t).any(|q| s.entity(x, q) == Some(e))),
                );
            }
            if backed.is_empty() {
                // the name just before, or the head of an appositive: "the Rapid Support
                // Forces, a paramilitary group backed by"
                backed.extend(
                    (0..t)
                        .rev()
                        .take(3)
                        .take_while(|&q| ![".", ";", ","].contains(&s.w(q)))
                        .find_map(|q| s.entity(x, q)),
                );
                if backed.is_empty() {
                    if let Some(c) = (1..t)
                        .rev()
                        .take(7)
                        .find(|&c| s.w(c) == "," && ["a", "an"].contains(&s.w(c + 1)))
                    {
                        backed.extend(s.entity(x, c - 1));
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
        let k = aux_start(s, t);
        let mut backers = Vec::new();
        // "Kinshasa accuses Kigali of arming the M23": the one accused
        let accused = (k >= 2 && s.w(k - 1) == "of")
            .then(|| s.entity(x, k - 2))
            .flatten()
            .filter(|_| {
                (0..k - 2).rev().take(4).any(|q| {
                    s.w(q).starts_with("accus") || s.w(q).starts_with("charg") || s.w(q) == "blamed"
                })
            });
        if let Some(a) = accused {
            backers.push(a);
        } else if w.ends_with("ing")
            && k >= 1
            && matches!(
                s.w(k - 1),
                "started" | "began" | "begun" | "continued" | "kept"
            )
        {
            // "Saudi Arabia started supporting X": the subject of the aspectual verb
            backers.extend(subjects(s, sents, x, k - 1));
        } else if w.ends_with("ing") && k >= 1 && s.w(k - 1) == "by" {
            // "Kessel had harmed the region by supporting X": the clause's subject
            backers.extend(verb_subject_before(s, x, k - 1));
        } else if w.ends_with("ing")
            && !(k..t).any(|q| matches!(s.w(q), "is" | "are" | "was" | "were" | "been" | "be"))
        {
            // a gerund has no subject of its own ("the funding of …"); "is backing" has
        } else if k >= 2 && s.w(k - 2) == "whose" {
            // "Lavrov, whose government backs Assad": a person's country; "Russia, whose
            // mercenaries support Haftar": the country itself
            if let Some(p) = (0..k - 2).rev().take(3).find_map(|q| s.entity(x, q)) {
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
            backers.extend(sub);
        }
        let objs: Vec<usize> = {
            let mut v = Vec::new();
            for q in t + 1..n.min(t + 8) {
                if s.w(q) == "," && q > t + 1 && s.w(q - 1).chars().all(char::is_alphabetic) {
                    // "backs the country's internationally recognised president, Rashad
                    // al-Alimi": a description, then the name
                    if let Some(e) = s.person(x, q + 1) {
                        v.push(e);
                    }
                    break;
                }
                if [".", ";", ","].contains(&s.w(q)) {
                    break;
                }
                // "supported the plan put forward by A": a thing is backed, not A; "allied
                // with Kurdish groups in fighting ISIS": the object ends at a preposition
                // (not "the government of A", "allied with A", "funded projects in A")
                let preposition = s.class(q) == WordClass::Preposition
                    && !(s.w(q) == "of"
                        || q == t + 1 && s.w(q) == "with"
                        || s.w(q) == "in" && s.entity(x, q + 1).is_some());
                if BACKED_THINGS.contains(&s.w(q)) || preposition {
                    break;
                }
                if let Some(e) = s.entity(x, q) {
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
    support_for(s, sents, x);
    support_of(s, sents, x);
    received_from(s, sents, x);
    deployments(s, sents, x);
    // alliance: "Russia, which has long been Armenia's main military ally"
    for t in 0..n {
        if !ALLY_NOUNS.contains(&s.w(t)) {
            continue;
        }
        let Some(p) = (t.saturating_sub(4)..t).find(|&q| matches!(s.w(q), "'s" | "’s")) else {
            continue;
        };
        let Some(b) = p.checked_sub(1).and_then(|q| s.entity(x, q)) else {
            continue;
        };
        let Some(v) = (0..p)
            .rev()
            .take(6)
            .find(|&q| ["is", "was", "been", "remains", "became"].contains(&s.w(q)))
        else {
            continue;
        };
        // "was never X's ally"
        if (v..p).any(|q| NEGATION.contains(&s.w(q))) {
            continue;
        }
        // the subject of the copula ("remains" and "became" are no auxiliaries)
        if let Some(&a) = subjects(s, sents, x, v).iter().find(|&&e| e != b) {
            push_backs(x, a, b, s.idx, "backs.ally", 0.75);
        }
    }
    // appositive alliance: "The United States, Israel's closest ally, has urged …"
    for t in 0..n {
        if !ALLY_NOUNS.contains(&s.w(t)) || !matches!(s.w(t + 1), "," | "") {
            continue;
        }
        let Some(p) = (t.saturating_sub(4)..t).find(|&q| matches!(s.w(q), "'s" | "’s")) else {
            continue;
        };
        let Some(b) = p.checked_sub(1).and_then(|q| s.entity(x, q)) else {
            continue;
        };
        let mut first = p - 1;
        while first > 0 && s.entity(x, first - 1) == Some(b) {
            first -= 1;
        }
        if first >= 2 && s.w(first - 1) == "," {
            if let Some(a) = s.entity(x, first - 2) {
                push_backs(x, a, b, s.idx, "backs.ally", 0.75);
            }
        }
    }
    // "Trump ally Lindsey Graham", "Kremlin loyalist A": a name before the noun, a person
    // after it (titles between): the person backs the one named first
    for t in 1..n {
        if !ALLY_NOUNS.contains(&s.w(t)) {
            continue;
        }
        let Some(b) = s.entity(x, t - 1) else {
            continue;
        };
        let person = (t + 1..n.min(t + 4))
            .take_while(|&q| s.surface(q).starts_with(char::is_uppercase))
            .find_map(|q| s.person(x, q));
        let possessive = t >= 2 && matches!(s.w(t - 2), "'s" | "’s");
        if let Some(a) = person.filter(|&a| a != b && !possessive) {
            push_backs(x, a, b, s.idx, "backs.ally", 0.7);
        }
    }
    // "Ecuador and its ally Venezuela", "Poland's ally Lithuania": the ally backs the first;
    // "X … allies such as Germany", "X's allies, including A and B": each ally backs X
    for t in 1..n {
        if !ALLY_NOUNS.contains(&s.w(t)) {
            continue;
        }
        let after = if s.w(t + 1) == "such" && s.w(t + 2) == "as"
            || s.w(t + 1) == "," && s.w(t + 2) == "including"
        {
            t + 3
        } else if s.w(t + 1) == "including" {
            t + 2
        } else {
            t + 1
        };
        let Some(first) = s.entity(x, after) else {
            continue;
        };
        // "A's ally B" names one; "allies such as A, B and C" a list
        let allies = if after == t + 1 {
            vec![first]
        } else {
            listed(s, x, after)
        };
        let backed = if t >= 3 && matches!(s.w(t - 1), "its" | "their") && s.w(t - 2) == "and" {
            s.entity(x, t - 3)
        } else if let Some(p) = (t.saturating_sub(3)..t).find(|&q| matches!(s.w(q), "'s" | "’s"))
        {
            p.checked_sub(1).and_then(|q| s.entity(x, q))
        } else if after > t + 1 && !(0..t).any(|k| s.w(k) == "," && s.entity(x, k + 1).is_some()) {
            sentence_subject(s, x)
        } else {
            None
        };
        if let Some(b) = backed {
            for a in allies.into_iter().filter(|&a| a != b) {
                push_backs(x, a, b, s.idx, "backs.ally", 0.7);
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
            s.entity(x, q).or_else(|| {
                country_of_word(gaz, s.surface(q)).map(|c| ensure_gaz_entity(x, gaz, c))
            })
        });
        let Some(b) = object else { continue };
        let subject = (0..t)
            .rev()
            .find_map(|q| {
                (s.w(q) == "which" && q >= 2 && s.w(q - 1) == ",")
                    .then(|| s.entity(x, q - 2))
                    .flatten()
            })
            .or_else(|| sentence_subject(s, x));
        if let Some(a) = subject {
            push_backs(x, a, b, s.idx, "backs.alongside", 0.7);
        }
    }
    // supplies: "Turkey, which has supplied drones to Ukraine"
    static SUPPLY: Words = Words::data(include_str!("../../../data/lexicon/supply.txt"));
    // "military aid", "financial support": help that arms or funds
    // money given is funding: "has provided $70 million to the MDC"
    let money = |q: usize| {
        matches!(s.w(q), "$" | "us$" | "€" | "£")
            || s.w(q).starts_with('$') && s.w(q).len() > 1
            || matches!(s.w(q), "million" | "billion")
                && q > 0
                && s.class(q - 1) == WordClass::Number
    };
    let materiel = |q: usize| {
        MATERIEL.contains(&s.w(q))
            || money(q)
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
            .find_map(|q| s.entity(x, q))
            .filter(|&r| {
                let mut end = t + 1;
                while end < n && (s.w(end) == "the" || s.entity(x, end) == Some(r)) {
                    end += 1;
                }
                (end..n.min(end + 8))
                    .take_while(|&q| !matches!(s.w(q), "." | ";" | "," | "to"))
                    .any(materiel)
            });
        if let Some(r) = double_object {
            if !blocked(s, t, false) {
                for a in subjects(s, sents, x, t).into_iter().filter(|&e| e != r) {
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
                    && (t + 1..w).all(|q| s.entity(x, q).is_some() || s.w(q) == "the")
            })
            .and_then(|w| (t + 1..w).find_map(|q| s.entity(x, q)));
        // "A is an ally of B and has provided him with military support": the sentence's
        // subject arms the one "him" stands for
        if let Some((a, r)) =
            object_pronoun(s, x, t).filter(|_| (t + 3..n.min(t + 7)).any(materiel))
        {
            if !blocked(s, t, false) {
                push_backs(x, a, r, s.idx, "backs.supplies", 0.75);
            }
            continue;
        }
        if let Some(r) = recipient_first {
            if !blocked(s, t, false) {
                for a in subjects(s, sents, x, t).into_iter() {
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
        let recipient = if s.w(to + 1) == "the" {
            s.entity(x, to + 2)
        } else {
            s.entity(x, to + 1)
        };
        let Some(r) = recipient else {
            continue;
        };
        if blocked(s, t, false) {
            continue;
        }
        for a in subjects(s, sents, x, t).into_iter() {
            push_backs(x, a, r, s.idx, "backs.supplies", 0.75);
        }
    }
    // alliance: "Egypt, a close ally of Washington"; "X is an ally of Y", "a key ally of
    // Syrian President Y" (titles before the name)
    for t in 0..n {
        if !ALLY_NOUNS.contains(&s.w(t)) || s.w(t + 1) != "of" {
            continue;
        }
        let Some(&b) = listed(s, x, t + 2).first() else {
            continue;
        };
        // the one who is the ally: the appositive's head, or the clause's subject
        let a = (1..t)
            .rev()
            .take(6)
            .find(|&q| s.w(q) == "," && s.entity(x, q - 1).is_some())
            .and_then(|q| s.entity(x, q - 1))
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
            let surface = s.surface(k);
            country_of_word(gaz, surface)
        });
        let receives = (0..t).any(|k| ["receives", "received", "receiving"].contains(&s.w(k)));
        if receives {
            if let (Some(d), Some(r)) = (donor, (0..t).find_map(|k| s.entity(x, k))) {
                let d = ensure_gaz_entity(x, gaz, d);
                push_backs(x, d, r, s.idx, "backs.aid", 0.7);
            }
        } else if let Some(into) = (t + 1..n.min(t + 4)).find(|&k| ["into", "to"].contains(&s.w(k)))
        {
            let recipient = s.entity(x, into + 1);
            let verb = (0..t).find(|&k| {
                [
                    "poured", "provided", "sent", "gave", "given", "pledged", "supplied",
                ]
                .contains(&s.w(k))
            });
            if let (Some(r), Some(v)) = (recipient, verb) {
                for a in subjects(s, sents, x, v).into_iter() {
                    push_backs(x, a, r, s.idx, "backs.aid", 0.7);
                }
            }
        }
    }
}

/// "X's support for Y", "the Cuban government's support for Y", "NATO leaders pledged
/// support for Y" (`data/frames/back.txt`): the backed one is the first name after the
/// phrase, the backer the possessor before it or the subject of the verb before it.
fn support_for(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.len();
    for t in 0..n {
        let Some(trigger) = BACK.first_at(s.w(t), |p| s.matches(t, p)) else {
            continue;
        };
        let former = (t.saturating_sub(4)..t).any(|q| FORMER.contains(&s.w(q)));
        if s.tokens[t].quoted || blocked(s, t, false) || former {
            continue;
        }
        let after = t + trigger.words.len();
        // the backed one is in the phrase after the trigger, not past its verb ("the
        // government's support for the rebels angered Moscow")
        let Some(b) = (after..n.min(after + 5))
            .take_while(|&q| {
                let verb_after_noun = q > after
                    && s.w(q).ends_with("ed")
                    && s.class(q) == WordClass::Other
                    && s.class(q - 1) == WordClass::Other;
                !(matches!(s.w(q), "," | "." | ";") || verb_after_noun)
            })
            .find_map(|q| s.entity(x, q))
        else {
            continue;
        };
        let mut backers: Vec<usize> = Vec::new();
        if let Some(p) = (t.saturating_sub(4)..t)
            .rev()
            .find(|&q| matches!(s.w(q), "'s" | "’s"))
        {
            // "Merkel's statement of support", "the Cuban government's support"
            if let Some(a) = p.checked_sub(1).and_then(|q| s.entity(x, q)) {
                backers.push(a);
            } else if let Some(c) = state_voice(s, x, p) {
                backers.push(ensure_gaz_entity(x, s.gaz, c));
            }
        } else if let Some(q) = (t.saturating_sub(3)..t)
            .rev()
            .find(|&q| matches!(s.w(q), "its" | "their"))
        {
            // "the Cuban government's repression … and its support for Y": the nearest
            // organisation or country before the pronoun, or a demonym's government
            let named = (0..q).rev().find_map(|k| {
                s.entity(x, k).filter(|&e| {
                    matches!(
                        x.entities[e].etype,
                        EntityType::Organization | EntityType::Place
                    )
                })
            });
            let government = (1..q).rev().find_map(|k| state_voice(s, x, k + 1));
            if let Some(c) = government {
                backers.push(ensure_gaz_entity(x, s.gaz, c));
            } else if let Some(a) = named {
                backers.push(a);
            }
        } else if let Some(q) = (t.saturating_sub(3)..t)
            .rev()
            .find(|&q| matches!(s.w(q), "his" | "her"))
        {
            // "Senator A threw his support behind B": the nearest person before the pronoun
            backers.extend((0..q).rev().find_map(|k| s.person(x, k)));
        } else if trigger.words.first() == Some(&"in") {
            // "Kessel flew cargo to Lund in support of X", "the US claims Kessel flies cargo
            // … in support of X": the name that opens the clause
            backers.extend(clause_opener(s, x, t));
        } else if let Some(v) = (t.saturating_sub(3)..t)
            .rev()
            .find(|&q| s.class(q) == WordClass::Other && s.w(q).ends_with("ed"))
        {
            // "pledged support for", "expressed its full support for"
            backers.extend(subjects(s, sents, x, v));
        }
        for a in backers.into_iter().filter(|&a| a != b) {
            push_backs(x, a, b, s.idx, trigger.rule, trigger.confidence);
        }
    }
}

/// Words before "the support of B" that make the subject the backed one:
/// `data/lexicon/support_receivers.txt`.
static SUPPORT_RECEIVERS: Words =
    Words::data(include_str!("../../../data/lexicon/support_receivers.txt"));

/// "Seoul can count on the full support of the United States", "A won the backing (or the
/// endorsement) of B",
/// "the rebels, with the support of Turkey, …": B backs the clause's subject.
fn support_of(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.len();
    for t in 1..n.saturating_sub(2) {
        if !matches!(s.w(t), "support" | "backing" | "endorsement") || s.w(t + 1) != "of" {
            continue;
        }
        // past "the", "former" and a title: "of the United States", "of Senator A"
        let Some(b) = (t + 2..n.min(t + 6))
            .take_while(|&q| {
                s.entity(x, q).is_some()
                    || matches!(s.w(q), "the" | "former")
                    || s.surface(q).starts_with(char::is_uppercase)
            })
            .find_map(|q| s.entity(x, q))
        else {
            continue;
        };
        // the receiving word within four words before, not across a clause
        let Some(v) = (t.saturating_sub(4)..t)
            .rev()
            .take_while(|&q| !matches!(s.w(q), "," | ";" | "."))
            .find(|&q| SUPPORT_RECEIVERS.contains(&s.w(q)))
        else {
            continue;
        };
        let former = (t.saturating_sub(5)..t).any(|q| FORMER.contains(&s.w(q)));
        if blocked(s, v, true) || former {
            continue;
        }
        let backed: Vec<usize> = if s.w(v) == "with" {
            // "the rebels, with the support of Turkey, took the town": not a sentence that
            // opens with it ("With the support of Turkey, the rebels …")
            if v < 2 {
                continue;
            }
            sentence_subject(s, x).into_iter().collect()
        } else {
            // "can continue to count on …": the controlling verb's subject (clause::subject)
            subjects(s, sents, x, v)
        };
        for a in backed.into_iter().filter(|&a| a != b) {
            push_backs(x, b, a, s.idx, "backs.support-of", 0.7);
        }
    }
}

/// Arms and the like: `data/lexicon/materiel.txt`.
static MATERIEL: Words = Words::data(include_str!("../../../data/lexicon/materiel.txt"));

/// Money that backs the receiver: `data/lexicon/funding.txt`.
static FUNDING: Words = Words::data(include_str!("../../../data/lexicon/funding.txt"));

/// Verbs of receiving: `data/lexicon/receive_verbs.txt`.
static RECEIVE_VERBS: Words = Words::data(include_str!("../../../data/lexicon/receive_verbs.txt"));

/// "The Free Syrian Army has received weapons from Qatar", "received funding from Qatar and
/// Turkey": those who give arms or money back the receiver, the clause's subject.
fn received_from(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.len();
    for v in 0..n {
        if !RECEIVE_VERBS.contains(s.w(v)) || s.tokens[v].quoted {
            continue;
        }
        let Some(f) = (v + 1..n.min(v + 8))
            .take_while(|&q| s.class(q) != WordClass::Punctuation && s.entity(x, q).is_none())
            .find(|&q| s.w(q) == "from")
        else {
            continue;
        };
        // what is received ends right before "from" (not "weapons inspectors from")
        let given = f > v + 1 && (MATERIEL.contains(s.w(f - 1)) || FUNDING.contains(s.w(f - 1)));
        if !given || blocked(s, v, true) {
            continue;
        }
        // the givers: the names listed after "from"
        let givers = listed(s, x, f + 1);
        for r in subjects(s, sents, x, v) {
            for &g in givers.iter().filter(|&&g| g != r) {
                push_backs(x, g, r, s.idx, "backs.received", 0.7);
            }
        }
    }
}

/// "A is an ally of B and has provided him with military support": "him" or "her" right
/// after the supply verb at `t`, before "with", is the last person the sentence named
/// before the verb; the one who supplies is the name the sentence opens with (the
/// subject), when that is not the same.
fn object_pronoun(s: &Sent<'_>, x: &Extraction, t: usize) -> Option<(usize, usize)> {
    if !matches!(s.w(t + 1), "him" | "her") || s.w(t + 2) != "with" {
        return None;
    }
    let person = (0..t).rev().find_map(|q| s.person(x, q))?;
    let first = sentence_subject(s, x)?;
    (first != person).then_some((first, person))
}
