//! What a store holds, read without changing it and from a store of any format: the
//! figures `newsgraph info` prints, and the articles `newsgraph rebuild` extracts again
//! (each article's text and metadata are stored with it, so a store can always be
//! rebuilt by a newer newsgraph, or into a new format, without the original files).

use std::collections::BTreeMap;
use std::path::PathBuf;

use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{NamedNodeRef, NamedOrBlankNode, Term};

use super::{NewsStore, StoreError, LOADED_GRAPH, META_GRAPH, STORE_FORMAT};
use crate::graph::vocab::{ng, schema};
use crate::ingest::{Article, Metadata};

/// A store described.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoreInfo {
    /// The store format (1 for stores that recorded none).
    pub format: u32,
    /// Whether this newsgraph reads and writes that format.
    pub current: bool,
    /// The newsgraph version that last wrote it.
    pub written_by: Option<String>,
    /// The ontology version it was written in.
    pub ontology: Option<String>,
    /// Articles stored.
    pub articles: usize,
    /// Entities by type (`Person`, …).
    pub entities: BTreeMap<String, usize>,
    /// Relations between entities by kind (`metWith`, …).
    pub relations: BTreeMap<String, usize>,
    /// Data graphs (articles and the world graph).
    pub graphs: usize,
    /// Triples in the merged graph.
    pub triples: usize,
    /// Remote graphs pushed to, as `(endpoint, graph)`.
    pub pushed: Vec<(String, String)>,
}

fn local(iri: NamedNodeRef<'_>) -> String {
    let s = iri.as_str();
    s.rsplit(['#', '/']).next().unwrap_or(s).to_string()
}

impl NewsStore {
    fn count(&self, p: NamedNodeRef<'_>, o: Option<NamedNodeRef<'_>>) -> Result<usize, StoreError> {
        let mut n = 0;
        for q in self
            .store
            .quads_for_pattern(None, Some(p), o.map(Into::into), None)
        {
            q?;
            n += 1;
        }
        Ok(n)
    }

    /// Describes the store.
    pub fn info(&self) -> Result<StoreInfo, StoreError> {
        let format = match self.format()? {
            Some(f) => f,
            None if self.store.is_empty()? => STORE_FORMAT,
            None => 1,
        };
        let mut entities = BTreeMap::new();
        for t in [ng::PERSON, ng::ORGANIZATION, ng::PLACE, ng::EVENT] {
            entities.insert(local(t), self.count(rdf::TYPE, Some(t))?);
        }
        let mut relations = BTreeMap::new();
        for p in [ng::MET_WITH, ng::BACKS, ng::PROPOSED] {
            relations.insert(local(p), self.count(p, None)?);
        }
        let (graphs, triples) = if format == 1 {
            (0, self.store.len()?)
        } else {
            (self.data_graphs()?.len(), self.data_len()?)
        };
        let mut pushed = Vec::new();
        for q in self.store.quads_for_pattern(
            None,
            Some(rdf::TYPE),
            Some(ng::PUSH_RECORD.into()),
            Some(META_GRAPH.into()),
        ) {
            let node = q?.subject;
            let value = |p| -> Result<String, StoreError> {
                Ok(self
                    .store
                    .quads_for_pattern(Some(node.as_ref()), Some(p), None, None)
                    .next()
                    .transpose()?
                    .map(|q| match q.object {
                        Term::NamedNode(n) => n.into_string(),
                        Term::Literal(l) => l.value().to_string(),
                        other => other.to_string(),
                    })
                    .unwrap_or_default())
            };
            pushed.push((value(ng::ENDPOINT)?, value(ng::GRAPH)?));
        }
        pushed.sort();
        Ok(StoreInfo {
            format,
            current: format == STORE_FORMAT,
            written_by: self.recorded(ng::STORE_VERSION)?,
            ontology: self.recorded(ng::ONTOLOGY_VERSION)?,
            articles: self.count(rdf::TYPE, Some(schema::NEWS_ARTICLE))?,
            entities,
            relations,
            graphs,
            triples,
            pushed,
        })
    }

    fn object(&self, s: NamedNodeRef<'_>, p: NamedNodeRef<'_>) -> Result<Option<Term>, StoreError> {
        Ok(self
            .store
            .quads_for_pattern(Some(s.into()), Some(p), None, None)
            .next()
            .transpose()?
            .map(|q| q.object))
    }

    fn literal(
        &self,
        s: NamedNodeRef<'_>,
        p: NamedNodeRef<'_>,
    ) -> Result<Option<String>, StoreError> {
        Ok(match self.object(s, p)? {
            Some(Term::Literal(l)) => Some(l.value().to_string()),
            _ => None,
        })
    }

    /// The label of the entity an article points to with `p` (publisher, author).
    fn labels(&self, s: NamedNodeRef<'_>, p: NamedNodeRef<'_>) -> Result<Vec<String>, StoreError> {
        let mut out = Vec::new();
        for q in self
            .store
            .quads_for_pattern(Some(s.into()), Some(p), None, None)
        {
            if let Term::NamedNode(e) = q?.object {
                if let Some(l) = self.literal(e.as_ref(), rdfs::LABEL)? {
                    if !out.contains(&l) {
                        out.push(l);
                    }
                }
            }
        }
        Ok(out)
    }

    /// Every stored article as it was read (text, source and metadata), in the order
    /// its sources sort: by path, then by line for JSON Lines, as a folder is read.
    pub fn stored_articles(&self) -> Result<Vec<Article>, StoreError> {
        let mut out = Vec::new();
        for q in self.store.quads_for_pattern(
            None,
            Some(rdf::TYPE),
            Some(schema::NEWS_ARTICLE.into()),
            None,
        ) {
            let q = q?;
            if matches!(&q.graph_name, oxigraph::model::GraphName::NamedNode(g) if g.as_ref() == LOADED_GRAPH)
            {
                continue;
            }
            let NamedOrBlankNode::NamedNode(art) = q.subject else {
                continue;
            };
            let a = art.as_ref();
            let Some(text) = self.literal(a, ng::TEXT)? else {
                continue;
            };
            let source = self
                .literal(a, ng::SOURCE_FILE)?
                .unwrap_or_else(|| art.to_string());
            let meta = Metadata {
                id: None,
                url: match self.object(a, schema::URL)? {
                    Some(Term::NamedNode(u)) => Some(u.into_string()),
                    _ => None,
                },
                title: self.literal(a, schema::HEADLINE)?,
                outlet: self.labels(a, schema::PUBLISHER)?.into_iter().next(),
                authors: self.labels(a, schema::AUTHOR)?,
                published: self.literal(a, schema::DATE_PUBLISHED)?,
            };
            let mut article = Article::from_text(source, &text, meta);
            // the id is the hash of the text as it was first given; the stored text may
            // differ from it (hard-wrapped lines are stored joined), so the hash recorded
            // at ingest is kept
            if let Some(hash) = self.literal(a, ng::CONTENT_HASH)? {
                article.id = hash;
            }
            out.push(article);
        }
        out.sort_by_cached_key(|a| source_order(&a.source));
        out.dedup_by(|a, b| a.id == b.id);
        Ok(out)
    }
}

impl NewsStore {
    /// The base IRI the store's articles were minted under (`{base}article/{hash}`).
    pub fn base_iri(&self) -> Result<Option<String>, StoreError> {
        for q in self.store.quads_for_pattern(
            None,
            Some(rdf::TYPE),
            Some(schema::NEWS_ARTICLE.into()),
            None,
        ) {
            if let NamedOrBlankNode::NamedNode(a) = q?.subject {
                if let Some((base, _)) = a.as_str().rsplit_once("article/") {
                    return Ok(Some(base.to_string()));
                }
            }
        }
        Ok(None)
    }
}

/// `dir/feed.jsonl:12` → (`dir/feed.jsonl`, 12): paths compare by component, lines by number.
fn source_order(source: &str) -> (PathBuf, u64) {
    match source.rsplit_once(':') {
        Some((path, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => {
            (PathBuf::from(path), line.parse().unwrap_or(u64::MAX))
        }
        _ => (PathBuf::from(source), 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_sort_as_a_folder_is_read() {
        let mut s = vec![
            "b/feed.jsonl:10",
            "b/feed.jsonl:9",
            "a.txt",
            "b/a.txt",
            "a/z.txt",
        ];
        s.sort_by_cached_key(|x| source_order(x));
        assert_eq!(
            s,
            [
                "a/z.txt",
                "a.txt",
                "b/a.txt",
                "b/feed.jsonl:9",
                "b/feed.jsonl:10"
            ]
        );
    }
}
