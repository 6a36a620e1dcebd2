//! The proposal frame: "proposed", "called for", "urged … to", "offered", "sought" …;
//! the agent is the clause's subject or the quote's speaker, and the label is the object
//! phrase up to the clause's end.

use super::*;

/// Records that `agent` put forward `label` in sentence `sentence`.
pub(super) fn push_proposal(
    x: &mut Extraction,
    agent: usize,
    label: String,
    sentence: usize,
    rule: &'static str,
    confidence: f32,
) {
    x.relations.push(Relation {
        kind: RelationKind::Proposed,
        subject: agent,
        object: None,
        proposal: Some(label),
        sentence,
        rule,
        confidence,
        meeting: None,
    });
}

/// "A and B have announced along with C that they will …": C speaks with the subjects
/// of the verb at `t`.
fn along_with(s: &Sent<'_>, x: &Extraction, t: usize, agents: &mut Vec<usize>) {
    if !agents.is_empty() && s.matches(t + 1, &["along", "with"]) {
        for e in listed(s, x, t + 3) {
            if !agents.contains(&e) {
                agents.push(e);
            }
        }
    }
}

/// Words of obligation ("should", "must"): `data/lexicon/deontic.txt`.
static DEONTIC: Words = Words::data(include_str!("../../../data/lexicon/deontic.txt"));

/// Verbs that announce what the speaker's side will do: `data/lexicon/announce_verbs.txt`.
static ANNOUNCE_VERBS: Words =
    Words::data(include_str!("../../../data/lexicon/announce_verbs.txt"));

/// Words of the future in an announced clause: `data/lexicon/future.txt`.
static FUTURE: Words = Words::data(include_str!("../../../data/lexicon/future.txt"));

/// The announcing verbs of a sentence past its first word, outside quotations and not
/// negated or planned ("did not announce", "will announce").
fn announcing<'a>(s: &'a Sent<'_>) -> impl Iterator<Item = usize> + 'a {
    (1..s.len()).filter(|&t| {
        ANNOUNCE_VERBS.contains(s.w(t)) && !s.tokens[t].quoted && !blocked(s, t, false)
    })
}

/// "Olmert held a press conference to announce that Israel would observe a ceasefire",
/// "France and Italy have announced that they will be sending advisers": an announced
/// clause in the future is put forward by the one who announces it (the verb's subject).
/// The label is the announced clause, from its subject on.
pub(super) fn announced_intent(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.len();
    for t in announcing(s) {
        // "announced that …", "announced on Monday that …", "announced US troops would …"
        let mut start = t + 1;
        if let Some(k) = (start..n.min(start + 6)).find(|&k| s.w(k) == "that") {
            if (start..k).all(|q| s.w(q) != "," || q + 1 == k) {
                start = k + 1;
            }
        }
        // the future within the clause's first words: its subject, then "will"/"would"
        let Some(m) = (start + 1..n.min(start + 8))
            .take_while(|&k| !matches!(s.w(k), "." | ";" | "," | "“" | "\"" | ":"))
            .find(|&k| FUTURE.contains(s.w(k)))
        else {
            continue;
        };
        // a person's own step ("announced he would resign") is a decision, not a proposal;
        // nor is what will not happen
        if (start..m).any(|k| matches!(s.w(k), "if" | "whether" | "who" | "which" | "what"))
            || matches!(s.w(start), "he" | "she" | "i")
            || (m + 1..n.min(m + 3)).any(|k| NEGATION.contains(&s.w(k)))
        {
            continue;
        }
        let mut agents = subjects(s, sents, x, t);
        along_with(s, x, t, &mut agents);
        agents.retain(|&a| {
            x.entities[a].etype != EntityType::Event
                && !x
                    .relations
                    .iter()
                    .rev()
                    .take_while(|r| r.sentence == s.idx)
                    .any(|r| r.subject == a && r.rule == "propose.commitment")
        });
        if agents.is_empty() {
            continue;
        }
        let Some(label) = label_from(s, sents, start) else {
            continue;
        };
        for a in agents {
            push_proposal(x, a, label.clone(), s.idx, "propose.announced-intent", 0.6);
        }
        return;
    }
}

/// Nouns for steps announced: `data/lexicon/policy_nouns.txt`.
static POLICY_NOUNS: Words = Words::data(include_str!("../../../data/lexicon/policy_nouns.txt"));

/// "Lee announced economic measures against North Korea", "the ministry announced travel
/// restrictions": steps a speaker announces, at most two words before their noun, are put
/// forward by the speaker. The label starts after the verb.
pub(super) fn announced_measures(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.len();
    for t in announcing(s) {
        let Some(noun) = (t + 1..n.min(t + 4)).find(|&k| POLICY_NOUNS.contains(s.w(k))) else {
            continue;
        };
        // only modifiers between: "economic", "new", "fresh" (no name, no punctuation)
        if (t + 1..noun).any(|k| {
            s.entity(x, k).is_some()
                || !s.w(k).chars().all(char::is_alphabetic)
                || s.surface(k).starts_with(char::is_uppercase)
        }) {
            continue;
        }
        // a phrase of the frame table ("announced new …") is read there
        if PROPOSE.first_at(s.w(t), |p| s.matches(t, p)).is_some() {
            continue;
        }
        let agents = subjects(s, sents, x, t);
        if agents.is_empty() {
            continue;
        }
        let Some(label) = label_from(s, sents, t + 1) else {
            continue;
        };
        for a in agents {
            push_proposal(
                x,
                a,
                label.clone(),
                s.idx,
                "propose.announced-measures",
                0.6,
            );
        }
        return;
    }
}

/// "X said (that) the EU should reassess its relations with Russia": what a speaker says
/// someone should, must or has to do is put forward by the speaker. The label is the
/// reported clause, from its subject on.
pub(super) fn reported_obligation(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.len();
    for t in 1..n {
        // requests are triggers of their own ("urged", "asked", "called")
        if !crate::extract::lexicon::SPEECH_VERBS.contains(s.w(t))
            || matches!(
                s.w(t),
                "urged" | "asked" | "called" | "denied" | "dismissed"
            )
        {
            continue;
        }
        // the reported clause starts after "that", adverbs and "on Monday"
        let mut start = t + 1;
        loop {
            match s.w(start) {
                "on" if weekday(s.w(start + 1)).is_some() => start += 2,
                "that" => start += 1,
                w if w.ends_with("ly") => start += 1,
                _ => break,
            }
        }
        let Some(m) = (start + 1..n.min(start + 14))
            .take_while(|&k| !matches!(s.w(k), "." | ";" | "?" | "“" | "\"" | ":"))
            .find(|&k| {
                DEONTIC.contains(s.w(k))
                    || (matches!(s.w(k), "has" | "have" | "need" | "needs") && s.w(k + 1) == "to")
            })
        else {
            continue;
        };
        // "stated after the meeting that the group should …": the clause starts after "that"
        if let Some(k) = (start..m).rev().find(|&k| s.w(k) == "that") {
            start = k + 1;
        }
        // "said if the goal is peace, then foreign powers should …" holds; "said whether
        // they should …" does not
        if blocked(s, t, false)
            || (start..m).any(|k| matches!(s.w(k), "if" | "whether" | "who" | "which"))
                && !(start..m).any(|k| s.w(k) == "then")
        {
            continue;
        }
        // the speaker stands right before the verb ("Miliband stated"; "President Hassan
        // Rouhani of Iran said": the person, not the country; "A has said publicly"), or
        // is "he"/"she"
        let mut b = t;
        while b > 1 && (AUX.contains(&s.w(b - 1)) || s.w(b - 1).ends_with("ly")) {
            b -= 1;
        }
        let person_of_place = b >= 3
            && s.entity(x, b - 1)
                .is_some_and(|e| x.entities[e].etype == EntityType::Place)
            && s.w(b - 2) == "of";
        let mut agents = if let Some(p) = person_of_place.then(|| s.person(x, b - 3)).flatten() {
            vec![p]
        } else if s.entity(x, b - 1).is_some() {
            coordinated(s, x, b)
        } else if ["he", "she"].contains(&s.w(b - 1)) {
            resolve_pronoun(s, sents, x, b - 1).into_iter().collect()
        } else if s.w(b - 1) == "," {
            // "Nicolas Sarkozy, President of France, says that …": the person the sentence
            // opens with, not the country of the apposition
            sentence_subject(s, x)
                .filter(|&e| x.entities[e].etype == EntityType::Person)
                .into_iter()
                .collect()
        } else {
            Vec::new()
        };
        agents.retain(|&a| x.entities[a].etype != EntityType::Event);
        // "if the goal is peace, then foreign powers should …": what is put forward follows "then"
        let start = (start..m)
            .find(|&k| s.w(k) == "then")
            .map_or(start, |k| k + 1);
        let Some(label) = label_from(s, sents, start) else {
            continue;
        };
        for a in agents {
            push_proposal(
                x,
                a,
                label.clone(),
                s.idx,
                "propose.reported-obligation",
                0.6,
            );
        }
        return;
    }
}

/// "“The occupier must halt his fire and lift his blockade,” said X": a quotation that
/// opens the sentence and says what someone must or should do, put forward by the speaker
/// the sentence names after it (or before the verb: "…,” X said).
pub(super) fn quoted_obligation(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.len();
    if !matches!(s.w(0), "“" | "\"") {
        return;
    }
    let Some(close) = (1..n).find(|&k| matches!(s.w(k), "”" | "\"")) else {
        return;
    };
    let Some(v) = (close + 1..n.min(close + 4))
        .find(|&k| crate::extract::lexicon::SPEECH_VERBS.contains(s.w(k)))
    else {
        return;
    };
    // the first clause of the quotation: a subject of at most four words, then the modal
    let Some(m) = (2..close.min(7))
        .take_while(|&k| s.class(k) != WordClass::Punctuation)
        .find(|&k| DEONTIC.contains(s.w(k)))
    else {
        return;
    };
    if (1..m).any(|k| {
        matches!(
            s.w(k),
            "if" | "whether" | "who" | "which" | "we" | "i" | "you"
        ) || NEGATION.contains(s.w(k))
    }) || NEGATION.contains(s.w(m + 1))
    {
        return;
    }
    let speaker = s
        .person(x, v + 1)
        .or_else(|| s.entity(x, v + 1))
        .or_else(|| s.entity(x, v - 1).filter(|_| v - 1 > close));
    let Some(speaker) = speaker else {
        return;
    };
    let Some(label) = label_from(s, sents, 1) else {
        return;
    };
    push_proposal(
        x,
        speaker,
        label,
        s.idx,
        "propose.reported-obligation",
        0.55,
    );
}

/// The agents after "by" at `by` and the noun phrase before the participle at `t` ("a
/// ceasefire proposed by Putin": Putin, "ceasefire"; "the plan was put forward by A and B").
fn passive(s: &Sent<'_>, x: &Extraction, t: usize, by: usize) -> Option<(Vec<usize>, String)> {
    let agents: Vec<usize> = listed(s, x, by + 1)
        .into_iter()
        .filter(|&a| x.entities[a].etype != EntityType::Event)
        .collect();
    // back over "was", "has been" to the phrase's last word, then over the phrase
    let mut end = aux_start(s, t);
    // "a new vote, proposed by A, was rejected"
    if end > 1 && s.w(end - 1) == "," {
        end -= 1;
    }
    let mut start = end;
    while start > 0
        && matches!(
            s.class(start - 1),
            WordClass::Other | WordClass::Name | WordClass::Number
        )
        && !crate::extract::lexicon::SPEECH_VERBS.contains(s.w(start - 1))
        && end - start < 6
    {
        start -= 1;
    }
    if start == end || agents.is_empty() {
        return None;
    }
    let words: Vec<&str> = (start..end).map(|k| s.surface(k)).collect();
    Some((agents, clean_label(&words)?))
}

/// Nouns for a speaker's own side after "his", "their" or the speaker's country ("his
/// country will send …"): `data/lexicon/own_side.txt`.
static OWN_SIDE: Words = Words::data(include_str!("../../../data/lexicon/own_side.txt"));

/// "X announced (that) they would send advisers", "X said his country will send
/// instructors", "X declared that Russian troops would start their pullout": what a speaker
/// says they themselves (or their country, government or troops) will do is put forward by
/// the speaker. Not "would not", not after "if" or "whether", not "would have", and only
/// when the clause's subject is the speaker's own side.
pub(super) fn reported_commitment(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.len();
    for t in 1..n {
        if !matches!(
            s.w(t),
            "announced" | "announces" | "declared" | "said" | "says" | "stated" | "confirmed"
        ) {
            continue;
        }
        let mut start = t + 1;
        loop {
            match s.w(start) {
                "on" if weekday(s.w(start + 1)).is_some() => start += 2,
                w if weekday(w).is_some() => start += 1,
                "that" => start += 1,
                w if w.ends_with("ly") => start += 1,
                // "announced along with the United Kingdom that …"
                "along" if s.w(start + 1) == "with" => {
                    start += 2;
                    while start < n
                        && (s.entity(x, start).is_some()
                            || matches!(s.w(start), "the" | "," | "and"))
                    {
                        start += 1;
                    }
                }
                _ => break,
            }
        }
        // the modal within four words: "will", "would", "was to", "were to"
        let Some(m) = (start + 1..n.min(start + 5))
            .take_while(|&k| s.class(k) != WordClass::Punctuation)
            .find(|&k| {
                matches!(s.w(k), "will" | "would" | "shall")
                    || matches!(s.w(k), "was" | "were" | "is" | "are") && s.w(k + 1) == "to"
            })
        else {
            continue;
        };
        if blocked(s, t, false) || (start..m).any(|k| matches!(s.w(k), "if" | "whether")) {
            continue;
        }
        let Subject::Named(mut agents) = subject(s, sents, x, t) else {
            continue;
        };
        along_with(s, x, t, &mut agents);
        agents.retain(|&a| x.entities[a].etype != EntityType::Event);
        if agents.is_empty() {
            continue;
        }
        // the reported clause's subject is the speaker's own side
        let own: Vec<usize> = agents
            .iter()
            .flat_map(|&a| {
                let e = &x.entities[a];
                e.gaz.into_iter().chain(e.affiliations.iter().copied())
            })
            .collect();
        let words: Vec<&str> = (start..m).map(|k| s.w(k)).collect();
        // "announced there would be two probes": what will be is put forward
        let there_be = words.as_slice() == ["there"] && s.w(m + 1) == "be";
        let own_side = match words.as_slice() {
            [p] => matches!(*p, "he" | "she" | "they" | "we" | "it") || there_be,
            [p, noun] if matches!(*p, "his" | "her" | "their" | "its" | "our") => {
                OWN_SIDE.contains(noun)
            }
            _ => {
                let last = words.last().copied().unwrap_or_default();
                let head = if OWN_SIDE.contains(&last) { m - 1 } else { m };
                head > start
                    && (start..head).all(|k| {
                        s.entity(x, k).is_some_and(|e| agents.contains(&e))
                            || country_of_word(s.gaz, s.surface(k))
                                .is_some_and(|c| own.contains(&c))
                            || s.w(k) == "the"
                    })
                    && (start..head).any(|k| s.w(k) != "the")
            }
        };
        if !own_side {
            continue;
        }
        // what they will do: "be sending …" is "sending …"; not "would not", "would have"
        let mut v = if s.w(m + 1) == "to" { m + 2 } else { m + 1 };
        if s.w(v) == "also" {
            v += 1;
        }
        if s.w(v) == "be" && (s.w(v + 1).ends_with("ing") || there_be) {
            v += 1;
        }
        if matches!(
            s.w(v),
            "not" | "n't" | "never" | "no" | "have" | "be" | "like" | "need" | "know" | "say"
        ) {
            continue;
        }
        let Some(label) = label_from(s, sents, v) else {
            continue;
        };
        for a in agents {
            push_proposal(x, a, label.clone(), s.idx, "propose.commitment", 0.55);
        }
        return;
    }
}

pub(super) fn proposals(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.len();
    reported_obligation(s, sents, x);
    // one proposal for one announced clause: the commitment's label ("leaving Mali", not
    // "Danish troops would be leaving Mali") when both read it
    reported_commitment(s, sents, x);
    announced_intent(s, sents, x);
    announced_measures(s, sents, x);
    quoted_obligation(s, sents, x);
    nominal_proposals(s, sents, x);
    let mut t = 0;
    while t < n {
        let Some(trigger) = PROPOSE.first_at(s.w(t), |p| s.matches(t, p)) else {
            // "A prisoner exchange is also under consideration, X and Y said.", "a
            // truce and a withdrawal are on the table," X said"
            if s.matches(t, &["under", "consideration"])
                || s.matches(t, &["on", "the", "table"]) && s.class(t + 3) == WordClass::Punctuation
            {
                under_consideration(s, sents, x, t);
            }
            t += 1;
            continue;
        };
        let phrase: &[&str] = &trigger.words;
        let via_to = matches!(trigger.starts, Starts::AfterTo | Starts::OnlyAfterTo);
        let mut obj = t + phrase.len();
        // "a ceasefire proposed by President Putin", "the plan was put forward by Ostland":
        // a participle with "by" names its agent after it and its proposal before it
        // (not "was urged by A to withdraw": what is urged follows the "to")
        if s.w(obj) == "by"
            && trigger.starts == Starts::Object
            && phrase
                .last()
                .is_some_and(|w| w.ends_with("ed") || *w == "forward")
        {
            if let Some((agents, label)) = passive(s, x, t, obj) {
                for a in agents {
                    push_proposal(x, a, label.clone(), s.idx, "propose.passive", 0.7);
                }
            }
            t += phrase.len();
            continue;
        }
        // "asked Kagame to halt …": a request is a proposal only with its "to", or its "for"
        // after the ones asked ("asked the delegates at the conference for support")
        if matches!(phrase, ["asked"] | ["asks"]) {
            let asked_for = || {
                (obj + 1..n.min(obj + 8))
                    .take_while(|&k| !matches!(s.w(k), "," | "." | ";" | "to" | "that"))
                    .find(|&k| s.w(k) == "for")
                    .map(|k| k + 1)
            };
            match object_then_to(s, x, obj).or_else(asked_for) {
                Some(k) => obj = k,
                None => {
                    t += 1;
                    continue;
                }
            }
        }
        // "pushed during the night for …"; "pushed a 'freeze for freeze' formula";
        // "pressed them to agree a truce"
        if matches!(
            phrase,
            ["pushed"] | ["pressed"] | ["pressured"] | ["pressuring"]
        ) {
            // "pressured X for a declaration": the one pressured may stand before "for"
            let party_between = matches!(phrase, ["pressured"] | ["pressuring"]);
            match (obj..n.min(obj + 7)).find(|&k| s.w(k) == "for") {
                Some(f)
                    if (obj..f).all(|k| {
                        !matches!(s.w(k), "," | "\"" | "“" | "”")
                            && (party_between || s.entity(x, k).is_none())
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
            ) || s.entity(x, obj).is_some())
        {
            t += 1;
            continue;
        }
        if via_to {
            match (obj..n.min(obj + 12)).find(|&k| s.w(k) == "to") {
                Some(k) => obj = k + 1,
                None if trigger.starts == Starts::OnlyAfterTo => {
                    t += 1;
                    continue;
                }
                None => {}
            }
        }
        if s.w(obj) == "that" {
            obj += 1;
        }
        // "offered Ruritania a trade deal", "promised them a referendum": the one offered
        // stands before what is offered
        let recipient_end = match s.entity(x, obj) {
            Some(_) => Some(s.name_end(x, obj)),
            None if s.class(obj) == WordClass::Pronoun
                && !matches!(s.w(obj), "it" | "this" | "that" | "which" | "what") =>
            {
                Some(obj + 1)
            }
            None => None,
        };
        if let Some(q) = recipient_end.filter(|&q| matches!(s.w(q), "a" | "an" | "the")) {
            obj = q;
        }
        // "sought no third term": a negated object (not "insisted that no ships …"); "Rex Tillerson, proposed Secretary of
        // State": the participle of a nomination, before a title
        let negated_object = phrase.last() != Some(&"that")
            && matches!(s.w(t + phrase.len()), "no" | "neither" | "nothing");
        let nomination = phrase == ["proposed"]
            && s.surface(obj).starts_with(char::is_uppercase)
            && s.gaz.is_role(s.w(obj));
        if negated_object || nomination || blocked(s, t, true) || s.tokens.is_empty() {
            t += 1;
            continue;
        }
        // "have been urged by Washington to withdraw": the agent follows "by"
        let passive_by = t > 0
            && ["been", "was", "were", "is", "are", "being"].contains(&s.w(t - 1))
            && s.w(t + phrase.len()) == "by";
        let subject = if passive_by {
            Subject::Named(coordinated(
                s,
                x,
                (t + phrase.len() + 1..n.min(t + phrase.len() + 6))
                    .find(|&q| s.entity(x, q).is_some() && s.entity(x, q + 1).is_none())
                    .map_or(t, |q| q + 1),
            ))
        } else {
            subject(s, sents, x, t)
        };
        // "“We proposed a bill in 2016,” X said": "I" or "we" in a quotation is its speaker
        let first_person_quoted =
            s.tokens[t].quoted && (t.saturating_sub(3)..t).any(|k| matches!(s.w(k), "i" | "we"));
        let mut agents = match subject {
            Subject::Named(v) => v,
            Subject::Unnamed if first_person_quoted => Vec::new(),
            Subject::Unnamed => {
                t += 1;
                continue;
            }
        };
        if agents.is_empty() && !passive_by {
            // "The Turkish statement called for …": the country that issued it
            let k = aux_start(s, t);
            if let Some(c) = state_voice(s, x, k) {
                agents.push(ensure_gaz_entity(x, s.gaz, c));
            }
        }
        if agents.is_empty() {
            agents = attribution(s, sents, x);
        }
        agents.retain(|&a| x.entities[a].etype != EntityType::Event);
        if s.w(obj) == "for" {
            t += 1;
            continue;
        }
        let label = label_from(s, sents, obj);
        for label in label.iter().flat_map(|l| split_coordinated(l)) {
            for &a in &agents {
                push_proposal(x, a, label.clone(), s.idx, trigger.rule, trigger.confidence);
            }
        }
        t = obj.max(t + 1);
    }
}

/// Where the action starts after "asked X to", "pressed them to": the word after "to", when
/// only names or words for the parties stand between the verb and "to".
pub(super) fn object_then_to(s: &Sent<'_>, x: &Extraction, obj: usize) -> Option<usize> {
    let n = s.len();
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
        && (obj..to).all(|k| s.entity(x, k).is_some() || parties.contains(&s.w(k)))
        && s.w(to + 1).chars().all(char::is_alphabetic)
        && s.entity(x, to + 1).is_none())
    .then_some(to + 1)
}

/// The speaker of a quotation or report: "…, X said."; "“…,” X told reporters".
pub(super) fn attribution(s: &Sent<'_>, sents: &[Sent<'_>], x: &Extraction) -> Vec<usize> {
    let n = s.len();
    for t in 0..n {
        if crate::extract::lexicon::SPEECH_VERBS.contains(&s.w(t)) {
            let before = coordinated(s, x, t);
            if !before.is_empty() {
                return before;
            }
            if let Some(e) = s.entity(x, t + 1) {
                return vec![e];
            }
            if t > 0 && ["he", "she"].contains(&s.w(t - 1)) {
                return resolve_pronoun(s, sents, x, t - 1).into_iter().collect();
            }
        }
    }
    // "X, a member of parliament, said, “…”"; "X gave his account: “…”": the person who
    // opens a sentence that holds a quotation
    if s.words().any(|w| w == "“" || w == "\"") {
        if let Some(p) = first_person(s, x) {
            return vec![p];
        }
    }
    // a quotation whose speaker opens the next sentence: "“…,” Mr" / "Mr Kerry told …"
    if let Some(next) = sents.get(s.idx + 1) {
        if let Some(v) = (1..next.len().min(6))
            .find(|&t| crate::extract::lexicon::SPEECH_VERBS.contains(&next.w(t)))
        {
            let c = coordinated(next, x, v);
            if !c.is_empty() && s.words().any(|w| w == "“" || w == "\"") {
                return c;
            }
        }
    }
    Vec::new()
}
