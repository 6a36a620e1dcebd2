//! Store versioning: a store records the newsgraph and ontology versions that wrote it;
//! a store of a newer format is refused and left untouched; a store of an older format
//! is refused with advice, described by `info`, and upgraded by `rebuild` into a store
//! equal to a fresh ingest, the old one kept beside it.

mod common;

use std::path::Path;

use assert_cmd::prelude::*;
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, Literal, NamedNodeRef, Quad, QuadRef, Term};
use oxigraph::store::Store;
use predicates::prelude::*;

use common::{bin, examples, ingested, stdout_of};

const STORE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("urn:newsgraph:store");
const META: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("urn:newsgraph:meta");
const NG: &str = "https://w3id.org/newsgraph/ontology#";

fn info(store: &Path) -> serde_json::Value {
    let out = stdout_of(bin().args(["info", "--json", "--store"]).arg(store));
    serde_json::from_str(&out).expect("json")
}

/// The merged graph as sorted N-Triples lines.
fn export(store: &Path) -> Vec<String> {
    let out = stdout_of(
        bin()
            .args(["export", "--format", "ntriples", "--store"])
            .arg(store),
    );
    let mut lines: Vec<String> = out.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

#[test]
fn a_store_records_who_wrote_it() {
    let (_dir, store) = ingested();
    let i = info(&store);
    assert_eq!(i["format"], newsgraph::store::STORE_FORMAT);
    assert_eq!(i["current"], true);
    assert_eq!(i["written_by"], env!("CARGO_PKG_VERSION"));
    assert_eq!(i["ontology"], newsgraph::graph::vocab::ONTOLOGY_VERSION);
    assert_eq!(i["articles"], 3);
    assert!(i["relations"]["metWith"].as_u64().expect("count") > 0);
}

#[test]
fn a_newer_store_is_refused_and_left_untouched() {
    let (_dir, store) = ingested();
    let quads_before = {
        let s = Store::open(&store).expect("store");
        let f = oxigraph::model::NamedNode::new_unchecked(format!("{NG}storeFormat"));
        let v = oxigraph::model::NamedNode::new_unchecked(format!("{NG}storeVersion"));
        for p in [&f, &v] {
            let old: Vec<Quad> = s
                .quads_for_pattern(Some(STORE.into()), Some(p.as_ref()), None, None)
                .collect::<Result<_, _>>()
                .expect("quads");
            for q in &old {
                s.remove(q).expect("remove");
            }
        }
        let ninety_nine = Literal::new_typed_literal("99", oxigraph::model::vocab::xsd::INTEGER);
        s.insert(QuadRef::new(STORE, &f, &ninety_nine, META))
            .expect("insert");
        s.insert(QuadRef::new(
            STORE,
            &v,
            &Literal::new_simple_literal("9.9.9"),
            META,
        ))
        .expect("insert");
        s.len().expect("len")
    };
    for args in [
        vec!["ingest", "--store"],
        vec!["query", "who-met-whom", "--store"],
        vec!["export", "--store"],
        vec![
            "push",
            "--endpoint",
            "http://127.0.0.1:9/x",
            "--graph",
            "http://x/",
            "--store",
        ],
    ] {
        let mut c = bin();
        c.args(&args).arg(&store);
        if args[0] == "ingest" {
            c.arg(examples());
        }
        c.assert().code(6).stderr(
            predicate::str::contains(
                "has store format 99 (written by newsgraph 9.9.9), and this newsgraph",
            )
            .and(predicate::str::contains(
                "use the newer newsgraph that wrote it",
            )),
        );
    }
    let i = info(&store);
    assert_eq!(
        (i["format"].as_u64(), i["current"].as_bool()),
        (Some(99), Some(false))
    );
    let s = Store::open_read_only(&store).expect("store");
    assert_eq!(s.len().expect("len"), quads_before, "nothing was written");
}

/// A store as newsgraph's first format kept it: every triple in the default graph, the
/// version on the store node, no format recorded.
fn format_1_store(path: &Path, merged_ntriples: &str) {
    let s = Store::open(path).expect("store");
    s.load_from_slice(RdfFormat::NTriples, merged_ntriples.as_bytes())
        .expect("load");
    s.insert(QuadRef::new(
        STORE,
        NamedNodeRef::new_unchecked("https://w3id.org/newsgraph/ontology#storeVersion"),
        &Literal::new_simple_literal("0.1.0"),
        GraphNameRef::DefaultGraph,
    ))
    .expect("insert");
}

#[test]
fn an_older_store_is_rebuilt_into_what_a_fresh_ingest_gives() {
    let (dir, fresh) = ingested();
    let expected = export(&fresh);
    let old = dir.path().join("old-kg");
    format_1_store(&old, &(expected.join("\n") + "\n"));

    bin()
        .args(["query", "who-met-whom", "--store"])
        .arg(&old)
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "has store format 1 (written by newsgraph 0.1.0)",
        ))
        .stderr(predicate::str::contains("newsgraph rebuild --store"));
    bin()
        .args(["info", "--store"])
        .arg(&old)
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "format 1 (this newsgraph reads format {}: run `newsgraph rebuild",
            newsgraph::store::STORE_FORMAT
        )))
        .stdout(predicate::str::contains("articles 3"));

    bin()
        .args(["rebuild", "--store"])
        .arg(&old)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "rebuilt 3 articles from store format 1",
        ))
        .stderr(predicate::str::contains("the old store is kept at"));
    assert_eq!(
        export(&old),
        expected,
        "the rebuilt store equals a fresh ingest"
    );
    let i = info(&old);
    assert_eq!(
        (i["format"].as_u64(), i["written_by"].as_str()),
        (
            Some(u64::from(newsgraph::store::STORE_FORMAT)),
            Some(env!("CARGO_PKG_VERSION"))
        )
    );

    // the old store is kept as it was
    let kept = dir.path().join("old-kg.format1.bak");
    let s = Store::open_read_only(&kept).expect("the old store is kept");
    let version = s
        .quads_for_pattern(
            Some(STORE.into()),
            None,
            None,
            Some(GraphNameRef::DefaultGraph),
        )
        .map(|q| q.expect("quad").object)
        .collect::<Vec<Term>>();
    assert_eq!(version, [Term::from(Literal::new_simple_literal("0.1.0"))]);
}

#[test]
fn a_rebuild_leaves_the_old_store_alone_when_it_cannot_finish() {
    let (dir, store) = ingested();
    let expected = export(&store);
    // the folder for the new store is taken: refused before anything is written
    let taken = dir.path().join("kg.rebuilding");
    std::fs::create_dir(&taken).expect("mkdir");
    std::fs::write(taken.join("something"), "x").expect("write");
    bin()
        .args(["rebuild", "--store"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("kg.rebuilding already exists"));
    assert_eq!(export(&store), expected);
    // into another folder: the old store stays where it is, unchanged
    let into = dir.path().join("kg2");
    bin()
        .args(["rebuild", "-q", "--store"])
        .arg(&store)
        .arg("--into")
        .arg(&into)
        .assert()
        .success();
    assert_eq!(export(&store), expected);
    assert_eq!(export(&into), expected);
}

#[test]
fn a_hard_wrapped_article_keeps_its_id_through_a_rebuild_and_a_second_ingest() {
    // stored with its soft line breaks joined, yet named by the text as given
    let dir = tempfile::TempDir::new().expect("tempdir");
    let article = dir.path().join("wrapped.txt");
    std::fs::write(
        &article,
        "Talks in Oslo\n\n\
         OSLO, May 4 - Foreign Minister Anna Berg met President Tomas Vale of\n\
         Ostland on Friday to discuss a ceasefire proposed by President Tomas\n\
         Vale in March, her ministry said, adding that the talks would go on in\n\
         Bergen next week with both delegations present.\n",
    )
    .expect("write");
    let store = dir.path().join("kg");
    for _ in 0..2 {
        bin()
            .args(["ingest", "-q", "--store"])
            .arg(&store)
            .arg(&article)
            .assert()
            .success();
    }
    assert_eq!(info(&store)["articles"], 1, "a second ingest adds nothing");
    let rebuilt = dir.path().join("kg2");
    bin()
        .args(["rebuild", "-q", "--store"])
        .arg(&store)
        .arg("--into")
        .arg(&rebuilt)
        .assert()
        .success();
    let before = export(&store);
    assert!(
        before.iter().any(|l| l.contains("\"Tomas Vale\"")),
        "the name cut by the line break is whole"
    );
    assert_eq!(
        export(&rebuilt),
        before,
        "the rebuilt store is the same graph"
    );
}
