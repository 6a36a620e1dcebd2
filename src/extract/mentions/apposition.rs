//! Roles in apposition. News names an official first and gives the office after a comma:
//! "Hillary Clinton, the US Secretary of State, said …", "Ali Mujawar, the Prime Minister
//! of Yemen, …", "Abu Bakr al-Qirbi, Yemen's Foreign Minister, …". The title before a name
//! is read when the name is chunked (`chunk.rs`); this pass, run on a sentence's mentions
//! once they are found, gives the person the role after the name and the country or
//! organisation it names as the person's affiliation, so that later stages ("Yemen's
//! officials", the parties of a meeting) see it.

use super::*;

/// Gives a role in apposition to each person mention of the sentence from `first_new` on
/// that has none: `NAME, [the] [COUNTRY('s) | DEMONYM] ROLE [of [the] COUNTRY],`.
pub(super) fn appositions(ctx: &Ctx<'_>, out: &mut [RawMention], first_new: usize) {
    let n = ctx.tokens.len();
    // the mention of a country or organisation starting at token `p`, and the token after it
    let known_at = |out: &[RawMention], p: usize| {
        let start = ctx.tokens.get(p)?.span.start;
        let m = out
            .iter()
            .find(|m| m.span.start == start && m.gaz.is_some())?;
        let kind = ctx.gaz.entry(m.gaz?).kind;
        if !matches!(kind, EntryKind::Country | EntryKind::Organization) {
            return None;
        }
        let end = (p..n)
            .find(|&q| ctx.tokens[q].span.start >= m.span.end)
            .unwrap_or(n);
        Some((m.gaz?, end))
    };
    for i in first_new..out.len() {
        if out[i].etype != Some(EntityType::Person) || out[i].role.is_some() || out[i].in_quote {
            continue;
        }
        let Some(comma) = (0..n).find(|&q| ctx.tokens[q].span.start >= out[i].span.end) else {
            continue;
        };
        if ctx.tok(comma) != "," {
            continue;
        }
        let mut p = comma + 1;
        if p < n && ctx.lower(p) == "the" {
            p += 1;
        }
        let mut affiliation = None;
        if let Some((g, end)) = known_at(out, p) {
            affiliation = Some(g);
            p = end;
            if p < n && matches!(ctx.tok(p), "'s" | "’s") {
                p += 1;
            }
        } else if p + 1 < n {
            if let Some(c) = ctx.gaz.demonym(ctx.tok(p)) {
                affiliation = Some(c);
                p += 1;
            }
        }
        if p >= n || ctx.role_of[p].is_some_and(|(_, honorific)| honorific) {
            continue;
        }
        let Some(end) = ctx.role_hit_end(p) else {
            continue;
        };
        let role = ctx.surface(p, end).to_lowercase();
        p = end;
        if p + 1 < n && ctx.lower(p) == "of" {
            let q = if ctx.lower(p + 1) == "the" {
                p + 2
            } else {
                p + 1
            };
            let Some((g, end)) = known_at(out, q) else {
                continue;
            };
            affiliation = affiliation.or(Some(g));
            p = end;
        }
        // the apposition closes: "…, the US Secretary of State, said"
        if p < n && !matches!(ctx.tok(p), "," | "." | ";" | ")" | "—" | "–") {
            continue;
        }
        let m = &mut out[i];
        m.role = Some(role);
        m.affiliation = m.affiliation.or(affiliation);
        m.person_cue = true;
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Gazetteer};
    use crate::ingest::{Article, Metadata};

    /// The role after the name and the country it names: before the role ("Austria's",
    /// "the US") or after it ("of Norway"); an apposition that does not close is no role.
    #[test]
    fn a_role_in_apposition_is_the_persons() {
        let gaz = Gazetteer::bundled();
        let text = "Aid talks\n\nLena Holm, the Foreign Minister of Norway, spoke first. \
                    Karl Weiss, Austria's finance minister, said the pledges were late. \
                    Mark Dale, the US Secretary of State, agreed. \
                    Ruth Adler, the minister who resigned, stayed away.\n";
        let x = extract(&Article::from_text("t", text, Metadata::default()), gaz);
        let person = |name: &str| {
            let e = x.entities.iter().find(|e| e.name == name).expect(name);
            let roles: Vec<&str> = e.roles.iter().map(String::as_str).collect();
            let countries: Vec<&str> = e
                .affiliations
                .iter()
                .map(|&a| gaz.entry(a).name.as_str())
                .collect();
            (roles, countries)
        };
        assert_eq!(
            person("Lena Holm"),
            (vec!["foreign minister"], vec!["Norway"])
        );
        assert_eq!(
            person("Karl Weiss"),
            (vec!["finance minister"], vec!["Austria"])
        );
        assert_eq!(
            person("Mark Dale"),
            (vec!["secretary of state"], vec!["United States"])
        );
        assert_eq!(person("Ruth Adler"), (vec![], vec![]));
    }
}
