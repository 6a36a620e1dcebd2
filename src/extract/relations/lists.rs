//! Lists of names: the mentions coordinated before a verb ("A, B and C met"), those listed
//! after a word ("with A, B and C"), and a subject whose list is broken by appositions ("A
//! and her counterparts B and C, from X and Y respectively, discussed"). Every frame
//! reads its parties through these.

use super::*;

/// Words a list of names may hold between its names: `data/lexicon/list_words.txt`.
static LIST_WORDS: Words = Words::data(include_str!("../../../data/lexicon/list_words.txt"));

/// "A and her counterparts B and C, from X and Y respectively, discussed …", "A, B and C,
/// along with the host, D, discussed …": the people of a subject that runs from the first
/// name of its clause to the verb at `end` over names, titles and the words of a list
/// only (no other word, so no second clause), when it opens the sentence or follows a
/// comma.
pub(super) fn listed_subjects(s: &Sent<'_>, x: &Extraction, end: usize) -> Vec<usize> {
    let Some(first) = (0..end).find(|&q| s.entity(x, q).is_some()) else {
        return Vec::new();
    };
    // what comes before the first name: nothing, or an opening phrase ended by a comma
    let mut start = first;
    while start > 0 && (s.class(start - 1) == WordClass::Name || s.gaz.is_role(s.w(start - 1))) {
        start -= 1;
    }
    if start > 0 && s.w(start - 1) != "," {
        return Vec::new();
    }
    let mut people: Vec<usize> = Vec::new();
    for q in first..end {
        match s.entity(x, q) {
            Some(e) => {
                if x.entities[e].etype == EntityType::Person && !people.contains(&e) {
                    people.push(e);
                }
            }
            None => {
                let listy = s.class(q) == WordClass::Name
                    || s.gaz.is_role(s.w(q))
                    || LIST_WORDS.contains(s.w(q));
                if !listy {
                    return Vec::new();
                }
            }
        }
    }
    people
}

/// Mentions ending right before token `end`, with those coordinated before them.
pub(super) fn coordinated(s: &Sent<'_>, x: &Extraction, end: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = end;
    // "A and B's chief, C, signed": the appositive's comma
    if k >= 2 && s.w(k - 1) == "," && s.entity(x, k - 2).is_some() {
        k -= 1;
    }
    let Some(last) = (k > 0).then(|| s.entity(x, k - 1)).flatten() else {
        return out;
    };
    out.push(last);
    // walk to the mention's first token
    while k > 0 && s.entity(x, k - 1) == Some(last) {
        k -= 1;
    }
    loop {
        // title words between the conjunction and the name: "and Russian Foreign Minister B"
        // (and lower-case titles after a possessor: "and Britain's Europe minister B")
        let mut t = k;
        let mut after_role = false;
        while t > 0 && k - t < 6 {
            let w = s.w(t - 1);
            let role = s.gaz.is_role(w);
            // a lower-case modifier of a title: "trade minister", "foreign minister"
            let modifier = after_role
                && w.chars().all(char::is_alphabetic)
                && !matches!(
                    w,
                    "and"
                        | "or"
                        | "of"
                        | "with"
                        | "to"
                        | "by"
                        | "in"
                        | "at"
                        | "for"
                        | "from"
                        | "a"
                        | "an"
                        | "as"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                );
            if s.entity(x, t - 1).is_none()
                && (s
                    .surface(t - 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    || w == "the"
                    || modifier
                    || role)
            {
                after_role = role;
                t -= 1;
            } else if t >= 2
                && matches!(s.w(t - 1), "'s" | "’s")
                && s.entity(x, t - 2)
                    .is_some_and(|e| x.entities[e].etype != EntityType::Person)
            {
                t -= 2;
                while t > 0 && s.entity(x, t - 1).is_some() && s.entity(x, t - 1) == s.entity(x, t)
                {
                    t -= 1;
                }
            } else {
                break;
            }
        }
        if t < k && t > 0 && ["and", ","].contains(&s.w(t - 1)) {
            k = t;
        }
        if k == 0 || !["and", ","].contains(&s.w(k - 1)) {
            break;
        }
        // a list ends with "and" ("A, B and C"): a name and a comma right before the last
        // one is an apposition or another clause ("During her meeting with A, B stated")
        if out.len() == 1 && s.w(k - 1) == "," && k >= 2 && s.entity(x, k - 2).is_some() {
            break;
        }
        // back over "and" / "," to the previous name, past titles and possessors
        // ("A and the B's political chief, C": A and C; B only qualifies C)
        let mut j = k - 1;
        let mut found = None;
        let mut q = j;
        let mut steps = 0;
        let mut crossed_and = false;
        while q > 0 && steps < 10 {
            q -= 1;
            steps += 1;
            if s.w(q) == "and" {
                crossed_and = true;
            }
            if [".", ";", "“", "”", "\""].contains(&s.w(q)) {
                break;
            }
            if let Some(e) = s.entity(x, q) {
                if matches!(s.w(q + 1), "'s" | "’s") {
                    continue;
                }
                // after a bare comma only a list item right before it is a conjunct
                // ("A, B and C"), not a name that qualifies a title ("The UN secretary
                // general, António Guterres,")
                if s.w(j) == "," && q + 1 != j && !crossed_and {
                    break;
                }
                // ", and" joins clauses unless a list item stands right before the comma
                // ("A, B, and C"; not "X urged A to …, and B asked")
                if s.w(j) == "and" && j >= 1 && s.w(j - 1) == "," && q + 2 != j {
                    break;
                }
                let mut first = q;
                while first > 0 && s.entity(x, first - 1) == Some(e) {
                    first -= 1;
                }
                // "In Paris, Kerry said": a name after a preposition is no conjunct
                if first > 0 && s.class(first - 1) == WordClass::Preposition {
                    break;
                }
                found = Some((e, q + 1));
                break;
            }
        }
        let Some((e, t_end)) = found else { break };
        if !out.contains(&e) {
            out.push(e);
        }
        j = t_end;
        while j > 0 && s.entity(x, j - 1) == Some(e) {
            j -= 1;
        }
        k = j;
    }
    out.reverse();
    out
}

/// The names listed from token `from` on: "A, B and C", "A, and B" (empty when no name
/// stands at `from`).
pub(super) fn listed(s: &Sent<'_>, x: &Extraction, from: usize) -> Vec<usize> {
    let n = s.len();
    let mut out: Vec<usize> = Vec::new();
    let mut k = from;
    // titles before a name: "Prime Minister Ehud Olmert, and President Mahmoud Abbas"
    let skip_title = |mut k: usize| {
        let start = k;
        while k < n.min(start + 3)
            && s.entity(x, k).is_none()
            && (s.w(k) == "the" || s.surface(k).starts_with(char::is_uppercase))
        {
            k += 1;
        }
        k
    };
    k = skip_title(k);
    while let Some(e) = s.entity(x, k) {
        if !out.contains(&e) {
            out.push(e);
        }
        k = s.name_end(x, k);
        // a person's state or country: "Senators A of Florida, B of Utah, and C"
        if s.w(k) == "of"
            && x.entities[e].etype == EntityType::Person
            && s.entity(x, k + 1)
                .is_some_and(|p| x.entities[p].etype == EntityType::Place)
        {
            k = s.name_end(x, k + 1);
        }
        if !matches!(s.w(k), "," | "and") {
            break;
        }
        k += if s.w(k) == "," && s.w(k + 1) == "and" {
            2
        } else {
            1
        };
        k = skip_title(k);
    }
    out
}
