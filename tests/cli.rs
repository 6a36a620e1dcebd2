//! Tests of the `newsgraph` binary on fixtures in temporary folders.

mod common;

use std::process::Command;

use assert_cmd::prelude::*;
use predicates::prelude::*;
use tempfile::TempDir;

use common::{bin, examples, ingested, quads};

#[test]
fn ingest_is_idempotent_and_queries_answer() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("kg");
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(examples())
        .assert()
        .success()
        .stderr(predicate::str::contains("3 articles added"));
    let n = quads(&store);
    assert!(n > 100, "{n} quads");
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(examples())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 articles added, 3 already stored",
        ));
    assert_eq!(quads(&store), n, "re-ingesting adds nothing");
    bin()
        .args(["query", "--store"])
        .arg(&store)
        .arg("who-met-whom")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("John Kerry").and(predicate::str::contains("Sergei Lavrov")),
        );
    bin()
        .args(["query", "--store"])
        .arg(&store)
        .args(["entity", "--param", "entity=Lavrov", "--results", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"bindings\""));
}

#[test]
fn queries_lists_every_bundled_query() {
    let out = bin().arg("queries").output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    for name in newsgraph::query::BUNDLED.iter().map(|q| q.name) {
        assert!(
            text.contains(name),
            "{name} missing from `newsgraph queries`"
        );
    }
}

#[test]
fn export_is_deterministic_and_parses_back() {
    let (dir, store) = ingested();
    let mut graphs = Vec::new();
    for format in ["turtle", "ntriples", "rdfxml", "trig", "nquads", "jsonld"] {
        let export_to = |file: &str| {
            let path = dir.path().join(file);
            bin()
                .args(["export", "--store"])
                .arg(&store)
                .args(["--format", format, "-o"])
                .arg(&path)
                .assert()
                .success();
            path
        };
        let out = export_to(&format!("kg.{format}"));
        let again = export_to(&format!("kg2.{format}"));
        assert_eq!(
            std::fs::read(&out).expect("read"),
            std::fs::read(&again).expect("read"),
            "{format} export is byte-identical"
        );
        let f = match format {
            "turtle" => oxigraph::io::RdfFormat::Turtle,
            "ntriples" => oxigraph::io::RdfFormat::NTriples,
            "rdfxml" => oxigraph::io::RdfFormat::RdfXml,
            "trig" => oxigraph::io::RdfFormat::TriG,
            "nquads" => oxigraph::io::RdfFormat::NQuads,
            _ => oxigraph::io::RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            },
        };
        let s = oxigraph::store::Store::new().expect("store");
        s.load_from_reader(f, std::fs::File::open(&out).expect("open"))
            .unwrap_or_else(|e| panic!("{format} does not parse back: {e}"));
        graphs.push((format, s.len().expect("len")));
    }
    let n = graphs[0].1;
    for (format, len) in &graphs {
        assert_eq!(
            *len, n,
            "{format} holds the same number of triples as Turtle"
        );
    }
}

/// Independent parsers: rdflib and raptor's rapper. `.ci/run` installs them and sets
/// NEWSGRAPH_REQUIRE_TOOLS=1 so that their absence fails the run instead of skipping.
#[test]
fn independent_parsers_accept_the_exports() {
    let required = std::env::var("NEWSGRAPH_REQUIRE_TOOLS").is_ok_and(|v| v == "1");
    let (dir, store) = ingested();
    let ttl = dir.path().join("kg.ttl");
    let nt = dir.path().join("kg.nt");
    let xml = dir.path().join("kg.rdf");
    for (f, p) in [("turtle", &ttl), ("ntriples", &nt), ("rdfxml", &xml)] {
        bin()
            .args(["export", "--store"])
            .arg(&store)
            .args(["--format", f, "-o"])
            .arg(p)
            .assert()
            .success();
    }
    let py = Command::new("python3").args(["-c", "import rdflib,sys\nfor f,fmt in [(sys.argv[1],'turtle'),(sys.argv[2],'nt'),(sys.argv[3],'xml')]:\n  g=rdflib.Graph(); g.parse(f, format=fmt); print(len(g))"]).arg(&ttl).arg(&nt).arg(&xml).output();
    match py {
        Ok(o) if o.status.success() => {
            let counts: Vec<String> = String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(str::to_string)
                .collect();
            assert_eq!(counts.len(), 3);
            assert!(
                counts.iter().all(|c| c == &counts[0]),
                "rdflib reads the same graph from each format: {counts:?}"
            );
        }
        other => assert!(!required, "rdflib could not check the exports: {other:?}"),
    }
    let rapper = Command::new("rapper")
        .args(["-q", "-i", "turtle", "-c"])
        .arg(&ttl)
        .output();
    match rapper {
        Ok(o) => assert!(
            o.status.success(),
            "rapper rejects the Turtle export: {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => assert!(!required, "rapper is not installed: {e}"),
    }
}

#[test]
fn extract_writes_ntriples_to_stdout() {
    bin()
        .arg("extract")
        .arg(examples().join("03-feed.jsonl"))
        .args(["--format", "ntriples", "-q"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "<https://w3id.org/newsgraph/ontology#metWith>",
        ));
}

#[test]
fn stdin_is_read_with_dash() {
    common::bin_stdin()
        .args(["extract", "-", "--format", "ntriples", "-q"])
        .write_stdin(
            "Talks in Oslo\n\nForeign Minister Anna Berg met Tom Vale in Oslo on Monday.\n",
        )
        .assert()
        .success()
        .stdout(predicate::str::contains("Anna Berg"));
}

#[test]
fn invalid_sparql_and_unknown_query_fail_clearly() {
    let (dir, store) = ingested();
    bin()
        .args(["query", "--store"])
        .arg(&store)
        .args(["--sparql", "SELECT ?x\nWHERE {\n  ?x ?y\n}"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "newsgraph: error: --sparql:4:2: SPARQL syntax error: expected",
        ))
        .stderr(predicate::str::ends_with("\n  4 | }\n    |  ^\n"));
    let rq = dir.path().join("mine.rq");
    std::fs::write(&rq, "SELECT * WHERE { ?s ?p ?o } LIMT 3\n").expect("write");
    bin()
        .args(["query", "--store"])
        .arg(&store)
        .arg(&rq)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{}:1:", rq.display())))
        .stderr(predicate::str::contains("SPARQL syntax error"));
    bin()
        .args(["query", "--store"])
        .arg(&store)
        .arg("no-such-query")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no bundled query named"));
    bin()
        .args(["query", "--store"])
        .arg(dir.path().join("nothing-here"))
        .arg("who-met-whom")
        .assert()
        .code(6)
        .stderr(predicate::str::contains("no newsgraph store"));
    bin()
        .args(["export", "--store"])
        .arg(&store)
        .args(["--format", "yaml"])
        .assert()
        .code(2);
}

#[test]
fn user_gazetteer_entries_are_used_and_bad_lines_named() {
    let dir = TempDir::new().expect("tempdir");
    let gaz = dir.path().join("mine.tsv");
    std::fs::write(
        &gaz,
        "# my entries\nZorvan Collective\tOrganization\tZC|the Collective\nQelt\tPlace\n",
    )
    .expect("write");
    let story = dir.path().join("story.txt");
    std::fs::write(
        &story,
        "Headline\n\nThe ZC said on Monday that its fighters had left Qelt.\n",
    )
    .expect("write");
    let out = bin()
        .args(["extract", "--format", "ntriples", "--gazetteer"])
        .arg(&gaz)
        .arg(&story)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let nt = String::from_utf8_lossy(&out.stdout);
    assert!(
        nt.contains("\"Zorvan Collective\""),
        "the user's organisation is named by its canonical name"
    );
    assert!(nt.contains("\"Qelt\""), "the user's place is found");
    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "Good Name\tPlace\nBroken line without a type\n").expect("write");
    bin()
        .args(["extract", "--gazetteer"])
        .arg(&bad)
        .arg(&story)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.tsv:2:"));
}

/// `--graph-per-article`: one named graph per article plus the world graph, read back by
/// rdflib and rapper as datasets whose union is the merged graph, with no triple twice.
#[test]
fn graph_per_article_exports_are_datasets_that_independent_parsers_read() {
    let required = std::env::var("NEWSGRAPH_REQUIRE_TOOLS").is_ok_and(|v| v == "1");
    let (dir, store) = ingested();
    let merged = dir.path().join("kg.nt");
    bin()
        .args(["export", "--store"])
        .arg(&store)
        .args(["--format", "ntriples", "-o"])
        .arg(&merged)
        .assert()
        .success();
    let triples = std::fs::read_to_string(&merged)
        .expect("read")
        .lines()
        .count();
    let articles = std::fs::read_dir(examples()).expect("examples").count();
    let mut files = Vec::new();
    for (format, ext) in [("trig", "trig"), ("nquads", "nq"), ("jsonld", "jsonld")] {
        let path = dir.path().join(format!("kg.{ext}"));
        bin()
            .args(["export", "--graph-per-article", "--store"])
            .arg(&store)
            .args(["--format", format, "-o"])
            .arg(&path)
            .assert()
            .success();
        files.push((format, path));
    }
    let script = "import rdflib,sys\n\
        for f,fmt in zip(sys.argv[1::2], sys.argv[2::2]):\n  \
          d=rdflib.Dataset(); d.parse(f, format=fmt)\n  \
          gs=[g for g in d.graphs() if len(g) > 0]\n  \
          print(len(gs), sum(len(g) for g in gs), len(set((s,p,o) for s,p,o,g in d.quads())))";
    let mut cmd = Command::new("python3");
    cmd.args(["-c", script]);
    for (format, path) in &files {
        cmd.arg(path).arg(match *format {
            "jsonld" => "json-ld",
            f => f,
        });
    }
    match cmd.output() {
        Ok(o) if o.status.success() => {
            let lines: Vec<String> = String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(str::to_string)
                .collect();
            assert_eq!(lines.len(), 3, "{lines:?}");
            for l in &lines {
                assert_eq!(
                    *l,
                    format!("{} {triples} {triples}", articles + 1),
                    "a graph per article plus the world graph, nothing twice (graphs, quads, distinct triples)"
                );
            }
        }
        other => assert!(!required, "rdflib could not check the exports: {other:?}"),
    }
    for (format, path) in files.iter().filter(|(f, _)| *f != "jsonld") {
        match Command::new("rapper")
            .args(["-q", "-i", format, "-c"])
            .arg(path)
            .output()
        {
            Ok(o) => assert!(
                o.status.success(),
                "rapper rejects the {format} export: {}",
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(e) => assert!(!required, "rapper is not installed: {e}"),
        }
    }
    bin()
        .args([
            "export",
            "--graph-per-article",
            "--format",
            "turtle",
            "--store",
        ])
        .arg(&store)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "needs --format trig, nquads or jsonld",
        ));
}

/// A store of the first layout (everything in the default graph, no format stamp) is
/// refused by reading and writing commands alike, and left as it was.
#[test]
fn stores_of_another_format_are_refused_and_left_alone() {
    let dir = TempDir::new().expect("tempdir");
    let old = dir.path().join("old-kg");
    {
        let s = oxigraph::store::Store::open(&old).expect("store");
        s.insert(oxigraph::model::QuadRef::new(
            oxigraph::model::NamedNodeRef::new_unchecked("http://x/s"),
            oxigraph::model::NamedNodeRef::new_unchecked("http://x/p"),
            oxigraph::model::LiteralRef::new_simple_literal("o"),
            oxigraph::model::GraphNameRef::DefaultGraph,
        ))
        .expect("insert");
    }
    for args in [
        vec!["query", "who-met-whom", "--store"],
        vec!["export", "--store"],
        vec!["ingest", "--store"],
    ] {
        let mut c = bin();
        c.args(&args).arg(&old);
        if args[0] == "ingest" {
            c.arg(examples());
        }
        c.assert().code(6).stderr(
            predicate::str::contains("has store format 1")
                .and(predicate::str::contains("newsgraph rebuild --store")),
        );
    }
    let s = oxigraph::store::Store::open_read_only(&old).expect("store");
    assert_eq!(s.len().expect("len"), 1, "the old store is untouched");
}

#[test]
fn runaway_queries_stop_at_the_timeout() {
    let (_dir, store) = ingested();
    // one stopped by the evaluator as it reads the store, one (a sort of a cross product
    // built in memory) by the process ending itself after the limit
    for sparql in [
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a",
    ] {
        let started = std::time::Instant::now();
        common::bin_stdin()
            // without --timeout working, the test fails here instead of hanging
            .timeout(std::time::Duration::from_secs(60))
            .args(["query", "--timeout", "0.5", "--store"])
            .arg(&store)
            .args(["--sparql", sparql])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "--sparql: stopped after 0.5 s (--timeout)",
            ));
        let took = started.elapsed();
        assert!(
            took.as_secs_f64() < 10.0,
            "{sparql}: stopped after {took:?}"
        );
    }
    // a query that finishes in time is not affected
    bin()
        .args(["query", "--timeout", "30", "--store"])
        .arg(&store)
        .arg("who-met-whom")
        .assert()
        .success()
        .stdout(predicate::str::contains("Lavrov"));
}

#[test]
fn parameters_cannot_change_the_query() {
    let (_dir, store) = ingested();
    let honest = bin()
        .args(["query", "--results", "csv", "--store"])
        .arg(&store)
        .args(["entity", "--param", "entity=Sergei Lavrov"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&honest.stdout).lines().count() > 3);
    for evil in [
        "Sergei Lavrov\" } UNION { ?x ?p ?value . BIND(\"x\" AS ?entity) } #",
        "x\" . ?x ?property ?value } #",
        "<https://example.org/> } DELETE WHERE { ?s ?p ?o",
        "}} SELECT * WHERE { ?s ?p ?o",
        "' OR 1=1 --",
        "Sergei Lavrov> ?p ?o",
    ] {
        let out = bin()
            .args(["query", "--results", "csv", "--store"])
            .arg(&store)
            .args(["entity", "--param", &format!("entity={evil}")])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{evil}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let rows = String::from_utf8_lossy(&out.stdout).lines().count();
        assert_eq!(
            rows, 1,
            "{evil:?} is a name no entity has: only the header comes back"
        );
    }
}

#[test]
fn query_writes_a_page_and_says_when_more_follow() {
    let (dir, store) = ingested();
    let run = |extra: &[&str]| {
        let out = bin()
            .args(["query", "--store"])
            .arg(&store)
            .args(["evidence", "--results", "csv"])
            .args(extra)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{extra:?}: {out:?}");
        let rows: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip(1)
            .map(str::to_string)
            .collect();
        (rows, String::from_utf8_lossy(&out.stderr).to_string())
    };
    // CSV is for programs: every row
    let (every, notice) = run(&[]);
    assert!(every.len() > 4, "{every:?}");
    assert!(notice.is_empty(), "{notice}");
    assert_eq!(run(&["--all"]).0, every);
    // the first page, and a notice that names the next
    let (first, notice) = run(&["--limit", "3"]);
    assert_eq!(first, every[..3]);
    assert!(
        notice.contains("rows 1-3 shown") && notice.contains("--offset 3"),
        "{notice}"
    );
    // the next page, then the last: no notice once nothing follows
    let (second, _) = run(&["--limit", "3", "--offset", "3"]);
    assert_eq!(second, every[3..every.len().min(6)]);
    let (last, notice) = run(&["--offset", &(every.len() - 1).to_string()]);
    assert_eq!(last, every[every.len() - 1..]);
    assert!(notice.is_empty(), "{notice}");
    // a file gets the same rows
    let file = dir.path().join("rows.csv");
    bin()
        .args(["query", "--store"])
        .arg(&store)
        .args(["evidence", "--results", "csv", "-o"])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&file).expect("rows file");
    assert_eq!(written.lines().skip(1).collect::<Vec<_>>(), every);
    // a table is for people: a page of it, with the same notice
    let table = bin()
        .args(["query", "--store"])
        .arg(&store)
        .args(["evidence", "--limit", "2"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&table.stdout);
    assert_eq!(
        text.lines().count(),
        5,
        "header, rule, two rows, their count: {text}"
    );
    assert!(String::from_utf8_lossy(&table.stderr).contains("rows 1-2 shown"));
    // a parameter keeps the rows of one subject (bound where the query starts)
    let (kerry, _) = run(&["--param", "subject=John Kerry"]);
    assert!(!kerry.is_empty(), "{every:?}");
    assert!(
        kerry.iter().all(|r| r.starts_with("John Kerry,")),
        "{kerry:?}"
    );
    assert_eq!(
        kerry.len(),
        every
            .iter()
            .filter(|r| r.starts_with("John Kerry,"))
            .count()
    );
    // a parameter a FILTER reads: the examples' meeting has three outlets
    let reported = |n: &str| {
        let out = bin()
            .args(["query", "--store"])
            .arg(&store)
            .args(["reported-meetings", "--results", "csv", "--param"])
            .arg(format!("outlets={n}"))
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).lines().count() - 1
    };
    assert_eq!((reported("3"), reported("4")), (3, 0));
    // timeline's optional parameters: a participant, a day range, an outlet
    let timeline = |params: &[&str]| {
        let mut cmd = bin();
        cmd.args(["query", "--store"])
            .arg(&store)
            .args(["timeline", "--results", "csv"]);
        for p in params {
            cmd.args(["--param", p]);
        }
        let out = cmd.output().expect("runs");
        assert!(out.status.success(), "{params:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).lines().count() - 1
    };
    assert_eq!(timeline(&[]), 1, "the Paris talks");
    for (params, rows) in [
        (&["entity=Lavrov"][..], 1),
        (&["entity=Nobody Known"][..], 0),
        (&["from=2014-01-13", "to=2014-01-13"][..], 1),
        (&["from=2014-01-14"][..], 0),
        (&["to=2014-01-12"][..], 0),
        (&["outlet=Reuters"][..], 1),
        (&["outlet=Nobody's Post"][..], 0),
    ] {
        assert_eq!(timeline(params), rows, "{params:?}");
    }
    // a parameter the query has no variable for is an error that names it
    bin()
        .args(["query", "--store"])
        .arg(&store)
        .args(["evidence", "--param", "subjekt=John Kerry"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("has no variable ?subjekt"));
    // --limit and --all contradict each other
    bin()
        .args(["query", "--store"])
        .arg(&store)
        .args(["evidence", "--limit", "3", "--all"])
        .assert()
        .code(2);
}
