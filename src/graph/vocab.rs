//! The vocabulary newsgraph writes, as constants. A test checks that every `ng:` term used
//! here is declared in `ontology/newsgraph.ttl`.

use oxigraph::model::NamedNodeRef;

/// The version of `ontology/newsgraph.ttl` (its `owl:versionInfo`), recorded in every
/// store; a test checks the two agree.
pub const ONTOLOGY_VERSION: &str = "4";

/// The newsgraph ontology namespace.
pub const NG: &str = "https://w3id.org/newsgraph/ontology#";

macro_rules! terms {
    ($ns:literal; $($name:ident = $local:literal),* $(,)?) => {
        $(
            #[doc = concat!("`", $ns, $local, "`")]
            pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));
        )*
        /// Every term of this namespace that newsgraph uses.
        pub const ALL: &[NamedNodeRef<'static>] = &[$($name),*];
    };
}

/// Terms of the newsgraph ontology (`ng:`).
pub mod ng {
    use super::NamedNodeRef;
    terms!("https://w3id.org/newsgraph/ontology#";
        PERSON = "Person", ORGANIZATION = "Organization", PLACE = "Place", EVENT = "Event",
        MEETING = "Meeting", MEETING_REPORT = "MeetingReport", REPORT = "report", PROPOSAL = "Proposal", ASSERTION = "Assertion",
        MET_WITH = "metWith", BACKS = "backs", PROPOSED = "proposed",
        ROLE = "role", AFFILIATED_WITH = "affiliatedWith", GEONAMES_ID = "geonamesId",
        PARTICIPANT = "participant", PLACE_PROP = "place", DATE = "date", PART_OF = "partOf",
        ARTICLE = "article", SENTENCE = "sentence", START_OFFSET = "startOffset", END_OFFSET = "endOffset",
        RULE = "rule", CONFIDENCE = "confidence", EVIDENCE = "evidence",
        CONTENT_HASH = "contentHash", TEXT = "text", SOURCE_FILE = "sourceFile", STORE_VERSION = "storeVersion",
        ONTOLOGY_VERSION = "ontologyVersion", STORE_FORMAT = "storeFormat", BULK_LOAD_PENDING = "bulkLoadPending", PUSH_RECORD = "PushRecord", ENDPOINT = "endpoint", GRAPH = "graph", DIGEST = "digest",
        TALLY = "Tally", ARTICLE_COUNT = "articleCount", FIRST_DATE = "firstDate", REPORTED_PLACE = "reportedPlace",
        OUTLET = "outlet", EXAMPLE_SENTENCE = "exampleSentence", TALLIES_STALE = "talliesStale",
    );
}

/// schema.org terms.
pub mod schema {
    use super::NamedNodeRef;
    terms!("https://schema.org/";
        NEWS_ARTICLE = "NewsArticle", HEADLINE = "headline", PUBLISHER = "publisher", AUTHOR = "author",
        DATE_PUBLISHED = "datePublished", URL = "url", MENTIONS = "mentions", IDENTIFIER = "identifier",
    );
}

/// SKOS terms.
pub mod skos {
    use super::NamedNodeRef;
    terms!("http://www.w3.org/2004/02/skos/core#"; ALT_LABEL = "altLabel");
}

/// OWL terms.
pub mod owl {
    use super::NamedNodeRef;
    terms!("http://www.w3.org/2002/07/owl#"; SAME_AS = "sameAs");
}

/// PROV-O terms.
pub mod prov {
    use super::NamedNodeRef;
    terms!("http://www.w3.org/ns/prov#"; WAS_DERIVED_FROM = "wasDerivedFrom");
}

/// Prefixes used in Turtle output and query headers.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ng", NG),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("schema", "https://schema.org/"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("prov", "http://www.w3.org/ns/prov#"),
];

#[cfg(test)]
mod tests {
    use super::*;

    const ONTOLOGY: &str = include_str!("../../ontology/newsgraph.ttl");

    #[test]
    fn every_ng_term_is_declared_in_the_ontology() {
        let used = ng::ALL;
        let store = oxigraph::store::Store::new().expect("memory store");
        store
            .load_from_slice(oxigraph::io::RdfFormat::Turtle, ONTOLOGY)
            .expect("ontology parses");
        for &t in used {
            let declared = store
                .quads_for_pattern(
                    Some(t.into()),
                    Some(oxigraph::model::vocab::rdf::TYPE),
                    None,
                    None,
                )
                .next()
                .is_some();
            assert!(
                declared,
                "{t} is used but not declared in ontology/newsgraph.ttl"
            );
        }
        let version: Vec<String> = store
            .quads_for_pattern(
                None,
                Some(oxigraph::model::NamedNodeRef::new_unchecked(
                    "http://www.w3.org/2002/07/owl#versionInfo",
                )),
                None,
                None,
            )
            .map(|q| match q.expect("quad").object {
                oxigraph::model::Term::Literal(l) => l.value().to_string(),
                other => other.to_string(),
            })
            .collect();
        assert_eq!(
            version,
            [super::ONTOLOGY_VERSION],
            "owl:versionInfo of the ontology"
        );
    }
}
