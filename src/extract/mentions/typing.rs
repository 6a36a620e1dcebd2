//! Typing a chunk of capitalised words: a person, place, organisation or nothing, from
//! the gazetteer, titles and roles, head words, the words around it and its shape.

use super::*;

pub(super) fn locative_before(ctx: &Ctx<'_>, a: usize) -> bool {
    a > 0
        && ["in", "at", "near", "outside", "inside"]
            .contains(&ctx.tok(a - 1).to_lowercase().as_str())
}

pub(super) fn is_place_context(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let after = b < ctx.tokens.len() && PLACE_NOUNS.contains(&ctx.lower(b));
    let of_before = a >= 2 && ctx.tok(a - 1) == "of" && PLACE_NOUNS.contains(&ctx.lower(a - 2));
    after || of_before
}

/// Types the core of a chunk once titles are peeled.
pub(super) fn typed(
    ctx: &Ctx<'_>,
    a: usize,
    b: usize,
    honorific: Option<String>,
    role: Option<String>,
    affiliation: Option<usize>,
    out: &mut Vec<RawMention>,
) {
    if a >= b {
        return;
    }
    // A known place in front of a name: "for Syria Lakhdar Brahimi", "to Ukraine Mikhail
    // Zurabov"; a state or region after "from"/"of": "Senator from Vermont Bernie Sanders"
    if b - a >= 3 && honorific.is_none() {
        if let Some((id, e)) = ctx.gaz.lookup(ctx.tok(a)) {
            let region_of = matches!(e.kind, EntryKind::Region | EntryKind::Division)
                && a > 0
                && matches!(ctx.tok(a - 1), "from" | "of");
            if (e.kind == EntryKind::Country || region_of)
                && ctx.gaz.lookup(ctx.surface(a, a + 2)).is_none()
                && !has_head(ctx, a + 1, b, &PLACE_HEADS)
                && !has_head(ctx, a + 1, b, &ORG_HEADS)
            {
                push_gaz(ctx, a, a + 1, id, e.etype, out);
                return typed(ctx, a + 1, b, honorific, role, affiliation, out);
            }
        }
    }
    if honorific.is_none() && role.is_none() {
        if let Some((id, e)) = ctx.gaz.lookup(ctx.surface(a, b)) {
            if !(b - a == 1 && COMMON_WORDS.contains(&ctx.tok(a))) {
                push_gaz(ctx, a, b, id, e.etype, out);
                return;
            }
        }
    }
    let n = b - a;
    let first = ctx.tok(a);
    let last = ctx.tok(b - 1);
    // "BBC Sport", "CNN International": a known organisation's name and one more word
    if n == 2 && honorific.is_none() && role.is_none() {
        if let Some((_, e)) = ctx.gaz.lookup(first) {
            if e.etype == EntityType::Organization && ctx.is_cap(a + 1) {
                out.push(new_raw(
                    ctx,
                    a,
                    b,
                    Some(EntityType::Organization),
                    "org.of-known",
                ));
                return;
            }
        }
    }
    // "Prosecutors said", "The Commission said": a title or a body's head word alone
    if n == 1
        && honorific.is_none()
        && (ORG_HEADS.contains(first)
            || ctx.gaz.is_role(ctx.lower(a))
            || ctx.gaz.is_role(ctx.lower(a).trim_end_matches('s')))
    {
        return;
    }
    // "ICE HOCKEY - …": a sport named by a headline is no name
    if super::evidence::SPORTS.contains(&ctx.surface(a, b).to_lowercase()) && honorific.is_none() {
        return;
    }
    // "European nations", "Middle Eastern disputes": an adjective is no name
    if ADJECTIVES.contains(ctx.surface(a, b)) && honorific.is_none() && role.is_none() {
        return;
    }
    // "the Gulf", "Center": a place's head word alone
    if n == 1 && honorific.is_none() && role.is_none() && PLACE_HEADS.contains(first) {
        return;
    }
    if n == 1
        && (COMMON_WORDS.contains(&first)
            || ctx.gaz.demonym(first).is_some()
            || first
                .strip_suffix('s')
                .is_some_and(|d| ctx.gaz.demonym(d).is_some()))
    {
        return;
    }
    // "East African", "Southeast Asian": the adjective of a known region names nothing
    if n >= 2
        && ctx.surface(a, b).strip_suffix('n').is_some_and(|region| {
            ctx.gaz
                .lookup(region)
                .is_some_and(|(_, e)| e.etype == EntityType::Place)
        })
    {
        return;
    }
    // "Hong Kongers", "a New Yorker": the people of a place, not a name
    let surface = ctx.surface(a, b);
    let people_of = |place: &str| {
        ctx.gaz
            .lookup(place)
            .is_some_and(|(_, e)| e.etype == EntityType::Place)
    };
    if surface.strip_suffix("ers").is_some_and(people_of)
        || surface.strip_suffix("er").is_some_and(people_of)
    {
        return;
    }
    let parts: Vec<&str> = surface.split([' ', '-']).collect();
    let tail2 = if parts.len() >= 2 {
        format!("{} {}", parts[parts.len() - 2], parts[parts.len() - 1])
    } else {
        String::new()
    };
    if ctx.gaz.demonym(surface).is_some()
        || ctx.gaz.demonym(last).is_some()
        || parts
            .last()
            .is_some_and(|p| ctx.gaz.demonym(p).is_some() || ADJECTIVES.contains(p))
        || ctx.gaz.demonym(&tail2).is_some()
    {
        // "North Korean", "US-South Korean", "Muslim-majority African": adjectives, not names
        return;
    }
    let next_lower = if b < ctx.tokens.len() {
        ctx.lower(b)
    } else {
        ""
    };
    let next2 = if b + 1 < ctx.tokens.len() {
        format!("{next_lower} {}", ctx.lower(b + 1))
    } else {
        String::new()
    };
    // lowercase role right before, possibly after "the" or a comma: "envoy Lakhdar Brahimi"
    let mut left_role = None;
    let mut left_aff = None;
    {
        let mut k = a;
        while k > 0 && matches!(ctx.tok(k - 1), "," | "the") {
            k -= 1;
        }
        if k > 0 {
            if let Some((h, hon)) = ctx.role_of[k - 1] {
                let hit = &ctx.roles[h];
                if !hon {
                    left_role = Some(ctx.text[hit.span.clone()].to_lowercase());
                    // the country or organisation before the role: "Russian counterpart", "UN envoy"
                    if let Some(r) = (0..k - 1)
                        .rev()
                        .find(|&r| ctx.tokens[r].span.end <= hit.span.start)
                    {
                        let w = ctx.tok(r);
                        left_aff = ctx
                            .gaz
                            .demonym(w)
                            .or_else(|| ctx.gaz.lookup(w).map(|x| x.0));
                        if r > 0 && matches!(w, "'s" | "’s") {
                            left_aff = ctx.gaz.lookup(ctx.tok(r - 1)).map(|x| x.0);
                        }
                    }
                }
            }
        }
    }
    let speech_near = (b < ctx.tokens.len() && SPEECH_VERBS.contains(next_lower))
        || (a > 0 && SPEECH_VERBS.contains(&ctx.tok(a - 1)));
    let mut m = new_raw(ctx, a, b, None, "name");
    m.honorific = honorific.clone();
    m.role = role.clone().or(left_role.clone());
    m.affiliation = affiliation.or(left_aff);
    let person_cue = honorific.is_some() || role.is_some() || left_role.is_some();
    m.person_cue = person_cue || speech_near;
    let coordinated_place =
        a >= 3 && ctx.tok(a - 1) == "and" && locative_before(ctx, a - 2) && ctx.is_cap(a - 2);
    let in_place = n == 1
        && a > 0
        && ["in", "near", "outside", "inside"].contains(&ctx.tok(a - 1))
        && !LANGUAGES.contains(&first)
        && !speech_near
        && first.chars().filter(|c| c.is_alphabetic()).count() >= 4;
    let at_the = !DIRECTIONS.contains(&first)
        && a >= 2
        && ctx.tok(a - 1) == "the"
        && ["at", "in", "inside", "outside"].contains(&ctx.tok(a - 2))
        && n == 1
        && !speech_near;
    // "Strait of Hormuz", "Gulf of Aden": a place head, "of", a name
    let head_of = n >= 3 && PLACE_HEADS.contains(first) && ctx.tok(a + 1) == "of";
    let place_context = head_of
        || is_place_context(ctx, a, b)
        || coordinated_place
        || at_the
        || in_place
        || (n >= 2 && DIRECTIONS.contains(&first))
        || PLACE_PREFIXES.contains(&first)
        || (n >= 2 && PLACE_HEADS.contains(&last));
    // "published (on Tuesday) in Science Advances": a journal, not a place
    let published_in = a > 1
        && ctx.tok(a - 1) == "in"
        && (2..=4).any(|k| a >= k && ctx.lower(a - k) == "published");
    // "the airline Nordavia said", "shares in Kessler": a noun before the name that only an
    // organisation takes, whatever verb follows
    let org_noun_before = a > 0 && ORG_NOUNS_BEFORE.contains(ctx.tok(a - 1))
        || a > 1 && ORG_NOUNS_BEFORE.contains(&ctx.surface(a - 2, a).to_lowercase())
        || published_in
        || org_example(ctx, a);
    // "chief strategist at Daiwa Securities": the place of a role is its employer
    // (not "a speaker at Paul's rally": a possessive names the event's owner)
    // "analysts at Morgan Stanley": people who work there (data/lexicon/staff_at.txt)
    let employer = a > 1
        && ctx.tok(a - 1) == "at"
        && (ctx.role_of[a - 2].is_some_and(|(_, hon)| !hon) || STAFF_AT.contains(ctx.lower(a - 2)))
        && !matches!(next_lower, "'s" | "’s");
    let org_context =
        ORG_NOUNS.contains(next_lower) || ORG_NOUNS.contains(&next2.as_str()) || org_noun_before;
    if !person_cue
        && b < ctx.tokens.len()
        && VENUE_NOUNS.contains(next_lower)
        && ctx.tok(b).chars().all(char::is_lowercase)
    {
        let mut v = new_raw(ctx, a, b + 1, Some(EntityType::Place), "place.venue");
        v.name = format!("{} {}", ctx.surface(a, b), ctx.tok(b));
        out.push(v);
        return;
    }
    // a title before a place's name is the namesake's: "Sultan Qaboos Grand Mosque",
    // "King Fahd International Airport" are places
    let named_after = n >= 2 && PLACE_HEADS.contains(&last);
    if named_after {
        // the title is part of the place's name
        if let Some(r) = role.as_deref() {
            let k = r.split_whitespace().count();
            if a >= k && ctx.surface(a - k, a).eq_ignore_ascii_case(r) {
                out.push(new_raw(
                    ctx,
                    a - k,
                    b,
                    Some(EntityType::Place),
                    "place.named-after",
                ));
                return;
            }
        }
    }
    if (n >= 2 && !person_cue || n == 1 && role.is_some()) && NONNAME_HEADS.contains(last) {
        // "Executive Order", "Christmas Day": a capitalised phrase that names nothing
        return;
    }
    m.etype = if result_line(ctx, a, b) {
        // "Northbridge United 2 Ashford Rovers 1": the sides of a result
        m.rule = "org.result-line";
        Some(EntityType::Organization)
    } else if person_cue && !named_after {
        Some(EntityType::Person)
    } else if n >= 2 && ORG_SUFFIXES.contains(last) {
        m.rule = "org.suffix";
        Some(EntityType::Organization)
    } else if n >= 2 && ORG_OPENERS.contains(first) {
        m.rule = "org.opener";
        Some(EntityType::Organization)
    } else if place_context && !org_noun_before && !employer {
        m.rule = "place.cue";
        Some(EntityType::Place)
    } else if n == 1 && is_acronym(first) {
        m.rule = "org.acronym";
        Some(EntityType::Organization)
    } else if (org_context && !speech_near || org_noun_before || employer) && !(n == 1 && a == 0) {
        m.rule = "org.cue";
        Some(EntityType::Organization)
    } else if n >= 2 && locative_before(ctx, a) {
        m.rule = "place.locative";
        Some(EntityType::Place)
    } else if n >= 2 && person_shaped(ctx, a, b) {
        m.rule = "person.shape";
        Some(EntityType::Person)
    } else {
        None
    };
    if m.etype == Some(EntityType::Person) && m.rule == "name" {
        m.rule = if honorific.is_some() {
            "person.honorific"
        } else if person_cue {
            "person.title"
        } else {
            "person.shape"
        };
    }
    out.push(m);
}

/// "German firms including A, B, and C", "carmakers such as A and B": a name in a list
/// that the plural of an organisation noun (`org_nouns_before.txt`) introduces by example.
fn org_example(ctx: &Ctx<'_>, a: usize) -> bool {
    // back over the list's earlier names, commas and "and"
    let mut k = a;
    while k > 0 && (matches!(ctx.tok(k - 1), "," | "and") || ctx.is_cap(k - 1)) {
        k -= 1;
    }
    let intro = if k >= 1 && ctx.lower(k - 1) == "including" {
        k - 1
    } else if k >= 2 && ctx.lower(k - 1) == "as" && ctx.lower(k - 2) == "such" {
        k - 2
    } else {
        return false;
    };
    let Some(plural) = intro.checked_sub(1).map(|q| ctx.lower(q)) else {
        return false;
    };
    let singular = plural
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| plural.strip_suffix('s').map(str::to_string));
    singular.is_some_and(|w| ORG_NOUNS_BEFORE.contains(w.as_str()))
}

/// Whether a chunk that nothing but its shape would make a person can be a person's name:
/// no digit, no closed-class or lower-case word other than a name particle, no Roman
/// numeral, and a last word without the ending of an abstract or plural noun ("Common
/// Prosperity", "Cluster Munitions", "Article VI", "On Sunday").
fn person_shaped(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let no_name_word = (a..b).any(|k| {
        let class = ctx.tokens[k].class;
        let w = ctx.tok(k);
        // "de", "al-Rabie": particles, alone or joined to the name
        let particle = ctx.lower(k).split('-').next().unwrap_or_default();
        if PARTICLES.contains(particle) {
            return false;
        }
        let roman = w.len() >= 2 && is_roman(w);
        // "Theresa May", "Will Smith": modals that are also names
        let modal_name = matches!(ctx.lower(k), "may" | "will" | "can");
        w.chars().any(|c| c.is_ascii_digit())
            || w.chars().next().is_some_and(char::is_lowercase)
            || roman
            || matches!(
                class,
                WordClass::Preposition
                    | WordClass::Determiner
                    | WordClass::Conjunction
                    | WordClass::Pronoun
                    | WordClass::Number
            )
            || class == WordClass::Auxiliary && !modal_name
    });
    // "SpaceX Crew Dragon", "JPMorgan Chase": a word with a capital inside (not "McAllister",
    // "DeSantis") is a brand's or a company's
    let camel = (a..b).any(|k| camel_case(ctx.tok(k)));
    // "Group C": a head word and a letter ("Stefan W" is a name cut short)
    let lettered = ctx.tok(b - 1).len() == 1
        && [&ORG_HEADS, &PLACE_HEADS, &NONNAME_HEADS, &NAMED_EVENT_HEADS]
            .iter()
            .any(|h| h.contains(ctx.tok(a)));
    let abstract_noun = ABSTRACT_SUFFIXES.ends_any(ctx.lower(b - 1));
    // "SACN Summit", "World War": the head word of an event ends no person's name
    let event_head = EVENT_HEADS.contains(ctx.lower(b - 1))
        || b - a >= 2 && NAMED_EVENT_HEADS.contains(ctx.tok(b - 1));
    !(no_name_word || lettered || abstract_noun || event_head || camel || table_header(ctx, a, b))
}

/// A word with a capital after a lower-case letter, not a surname's prefix: "SpaceX",
/// "JPMorgan", "PayPal" (not "McAllister", "MacArthur", "DeSantis", "LeBron", "O'Neill").
fn camel_case(w: &str) -> bool {
    let prefixed = [
        "Mc", "Mac", "De", "Di", "Da", "Le", "La", "Van", "Von", "Du", "St",
    ]
    .iter()
    .any(|p| {
        w.strip_prefix(p)
            .is_some_and(|r| r.starts_with(char::is_uppercase))
    });
    !prefixed
        && w.starts_with(char::is_uppercase)
        && w.chars()
            .zip(w.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// The bounds of the line of the text that holds byte `at`.
pub(super) fn line_of(text: &str, at: usize) -> std::ops::Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// A line of its own followed by a line with figures: the header of a table ("Grain
/// Price Range" over "Wheat 212.50 215.75").
fn table_header(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    let (start, end) = (ctx.tokens[a].span.start, ctx.tokens[b - 1].span.end);
    let line = line_of(ctx.text, start);
    if !ctx.text[line.start..start].trim().is_empty() || !ctx.text[end..line.end].trim().is_empty()
    {
        return false;
    }
    let next = line.end + 1;
    next < ctx.text.len() && {
        let l = line_of(ctx.text, next);
        ctx.text[l].bytes().any(|c| c.is_ascii_digit())
    }
}

/// Whether the chunk is a side of a result line: a line of exactly a name, a score, a
/// name and a score ("Northbridge United 2 Ashford Rovers 1").
fn result_line(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    if b >= ctx.tokens.len() || ctx.tokens[b].class != WordClass::Number {
        return false;
    }
    let start = ctx.tokens[a].span.start;
    let line = line_of(ctx.text, start);
    let classes: Vec<bool> = ctx
        .tokens
        .iter()
        .filter(|t| t.span.start >= line.start && t.span.end <= line.end)
        .map(|t| t.class == WordClass::Number)
        .collect();
    // runs: name words, a number, name words, a number
    let mut runs = Vec::new();
    for c in classes {
        if runs.last() != Some(&c) {
            runs.push(c);
        }
    }
    runs == [false, true, false, true] && (a..b).all(|k| ctx.is_cap(k))
}
