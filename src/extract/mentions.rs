//! Mention detection in one sentence: capitalised chunks are cut at titles, demonyms and
//! connectors, then typed by the gazetteer, by their head word ("… Agency", "… Palace",
//! "… War"), by the words around them (a role before, "district" after, "in" before) or by
//! their shape (two to four capitalised words are a person's name). Events are a place or
//! a capitalised word before an event head ("the Geneva talks", "Syrian civil war").

mod apposition;
mod chunk;
mod evidence;
mod short_forms;
mod typing;

pub(crate) use evidence::settle;

use apposition::*;
use chunk::*;
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

/// A part of or a direction from a place, before "of": `data/lexicon/place_parts.txt`.
static PLACE_PARTS: Words = Words::data(include_str!("../../data/lexicon/place_parts.txt"));

/// Party and political adjectives before a title: `data/lexicon/party_adjectives.txt`.
static PARTY_ADJECTIVES: Words =
    Words::data(include_str!("../../data/lexicon/party_adjectives.txt"));

/// One sentence of the document model as mention detection reads it: its tokens (with the
/// lower-case forms, word classes and quotation flags the tokenizer gives) and the role
/// phrases the gazetteer finds in it.
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

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    // "Article VI", "Phase II": a Roman numeral is no acronym
    !chunk::is_roman(s)
        && (2..=7).contains(&s.chars().count())
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
    RawMention::found(
        ctx.span(a, b),
        ctx.sentence,
        etype,
        name,
        rule,
        ctx.tokens[a].quoted,
    )
}

impl RawMention {
    /// A mention with what every finder knows (where, in which sentence, the type, the name,
    /// the rule, inside a quotation or not) and nothing more yet.
    fn found(
        span: Range<usize>,
        sentence: usize,
        etype: Option<EntityType>,
        name: String,
        rule: &'static str,
        in_quote: bool,
    ) -> Self {
        RawMention {
            span,
            sentence: Some(sentence),
            etype,
            gaz: None,
            name,
            honorific: None,
            role: None,
            affiliation: None,
            person_cue: false,
            rule,
            alias_of: None,
            in_quote,
            event_key: None,
        }
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
            } else if t == "to"
                && ORG_HEADS.contains(ctx.tok(j - 1))
                && cap_after(j + 1)
                && ctx.gaz.lookup(ctx.tok(j + 1)).is_none()
            {
                // "Committee to Protect Journalists", "Campaign to Stop Killer Robots": a
                // body's head, "to" and a verb of its purpose (not "Mission to Syria")
                j += 2;
            } else if (PARTICLES.contains(lower) || ORG_CONNECTORS.contains(lower))
                && t.chars().all(char::is_lowercase)
                || t == "&"
            {
                // a connector is part of the chunk only if a capitalised word follows,
                // possibly after a second connector ("de la Calle", "Security and Cooperation")
                // "the Italian Cup on Sunday": a day or a month is no part of a name ("May"
                // may be one: "Theresa May")
                let date_after = j + 1 < n && {
                    let w = ctx.tok(j + 1);
                    crate::ingest::weekday(w).is_some()
                        || crate::ingest::month_name(w).is_some_and(|m| m != 5)
                };
                // "the Italian Grand Prix for Red Bull": an event's name ends at its head
                let after_event = t == "for" && NAMED_EVENT_HEADS.contains(ctx.tok(j - 1));
                if date_after || after_event {
                    break;
                } else if t == "the" && cap_after(j + 1) && cap_after(j + 2) {
                    // "making Ferraro the Democratic Party's first …": a bare "the" joins
                    // only an epithet of one word ("Alexander the Great")
                    break;
                } else if cap_after(j + 1) {
                    j += 2;
                } else if j + 2 < n && PARTICLES.contains(&ctx.lower(j + 1)) && cap_after(j + 2) {
                    j += 3;
                } else if j + 2 < n
                    && matches!(t, "of" | "for")
                    && ctx.tok(j + 1) == "the"
                    && cap_after(j + 2)
                    && (has_head(ctx, i, j, &ORG_HEADS)
                        || ctx.gaz.lookup(ctx.surface(i, j + 3)).is_some())
                {
                    // "Democratic Forces for the Liberation of Rwanda", "Council of the
                    // European Union": an organisation's head, then "for/of the" and more
                    // name; or a known name ("Republic of the Congo")
                    j += 3;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if let Some(next) = possessive_name(ctx, i, j, out) {
            i = next;
            continue;
        }
        chunk(ctx, i, j, out);
        i = j;
    }
    events(ctx, out, first_new);
    aliases(ctx, out, first_new);
    appositions(ctx, out, first_new);
}

/// The end of the run of capitalised words from `k`.
fn cap_run_end(ctx: &Ctx<'_>, mut k: usize) -> usize {
    while k < ctx.tokens.len() && ctx.is_cap(k) {
        k += 1;
    }
    k
}

/// A name with a possessive inside, for the run of capitals `i..j` that stops at "'s":
/// "King's College London", "St John's Hospital" (an institution's head right after it;
/// the possessor is the capitalised words just before and no known name, so "Britain's
/// Ministry of Defence" is Britain's ministry), and "Tigray People's Liberation Front" (a
/// plural noun before it). The mentions are pushed and the word after the name returned.
fn possessive_name(ctx: &Ctx<'_>, i: usize, j: usize, out: &mut Vec<RawMention>) -> Option<usize> {
    let n = ctx.tokens.len();
    if j + 1 >= n || !matches!(ctx.tok(j), "'s" | "’s") {
        return None;
    }
    let org = |a: usize, b: usize| new_raw(ctx, a, b, Some(EntityType::Organization), "org.head");
    if POSSESSIVE_HEADS.contains(ctx.tok(j + 1)) {
        let mut st = j;
        while st > i && ctx.is_cap(st - 1) {
            st -= 1;
        }
        if ctx.gaz.lookup(ctx.surface(st, j)).is_none() {
            // "the University of Leeds and King's College": what comes before is read on
            // its own, without the connector
            let mut e = st;
            while e > i && !ctx.is_cap(e - 1) {
                e -= 1;
            }
            if e > i {
                chunk(ctx, i, e, out);
            }
            let k = cap_run_end(ctx, j + 1);
            out.push(org(st, k));
            return Some(k);
        }
    }
    if !POSSESSIVE_NAME_WORDS.contains(ctx.tok(j - 1)) || !ctx.is_cap(j + 1) {
        return None;
    }
    let k = cap_run_end(ctx, j + 1);
    // "Democratic People's Republic of Korea": a name the gazetteer knows, through
    // connectors ("of", "the") that the possessive left out
    let mut full = k;
    while full + 1 < n
        && matches!(ctx.tok(full), "of" | "the" | "and")
        && (ctx.is_cap(full + 1) || ctx.tok(full + 1) == "the")
    {
        full = cap_run_end(ctx, full + 1);
    }
    let start = if ctx.tok(i) == "The" { i + 1 } else { i };
    if let Some((id, e)) = ctx.gaz.lookup(ctx.surface(start, full)) {
        push_gaz(ctx, start, full, id, e.etype, out);
        return Some(full);
    }
    if ORG_HEADS.contains(&ctx.tok(k - 1)) {
        out.push(org(start, k));
        return Some(k);
    }
    None
}

/// Words before a possessive inside an organisation's name ("Tigray People's Liberation
/// Front"): `data/lexicon/possessive_name_words.txt`.
static POSSESSIVE_NAME_WORDS: Words =
    Words::data(include_str!("../../data/lexicon/possessive_name_words.txt"));

/// Institutions named after a founder or patron, after a possessive ("King's College",
/// "St John's Hospital"): `data/lexicon/possessive_heads.txt`.
static POSSESSIVE_HEADS: Words =
    Words::data(include_str!("../../data/lexicon/possessive_heads.txt"));

/// Below this population a town's name needs evidence to be a place: a place cue in
/// running text, and in a headline in capitals it is not read at all.
const SMALL_TOWN: u64 = 100_000;

fn has_head(ctx: &Ctx<'_>, a: usize, b: usize, heads: &Words) -> bool {
    (a..b).any(|k| is_head(ctx, k, heads))
}

/// Whether token `k` is a head word of the list, alone or with the preposition after it
/// ("Center for" is an organisation's head where "Center" alone is a place's).
fn is_head(ctx: &Ctx<'_>, k: usize, heads: &Words) -> bool {
    heads.contains(ctx.tok(k))
        || k + 1 < ctx.tokens.len()
            && matches!(ctx.tok(k + 1), "for" | "of")
            && heads.contains(&format!("{} {}", ctx.tok(k), ctx.tok(k + 1)))
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
        // "to Riyadh and Paris": the cue of the first of two places serves both
        let coordinated_cue = a >= 3
            && matches!(ctx.tok(a - 1), "and" | "or")
            && ctx.is_cap(a - 2)
            && (locative_before(ctx, a - 2)
                || ["to", "from", "into", "via"].contains(&ctx.tok(a - 3)));
        // "the country's capital, Tunis": the city named in apposition to "capital"
        let apposed = a >= 2
            && ctx.tok(a - 1) == ","
            && matches!(ctx.lower(a - 2), "capital" | "city" | "town");
        let city_cue = locative_before(ctx, a)
            || moving
            || apposed
            || coordinated_cue
            || (a > 1
                && ctx.tok(a - 1) == "of"
                && (PLACE_NOUNS.contains(&ctx.lower(a - 2))
                    || PLACE_PARTS.contains(&ctx.lower(a - 2))))
            || PLACE_NOUNS.contains(&next.to_lowercase().as_str())
            || EVENT_HEADS.contains(&next.to_lowercase().as_str())
            || (matches!(next, "'s" | "’s") && !possessive_actor)
            || (next.chars().next().is_some_and(char::is_uppercase)
                && !next.chars().all(char::is_uppercase))
            || [",", ":"].contains(&next) && a == 0;
        // "A Bucharest court": an indefinite article before the name makes it a modifier
        let modifier = a > 0 && matches!(ctx.lower(a - 1), "a" | "an");
        let actor = !city_cue && !modifier
            || ((verb_like(next) || agent || coordinated_verb)
                && !locative_before(ctx, a)
                && !moving
                && !coordinated_cue);
        if actor || hyphen_backed {
            m.gaz = Some(country);
            m.rule = "gazetteer.capital-as-actor";
        }
    }
    if let EntryKind::City { .. } = ctx.gaz.entry(m.gaz.unwrap_or(id)).kind {
        // Small towns whose names are also words need a place cue.
        if e.population < SMALL_TOWN
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

/// Words between an event's name and its head: `data/lexicon/event_modifiers.txt`.
static EVENT_MODIFIERS: Words = Words::data(include_str!("../../data/lexicon/event_modifiers.txt"));

/// A year of four digits ("2016").
fn year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
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
        while k >= 2 && h - k < 2 && EVENT_MODIFIERS.contains(&ctx.tok(k - 1)) {
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
        } else if k < h && !poss && year(ctx.tok(name_end - 1)) {
            // "the 2016 presidential election": a year and a kind name it
            (ctx.tok(name_end - 1).to_string(), name_end - 1)
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
        // "the 2016 United States presidential election": the year before the name is
        // part of it, and tells one election from the next
        let (start_tok, key_part) = if start_tok >= 1 && year(ctx.tok(start_tok - 1)) {
            let y = ctx.tok(start_tok - 1);
            (start_tok - 1, format!("{key_part}{y}"))
        } else {
            (start_tok, key_part)
        };
        let mut m = new_raw(ctx, start_tok, end, Some(EntityType::Event), "event.named");
        m.event_key = Some(format!("evt:{key_part}:{class}"));
        // "Syria's civil war" is named "Syrian civil war" when the demonym is known
        out.push(m);
    }
}

/// The capitals that open the words of a name, connectors and a capitalised "The" left
/// out: "Committee to Protect Journalists" → "CPJ", "The Organization of American States"
/// → "OAS".
pub(crate) fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| {
            !w.is_empty() && !["of", "for", "and", "the", "on", "in", "&", "The"].contains(w)
        })
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
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
        // "Reporters Without Borders (RWB)": a name nothing else typed, spelled by the
        // acronym that follows it, is an organisation's
        if paren {
            // (or by its name in another language: "Reporters Without Borders (RSF)", when
            // the name has words enough to be one)
            if let Some(j) = (first_new..i).rev().find(|&j| {
                out[j].etype.is_none()
                    && out[j].span.end + 2 >= out[i].span.start
                    && (initials(&out[j].name) == out[i].name
                        || out[j].name.split(' ').count() >= 3)
            }) {
                out[j].etype = Some(EntityType::Organization);
                out[j].rule = "org.acronym";
            }
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
            // "Jake Morrow (U.S.)": a country after a person's name is his, not his alias
            let place_of = paren
                && out[i].etype == Some(EntityType::Place)
                && out[j].etype != Some(EntityType::Place);
            if (!paren || out[j].span.end + 2 >= out[i].span.start) && !place_of {
                out[i].alias_of = Some(j);
                out[i].etype = out[j].etype;
                // "Reporters Without Borders (RSF)": the short form names what it follows,
                // whatever else the gazetteer knows by it (the Rapid Support Forces)
                out[i].gaz = if paren {
                    out[j].gaz
                } else {
                    out[i].gaz.or(out[j].gaz)
                };
            }
        }
    }
}
