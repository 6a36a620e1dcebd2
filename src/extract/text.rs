//! Sentences and tokens with byte spans into the article text.
//!
//! Sentence ends are found at `.`, `!` and `?` (with closing quotes) before a capital,
//! quote or digit, except after abbreviations news uses ("Mr", "Jan.", "U.S.", initials).

use crate::extract::lexicon::Words;
use std::ops::Range;

/// A token: a word (letters, digits, inner `'`, `-`, `.` as in "U.S.") or one punctuation mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the article text.
    pub span: Range<usize>,
    /// Whether it is a word (not punctuation).
    pub word: bool,
    /// The surface lower-cased, once: the rules ask for most tokens several times.
    pub lower: String,
    /// Its coarse word class.
    pub class: WordClass,
    /// Inside a quotation (opened by `“` or `"` earlier in the sentence, not yet closed).
    pub quoted: bool,
}

/// A coarse word class, read off the token's shape and the closed-class word lists of
/// `data/lexicon/` (no statistical tagger: open-class words the lists do not name are
/// [`WordClass::Other`], capitalised ones [`WordClass::Name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// A punctuation mark.
    Punctuation,
    /// Digits ("13", "5,000", "2014").
    Number,
    /// "the", "a", "this", "its" …
    Determiner,
    /// "he", "they", "who", "which" …
    Pronoun,
    /// "in", "with", "between" …
    Preposition,
    /// "and", "but", "while" …: joins two clauses or two phrases.
    Conjunction,
    /// "is", "has", "will", "could" …
    Auxiliary,
    /// A capitalised word: a name or part of one, or a sentence's first word.
    Name,
    /// Any other word: noun, verb, adjective, adverb.
    Other,
}

static DETERMINERS: Words = Words::data(include_str!("../../data/lexicon/determiners.txt"));
static PRONOUNS: Words = Words::data(include_str!("../../data/lexicon/pronouns.txt"));
static CONJUNCTIONS: Words = Words::data(include_str!("../../data/lexicon/conjunctions.txt"));
static AUXILIARIES: Words = Words::data(include_str!("../../data/lexicon/auxiliaries.txt"));

impl WordClass {
    /// The class of a token by its surface and lower-case form.
    pub fn of(surface: &str, lower: &str, word: bool) -> WordClass {
        if !word {
            WordClass::Punctuation
        } else if lower.starts_with(|c: char| c.is_ascii_digit()) {
            WordClass::Number
        } else if DETERMINERS.contains(lower) {
            WordClass::Determiner
        } else if PRONOUNS.contains(lower) {
            WordClass::Pronoun
        } else if crate::extract::lexicon::PREPOSITIONS.contains(lower) {
            WordClass::Preposition
        } else if CONJUNCTIONS.contains(lower) {
            WordClass::Conjunction
        } else if AUXILIARIES.contains(lower) {
            WordClass::Auxiliary
        } else if surface.starts_with(char::is_uppercase) {
            WordClass::Name
        } else {
            WordClass::Other
        }
    }
}

fn token(text: &str, span: Range<usize>, word: bool) -> Token {
    let surface = &text[span.clone()];
    let lower = surface.to_lowercase();
    Token {
        class: WordClass::of(surface, &lower, word),
        span,
        word,
        lower,
        quoted: false,
    }
}

static ABBREVIATIONS: Words = Words::data(include_str!("../../data/lexicon/abbreviations.txt"));

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text[range]` into tokens.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    tokenize_in_quote(text, range, false).0
}

/// Splits `text[range]` into tokens, the range starting inside a quotation when `quoted`
/// (a quotation of several sentences: “It was hard. The guards were cruel.”); returns the
/// tokens and whether a quotation is still open at the range's end.
pub fn tokenize_in_quote(text: &str, range: Range<usize>, quoted: bool) -> (Vec<Token>, bool) {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let start = pos;
            let mut j = i + 1;
            while j < chars.len() {
                let (_, cj) = chars[j];
                if is_word_char(cj) {
                    j += 1;
                    continue;
                }
                // inner joiners: don't / al-Assad / U.S. / 5.4
                let next_word = chars.get(j + 1).is_some_and(|&(_, n)| is_word_char(n));
                let plus_digit =
                    cj == '+' && chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
                // "5,000", "17,500": thousands separators inside a number
                let thousands = cj == ','
                    && s[start..chars[j].0]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',')
                    && (1..=3).all(|d| chars.get(j + d).is_some_and(|&(_, n)| n.is_ascii_digit()))
                    && chars.get(j + 4).is_none_or(|&(_, n)| !n.is_ascii_digit());
                if thousands {
                    j += 1;
                    continue;
                }
                // "Export–Import Bank", "Iran–Iraq War": an en dash between two names joins
                // them as a hyphen does (not a range: "2019–2020", "pages 4–6")
                let dash_name = cj == '–'
                    && chars[j - 1].1.is_alphabetic()
                    && chars.get(j + 1).is_some_and(|&(_, n)| n.is_uppercase());
                if (matches!(cj, '-' | '\'' | '’' | '.' | '&') && next_word)
                    || plus_digit
                    || dash_name
                {
                    // keep possessive 's as its own token
                    if matches!(cj, '\'' | '’')
                        && chars.get(j + 1).is_some_and(|&(_, n)| n == 's' || n == 'S')
                        && chars.get(j + 2).is_none_or(|&(_, n)| !is_word_char(n))
                    {
                        break;
                    }
                    j += 1;
                    continue;
                }
                // trailing period of a dotted abbreviation: U.S. / U.N.
                if cj == '.'
                    && s[start..chars[j].0].contains('.')
                    && s[start..chars[j].0].len() <= 6
                {
                    j += 1;
                }
                break;
            }
            let end = chars.get(j).map_or(s.len(), |&(p, _)| p);
            out.push(token(text, range.start + start..range.start + end, true));
            i = j;
        } else if matches!(c, '\'' | '’')
            && chars.get(i + 1).is_some_and(|&(_, n)| n == 's' || n == 'S')
            && chars.get(i + 2).is_none_or(|&(_, n)| !is_word_char(n))
            && i > 0
            && is_word_char(chars[i - 1].1)
        {
            let end = chars.get(i + 2).map_or(s.len(), |&(p, _)| p);
            out.push(token(text, range.start + pos..range.start + end, true));
            i += 2;
        } else {
            let end = chars.get(i + 1).map_or(s.len(), |&(p, _)| p);
            out.push(token(text, range.start + pos..range.start + end, false));
            i += 1;
        }
    }
    // quotation spans: a curly pair, or straight quotes taken in turn
    let mut inside = quoted;
    for t in &mut out {
        match &text[t.span.clone()] {
            "“" => inside = true,
            "”" => inside = false,
            "\"" => inside = !inside,
            _ => {}
        }
        t.quoted = inside;
    }
    (out, inside)
}

/// Splits `text[range]` (one paragraph) into sentence spans, trimmed.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
                j += 1;
            }
            let end = chars.get(j).map_or(s.len(), |&(p, _)| p);
            let followed = chars.get(j).is_some_and(|&(_, n)| n.is_whitespace());
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_ok = chars.get(k).is_some_and(|&(_, n)| {
                n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '\'' | '(')
            });
            let word_before = s[..pos]
                .rsplit(|ch: char| ch.is_whitespace() || ch == '(' || ch == '"' || ch == '“')
                .next()
                .unwrap_or("");
            let wb = word_before.to_lowercase();
            let abbreviation = c == '.'
                && (ABBREVIATIONS.contains(&wb.as_str())
                    || (word_before.chars().count() == 1
                        && word_before.chars().all(char::is_uppercase))
                    || (wb.contains('.') && wb.len() <= 5));
            if followed && next_ok && !abbreviation {
                push_trimmed(s, range.start, start..end, &mut out);
                start = end;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    push_trimmed(s, range.start, start..s.len(), &mut out);
    out
}

fn push_trimmed(s: &str, base: usize, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &s[r.clone()];
    let t = piece.trim();
    if !t.is_empty() {
        let lead = piece.len() - piece.trim_start().len();
        out.push(base + r.start + lead..base + r.start + lead + t.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_spans_slice_back() {
        let text =
            "Mr Kerry met Mr. Lavrov in Paris on Jan. 13. The U.S. envoy said “yes.” Talks resume.";
        let got: Vec<&str> = sentences(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            got,
            [
                "Mr Kerry met Mr. Lavrov in Paris on Jan. 13.",
                "The U.S. envoy said “yes.”",
                "Talks resume."
            ]
        );
    }

    /// A quotation of several sentences: the middle ones, with no quotation mark of their
    /// own, are inside it; the sentence after its close is not.
    #[test]
    fn a_quotation_runs_over_sentences() {
        let text =
            "\"It was hard,\" she said. \"We walked. They moved us. Then it ended.\" She left.";
        let mut quoted = false;
        let mut inside = Vec::new();
        for s in sentences(text, 0..text.len()) {
            let tokens;
            (tokens, quoted) = tokenize_in_quote(text, s, quoted);
            let words: Vec<bool> = tokens.iter().filter(|t| t.word).map(|t| t.quoted).collect();
            inside.push(words);
        }
        assert_eq!(
            inside,
            [
                vec![true, true, true, false, false],
                vec![true, true],
                vec![true, true, true],
                vec![true, true, true],
                vec![false, false],
            ]
        );
        assert!(!quoted);
    }

    #[test]
    fn tokens_keep_names_whole_and_split_possessives() {
        let text = "Syria’s president Bashar al-Assad met U.S. envoys, Ban Ki-moon's aides.";
        let toks: Vec<&str> = tokenize(text, 0..text.len())
            .into_iter()
            .map(|t| &text[t.span])
            .collect();
        assert_eq!(
            toks,
            [
                "Syria",
                "’s",
                "president",
                "Bashar",
                "al-Assad",
                "met",
                "U.S.",
                "envoys",
                ",",
                "Ban",
                "Ki-moon",
                "'s",
                "aides",
                "."
            ]
        );
    }

    #[test]
    fn numbers_with_thousands_separators_are_one_token() {
        let n = "They freed 5,000 prisoners, 12, 30 and 1,250,000 more.";
        let nt: Vec<&str> = tokenize(n, 0..n.len())
            .into_iter()
            .map(|t| &n[t.span])
            .collect();
        assert_eq!(
            nt,
            [
                "They",
                "freed",
                "5,000",
                "prisoners",
                ",",
                "12",
                ",",
                "30",
                "and",
                "1,250,000",
                "more",
                "."
            ]
        );
    }

    #[test]
    fn every_token_span_is_its_surface() {
        let text = "«Ça va», dit-il — 5.4 km; Zürich's café.";
        for t in tokenize(text, 0..text.len()) {
            assert!(!text[t.span.clone()].trim().is_empty());
        }
    }
}
