//! Clause helpers the frames share: who a clause's subject is (through auxiliaries,
//! relative clauses, appositions, control verbs, coordination) and what a role ("the
//! minister") refers back to; pronouns and groups ("the two leaders", "they") are
//! resolved in `anaphora.rs`.

use super::*;

/// What is backed when it is no one: "supports the plan", "backed the deal".
pub(super) static BACKED_THINGS: Words =
    Words::data(include_str!("../../../data/lexicon/backed_things.txt"));

/// "heads of state from A, B and C", "delegations of A and B", "foreign ministers attended
/// for A and B" (not "leaders pledged support for A"): the countries a group of officials speaks for, listed after "from", "of",
/// "for" or "representing", right after the group noun or after one word ("attended for").
pub(super) fn delegated_countries(s: &Sent<'_>, x: &Extraction) -> Vec<usize> {
    let mut out = Vec::new();
    for t in 0..s.len() {
        let end = if s.w(t) == "heads" && s.w(t + 1) == "of" {
            if !matches!(s.w(t + 2), "state" | "government") {
                continue;
            }
            t + 2
        } else if GROUP_NOUNS.contains(&s.w(t)) {
            t
        } else {
            continue;
        };
        let Some(from) = (end + 1..end + 3).find(|&q| {
            matches!(s.w(q), "from" | "of" | "for" | "representing")
                && (end + 1..q)
                    .all(|r| matches!(s.class(r), WordClass::Other | WordClass::Determiner))
        }) else {
            continue;
        };
        let mut q = from + 1;
        let mut countries = Vec::new();
        while q < s.len() {
            match s.entity(x, q) {
                Some(e) if x.entities[e].etype == EntityType::Place => {
                    if !countries.contains(&e) {
                        countries.push(e);
                    }
                }
                Some(_) => break,
                None if matches!(s.w(q), "," | "and" | "the") => {}
                None => break,
            }
            q += 1;
        }
        // "envoys of Sudan's army chief": the country qualifies someone; "the ministers of
        // A and B, C and D": the officials are named, and they are the parties
        let possessive = matches!(s.w(q), "'s" | "’s");
        let named = (q.saturating_sub(1)..s.len().min(q + 3)).any(|r| s.person(x, r).is_some());
        if !possessive && !named {
            for e in countries {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
    }
    out
}

/// "The German chancellor", "Iran's foreign minister", "the US secretary of state" ending
/// before token `end`: the one person of the article with that role (and country).
pub(super) fn role_description(s: &Sent<'_>, x: &Extraction, end: usize) -> Option<usize> {
    let gaz = s.gaz;
    let mut q = end;
    while q > 0
        && end - q < 5
        && s.entity(x, q - 1).is_none()
        && !matches!(s.w(q - 1), "the" | "'s" | "’s" | "," | "." | "and")
    {
        q -= 1;
    }
    if q == 0 || q == end {
        return None;
    }
    let (country, words_start) = match s.w(q - 1) {
        "the" => (None, q),
        "'s" | "’s" if q >= 2 => (s.entity(x, q - 2).and_then(|e| x.entities[e].gaz), q),
        _ => return None,
    };
    let mut words: Vec<&str> = (words_start..end).map(|i| s.w(i)).collect();
    let mut country = country;
    if let Some(first) = words.first() {
        let original = s.surface(words_start);
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
pub(super) static RELATIONAL: Words =
    Words::data(include_str!("../../../data/lexicon/relational.txt"));

/// Whether the person mention at token `t` is only the complement of a relational noun
/// ("national security adviser to Prime Minister Abiy Ahmed"): not a party to the meeting.
pub(super) fn complement_of_relation(s: &Sent<'_>, x: &Extraction, t: usize) -> bool {
    let Some(e) = s.entity(x, t) else {
        return false;
    };
    let mut q = t;
    while q > 0 && s.entity(x, q - 1) == Some(e) {
        q -= 1;
    }
    while q > 0
        && s.entity(x, q - 1).is_none()
        && s.surface(q - 1)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        q -= 1;
    }
    q >= 2 && ["to", "of", "for"].contains(&s.w(q - 1)) && RELATIONAL.contains(&s.w(q - 2))
}

/// "the talks", "the summit": the article's one named event of that kind.
pub(super) fn definite_event(x: &Extraction, head: &str) -> Option<usize> {
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

/// Texts whose participle speaks for their author: `data/lexicon/document_nouns.txt`.
static DOCUMENT_NOUNS: Words =
    Words::data(include_str!("../../../data/lexicon/document_nouns.txt"));

/// Verbs that pass their subject to an infinitive ("agreed to lend").
pub(super) static CONTROL: Words = Words::data(include_str!("../../../data/lexicon/control.txt"));

/// The first entity of a sentence that is not a possessor ("Colombia's FARC guerrillas" → FARC).
pub(super) fn sentence_subject(s: &Sent<'_>, x: &Extraction) -> Option<usize> {
    let n = s.len();
    let mut t = 0;
    while t < n {
        if let Some(e) = s.entity(x, t) {
            let mut end = t;
            while end < n && s.entity(x, end) == Some(e) {
                end += 1;
            }
            if !matches!(s.w(end), "'s" | "’s")
                && x.entities[e].etype != EntityType::Event
                && !s.tokens[t].quoted
                && !qualifies_title(s, x, end)
            {
                return Some(e);
            }
            t = end;
        } else {
            t += 1;
        }
    }
    None
}

/// A name right before a title and the person who bears it ("UN Secretary-General Kofi
/// Annan", "US Secretary of State John Kerry", "UN envoy Ali Saleh"): it qualifies the
/// title, and the person is who acts. `end` is the token after the name.
fn qualifies_title(s: &Sent<'_>, x: &Extraction, end: usize) -> bool {
    for j in end..s.len().min(end + 5) {
        if let Some(p) = s.entity(x, j) {
            return j > end && x.entities[p].etype == EntityType::Person;
        }
        let w = s.w(j);
        if w != "of" && !s.gaz.is_role(w) && !s.surface(j).starts_with(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// The subjects of the sentence's main clause: its first name, or the names a plural head
/// lists by example ("Forty leaders, including A and B, criticised …" → A and B).
pub(super) fn opening_subjects(s: &Sent<'_>, x: &Extraction) -> Vec<usize> {
    let Some(e) = sentence_subject(s, x) else {
        return Vec::new();
    };
    let Some(t) = (0..s.len()).find(|&t| s.entity(x, t) == Some(e)) else {
        return Vec::new();
    };
    // "including (former) A", "such as A": the example list after a comma
    let intro = (t.saturating_sub(4)..t)
        .rev()
        .find(|&q| s.w(q) == "including" || s.w(q) == "as" && q >= 1 && s.w(q - 1) == "such");
    match intro {
        Some(q) if (0..q).any(|c| s.w(c) == ",") && (q + 1..t).all(|c| s.w(c) != ",") => {
            let v = listed(s, x, t);
            if v.is_empty() {
                vec![e]
            } else {
                v
            }
        }
        _ => vec![e],
    }
}

/// "The two leaders …", "Both men …" opening the sentence: the last pair named together.
pub(super) fn description_subject(
    s: &Sent<'_>,
    sents: &[Sent<'_>],
    x: &Extraction,
) -> Option<Vec<usize>> {
    let head: Vec<&str> = (0..s.len().min(6)).map(|i| s.w(i)).collect();
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

/// Who the subject of a clause is.
#[derive(Debug, PartialEq)]
pub(super) enum Subject {
    /// These entities (none when the clause gives no subject the rules can read).
    Named(Vec<usize>),
    /// A pronoun that names no one the article has named ("we", "it", "which"): no
    /// speaker or earlier subject stands in for it.
    Unnamed,
}

/// The entities that are the subject of the clause whose verb starts at `trig`.
pub(super) fn subjects(
    s: &Sent<'_>,
    sents: &[Sent<'_>],
    x: &Extraction,
    trig: usize,
) -> Vec<usize> {
    match subject(s, sents, x, trig) {
        Subject::Named(v) => v,
        Subject::Unnamed => Vec::new(),
    }
}

/// Where the verb group whose verb is token `t` starts: back over its auxiliaries ("has
/// been urged" from "urged" is "has") and a quotation mark opening at the verb.
pub(super) fn aux_start(s: &Sent<'_>, mut t: usize) -> usize {
    // "A had “stressed the importance of …”": a quotation that opens at the verb
    let opens = |q: usize| {
        s.w(q) == "“" || s.w(q) == "\"" && (0..q).filter(|&k| s.w(k) == "\"").count() % 2 == 0
    };
    if t > 1 && opens(t - 1) && s.class(t - 2) != WordClass::Punctuation {
        t -= 1;
    }
    while t > 0 && AUX.contains(&s.w(t - 1)) {
        t -= 1;
    }
    t
}

/// The subject of the clause whose verb starts at `trig`.
pub(super) fn subject(s: &Sent<'_>, sents: &[Sent<'_>], x: &Extraction, trig: usize) -> Subject {
    let mut k = aux_start(s, trig);
    // "The United Nations (UN) on Friday called on …", "Reporters Without Borders (RWB)
    // have appealed for …": a day and a bracketed short form between a name and its verb
    loop {
        if k >= 2 && s.w(k - 2) == "on" && weekday(s.w(k - 1)).is_some() {
            k -= 2;
        } else if k >= 4 && s.w(k - 1) == ")" && s.w(k - 3) == "(" && s.entity(x, k - 4).is_some() {
            k -= 3;
        } else {
            break;
        }
        k = aux_start(s, k);
    }
    // "agreed to lend", "decided to send": the subject of the controlling verb,
    // whatever stands before it (", committing to send", "A, who agreed to lend")
    if k >= 2 && s.w(k - 1) == "to" && CONTROL.contains(&s.w(k - 2)) {
        k = aux_start(s, k - 2);
    }
    if k == 0 {
        return Subject::Named(Vec::new());
    }
    // "issued a statement calling for …", "sent a letter requesting …", "A's letter
    // urging …": a participle after a text speaks for the text's author
    if s.w(k).ends_with("ing") && DOCUMENT_NOUNS.contains(&s.w(k - 1)) {
        let d = (k.saturating_sub(5)..k - 1)
            .rev()
            .find(|&q| s.class(q) == WordClass::Determiner || matches!(s.w(q), "'s" | "’s"));
        if let Some(d) = d {
            if matches!(s.w(d), "'s" | "’s") {
                if let Some(e) = d.checked_sub(1).and_then(|q| s.entity(x, q)) {
                    return Subject::Named(vec![e]);
                }
            } else if d >= 1 && s.class(d - 1) == WordClass::Other {
                return subject(s, sents, x, d - 1);
            }
        }
    }
    // "…, she said, calling on …": a participle after a speech verb takes its speaker
    if s.w(k - 1) == "," && s.w(k).ends_with("ing") && k >= 3 {
        let v = k - 2;
        if crate::extract::lexicon::SPEECH_VERBS.contains(&s.w(v)) {
            if let Some(e) = s.entity(x, v - 1) {
                return Subject::Named(vec![e]);
            }
            if matches!(s.w(v - 1), "he" | "she") {
                return Subject::Named(resolve_pronoun(s, sents, x, v - 1).into_iter().collect());
            }
        }
    }
    // ", proposing …": a participle takes the main clause's subject
    if s.w(k - 1) == "," && s.w(k).ends_with("ing") {
        if let Some(p) = description_subject(s, sents, x) {
            return Subject::Named(p);
        }
        return Subject::Named(opening_subjects(s, x));
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
                && ["a", "an", "the"].contains(&s.w(c + 1))
                && s.entity(x, c - 1).is_some()
                && (c + 1..k - 1).all(|q| s.w(q) != ",")
        }) {
            // "China, a close ally of Cambodia, had called for": the appositive's head
            k = c;
        } else if k >= 2 && s.entity(x, k - 2).is_some() {
            // "The UN secretary general, António Guterres, called for"
            k -= 1;
        } else if let Some(c) = (1..k - 1)
            .rev()
            .take(12)
            .find(|&c| s.w(c) == "," && s.entity(x, c - 1).is_some())
        {
            // "Jared Kushner, Trump's senior adviser, proposed"; "A, in a statement
            // delivered via the press secretary, announced"
            k = c;
        }
    }
    // "A held a press conference to announce …": a purpose infinitive after a noun takes
    // the subject of the clause it ends, when no other name or comma stands between
    // ("held a press conference to", "used the summit to"; not "provides two ways to",
    // "for refusing to")
    let noun_phrase = k >= 3
        && s.w(k - 1) == "to"
        && s.entity(x, k - 2).is_none()
        && s.class(k - 2) == WordClass::Other
        && !CONTROL.contains(s.w(k - 2))
        && (k.saturating_sub(5)..k - 2)
            .rev()
            .take_while(|&q| matches!(s.w(q), "a" | "an" | "the") || s.class(q) == WordClass::Other)
            .any(|q| matches!(s.w(q), "a" | "an" | "the"));
    if noun_phrase {
        if let Some(e) = sentence_subject(s, x) {
            if let Some(f) = (0..k).find(|&q| s.entity(x, q) == Some(e)) {
                if (f..k).all(|q| s.entity(x, q).is_none_or(|o| o == e) && s.w(q) != ",") {
                    return Subject::Named(vec![e]);
                }
            }
        }
    }
    if k == 0 {
        return Subject::Named(Vec::new());
    }
    // "X, who has backed Y"; "China, which has long pushed …"
    if k >= 2 && ["who", "which"].contains(&s.w(k - 1)) && s.w(k - 2) == "," {
        return Subject::Named(coordinated(s, x, k - 2));
    }
    // "YPG militia which support the PKK", "the Kessel Front that backs Y": a relative
    // clause right after a name, or after a name and a collective noun
    if k >= 2 && ["who", "which", "that"].contains(&s.w(k - 1)) {
        if s.entity(x, k - 2).is_some() {
            return Subject::Named(coordinated(s, x, k - 1));
        }
        if k >= 3 && ORG_NOUNS.contains(&s.w(k - 2)) && s.entity(x, k - 3).is_some() {
            return Subject::Named(coordinated(s, x, k - 2));
        }
    }
    // "… declared a ceasefire and called on …": the sentence's subject
    if s.w(k - 1) == "and" && (k < 2 || s.entity(x, k - 2).is_none()) {
        // the sentence's own subject: a pronoun opening it, else its first name before the
        // verb (not "… and promised to … issued by the president, A")
        if matches!(s.w(0), "he" | "she") {
            return Subject::Named(resolve_pronoun(s, sents, x, 0).into_iter().collect());
        }
        return Subject::Named(
            sentence_subject(s, x)
                .filter(|&e| (0..k).any(|q| s.entity(x, q) == Some(e)))
                .into_iter()
                .collect(),
        );
    }
    // "NATO members have urged", "EU leaders agreed": a body or country through its people
    if k >= 2
        && s.entity(x, k - 1).is_none()
        && (GROUP_NOUNS.contains(&s.w(k - 1)) || s.w(k - 1) == "members")
    {
        if let Some(e) = s.entity(x, k - 2).filter(|&e| {
            matches!(
                x.entities[e].etype,
                EntityType::Organization | EntityType::Place
            )
        }) {
            return Subject::Named(vec![e]);
        }
    }
    if s.entity(x, k - 1).is_none() {
        if let Some(e) = role_description(s, x, k) {
            return Subject::Named(vec![e]);
        }
    }
    let w = s.w(k - 1);
    // an organisation or a country: what "it" can stand for
    let body = |e: &usize| {
        matches!(
            x.entities[*e].etype,
            EntityType::Organization | EntityType::Place
        )
    };
    // "Estonia announced it planned to …", "the ministry said that it would …": "it" is
    // the body or country that speaks
    if w == "it" && k >= 3 {
        let v = if s.w(k - 2) == "that" { k - 3 } else { k - 2 };
        if crate::extract::lexicon::SPEECH_VERBS.contains(&s.w(v)) && v > 0 {
            if let Subject::Named(speaker) = subject(s, sents, x, v) {
                if !speaker.is_empty() && speaker.iter().all(body) {
                    return Subject::Named(speaker);
                }
            }
        }
    }
    // "The House subpoenaed … . It also called for records …": "It" opening the sentence
    // is the body or country that was the last sentence's subject
    if w == "it" && k == 1 && !s.tokens[0].quoted {
        if let Some(p) = s.idx.checked_sub(1).and_then(|p| sents.get(p)) {
            // the subject opens that sentence, after at most an opener and its comma ("Among
            // other things, the House subpoenaed …"), not a name deep inside it
            let opens = |e: &usize| {
                (0..p.len())
                    .find(|&q| p.entity(x, q) == Some(*e))
                    .is_some_and(|q| {
                        (0..q)
                            .rev()
                            .take_while(|&r| p.w(r) != ",")
                            .all(|r| p.w(r) == "the")
                            && (0..q).filter(|&r| p.w(r) == ",").count() <= 1
                    })
            };
            if let Some(e) = sentence_subject(p, x).filter(body).filter(opens) {
                return Subject::Named(vec![e]);
            }
        }
    }
    if ["we", "i", "you", "it", "which", "that", "who"].contains(&w) {
        return Subject::Unnamed;
    }
    if ["he", "she"].contains(&w) {
        return Subject::Named(resolve_pronoun(s, sents, x, k - 1).into_iter().collect());
    }
    // "The three ministers called for …": the three people an earlier sentence listed
    if GROUP_NOUNS.contains(&w) {
        if let Some(size) = (k.saturating_sub(3)..k - 1).find_map(|t| group_of(s, t)) {
            if size >= 3 {
                let v = resolve_group(sents, x, s.idx, size);
                if !v.is_empty() {
                    return Subject::Named(v);
                }
            }
        }
    }
    // "The ministers called for …", "The foreign ministers agreed …" opening the sentence:
    // the people last named together, as "they"
    let plural_description = GROUP_NOUNS.contains(&w)
        && (k == 2 || k == 3 && s.class(1) == WordClass::Other)
        && s.w(0) == "the"
        && !matches!(w, "officials" | "representatives");
    if w == "they"
        || plural_description
        || (w == "leaders" || w == "men" || w == "sides")
            && ["two", "both"].contains(&s.w(k.saturating_sub(2)))
    {
        let mut v = Vec::new();
        // "X and Y said they …"; "X and Y, which said … that they"
        for t in (0..k - 1).rev() {
            if crate::extract::lexicon::SPEECH_VERBS.contains(&s.w(t)) {
                v = if t >= 2 && ["which", "who"].contains(&s.w(t - 1)) && s.w(t - 2) == "," {
                    coordinated(s, x, t - 2)
                } else {
                    coordinated(s, x, t)
                };
                break;
            }
        }
        if v.is_empty() {
            let upto = s.idx.saturating_sub(if w == "they" { 1 } else { 0 });
            v = resolve_pair(sents, x, upto);
            if w == "they" || plural_description {
                v = widen_pair(sents, x, upto + 1, v);
            }
        }
        return Subject::Named(v);
    }
    Subject::Named(person_of_place(s, x, k).map_or_else(|| coordinated(s, x, k), |p| vec![p]))
}

/// "Foreign Minister A of Norway urged …": the person the name ending before `end`
/// places, when it is a place after "of" that follows a person.
fn person_of_place(s: &Sent<'_>, x: &Extraction, end: usize) -> Option<usize> {
    let place = s
        .entity(x, end.checked_sub(1)?)
        .filter(|&e| x.entities[e].etype == EntityType::Place)?;
    let mut start = end - 1;
    while start > 0 && s.entity(x, start - 1) == Some(place) {
        start -= 1;
    }
    (start >= 2 && s.w(start - 1) == "of")
        .then(|| s.entity(x, start - 2))
        .flatten()
        .filter(|&p| x.entities[p].etype == EntityType::Person)
}
