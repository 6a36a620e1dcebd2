//! The meeting frame: a meeting trigger ("met", "held talks with", "spoke by phone",
//! "hosted", "joined" …) whose parties are the participants, pairwise metWith; planned,
//! hypothetical and negated meetings are skipped. Each meeting is also kept as a record
//! (participants, place, date, named event).

use super::*;

/// What is met that is no one: `data/lexicon/met_things.txt`.
static MET_THINGS: Words = Words::data(include_str!("../../../data/lexicon/met_things.txt"));

pub(super) fn meetings(article: &Article, s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.len();
    // "talks on Tuesday with", "a final dinner with", "a working lunch between", "a visit to
    // Ireland with A"; "discussed the crisis with his counterpart A"; "A and B discussed
    // the border": people named together discuss with each other (countries may discuss
    // through letters or envoys: "The US and Russia have discussed …" is no meeting)
    let gapped = (0..n).find(|&i| {
        if DISCUSS_VERBS.contains(s.w(i)) {
            let verb = aux_start(s, i);
            let mut people = coordinated(s, x, verb);
            if people.len() < 2 {
                people = listed_subjects(s, x, verb);
            }
            if people.len() >= 2
                && people
                    .iter()
                    .all(|&e| x.entities[e].etype == EntityType::Person)
            {
                return true;
            }
        }
        let with = |span: usize| {
            (i + 1..n.min(i + span))
                .take_while(|&q| !matches!(s.w(q), "," | "." | ";"))
                .find(|&q| matches!(s.w(q), "between" | "with"))
        };
        GAPPED_MEETING_WORDS.contains(s.w(i)) && with(5).is_some()
            || DISCUSS_VERBS.contains(s.w(i))
                && with(10).is_some_and(|q| {
                    // an official, by a title or as "counterpart" (not "discussed his
                    // findings with Wikinews", an interview)
                    (q + 1..n.min(q + 6))
                        .find(|&k| s.at[k].is_some())
                        .and_then(|k| Some((k, &x.mentions[s.at[k]?])))
                        .is_some_and(|(k, m)| {
                            m.etype == EntityType::Person
                                && (m.rule == "person.title"
                                    || (q + 1..k).any(|c| s.w(c) == "counterpart"))
                        })
                })
    });
    // a bare "meeting" with no one named around it is a reference ("The meeting came days
    // after A met B"): the next trigger is tried
    let named_meeting = |trig: usize| {
        (trig + 1..n.min(trig + 4)).any(|t| {
            s.entity(x, t)
                .is_some_and(|e| x.entities[e].etype == EntityType::Person)
        }) || coordinated(s, x, trig).len() >= 2
    };
    // "received the three ministers", "received Foreign Minister A", "welcomed Chancellor
    // A": a reception of people
    // (not "received a letter from A")
    let received_people = |trig: usize| {
        // "A was received by President B": the one who received, after "by"
        let trig = if s.w(trig + 1) == "by" {
            trig + 1
        } else {
            trig
        };
        let group = s.w(trig + 1) == "the" && group_of(s, trig + 2).is_some();
        // (not a possession: "visited A's hometown")
        let person = (trig + 1..n.min(trig + 6))
            .find(|&q| s.entity(x, q).is_some() || !s.surface(q).starts_with(char::is_uppercase))
            .and_then(|q| Some((q, s.entity(x, q)?)))
            .is_some_and(|(q, e)| {
                x.entities[e].etype == EntityType::Person
                    && !matches!(s.w(s.name_end(x, q)), "'s" | "’s")
            });
        group || person
    };
    // "Bolivia and Peru join the union from the Andean Community": joining a body is
    // membership, not a meeting (joining people or talks is one)
    let joins_body = |trig: usize, len: usize| {
        let mut q = trig + len;
        while s.class(q) == WordClass::Determiner {
            q += 1;
        }
        s.entity(x, q)
            .is_some_and(|e| x.entities[e].etype == EntityType::Organization)
    };
    // "meets the natural born citizen requirement", "met its targets": a thing met
    let met_thing = |trig: usize| {
        (trig + 1..n.min(trig + 7))
            .take_while(|&q| s.entity(x, q).is_none() && s.class(q) != WordClass::Punctuation)
            .any(|q| MET_THINGS.contains(s.w(q)))
    };
    let Some((trig, trigger)) = (0..n)
        .filter_map(|i| MEET.first_at(s.w(i), |p| s.matches(i, p)).map(|t| (i, t)))
        .find(|&(i, t)| {
            (t.words != ["meeting"] || named_meeting(i))
                && !(matches!(t.words[..], ["met"] | ["meets"] | ["meeting"]) && met_thing(i))
                && (!matches!(t.rule, "meet.reception" | "meet.visit") || received_people(i))
                // "have signed on to the agreement": joining a treaty, not a signing together
                && !(t.words[..] == ["signed"] && matches!(s.w(i + 1), "on" | "up"))
                && !(t
                    .words
                    .last()
                    .is_some_and(|w| matches!(*w, "join" | "joins"))
                    && joins_body(i, t.words.len()))
        })
        .or_else(|| Some((gapped?, MEET.find(&["talks", "with"])?)))
    else {
        return;
    };
    let phrase: &[&str] = &trigger.words;
    if blocked(s, trig, false) || put_forward(s, trig) {
        return;
    }
    // "talks with X would continue": talks still to come
    if [
        "talks",
        "meeting",
        "negotiations",
        "discussions",
        "round",
        "rounds",
    ]
    .contains(&s.w(trig))
    {
        // "this will be A's first meeting with B": a meeting still to come
        if (s.clause_start(trig, 8)..trig)
            .any(|q| matches!(s.w(q), "will" | "would") && s.w(q + 1) == "be")
        {
            return;
        }
        // the parties may be a long list: "The meeting between A, of X; B, of Y, and C
        // will be preceded by …"
        let after: Vec<&str> = (trig + 1..n.min(trig + 40))
            .take_while(|&q| s.w(q) != ".")
            .map(|q| s.w(q))
            .collect();
        if let Some(m) = after
            .iter()
            .position(|w| ["would", "will", "could", "may", "might", "are", "is"].contains(w))
        {
            if !after[..m]
                .iter()
                .any(|w| ["that", "said", "after", "before", "."].contains(w))
                && after.get(m + 1).is_some_and(|w| {
                    [
                        "continue",
                        "resume",
                        "begin",
                        "start",
                        "take",
                        "be",
                        "due",
                        "expected",
                        "planned",
                        "scheduled",
                        "set",
                    ]
                    .contains(w)
                })
            {
                return;
            }
        }
    }
    // "negotiations between Hamas and the Israeli government": a meeting between named
    // sides is one only when at least two are named (not one side and the sentence's
    // speaker)
    let between = (trig + 1..n.min(trig + 5))
        .take_while(|&q| !matches!(s.w(q), "," | "." | ";"))
        .find(|&q| s.w(q) == "between");
    let named_after = |q: usize| {
        let mut seen: Vec<usize> = Vec::new();
        for k in (q + 1..n).take_while(|&k| !matches!(s.w(k), "." | ";")) {
            if let Some(e) = s.entity(x, k).filter(|e| !seen.contains(e)) {
                seen.push(e);
            }
        }
        seen.len()
    };
    if between.is_some_and(|q| named_after(q) < 2) {
        return;
    }
    let mut parts: Vec<usize> = Vec::new();
    // organisations named as the counterpart: "met delegations from the House of
    // Representatives", "talks with the FARC" (not an organisation that only qualifies a
    // person's title, nor a news agency)
    let counterpart = |t: usize| -> bool {
        t > trig + phrase.len().saturating_sub(1)
            && t <= trig + phrase.len() + 3
            && (trig + phrase.len()..t)
                .all(|q| !matches!(s.w(q), "," | "." | ";" | "in" | "at" | "on"))
    };
    // "When the royal council met, they acknowledged A as …": a meeting verb with no object
    // has its parties before it
    let intransitive = matches!(s.w(trig + phrase.len()), "," | "." | ";");
    // "met with A, who criticised the planned meeting with B": a relative clause after the
    // parties says something else about them
    let relative = (trig + phrase.len()..n.saturating_sub(1))
        .find(|&q| s.w(q) == "," && matches!(s.w(q + 1), "who" | "which" | "whose"))
        .unwrap_or(n);
    for t in 0..if intransitive { trig } else { relative } {
        if let Some(m) = s.at[t] {
            let mm = &x.mentions[m];
            let org_ok = mm.etype == EntityType::Organization
                && counterpart(t)
                && x.entities[mm.entity]
                    .gaz
                    .is_none_or(|_| !mm.rule.starts_with("credit"))
                && !(t + 1..n.min(t + 6))
                    .take_while(|&q| !matches!(s.w(q), "," | "." | ";" | "and"))
                    .any(|q| s.at[q].is_some_and(|m2| x.mentions[m2].etype == EntityType::Person));
            if mm.etype == EntityType::Person && complement_of_relation(s, x, t) {
                continue;
            }
            if (mm.etype == EntityType::Person || org_ok)
                && !mm.in_quote
                && !parts.contains(&mm.entity)
            {
                parts.push(mm.entity);
            }
        }
        if ["he", "she"].contains(&s.w(t)) && t < trig && t + 3 >= trig {
            if let Some(e) = resolve_pronoun(s, sents, x, t) {
                if !parts.contains(&e) {
                    parts.insert(0, e);
                }
            }
        }
    }
    // "the two leaders were joined by …": the pair named before
    if (0..n.saturating_sub(1)).any(|t| {
        ["two", "both"].contains(&s.w(t))
            && ["leaders", "men", "women", "ministers", "presidents"].contains(&s.w(t + 1))
    }) {
        for e in resolve_pair(sents, x, s.idx.saturating_sub(1)) {
            if !parts.contains(&e) {
                parts.insert(0, e);
            }
        }
    }
    // "received the three ministers": the three people an earlier sentence listed
    if let Some(size) = (0..n).find_map(|t| group_of(s, t).filter(|&k| k >= 3)) {
        for e in resolve_group(sents, x, s.idx, size) {
            if !parts.contains(&e) {
                parts.push(e);
            }
        }
    }
    // "met his Chinese counterpart", "with his French and German counterparts": the
    // article's one official of each country, when no name follows
    for e in counterparts(s, x, trig) {
        if !parts.contains(&e) {
            parts.push(e);
        }
    }
    // "attended by heads of state from A, B and C": countries through their officials
    for e in delegated_countries(s, x) {
        if !parts.contains(&e) {
            parts.push(e);
        }
    }
    // "at the end of the meeting": the meeting an earlier sentence reported, with its host
    if (1..n).any(|t| {
        s.w(t - 1) == "the"
            && MEETING_NOUNS.contains(&s.w(t))
            && !matches!(s.w(t + 1), "with" | "between")
    }) {
        if let Some(h) = earlier_host(sents, x, s.idx) {
            if !parts.contains(&h) {
                parts.push(h);
            }
        }
    }
    // "signed" is a meeting only between people named together (a bare "meeting" was
    // required to name people when the trigger was chosen)
    if phrase == ["signed"] {
        let coordinated_before = coordinated(s, x, trig).len() >= 2;
        // "The deal was signed … by A and B"
        let passive_by = trig > 0
            && ["was", "were", "been"].contains(&s.w(trig - 1))
            && (trig + 1..n.min(trig + 6)).any(|q| s.w(q) == "by");
        // "A signed the agreement with B and C"
        let signed_with = (trig + 1..n.min(trig + 7)).any(|q| s.w(q) == "with");
        if !(coordinated_before || passive_by || signed_with) {
            return;
        }
    }
    // the counterparts after "with": "signed the agreement with A and B", "with the two men",
    // "in separate ceremonies with Turkey and the United Nations"
    // "met with the IMF, then with President Trump": one meeting after the other, the same
    let mut separate = s.words().any(|w| w == "separate" || w == "separately")
        || (trig..n.saturating_sub(1)).any(|q| s.w(q) == "then" && s.w(q + 1) == "with");
    let mut with_objs: Vec<usize> = Vec::new();
    // where the last counterpart's name ends
    let mut last_end: Option<usize> = None;
    let reach = if separate { n } else { n.min(trig + 12) };
    // "met A on Monday and B on Tuesday": a meeting verb's object is its counterparts
    let direct = matches!(phrase, ["met" | "meet" | "meets"]);
    let with = (trig..reach).find(|&q| s.w(q) == "with");
    if let Some(w) = with.or(direct.then_some(trig)) {
        if s.w(w + 1) == "the"
            && ["two", "both"].contains(&s.w(w + 2))
            && ["men", "leaders", "women", "sides", "ministers"].contains(&s.w(w + 3))
        {
            with_objs = resolve_pair(sents, x, s.idx.saturating_sub(1));
        } else {
            let mut q = w + 1;
            while q < n && q < w + 14 && !matches!(s.w(q), "." | ";") {
                if s.w(q) == "," {
                    // "with the US envoy, Robert Malley": the name after the comma
                    let person_next = s
                        .entity(x, q + 1)
                        .is_some_and(|e| x.entities[e].etype == EntityType::Person);
                    if !person_next {
                        break;
                    }
                    q += 1;
                    continue;
                }
                if let Some(e) = s.entity(x, q) {
                    let et = x.entities[e].etype;
                    let qualifies_person = et == EntityType::Organization
                        && (q + 1..n.min(q + 6))
                            .take_while(|&r| !matches!(s.w(r), "," | "." | ";" | "and"))
                            .any(|r| {
                                s.entity(x, r)
                                    .is_some_and(|e2| x.entities[e2].etype == EntityType::Person)
                            });
                    let located = q > 0 && ["in", "at", "on", "near"].contains(&s.w(q - 1));
                    // "the US envoy": a name that only qualifies a title
                    let mut end = q;
                    while end + 1 < n && s.entity(x, end + 1) == Some(e) {
                        end += 1;
                    }
                    let qualifies_title = et != EntityType::Person
                        && s.w(end + 1).chars().all(char::is_lowercase)
                        && s.gaz.is_role(s.w(end + 1));
                    let qualifies_person = qualifies_person || qualifies_title;
                    if et != EntityType::Event
                        && !qualifies_person
                        && !located
                        && !with_objs.contains(&e)
                    {
                        // "spoke with A by phone and B in person", "met A on Monday and
                        // B on Tuesday": each counterpart has its own adjunct, so these
                        // are meetings one after the other
                        separate |= last_end.is_some_and(|p| own_adjunct(s, x, p, q));
                        with_objs.push(e);
                    }
                    last_end = Some(end);
                    q = end;
                }
                q += 1;
            }
        }
    }
    let subj: Vec<usize> = if phrase[0] == "signed" || separate {
        subjects(s, sents, x, trig).into_iter().collect()
    } else {
        Vec::new()
    };
    if phrase[0] == "signed" && !with_objs.is_empty() {
        for &e in subj.iter().chain(with_objs.iter()) {
            if !parts.contains(&e) {
                parts.push(e);
            }
        }
    }
    // "The United States and the Taliban signed …": coordinated countries or organisations
    // that are the subject of the meeting verb take part too
    {
        let k = aux_start(s, trig);
        let subj = coordinated(s, x, k);
        if subj.len() >= 2
            && subj
                .iter()
                .all(|&e| x.entities[e].etype != EntityType::Person)
        {
            for e in subj {
                if x.entities[e].etype != EntityType::Event && !parts.contains(&e) {
                    parts.push(e);
                }
            }
        }
    }
    if parts.len() < 2 {
        return;
    }
    let place = (0..n).find_map(|t| {
        let e = s.entity(x, t)?;
        (t > 0 && ["in", "at"].contains(&s.w(t - 1)) && x.entities[e].etype == EntityType::Place)
            .then_some(e)
    });
    let event = (0..n).find_map(|t| {
        s.entity(x, t)
            .filter(|&e| x.entities[e].etype == EntityType::Event)
    });
    let date = sentence_date(article, s);
    let rule = trigger.rule;
    // separate meetings ("in separate ceremonies with …", "met A and B separately"): each
    // party met the counterparts, not each other, and each meeting is its own record
    let groups: Vec<Vec<usize>> =
        if separate && !subj.is_empty() && parts.iter().any(|p| !subj.contains(p)) {
            // one record per pair: "Russia and Ukraine signed … in separate ceremonies with
            // Turkey and the UN" separates the subjects, "met A and B separately" the others
            parts
                .iter()
                .filter(|p| !subj.contains(p))
                .flat_map(|&b| {
                    subj.iter()
                        .filter(move |&&a| a != b)
                        .map(move |&a| vec![a, b])
                })
                .collect()
        } else {
            vec![parts]
        };
    for group in groups {
        let mi = x.meetings.len();
        x.meetings.push(Meeting {
            participants: Vec::new(),
            place,
            date,
            event,
            sentence: s.idx,
            rule,
        });
        // each participant meets everyone already in the record
        for p in group {
            join_meeting(x, mi, p, s.idx, rule, trigger.confidence);
        }
    }
}

/// Between two counterparts (the first ending at token `prev`, the next starting at
/// `next`): a prepositional phrase that names no person or organisation, then "and" ("A by
/// phone and B", "A on Monday and B", "A in Paris and B").
fn own_adjunct(s: &Sent<'_>, x: &Extraction, prev: usize, next: usize) -> bool {
    let Some(and) = (prev + 1..next).find(|&q| s.w(q) == "and") else {
        return false;
    };
    prev + 1 < and
        && s.class(prev + 1) == WordClass::Preposition
        && s.w(prev + 1) != "of"
        && (prev + 1..and).all(|q| {
            s.entity(x, q)
                .is_none_or(|e| x.entities[e].etype == EntityType::Place)
                && s.w(q) != ","
        })
}

/// Words of a meeting before its "with": `data/lexicon/gapped_meeting_words.txt`.
static GAPPED_MEETING_WORDS: Words = Words::data(include_str!(
    "../../../data/lexicon/gapped_meeting_words.txt"
));

/// Verbs of discussing, a meeting with a person: `data/lexicon/discuss_verbs.txt`.
static DISCUSS_VERBS: Words = Words::data(include_str!("../../../data/lexicon/discuss_verbs.txt"));

/// Nouns for a meeting: "the talks", "the second session".
pub(super) static MEETING_NOUNS: Words =
    Words::data(include_str!("../../../data/lexicon/meeting_nouns.txt"));

/// The host of talks an earlier sentence reported: "following talks hosted by Malaysian
/// Prime Minister Anwar Ibrahim"; "X hosted the talks".
pub(super) fn earlier_host(sents: &[Sent<'_>], x: &Extraction, upto: usize) -> Option<usize> {
    let host = |e: usize| {
        matches!(
            x.entities[e].etype,
            EntityType::Person | EntityType::Organization
        )
    };
    for s in sents[..upto.min(sents.len())].iter().rev() {
        let n = s.len();
        for t in 0..n {
            if !matches!(s.w(t), "hosted" | "hosts") {
                continue;
            }
            if s.w(t + 1) == "by"
                && (t.saturating_sub(3)..t).any(|q| MEETING_NOUNS.contains(&s.w(q)))
            {
                return (t + 2..n.min(t + 8))
                    .take_while(|&q| !matches!(s.w(q), "," | "." | ";"))
                    .find_map(|q| s.entity(x, q).filter(|&e| host(e)));
            }
            if (t + 1..n.min(t + 4)).any(|q| MEETING_NOUNS.contains(&s.w(q))) {
                return coordinated(s, x, t).into_iter().find(|&e| host(e));
            }
        }
    }
    None
}

/// The people "his Chinese counterpart" or "her French and German counterparts" after the
/// trigger at `trig` stand for, when no name follows: for each demonym, the one person of
/// the article who serves that country (none when two do).
fn counterparts(s: &Sent<'_>, x: &Extraction, trig: usize) -> Vec<usize> {
    let n = s.len();
    let Some(c) = (trig + 1..n.min(trig + 10))
        .take_while(|&q| !matches!(s.w(q), "." | ";"))
        .find(|&q| matches!(s.w(q), "counterpart" | "counterparts"))
    else {
        return Vec::new();
    };
    if s.entity(x, c + 1).is_some() || s.w(c + 1) == "," && s.entity(x, c + 2).is_some() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for q in (trig + 1..c).rev() {
        if matches!(s.w(q), "his" | "her" | "their" | "its") {
            break;
        }
        let Some(country) = s.gaz.demonym(s.surface(q)) else {
            continue;
        };
        let mut serving = (0..x.entities.len()).filter(|&e| {
            x.entities[e].etype == EntityType::Person
                && x.entities[e].affiliations.contains(&country)
        });
        if let (Some(one), None) = (serving.next(), serving.next()) {
            out.push(one);
        }
    }
    out
}

/// "called for a new round of talks with B", "offered talks", "proposed a meeting
/// between A and B": a meeting that is the object of a proposal's trigger
/// (`data/frames/propose.txt`), with at most three lower-case words between, is put
/// forward, not held.
fn put_forward(s: &Sent<'_>, trig: usize) -> bool {
    (s.clause_start(trig, 8)..trig).any(|k| {
        PROPOSE
            .first_at(s.w(k), |words| {
                let end = k + words.len();
                end <= trig
                    && trig - end <= 3
                    && s.matches(k, words)
                    && (end..trig).all(|q| {
                        // "urged restraint when she met …": a new clause
                        s.surface(q).starts_with(char::is_lowercase)
                            && s.class(q) != WordClass::Pronoun
                            && !matches!(
                                s.w(q),
                                "in" | "at"
                                    | "during"
                                    | "after"
                                    | "before"
                                    | "on"
                                    | "when"
                                    | "while"
                                    | "as"
                                    | "where"
                            )
                    })
            })
            .is_some()
    })
}

pub(super) fn sentence_date(article: &Article, s: &Sent<'_>) -> Option<chrono::NaiveDate> {
    let anchor = article.published?;
    for t in 0..s.len() {
        if let Some(m) = month_number(s.w(t)).filter(|_| s.w(t).len() >= 3 && s.w(t) != "may") {
            if let Ok(d) = s
                .w(t + 1)
                .trim_end_matches(|c: char| c.is_alphabetic())
                .parse::<u32>()
            {
                return resolve_month_day(anchor, m, d);
            }
        }
        // "on 6 May" (any month, "May" too: after a day's number it is no modal)
        if let Some(m) = month_number(s.w(t + 1)).filter(|_| s.w(t + 1).len() >= 3) {
            if let Ok(d) = s
                .w(t)
                .trim_end_matches(|c: char| c.is_alphabetic())
                .parse::<u32>()
            {
                if (1..=31).contains(&d) {
                    return resolve_month_day(anchor, m, d);
                }
            }
        }
        if s.w(t) == "on" {
            if let Some(wd) = weekday(s.w(t + 1)) {
                return Some(resolve_weekday(anchor, wd));
            }
        }
    }
    None
}

/// Nouns of a text several parties issue together: `data/lexicon/joint_texts.txt`.
static JOINT_TEXTS: Words = Words::data(include_str!("../../../data/lexicon/joint_texts.txt"));

/// "a statement of joint understanding by A and B", "a joint declaration by A and B", "A
/// and B issued a joint statement": the parties who put their names to one text together
/// met; they join the meeting this sentence or an earlier one reports, if any.
pub(super) fn joint_statement(s: &Sent<'_>, sents: &[Sent<'_>], x: &mut Extraction) {
    let n = s.len();
    let Some(j) = (0..n).find(|&t| {
        s.w(t) == "joint"
            && (JOINT_TEXTS.contains(s.w(t + 1))
                || t.checked_sub(2)
                    .is_some_and(|p| JOINT_TEXTS.contains(s.w(p))))
            && !s.tokens[t].quoted
    }) else {
        return;
    };
    if blocked(s, j, false) {
        return;
    }
    // the authors after "by"/"from" within three words, else the subject of the verb
    let by = (j + 1..n.min(j + 4)).find(|&k| matches!(s.w(k), "by" | "from" | "between"));
    let mut authors = match by {
        Some(k) => listed(s, x, k + 1),
        None => (0..j)
            .rev()
            .take(4)
            .find(|&k| {
                matches!(
                    s.w(k),
                    "issued" | "released" | "signed" | "published" | "adopted" | "agreed"
                )
            })
            .map(|v| subjects(s, sents, x, v))
            .unwrap_or_default(),
    };
    // "X issued a joint statement with Y"
    if by.is_none() {
        if let Some(k) = (j + 1..n.min(j + 4)).find(|&k| s.w(k) == "with") {
            authors.extend(listed(s, x, k + 1));
        }
    }
    authors.retain(|&a| x.entities[a].etype != EntityType::Event);
    if authors.len() < 2 {
        return;
    }
    let trigger = Trigger {
        rule: "meet.joint-statement",
        confidence: 0.6,
        starts: Starts::Object,
        words: Vec::new(),
    };
    // a joint statement sentences after the last meeting reported, by authors none of
    // whom took part in it, is not from that meeting ("Turkey and Libya signed … ." … "was
    // condemned in a joint statement by Egypt, Greece and Cyprus")
    let unrelated = x
        .meetings
        .iter()
        .rev()
        .find(|m| m.sentence <= s.idx)
        .is_some_and(|m| {
            m.sentence + 1 < s.idx && !authors.iter().any(|a| m.participants.contains(a))
        });
    if unrelated {
        open_meeting(s, x, &trigger);
    }
    join_or_open_meeting(s, x, &authors, &trigger);
}
