//! The document model: one article read once, which the relation frames all read.
//!
//! Where it sits: after mention detection and entity grouping, before the frames. The
//! tokenizer ([`super::text`]) already gives each token its byte span, lower-case form,
//! coarse [`WordClass`] and whether it is inside a quotation; a [`Doc`] adds, per sentence,
//! which mention each token belongs to, and the gazetteer the article was read with (the
//! user-extended one: entity ids index it, so the frames must not reach for another).

use super::gazetteer::Gazetteer;
use super::text::{Token, WordClass};
use super::{EntityType, Extraction, Sentence};
use crate::ingest::BlockKind;

/// One article's sentences with their mentions, and the gazetteer behind its entity ids.
pub(crate) struct Doc<'a> {
    /// The sentences, in order.
    pub sents: Vec<Sent<'a>>,
}

/// One sentence of a [`Doc`].
pub(crate) struct Sent<'a> {
    /// Its index in [`Extraction::sentences`].
    pub idx: usize,
    /// The article text (token spans index it).
    pub text: &'a str,
    /// The block it is in (headline, body …).
    pub block: BlockKind,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Token index → the mention (index into [`Extraction::mentions`]) it is part of.
    pub at: Vec<Option<usize>>,
    /// The gazetteer the article's entities were found with.
    pub gaz: &'a Gazetteer,
}

impl<'a> Doc<'a> {
    /// Reads `sentences` (taken out of `x` for the time the frames run, so that they can
    /// add entities and relations to `x`) with the mentions of `x`.
    pub fn new(
        text: &'a str,
        gaz: &'a Gazetteer,
        sentences: &'a [Sentence],
        x: &Extraction,
    ) -> Self {
        let sents = sentences
            .iter()
            .enumerate()
            .map(|(idx, s)| {
                let mut at = vec![None; s.tokens.len()];
                // mentions are sorted by (sentence, start): this sentence's are one slice
                let lo = x
                    .mentions
                    .partition_point(|m| m.sentence.is_some_and(|k| k < idx));
                let hi = x
                    .mentions
                    .partition_point(|m| m.sentence.is_some_and(|k| k <= idx));
                for (mi, m) in x.mentions[lo..hi].iter().enumerate() {
                    let first = s.tokens.partition_point(|t| t.span.start < m.span.start);
                    for (ti, t) in s.tokens.iter().enumerate().skip(first) {
                        if t.span.end > m.span.end {
                            break;
                        }
                        at[ti] = Some(lo + mi);
                    }
                }
                Sent {
                    idx,
                    text,
                    block: s.block,
                    tokens: &s.tokens,
                    at,
                    gaz,
                }
            })
            .collect();
        Doc { sents }
    }
}

impl<'a> Sent<'a> {
    /// How many tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Token `i` lower-cased, or "" past either end.
    pub fn w(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_str())
    }

    /// Token `i` as written, or "" past the end.
    pub fn surface(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.text[t.span.clone()])
    }

    /// The word class of token `i` ([`WordClass::Punctuation`] past the end).
    pub fn class(&self, i: usize) -> WordClass {
        self.tokens
            .get(i)
            .map_or(WordClass::Punctuation, |t| t.class)
    }

    /// Whether the tokens from `i` on are `phrase` (lower case).
    pub fn matches(&self, i: usize, phrase: &[&str]) -> bool {
        phrase.iter().enumerate().all(|(k, p)| self.w(i + k) == *p)
    }

    /// The lower-case words, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> + '_ {
        self.tokens.iter().map(|t| t.lower.as_str())
    }

    /// Where the clause holding token `i` starts, looking back at most `reach` tokens: after
    /// the nearest comma, semicolon or conjunction ("A said …, but B refused to meet C").
    pub fn clause_start(&self, i: usize, reach: usize) -> usize {
        let lo = i.saturating_sub(reach);
        (lo..i)
            .rev()
            .find(|&k| matches!(self.w(k), "," | ";") || self.class(k) == WordClass::Conjunction)
            .map_or(lo, |b| b + 1)
    }

    /// The entity of the mention at token `i`.
    pub fn entity(&self, x: &Extraction, i: usize) -> Option<usize> {
        self.at
            .get(i)
            .copied()
            .flatten()
            .map(|m| x.mentions[m].entity)
    }

    /// The token after the name at token `i` (the run of tokens naming the same entity), or
    /// `i` itself when no name stands there: "visited A's home town" → the "'s".
    pub fn name_end(&self, x: &Extraction, i: usize) -> usize {
        let Some(e) = self.entity(x, i) else { return i };
        (i..self.len())
            .find(|&k| self.entity(x, k) != Some(e))
            .unwrap_or(self.len())
    }

    /// The entity of the mention at token `i` when it is a person.
    pub fn person(&self, x: &Extraction, i: usize) -> Option<usize> {
        self.entity(x, i)
            .filter(|&e| x.entities[e].etype == EntityType::Person)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::ingest::{Article, Metadata};

    #[test]
    fn a_doc_gives_each_token_its_form_class_quote_and_mention() {
        let a = Article::from_text(
            "t",
            "Talks\n\nForeign Minister Anna Berg met Tom Vale, who said “we agreed”.\n",
            Metadata::default(),
        );
        let gaz = Gazetteer::bundled();
        let x = extract(&a, gaz);
        let doc = Doc::new(&a.text, gaz, &x.sentences, &x);
        let s = doc
            .sents
            .iter()
            .find(|s| s.words().any(|w| w == "met"))
            .expect("the sentence with the meeting");
        for (i, t) in s.tokens.iter().enumerate() {
            assert_eq!(s.surface(i), &a.text[t.span.clone()]);
            assert_eq!(s.w(i), s.surface(i).to_lowercase());
        }
        let at = |w: &str| s.words().position(|x| x == w).expect(w);
        assert_eq!(s.class(at("met")), WordClass::Other);
        assert_eq!(s.class(at("who")), WordClass::Pronoun);
        assert_eq!(s.class(at(",")), WordClass::Punctuation);
        assert_eq!(s.class(at("anna")), WordClass::Name);
        assert!(s.tokens[at("agreed")].quoted);
        assert!(!s.tokens[at("said")].quoted);
        let berg = s.person(&x, at("berg")).expect("Anna Berg is a person");
        assert_eq!(x.entities[berg].name, "Anna Berg");
        assert_eq!(s.person(&x, at("met")), None);
        // "who said": the clause after the comma
        assert_eq!(s.clause_start(at("said"), 4), at("who"));
        assert_eq!(s.w(s.len()), "");
    }
}
