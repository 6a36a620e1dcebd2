//! Typing one capitalised chunk of a sentence: known names whole or in parts, events by
//! their head, organisations by theirs, and titles, honorifics, demonyms and leading common
//! words peeled off the left before what is left is typed (`typing.rs`). Where it sits:
//! called by `detect` for each run of capitalised words; what it pushes are raw mentions.

use super::*;

/// Ordinals that may open an event's name: `data/lexicon/ordinals.txt`.
static ORDINALS: Words = Words::data(include_str!("../../../data/lexicon/ordinals.txt"));

/// A Roman numeral of a name ("II", "VI", "XXI").
pub(super) fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Types one capitalised chunk `[a, b)`, peeling titles and demonyms off its left.
pub(super) fn chunk(ctx: &Ctx<'_>, a: usize, b: usize, out: &mut Vec<RawMention>) {
    if a >= b {
        return;
    }
    if ctx.tok(a) == "The" && b - a > 1 {
        return chunk(ctx, a + 1, b, out);
    }
    // "Leaders of African Union member states", "Ministers of the Arab League": a plural
    // noun for people opens no name; the name starts after "of (the)"
    if b - a >= 3 && ctx.tok(a + 1) == "of" && GROUP_NOUNS.contains(ctx.lower(a)) {
        let start = if ctx.tok(a + 2) == "the" {
            a + 3
        } else {
            a + 2
        };
        return chunk(ctx, start, b, out);
    }
    // "the Senate and House", "the Council and Commission": two bodies named by their
    // head words, not one name
    if b - a == 3
        && ctx.tok(a + 1) == "and"
        && super::short_forms::SHORT_HEADS.contains(ctx.tok(a))
        && super::short_forms::SHORT_HEADS.contains(ctx.tok(a + 2))
    {
        for k in [a, a + 2] {
            out.push(new_raw(
                ctx,
                k,
                k + 1,
                Some(EntityType::Organization),
                "org.head-pair",
            ));
        }
        return;
    }
    if ctx.gaz.lookup(ctx.surface(a, b)).is_none() {
        if let Some(k) = (a + 1..b.saturating_sub(1))
            .rev()
            .find(|&k| ctx.tok(k) == "in")
        {
            if ctx
                .gaz
                .lookup(ctx.surface(k + 1, b))
                .is_some_and(|(_, e)| e.etype == EntityType::Place)
            {
                chunk(ctx, a, k, out);
                chunk(ctx, k + 1, b, out);
                return;
            }
        }
    }
    if let Some((left, right)) = ctx.tok(a).split_once(['-', '–']) {
        // "UN-Arab League": two known names joined by a hyphen (or an en dash)
        let dash = ctx.tok(a)[left.len()..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        let tail_start = ctx.tokens[a].span.start + left.len() + dash;
        let tail = &ctx.text[tail_start..ctx.tokens[b - 1].span.end];
        if ctx.gaz.lookup(ctx.tok(a)).is_none()
            && right.chars().next().is_some_and(char::is_uppercase)
        {
            if let (Some((l, le)), Some((r, re))) = (ctx.gaz.lookup(left), ctx.gaz.lookup(tail)) {
                let start = ctx.tokens[a].span.start;
                let mut m1 = new_raw(ctx, a, a + 1, Some(le.etype), "gazetteer.hyphen-pair");
                m1.span = start..start + left.len();
                m1.name = left.to_string();
                m1.gaz = Some(l);
                let mut m2 = new_raw(ctx, a, b, Some(re.etype), "gazetteer.hyphen-pair");
                m2.span = tail_start..ctx.tokens[b - 1].span.end;
                m2.name = tail.to_string();
                m2.gaz = Some(r);
                out.push(m1);
                out.push(m2);
                return;
            }
        }
    }
    // "Results of National Hockey League games", "Tuesday in Cornell University's arXiv": a
    // capitalised common word and a preposition open no name
    if b - a >= 3
        && (a == 0 && matches!(ctx.tok(a + 1), "of" | "for") || a > 0 && ctx.tok(a + 1) == "in")
        && COMMON_WORDS.contains(&ctx.tok(a))
        && !ORG_HEADS.contains(&ctx.tok(a))
        && !PLACE_HEADS.contains(&ctx.tok(a))
        // "Secretary of Justice Wanda Vázquez": a title stays with its name
        && ctx.role_of[a].is_none()
        && ctx.gaz.lookup(ctx.surface(a, b)).is_none()
    {
        return chunk(ctx, a + 2, b, out);
    }
    let whole = ctx.surface(a, b);
    // 1. The whole chunk is a known name, or an organisation / event by its head.
    if let Some((id, e)) = ctx.gaz.lookup(whole) {
        // "Britain's Europe minister", "our Asia correspondent": a region before a
        // lower-case title is the title's portfolio, no mention of the place (a state's
        // is: "the Texas governor")
        if e.kind == EntryKind::Region
            && b < ctx.tokens.len()
            && ctx.role_of[b].is_some_and(|(_, hon)| !hon)
            && !ctx.is_cap(b)
        {
            return;
        }
        if !(b - a == 1 && COMMON_WORDS.contains(&whole)) {
            push_gaz(ctx, a, b, id, e.etype, out);
            return;
        }
    }
    if ctx.title_case {
        // In a title-case headline only known names count; try the parts.
        split_known(ctx, a, b, out);
        return;
    }
    // "the United Nations Nikki Haley": a known name of two or more words, then a name of
    // two or more unknown words
    if let Some(k) = (a + 2..b.saturating_sub(1)).rev().find(|&k| {
        ctx.gaz.lookup(ctx.surface(a, k)).is_some()
            && (k..b).all(|q| ctx.is_cap(q) && ctx.role_of[q].is_none())
            && ctx.gaz.lookup(ctx.surface(k, b)).is_none()
    }) {
        if let Some((id, e)) = ctx.gaz.lookup(ctx.surface(a, k)) {
            push_gaz(ctx, a, k, id, e.etype, out);
            chunk(ctx, k, b, out);
            return;
        }
    }
    // "World War II": an event head and its number
    let numbered = b - a >= 3
        && is_roman(ctx.tok(b - 1))
        && EVENT_HEADS.contains(&ctx.tok(b - 2).to_lowercase().as_str());
    let last = if numbered {
        ctx.tok(b - 2)
    } else {
        ctx.tok(b - 1)
    };
    let named_event = (EVENT_HEADS.contains(&last.to_lowercase().as_str())
        || NAMED_EVENT_HEADS.contains(last))
        && last.chars().next().is_some_and(char::is_uppercase)
        || EVENT_PREFIXES.contains(ctx.tok(a)) && a + 1 < b && ctx.is_cap(a + 1);
    if b - a >= 2
        && named_event
        && (!COMMON_WORDS.contains(&ctx.tok(a)) || ORDINALS.contains(ctx.tok(a)))
    {
        let mut m = new_raw(ctx, a, b, Some(EntityType::Event), "event.capitalised");
        m.event_key = Some(format!(
            "evt:{}",
            crate::extract::gazetteer::name_key(whole)
        ));
        out.push(m);
        return;
    }
    if b - a >= 2
        && DIRECTIONS.contains(&ctx.tok(a))
        && PLACE_HEADS.contains(&ctx.tok(b - 1))
        && !(a..b).any(|k| matches!(ctx.tok(k), "and" | "&" | "of" | "in"))
    {
        out.push(new_raw(
            ctx,
            a,
            b,
            Some(EntityType::Place),
            "place.direction",
        ));
        return;
    }
    let head_first = b - a >= 3
        && is_head(ctx, a, &ORG_HEADS)
        && ![
            "Representatives",
            "Deputies",
            "Delegates",
            "Lords",
            "Commons",
        ]
        .contains(&ctx.tok(a))
        && ["of", "for", "on", "to"].contains(&ctx.tok(a + 1));
    // "European Council President Charles Michel": an organisation, a title, a name
    if let Some(r) = (a + 1..b.saturating_sub(1)).find(|&r| {
        ctx.role_of[r].is_some_and(|(_, hon)| !hon)
            && ctx.tok(r).chars().next().is_some_and(char::is_uppercase)
            && has_head(ctx, a, r, &ORG_HEADS)
            && !ORG_CONNECTORS.contains(&ctx.tok(r - 1))
            && !["Representatives", "Deputies", "Delegates"].contains(&ctx.tok(a))
            && ctx.role_hit_end(r).is_some_and(|e| e < b)
    }) {
        chunk(ctx, a, r, out);
        chunk(ctx, r, b, out);
        if let (Some(org), Some(person)) = (
            out.iter().rposition(|m| {
                m.span.end <= ctx.tokens[r - 1].span.end
                    && m.etype == Some(EntityType::Organization)
            }),
            out.len().checked_sub(1),
        ) {
            if out[person].etype == Some(EntityType::Person)
                && out[org].gaz.is_some()
                && out[person].affiliation.is_none()
            {
                out[person].affiliation = out[org].gaz;
            }
        }
        return;
    }
    // an adjective that opens an organisation's name: "Supreme National Security Council"
    let adjective_led = b - a >= 3
        && ORG_HEADS.contains(&ctx.tok(b - 1))
        && COMMON_WORDS.contains(&ctx.tok(a))
        && ![
            "The", "A", "An", "In", "On", "At", "For", "But", "And", "After", "Before", "While",
            "When", "If", "As", "Under", "By", "From", "To", "With", "Former", "Acting",
        ]
        .contains(&ctx.tok(a))
        && ctx.role_of[a].is_none();
    // "Tom Vale of Brennan University": a person's name (a given name, then another word)
    // before "of" and the body; not "Georgia Institute of Technology", headed before "of"
    let person_of = (a + 2..b)
        .find(|&k| ORG_CONNECTORS.contains(&ctx.tok(k)))
        .is_some_and(|k| ctx.tok(k) == "of" && person_before_connector(ctx, a, k));
    if b - a >= 2
        && !person_of
        && (!COMMON_WORDS.contains(&ctx.tok(a)) || head_first || adjective_led)
        && (ctx.role_of[a].is_none() || head_first)
        && (has_head(ctx, a + 1, b, &ORG_HEADS) || head_first)
        && ctx.gaz.demonym(ctx.tok(b - 1)).is_none()
        && !(a + 1..b).any(|k| {
            matches!(ctx.tok(k), "and" | "&") && ctx.gaz.lookup(ctx.surface(a, k)).is_some()
        })
    {
        let start = if ctx.tok(a) == "The" { a + 1 } else { a };
        // "the Andean Community Allan Wagner": an organisation's name, then a person's (two or
        // more capitalised words after the last head, none of them a head or connector)
        if let Some(h) = (a + 1..b).rev().find(|&k| ORG_HEADS.contains(&ctx.tok(k))) {
            if b - h > 2
                && (h + 1..b).all(|k| {
                    ctx.is_cap(k)
                        && ctx.role_of[k].is_none()
                        && !PLACE_HEADS.contains(&ctx.tok(k))
                        && ctx.gaz.lookup(ctx.tok(k)).is_none()
                })
            {
                out.push(new_raw(
                    ctx,
                    start,
                    h + 1,
                    Some(EntityType::Organization),
                    "org.head",
                ));
                let before = out.len();
                chunk(ctx, h + 1, b, out);
                let org = ctx.gaz.lookup(ctx.surface(start, h + 1)).map(|x| x.0);
                for m in &mut out[before..] {
                    if m.etype == Some(EntityType::Person) {
                        m.person_cue = true;
                        m.affiliation = m.affiliation.or(org);
                    }
                }
                return;
            }
        }
        // "Organization for Security and Cooperation in Europe", "Syrian Observatory for Human Rights"
        out.push(new_raw(
            ctx,
            start,
            b,
            Some(EntityType::Organization),
            "org.head",
        ));
        return;
    }
    // 2. "A and B", "A & B": two names unless a head makes them one ("… Security and Cooperation …")
    if let Some(k) = (a + 1..b - 1).find(|&k| matches!(ctx.tok(k), "and" | "&")) {
        let left_known =
            ctx.gaz.lookup(ctx.surface(a, k)).is_some() || ctx.gaz.lookup(ctx.tok(k - 1)).is_some();
        let headed = has_head(ctx, a, b, &ORG_HEADS);
        if !headed || left_known {
            chunk(ctx, a, k, out);
            chunk(ctx, k + 1, b, out);
            return;
        }
    }
    // 3. Peel titles, honorifics, demonyms and leading common words.
    let mut p = a;
    let mut honorific = None;
    let mut role = None;
    let mut affiliation = None;
    while p < b {
        if let Some(end) = ctx.role_hit_end(p) {
            // "the Defence Secretary": a title alone names no one
            if end == b && ctx.role_of[p].is_some_and(|(_, hon)| !hon) {
                return;
            }
            if end < b {
                let hit = ctx.surface(p, end).to_string();
                if ctx.role_of[p].is_some_and(|r| r.1) {
                    honorific = Some(hit);
                } else {
                    role = Some(hit.to_lowercase());
                }
                p = end;
                continue;
            }
        }
        let t = ctx.tok(p);
        if p + 2 < b && ctx.is_cap(p + 2) {
            if let Some(c) = ctx.gaz.demonym(ctx.surface(p, p + 2)) {
                affiliation = Some(c);
                p += 2;
                continue;
            }
        }
        if p + 1 < b && ctx.is_cap(p + 1) {
            if let Some(c) = ctx.gaz.demonym(t) {
                // a country's own name used as an adjective ("US Secretary of State") is
                // also a mention of the country
                if let Some((id, e)) = ctx
                    .gaz
                    .lookup(t)
                    .filter(|(_, e)| e.kind == EntryKind::Country)
                {
                    push_gaz(ctx, p, p + 1, id, e.etype, out);
                }
                affiliation = Some(c);
                p += 1;
                continue;
            }
            // "US Secretary of State …", "IAEA Director General …": a name before a title
            if let Some(q) = (p + 1..b).rev().find(|&q| {
                ctx.role_hit_end(q).is_some() && ctx.gaz.lookup(ctx.surface(p, q)).is_some()
            }) {
                if let Some((id, e)) = ctx.gaz.lookup(ctx.surface(p, q)) {
                    push_gaz(ctx, p, q, id, e.etype, out);
                    affiliation = Some(id);
                    p = q;
                    continue;
                }
            }
        }
        // "Regional Governor X", "Health Minister X": a word of no name before a title is
        // the title's; with nothing after the title, the chunk names no one
        if p + 1 < b
            && role.is_none()
            && honorific.is_none()
            && ctx.tokens[p].class == WordClass::Name
            && !is_acronym(t)
            && !ORG_HEADS.contains(t)
            && ctx.gaz.lookup(t).is_none()
            && ctx.role_of[p].is_none()
        {
            if let Some(e) = ctx
                .role_hit_end(p + 1)
                .filter(|_| ctx.role_of[p + 1].is_some_and(|(_, hon)| !hon))
            {
                if e == b {
                    return;
                }
                p += 1;
                continue;
            }
        }
        // an unknown acronym before a title: "CIA Director William Burns"
        if p + 2 < b
            && is_acronym(t)
            && ctx.role_hit_end(p + 1).is_some()
            && ctx.gaz.lookup(t).is_none()
        {
            out.push(new_raw(
                ctx,
                p,
                p + 1,
                Some(EntityType::Organization),
                "org.acronym",
            ));
            p += 1;
            continue;
        }
        let name_goes_on = p + 2 < b && ["of", "for"].contains(&ctx.tok(p + 1));
        if (COMMON_WORDS.contains(&t) && !name_goes_on) || t.chars().all(|c| c.is_ascii_digit()) {
            p += 1;
            continue;
        }
        // "On Sunday", "Our Lady": a capitalised closed-class word opens no name
        if p == a
            && p + 1 < b
            && matches!(
                ctx.tokens[p].class,
                WordClass::Preposition
                    | WordClass::Determiner
                    | WordClass::Conjunction
                    | WordClass::Pronoun
                    | WordClass::Auxiliary
            )
        {
            p += 1;
            continue;
        }
        // "Dane Henrik Lund": a person's nation before a name of two or more words
        // "Ethiopians Dejene Debela": the people of a nation, in the plural
        let plural_demonym = t
            .strip_suffix('s')
            .is_some_and(|d| ctx.gaz.demonym(d).is_some());
        if (DEMONYM_NOUNS.contains(t) || plural_demonym) && b >= p + 3 && role.is_none() {
            p += 1;
            continue;
        }
        // "Republican Representative Francis Rooney": a party adjective before a title;
        // "Republican Kevin McCarthy": before a name of two or more words
        if PARTY_ADJECTIVES.contains(t)
            && (ctx.role_hit_end(p + 1).is_some()
                || p == a && b >= p + 3 && !has_head(ctx, p + 1, b, &ORG_HEADS))
        {
            p += 1;
            continue;
        }
        // "During the Tuesday meeting": a connector left after a peeled word opens no name
        if p > a
            && role.is_none()
            && honorific.is_none()
            && matches!(t, "the" | "of" | "for" | "and" | "&")
        {
            p += 1;
            continue;
        }
        break;
    }
    if p >= b {
        return;
    }
    if p > a && (role.is_some() || honorific.is_some()) && !ctx.is_cap(p) {
        // "the President of Brazil", "Secretary General of the Andean Community": the title
        // of a country or body, no name; what follows it is read on its own
        let mut q = p + 1;
        while q < b && !ctx.is_cap(q) {
            q += 1;
        }
        // "Minister of Economy Richard Sulík": a portfolio no gazetteer knows, then a name
        let portfolio = if q + 1 < b && ctx.tok(q + 1) == "Affairs" {
            2
        } else {
            1
        };
        if let Some(r) = role.as_deref().filter(|_| {
            q == p + 1
                && matches!(ctx.tok(p), "of" | "for")
                && b >= q + portfolio + 2
                && (q..b).all(|k| ctx.is_cap(k) && ctx.gaz.lookup(ctx.tok(k)).is_none())
                && !has_head(ctx, q, b, &ORG_HEADS)
        }) {
            let role = format!("{r} {} {}", ctx.tok(p), ctx.surface(q, q + portfolio));
            typed(
                ctx,
                q + portfolio,
                b,
                honorific,
                Some(role.to_lowercase()),
                affiliation,
                out,
            );
            return;
        }
        chunk(ctx, q, b, out);
        return;
    }
    if p > a {
        // what is left may itself be a known name ("President Obama" → "Obama")
        if let Some((id, e)) = ctx.gaz.lookup(ctx.surface(p, b)) {
            if honorific.is_none() && role.is_none() {
                push_gaz(ctx, p, b, id, e.etype, out);
                return;
            }
        }
    }
    // 3. Connectors split a chunk that is no organisation name ("Fabius of France").
    if let Some(k) = (p + 1..b).find(|&k| ORG_CONNECTORS.contains(&ctx.tok(k))) {
        // "Representatives of President X": people sent by a name, read on its own
        if k == p + 1 && ctx.tok(k) == "of" && GROUP_NOUNS.contains(ctx.lower(p)) {
            chunk(ctx, k + 1, b, out);
            return;
        }
        // "Professor Ann Moss of Imperial College London": a person before the connector
        // (a title, or a given name opening two or more words) is no part of the body after
        let person_before =
            role.is_some() || honorific.is_some() || person_before_connector(ctx, p, k);
        let org = has_head(ctx, p, k, &ORG_HEADS)
            || has_head(ctx, p, b, &ORG_HEADS) && ctx.tok(k) != "in" && !person_before;
        let place_of = ctx.tok(k) == "of"
            && (has_head(ctx, p, k, &PLACE_HEADS) || PLACE_PREFIXES.contains(&ctx.tok(p)));
        if !org && !place_of {
            typed(ctx, p, k, honorific, role, affiliation, out);
            chunk(ctx, k + 1, b, out);
            return;
        }
        // "the Strait of Hormuz on Monday": a place's "of" joins, the next connector splits
        if place_of && !org {
            if let Some(k2) = (k + 2..b).find(|&q| ORG_CONNECTORS.contains(&ctx.tok(q))) {
                typed(ctx, p, k2, honorific, role, affiliation, out);
                chunk(ctx, k2 + 1, b, out);
                return;
            }
        }
    }
    typed(ctx, p, b, honorific, role, affiliation, out);
}

/// Whether `a..k`, before a connector, is a person's name: a given name opening two or more
/// words, and no organisation head among them ("Tom Vale of Brennan University"; not
/// "Georgia Institute of Technology").
fn person_before_connector(ctx: &Ctx<'_>, a: usize, k: usize) -> bool {
    k >= a + 2
        && super::evidence::GIVEN_NAMES.contains(ctx.tok(a))
        && !has_head(ctx, a, k, &ORG_HEADS)
}

/// In title-case text: known names only, longest first.
fn split_known(ctx: &Ctx<'_>, a: usize, b: usize, out: &mut Vec<RawMention>) {
    let mut p = a;
    while p < b {
        let found = (p + 1..=b).rev().find_map(|q| {
            let s = ctx.surface(p, q);
            ctx.gaz
                .lookup(s)
                .filter(|_| !(q - p == 1 && COMMON_WORDS.contains(&s)))
                // a headline in capitals names no small town ("BUSH MEETS …" is no Būsh)
                .filter(|(_, e)| {
                    !matches!(e.kind, EntryKind::City { capital_of: None })
                        || e.population >= SMALL_TOWN
                })
                .map(|(id, e)| (q, id, e.etype))
        });
        if let Some((q, id, et)) = found {
            push_gaz(ctx, p, q, id, et, out);
            p = q;
        } else {
            p += 1;
        }
    }
}
