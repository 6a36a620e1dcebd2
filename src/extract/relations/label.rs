//! The label of a proposal: the object phrase a frame points at, read up to the end of
//! its clause ("called for a ceasefire in Aleppo before the talks" → "ceasefire in
//! Aleppo"), with quotations, asides and brackets handled, and split where it coordinates
//! two proposals. Every proposal frame (`propose.rs`, `nominal.rs`) names its proposal
//! here, so a label is cut the same way whatever the phrasing.

use super::*;

/// Words that are a verb's particle after a past form ("phased in", "carried out"):
/// `data/lexicon/verb_particles.txt`.
static PARTICLE_WORDS: Words =
    Words::data(include_str!("../../../data/lexicon/verb_particles.txt"));

/// Words after a comma that end a label ("…, which", "…, saying"):
/// `data/lexicon/label_stop.txt`.
pub(super) static LABEL_STOP: Words =
    Words::data(include_str!("../../../data/lexicon/label_stop.txt"));

/// Nouns whose content a relative clause gives: `data/lexicon/clause_heads.txt`.
static CLAUSE_HEADS: Words = Words::data(include_str!("../../../data/lexicon/clause_heads.txt"));

/// The label of the phrase that starts at token `obj`.
pub(super) fn label_from(s: &Sent<'_>, sents: &[Sent<'_>], obj: usize) -> Option<String> {
    let toks = &s.tokens;
    let mut words: Vec<String> = Vec::new();
    // inside a quotation already? then a straight quote closes it
    let before: Vec<&str> = (0..obj).map(|k| s.w(k)).collect();
    let straight = before.iter().filter(|w| **w == "\"").count();
    let opened =
        before.iter().filter(|w| **w == "“").count() > before.iter().filter(|w| **w == "”").count();
    let outer_quoted = straight % 2 == 1 || opened;
    let mut quoted = false;
    let mut aside = false;
    let mut bracket = false;
    #[allow(clippy::needless_range_loop)] // k also indexes the words and looks ahead
    for k in obj..s.len() {
        let w = s.w(k);
        // "all three (the invasion, the rockets and the blockade) have to stop": a bracket
        // inside the label is left out, and the label goes on after it
        if bracket {
            bracket = w != ")";
            continue;
        }
        if w == "(" && !quoted && !words.is_empty() && (k + 1..s.len()).any(|q| s.w(q) == ")") {
            bracket = true;
            continue;
        }
        // ", and possibly China,": an aside inside the object
        if aside {
            if w == "," {
                aside = false;
            }
            continue;
        }
        if !quoted
            && w == ","
            && ["and", "or"].contains(&s.w(k + 1))
            && ["possibly", "perhaps", "maybe", "even", "later"].contains(&s.w(k + 2))
        {
            aside = true;
            continue;
        }
        if w == "\"" && !quoted && outer_quoted {
            break;
        }
        if matches!(w, "“" | "\"") && !quoted {
            quoted = true;
            continue;
        }
        if matches!(w, "”" | "\"") {
            if quoted {
                quoted = false;
                continue;
            }
            break;
        }
        // "John R. Bolton's resignation": the full stop of a middle initial
        if w == "."
            && k > obj
            && s.surface(k - 1).len() == 1
            && s.surface(k - 1)
                .starts_with(|c: char| c.is_ascii_uppercase())
            && s.surface(k + 1).starts_with(char::is_uppercase)
        {
            if let Some(last) = words.last_mut() {
                last.push('.');
            }
            continue;
        }
        if !quoted
            && ([".", ";", "?", "!", "—", "–", "(", ":"].contains(&w)
                || (w == "-" && !words.is_empty()))
        {
            break;
        }
        if !quoted && w == "," && (words.len() >= 4 || LABEL_STOP.contains(&s.w(k + 1))) {
            break;
        }
        // "… on the Arak reactor and said afterwards …": a new verb phrase
        if !quoted
            && w == "and"
            && (crate::extract::lexicon::SPEECH_VERBS.contains(&s.w(k + 1))
                || ["was", "is", "has", "had", "will", "would"].contains(&s.w(k + 1)))
        {
            break;
        }
        // "legislation that would fund the government": a bare head whose content the
        // relative clause gives goes on into it
        if !quoted
            && matches!(w, "that" | "which")
            && (1..=3).contains(&words.len())
            && CLAUSE_HEADS.contains(&s.w(k - 1))
            && matches!(s.w(k + 1), "would" | "will" | "could")
        {
            words.push(s.text[toks[k].span.clone()].to_string());
            continue;
        }
        // the length limit never cuts a name in two ("… with the International Monetary")
        let inside_name = k > obj && s.at[k].is_some() && s.at[k] == s.at[k - 1];
        if words.len() >= 14 && !inside_name
            || (!quoted
                && !words.is_empty()
                && [
                    "before", "after", "ahead", "until", "that", "because", "unless", "while",
                    "during", "whereas", "when", "which", "who", "as", "so", "saying", "if",
                ]
                .contains(&w))
        {
            break;
        }
        words.push(s.text[toks[k].span.clone()].to_string());
    }
    // "it" stands for the last thing the previous sentence named: "… a U.N. arms embargo."
    if let Some(p) = words
        .first()
        .filter(|w| *w == "it")
        .and_then(|_| sents.get(s.idx.checked_sub(1)?))
    {
        if let Some(d) = (0..p.len())
            .rev()
            .find(|&k| ["a", "an", "the"].contains(&p.w(k)))
        {
            let ptoks = &p.tokens;
            let np: Vec<String> = (d + 1..p.len())
                .filter(|&k| p.tokens[k].word)
                .map(|k| p.text[ptoks[k].span.clone()].to_string())
                .take(5)
                .collect();
            if !np.is_empty() {
                words.splice(0..1, np);
            }
        }
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    clean_label(&refs)
}

/// "X, along with Y", "X and the Y": one proposal each (not inside quotations).
pub(super) fn split_coordinated(label: &str) -> Vec<String> {
    if label.contains('“') || label.contains('"') {
        return vec![label.to_string()];
    }
    let mut parts = vec![label.to_string()];
    for sep in [
        ", along with ",
        " along with ",
        " as well as ",
        " and the ",
        " and a ",
        " and an ",
    ] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .filter_map(|p| clean_label(&p.split(' ').collect::<Vec<_>>()))
        .filter(|p| p.split(' ').count() >= 2 || p.len() > 6)
        .collect()
}

pub(super) fn clean_label(words: &[&str]) -> Option<String> {
    let mut w = words.to_vec();
    while w
        .first()
        .is_some_and(|f| ["a", "an", "the", "that", "to", "A", "An", "The"].contains(f))
    {
        w.remove(0);
    }
    // "a hypothetical scenario, in": nor does it end with a preposition whose object the
    // cut left out (a particle after a past form stays: "relief be phased in")
    let dangling = |w: &[&str]| {
        let k = w.len();
        k > 0
            && crate::extract::lexicon::PREPOSITIONS.contains(w[k - 1])
            && !(k > 1 && w[k - 2].ends_with("ed") && PARTICLE_WORDS.contains(w[k - 1]))
    };
    while w
        .last()
        .is_some_and(|l| [",", "and", "or", "the", "a", ".", "!", "?", ";"].contains(l))
        || dangling(&w)
    {
        w.pop();
    }
    // "outside mediation for months": how long it has been sought is no part of it
    if w.len() > 2
        && w[w.len() - 2] == "for"
        && ["days", "weeks", "months", "years", "decades"].contains(&w[w.len() - 1])
    {
        w.truncate(w.len() - 2);
    }
    if w.is_empty() {
        return None;
    }
    let mut out = String::new();
    for (i, t) in w.iter().enumerate() {
        let attach = i > 0 && (t.starts_with('\'') || t.starts_with('’') || *t == "," || *t == "%");
        if i > 0 && !attach {
            out.push(' ');
        }
        out.push_str(t);
    }
    Some(out)
}
