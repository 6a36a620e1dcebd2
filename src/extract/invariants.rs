//! The promises an [`Extraction`] keeps about its article, checked: every span lies in
//! the text on character boundaries, every index points at something. The property
//! tests (`tests/robustness.rs`) and the fuzz targets (`fuzz/`) call [`Extraction::check`]
//! on arbitrary input, so a broken promise is found there rather than as a panic in a
//! later stage.

use std::ops::Range;

use super::Extraction;
use crate::ingest::Article;

/// Whether `span` lies inside `text` on character boundaries.
fn span_ok(text: &str, span: &Range<usize>) -> bool {
    span.start <= span.end && text.get(span.clone()).is_some()
}

fn check_span(text: &str, span: &Range<usize>, what: &str) -> Result<(), String> {
    if span_ok(text, span) {
        Ok(())
    } else {
        Err(format!(
            "{what} span {span:?} is not a slice of the {}-byte text",
            text.len()
        ))
    }
}

fn check_index(i: usize, len: usize, what: &str) -> Result<(), String> {
    if i < len {
        Ok(())
    } else {
        Err(format!("{what} index {i} out of {len}"))
    }
}

impl Article {
    /// Checks that the layout's spans are slices of the text.
    pub fn check(&self) -> Result<(), String> {
        let t = &self.text;
        for b in &self.blocks {
            check_span(t, &b.span, "block")?;
        }
        for d in &self.datelines {
            check_span(t, &d.span, "dateline")?;
            for part in [&d.place, &d.agency, &d.region].into_iter().flatten() {
                check_span(t, part, "dateline part")?;
            }
        }
        for s in self
            .credit_persons
            .iter()
            .chain(&self.credit_orgs)
            .chain(&self.credit_places)
        {
            check_span(t, s, "credit")?;
        }
        Ok(())
    }
}

impl Extraction {
    /// Checks every span and index against the article it was extracted from.
    pub fn check(&self, article: &Article) -> Result<(), String> {
        let t = &article.text;
        for s in &self.sentences {
            check_span(t, &s.span, "sentence")?;
            for tok in &s.tokens {
                check_span(t, &tok.span, "token")?;
            }
        }
        let (ne, ns) = (self.entities.len(), self.sentences.len());
        for m in &self.mentions {
            check_span(t, &m.span, "mention")?;
            if m.span.is_empty() {
                return Err(format!("empty mention at {:?}", m.span));
            }
            check_index(m.entity, ne, "mention entity")?;
            if let Some(sentence) = m.sentence {
                check_index(sentence, ns, "mention sentence")?;
            }
        }
        for e in &self.entities {
            if e.name.trim().is_empty() {
                return Err("an entity without a name".into());
            }
        }
        for r in &self.relations {
            check_index(r.subject, ne, "relation subject")?;
            if let Some(o) = r.object {
                check_index(o, ne, "relation object")?;
            }
            check_index(r.sentence, ns, "relation sentence")?;
            if let Some(m) = r.meeting {
                check_index(m, self.meetings.len(), "relation meeting")?;
            }
            if !(0.0..=1.0).contains(&r.confidence) {
                return Err(format!("confidence {} outside 0–1", r.confidence));
            }
        }
        for m in &self.meetings {
            for &p in m.participants.iter().chain(&m.place).chain(&m.event) {
                check_index(p, ne, "meeting entity")?;
            }
            check_index(m.sentence, ns, "meeting sentence")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract, Gazetteer};
    use crate::ingest::Metadata;

    #[test]
    fn a_real_extraction_keeps_its_promises_and_a_broken_one_is_caught() {
        let a = Article::from_text(
            "t",
            "Talks in Paris\n\nJohn Kerry met Sergei Lavrov in Paris on Monday.\n",
            Metadata::default(),
        );
        a.check().expect("layout spans");
        let mut x = extract(&a, Gazetteer::bundled());
        assert!(!x.mentions.is_empty());
        x.check(&a).expect("extraction spans");
        x.mentions[0].span = 3..a.text.len() + 1;
        assert!(x.check(&a).is_err());
    }
}
