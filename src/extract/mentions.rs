//! Mention detection in one sentence: capitalised chunks are cut at titles, demonyms and
//! connectors, then typed by the gazetteer, by their head word ("… Agency", "… Palace",
//! "… War"), by the words around them (a role before, "district" after, "in" before) or by
//! their shape (two to four capitalised words are a person's name). Events are a place or
//! a capitalised word before an event head ("the Geneva talks", "Syrian civil war").

mod typing;

use typing::*;

use std::ops::Range;

use super::gazetteer::{EntryKind, Gazetteer};
use super::lexicon::*;
use super::text::{Token, WordClass};
use super::EntityType;

/// A mention before within-article coreference.
#[derive(Debug, Clone)]
pub struct RawMention {
    /// Byte span in the article text.
    pub span: Range<usize>,
    /// Index of the sentence; `None` outside prose (bylines, datelines, credits).
    pub sentence: Option<usize>,
    /// The type, or `None` for a lone capitalised word that coreference must place.
    pub etype: Option<EntityType>,
    /// Gazetteer entry.
    pub gaz: Option<usize>,
    /// The name as written (title-cased when written in capitals).
    pub name: String,
    /// Honorific before the name ("Mr").
    pub honorific: Option<String>,
    /// Role before the name ("foreign minister").
    pub role: Option<String>,
    /// Gazetteer entry of the country or organisation the title names ("Russian", "UN").
    pub affiliation: Option<usize>,
    /// Some cue (title, honorific, speech verb) says this is a person.
    pub person_cue: bool,
    /// The rule that found it.
    pub rule: &'static str,
    /// An earlier mention this one renames ("…, known as Timochenko"; "(ELN)").
    pub alias_of: Option<usize>,
    /// Inside quotation marks.
    pub in_quote: bool,
    /// Key grouping event mentions ("evt:geneva:talks").
    pub event_key: Option<String>,
}

/// One sentence of the document model as mention detection reads it: its tokens (with the
/// lower-case forms, word classes and quotation flags the tokenizer gives) and the role
/// phrases the gazetteer finds in it.
/// Party and political adjectives before a title: `data/lexicon/party_adjectives.txt`.
static PARTY_ADJECTIVES: Words =
    Words::data(include_str!("../../data/lexicon/party_adjectives.txt"));

pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub gaz: &'a Gazetteer,
    pub sentence: usize,
    /// Headlines in title case: only the gazetteer speaks there.
    pub title_case: bool,
    pub role_of: Vec<Option<(usize, bool)>>,
    pub roles: Vec<super::gazetteer::RoleHit>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        text: &'a str,
        span: Range<usize>,
        tokens: &'a [Token],
        gaz: &'a Gazetteer,
        sentence: usize,
        title_case: bool,
    ) -> Self {
        let roles = gaz.roles_in(text, span);
        let mut role_of = vec![None; tokens.len()];
        for (h, hit) in roles.iter().enumerate() {
            for (i, t) in tokens.iter().enumerate() {
                if t.span.start >= hit.span.start && t.span.end <= hit.span.end {
                    role_of[i] = Some((h, hit.honorific));
                }
            }
        }
        Ctx {
            text,
            tokens,
            gaz,
            sentence,
            title_case,
            role_of,
            roles,
        }
    }

    pub fn tok(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].span.clone()]
    }

    fn lower(&self, i: usize) -> &str {
        &self.tokens[i].lower
    }

    fn is_cap(&self, i: usize) -> bool {
        let s = self.tok(i);
        if !self.tokens[i].word {
            return false;
        }
        if let Some((_, tail)) = s.rsplit_once('-') {
            // "US-brokered", "Saudi-led": a participle compound is no name
            if tail.len() > 3 && tail.ends_with("ed") && tail.chars().all(char::is_lowercase) {
                return false;
            }
            if [
                "based",
                "backed",
                "led",
                "held",
                "born",
                "controlled",
                "funded",
                "run",
                "supported",
                "sponsored",
                "allied",
                "owned",
                "linked",
                "style",
                "era",
                "speaking",
                "made",
            ]
            .contains(&tail)
            {
                return false;
            }
        }
        let mut cs = s.chars();
        match cs.next() {
            Some(c) if c.is_uppercase() => true,
            Some(c) if c.is_ascii_digit() => {
                // "P5+1", "G20" start with a letter; "1950-53" is no name
                false
            }
            _ => {
                // "al-Assad", "el-Sisi", "bin-Laden"
                for p in ["al-", "el-", "bin-", "ad-", "as-", "ash-", "ibn-"] {
                    if let Some(rest) = s.strip_prefix(p) {
                        return rest.chars().next().is_some_and(char::is_uppercase);
                    }
                }
                false
            }
        }
    }

    fn span(&self, a: usize, b: usize) -> Range<usize> {
        self.tokens[a].span.start..self.tokens[b - 1].span.end
    }

    fn surface(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.span(a, b)]
    }

    fn role_hit_end(&self, i: usize) -> Option<usize> {
        let (h, _) = self.role_of[i]?;
        if self.tokens[i].span.start != self.roles[h].span.start {
            return None;
        }
        let mut j = i;
        while j < self.tokens.len() && self.role_of[j].map(|r| r.0) == Some(h) {
            j += 1;
        }
        Some(j)
    }
}

/// A Roman numeral of a name ("II", "VI", "XXI").
fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=7).contains(&s.chars().count())
        && letters >= 2
        && s.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '+' || c == '.' || c == '&')
}

fn new_raw(
    ctx: &Ctx<'_>,
    a: usize,
    b: usize,
    etype: Option<EntityType>,
    rule: &'static str,
) -> RawMention {
    let surface = ctx.surface(a, b);
    let name = if surface.chars().filter(|c| c.is_alphabetic()).count() > 4
        && !surface.chars().any(char::is_lowercase)
        && b - a > 1
    {
        crate::ingest::title_case(surface)
    } else {
        surface.to_string()
    };
    RawMention {
        span: ctx.span(a, b),
        sentence: Some(ctx.sentence),
        etype,
        gaz: None,
        name,
        honorific: None,
        role: None,
        affiliation: None,
        person_cue: false,
        rule,
        alias_of: None,
        in_quote: ctx.tokens[a].quoted,
        event_key: None,
    }
}

/// Finds the mentions of one sentence.
pub(crate) fn detect(ctx: &Ctx<'_>, out: &mut Vec<RawMention>) {
    let n = ctx.tokens.len();
    let first_new = out.len();
    let mut i = 0;
    while i < n {
        let starts = ctx.is_cap(i)
            || ctx.role_of[i].is_some()
                && ctx.tok(i).chars().next().is_some_and(char::is_uppercase);
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n {
            let t = ctx.tok(j);
            let lower = ctx.lower(j);
            let cap_after = |k: usize| {
                k < n
                    && (ctx.is_cap(k)
                        || ctx.role_of[k].is_some()
                            && ctx.tok(k).chars().next().is_some_and(char::is_uppercase))
            };
            // an honorific inside a run of capitals starts the next name: "the President of
            // the Republic of Korea Mr. Roh Moo-hyun"
            if ctx.role_of[j].is_some_and(|(_, hon)| hon)
                && ctx.role_of[j] != ctx.role_of[j - 1]
                && ctx
                    .role_hit_end(j)
                    .is_some_and(|e| cap_after(e) || e < n && ctx.tok(e) == "." && cap_after(e + 1))
            {
                break;
            }
            if ctx.is_cap(j) || (ctx.role_of[j].is_some() && ctx.role_of[j] == ctx.role_of[j - 1]) {
                j += 1;
            } else if matches!(t, "'" | "’")
                && ctx.tok(j - 1).ends_with('s')
                && ctx.is_cap(j - 1)
                && cap_after(j + 1)
            {
                // a plural possessive inside a name: "Kurdistan Workers' Party"
                j += 1;
            } else if t == "."
                && ctx.tok(j - 1).chars().count() == 1
                && ctx.tok(j - 1).chars().all(char::is_uppercase)
                && j - 1 > i
                && cap_after(j + 1)
            {
                // a middle initial: "George J. Mitchell"
                j += 1;
            } else if (PARTICLES.contains(lower) || ORG_CONNECTORS.contains(lower))
                && t.chars().all(char::is_lowercase)
                || t == "&"
            {
                // a connector is part of the chunk only if a capitalised word follows,
                // possibly after a second connector ("de la Calle", "Security and Cooperation")
                if cap_after(j + 1) {
                    j += 2;
                } else if j + 2 < n && PARTICLES.contains(&ctx.lower(j + 1)) && cap_after(j + 2) {
                    j += 3;
                } else if j + 2 < n
                    && matches!(t, "of" | "for")
                    && ctx.tok(j + 1) == "the"
                    && cap_after(j + 2)
                    && has_head(ctx, i, j, &ORG_HEADS)
                {
                    // "Democratic Forces for the Liberation of Rwanda", "Council of the
                    // European Union": an organisation's head, then "for/of the" and more name
                    j += 3;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // "Tigray People's Liberation Front": a possessive inside an organisation's name
        if j + 1 < n
            && matches!(ctx.tok(j), "'s" | "’s")
            && [
                "People", "Peoples", "Workers", "Women", "Citizens", "Farmers", "Veterans",
                "Martyrs", "Mothers", "Children",
            ]
            .contains(&ctx.tok(j - 1))
            && ctx.is_cap(j + 1)
        {
            let mut k = j + 1;
            while k < n && ctx.is_cap(k) {
                k += 1;
            }
            if ORG_HEADS.contains(&ctx.tok(k - 1)) {
                let start = if ctx.tok(i) == "The" { i + 1 } else { i };
                out.push(new_raw(
                    ctx,
                    start,
                    k,
                    Some(EntityType::Organization),
                    "org.head",
                ));
                i = k;
                continue;
            }
        }
        chunk(ctx, i, j, out);
        i = j;
    }
    events(ctx, out, first_new);
    aliases(ctx, out, first_new);
}

fn has_head(ctx: &Ctx<'_>, a: usize, b: usize, heads: &Words) -> bool {
    (a..b).any(|k| heads.contains(&ctx.tok(k)))
}

/// Types one capitalised chunk `[a, b)`, peeling titles and demonyms off its left.
fn chunk(ctx: &Ctx<'_>, a: usize, b: usize, out: &mut Vec<RawMention>) {
    if a >= b {
        return;
    }
    if ctx.tok(a) == "The" && b - a > 1 {
        return chunk(ctx, a + 1, b, out);
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
    if let Some((left, right)) = ctx.tok(a).split_once('-') {
        // "UN-Arab League": two known names joined by a hyphen
        let tail_start = ctx.tokens[a].span.start + left.len() + 1;
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
    let whole = ctx.surface(a, b);
    // 1. The whole chunk is a known name, or an organisation / event by its head.
    if let Some((id, e)) = ctx.gaz.lookup(whole) {
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
    if b - a >= 2
        && EVENT_HEADS.contains(&last.to_lowercase().as_str())
        && last.chars().next().is_some_and(char::is_uppercase)
        && !COMMON_WORDS.contains(&ctx.tok(a))
    {
        let mut m = new_raw(ctx, a, b, Some(EntityType::Event), "event.capitalised");
        m.event_key = Some(format!("evt:{}", super::gazetteer::name_key(whole)));
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
        && ORG_HEADS.contains(&ctx.tok(a))
        && ![
            "Representatives",
            "Deputies",
            "Delegates",
            "Lords",
            "Commons",
        ]
        .contains(&ctx.tok(a))
        && ["of", "for"].contains(&ctx.tok(a + 1));
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
    if b - a >= 2
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
            if end <= b && end < b {
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
        // "Republican Representative Francis Rooney": a party adjective before a title
        if PARTY_ADJECTIVES.contains(t) && ctx.role_hit_end(p + 1).is_some() {
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
        let org = has_head(ctx, p, k, &ORG_HEADS)
            || has_head(ctx, p, b, &ORG_HEADS) && ctx.tok(k) != "in";
        let place_of = ctx.tok(k) == "of"
            && (has_head(ctx, p, k, &PLACE_HEADS) || PLACE_PREFIXES.contains(&ctx.tok(p)));
        if !org && !place_of {
            typed(ctx, p, k, honorific, role, affiliation, out);
            chunk(ctx, k + 1, b, out);
            return;
        }
    }
    typed(ctx, p, b, honorific, role, affiliation, out);
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

fn push_gaz(
    ctx: &Ctx<'_>,
    a: usize,
    b: usize,
    id: usize,
    etype: EntityType,
    out: &mut Vec<RawMention>,
) {
    let e = ctx.gaz.entry(id);
    let mut m = new_raw(ctx, a, b, Some(etype), "gazetteer");
    m.gaz = Some(id);
    if let EntryKind::City {
        capital_of: Some(country),
    } = e.kind
    {
        // A capital acts when a verb follows ("Moscow accepts", "Damascus had signalled"),
        // when it is an agent ("backed by Washington") or in a compound ("Moscow-backed"),
        // and in a possessive of a common noun ("Tehran's programme"). Otherwise it is the
        // city: "in Moscow", "the Damascus suburb", "Paris meeting", "Havana's Revolution Square".
        let next = if b < ctx.tokens.len() { ctx.tok(b) } else { "" };
        let after_poss = if b + 1 < ctx.tokens.len() {
            ctx.tok(b + 1)
        } else {
            ""
        };
        let verb_like = |w: &str| {
            [
                "has", "have", "had", "is", "was", "were", "will", "would", "could", "can", "may",
                "might", "must", "should", "says", "said", "told", "accepts", "denies", "insists",
                "wants", "calls",
            ]
            .contains(&w)
                || (w.chars().all(char::is_lowercase)
                    && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))
                    && !EVENT_HEADS.contains(&w)
                    && !PLACE_NOUNS.contains(&w))
        };
        let possessive_actor = matches!(next, "'s" | "’s")
            && after_poss.chars().next().is_some_and(char::is_lowercase);
        let agent = a > 0
            && [
                "by", "accuse", "accuses", "accused", "urged", "pressed", "warned", "told",
            ]
            .contains(&ctx.tok(a - 1));
        let hyphen_backed = ctx.surface(a, b).contains('-');
        // "Kiev and NATO accuse …": a verb after the coordinated names
        let coordinated_verb =
            next == "and" && (b + 2..ctx.tokens.len().min(b + 5)).any(|k| verb_like(ctx.tok(k)));
        // The city needs a cue of place: a preposition of place before it, "of" before it
        // ("the capital of X"), a place noun or event after it ("the Damascus suburb",
        // "Paris talks"), or a possessive before a name ("Havana's Revolution Square").
        let moving = a > 0
            && [
                "to", "from", "into", "via", "toward", "towards", "across", "around",
            ]
            .contains(&ctx.tok(a - 1));
        let city_cue = locative_before(ctx, a)
            || moving
            || (a > 1
                && ctx.tok(a - 1) == "of"
                && (PLACE_NOUNS.contains(&ctx.lower(a - 2))
                    || [
                        "outskirts",
                        "centre",
                        "center",
                        "streets",
                        "suburbs",
                        "heart",
                        "edge",
                        "residents",
                        "mayor",
                        "governor",
                        "north",
                        "south",
                        "east",
                        "west",
                    ]
                    .contains(&ctx.lower(a - 2))))
            || PLACE_NOUNS.contains(&next.to_lowercase().as_str())
            || EVENT_HEADS.contains(&next.to_lowercase().as_str())
            || (matches!(next, "'s" | "’s") && !possessive_actor)
            || (next.chars().next().is_some_and(char::is_uppercase)
                && !next.chars().all(char::is_uppercase))
            || [",", ":"].contains(&next) && a == 0;
        let actor = !city_cue
            || ((verb_like(next) || agent || coordinated_verb)
                && !locative_before(ctx, a)
                && !moving);
        if actor || hyphen_backed {
            m.gaz = Some(country);
            m.rule = "gazetteer.capital-as-actor";
        }
    }
    if let EntryKind::City { .. } = ctx.gaz.entry(m.gaz.unwrap_or(id)).kind {
        // Small towns whose names are also words need a place cue.
        if e.population < 100_000
            && b - a == 1
            && !locative_before(ctx, a)
            && !is_place_context(ctx, a, b)
        {
            m.etype = None;
            m.gaz = None;
            m.rule = "gazetteer.weak-city";
        }
    }
    out.push(m);
}

/// Named events: a place, demonym or capitalised word before an event head.
fn events(ctx: &Ctx<'_>, out: &mut Vec<RawMention>, first_new: usize) {
    let n = ctx.tokens.len();
    let mut two = String::new();
    for h in 0..n {
        let one = ctx.lower(h);
        two.clear();
        if h + 1 < n {
            two.push_str(one);
            two.push(' ');
            two.push_str(ctx.lower(h + 1));
        }
        let (head, end) = if EVENT_HEADS.contains(&two) {
            (two.as_str(), h + 2)
        } else if EVENT_HEADS.contains(one) && ctx.tok(h).chars().all(char::is_lowercase) {
            (one, h + 1)
        } else {
            continue;
        };
        if h == 0 {
            continue;
        }
        let venue = VENUE_EVENT_HEADS.contains(head);
        let mut k = h; // first token of the head
        if ["nuclear", "peace"].contains(&ctx.tok(k - 1)) && k >= 2 {
            k -= 1;
        }
        // possessive: "Syria's civil war"
        let poss = k >= 2 && matches!(ctx.tok(k - 1), "'s" | "’s");
        let name_end = if poss { k - 1 } else { k };
        // the mention ending right before
        let before = out[first_new..]
            .iter()
            .rposition(|m| m.span.end == ctx.tokens[name_end - 1].span.end)
            .map(|p| p + first_new);
        let (key_part, start_tok) = if let Some(mi) = before {
            let m = &out[mi];
            // a place, or a capitalised word no rule has typed ("Panmunjom summit", "Islamic revolution")
            let untyped_word = m.etype.is_none() && !m.name.contains(' ');
            if !(m.etype == Some(EntityType::Place) || untyped_word) || (poss && venue) {
                continue;
            }
            let start = ctx
                .tokens
                .iter()
                .position(|t| t.span.start == m.span.start)
                .unwrap_or(name_end - 1);
            (
                m.gaz
                    .map(|g| super::gazetteer::name_key(&ctx.gaz.entry(g).name))
                    .unwrap_or_else(|| super::gazetteer::name_key(&m.name)),
                start,
            )
        } else if let Some(c) = ctx.gaz.demonym(ctx.tok(name_end - 1)) {
            if venue {
                continue; // "Syrian peace talks" describes, it does not name
            }
            // a country's demonym names the country
            let country = ctx
                .gaz
                .lookup(&ctx.gaz.entry(c).name)
                .map(|x| x.0)
                .unwrap_or(c);
            (
                super::gazetteer::name_key(&ctx.gaz.entry(country).name),
                name_end - 1,
            )
        } else if ctx.is_cap(name_end - 1)
            && !COMMON_WORDS.contains(&ctx.tok(name_end - 1))
            && name_end - 1 > 0
            && !poss
        {
            (
                super::gazetteer::name_key(ctx.tok(name_end - 1)),
                name_end - 1,
            )
        } else {
            continue;
        };
        let class = if venue {
            "talks"
        } else if head.ends_with("war") {
            "war"
        } else {
            head
        };
        let mut m = new_raw(ctx, start_tok, end, Some(EntityType::Event), "event.named");
        m.event_key = Some(format!("evt:{key_part}:{class}"));
        // "Syria's civil war" is named "Syrian civil war" when the demonym is known
        out.push(m);
    }
}

/// "X, known as Y", "X, alias Y", "X (Y)" for acronyms.
fn aliases(ctx: &Ctx<'_>, out: &mut [RawMention], first_new: usize) {
    for i in first_new..out.len() {
        let start_tok = match ctx
            .tokens
            .iter()
            .position(|t| t.span.start == out[i].span.start)
        {
            Some(t) => t,
            None => continue,
        };
        let before: Vec<&str> = (start_tok.saturating_sub(4)..start_tok)
            .map(|k| ctx.lower(k))
            .collect();
        let joined = before.join(" ");
        let nickname = joined.ends_with("known as")
            || joined.ends_with("alias")
            || joined.ends_with("guerre ,")
            || joined.ends_with("nicknamed")
            || joined.ends_with("also called");
        let paren =
            start_tok > 0 && ctx.tok(start_tok - 1) == "(" && is_acronym(ctx.tok(start_tok));
        if !(nickname || paren) {
            continue;
        }
        let want = if paren {
            EntityType::Organization
        } else {
            EntityType::Person
        };
        if let Some(j) = (first_new..i)
            .rev()
            .find(|&j| out[j].etype == Some(want) || (paren && out[j].etype.is_some()))
        {
            if !paren || out[j].span.end + 2 >= out[i].span.start {
                out[i].alias_of = Some(j);
                out[i].etype = out[j].etype;
                out[i].gaz = out[i].gaz.or(out[j].gaz);
            }
        }
    }
}
