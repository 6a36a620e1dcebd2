//! Data-driven tests of the bundled queries: each query of `tests/queries/MANIFEST` runs on
//! `tests/queries/input.ttl` and must give the results in `tests/queries/NAME.csv`.
//! After a deliberate change, `NEWSGRAPH_BLESS=1 cargo test --test queries` rewrites them
//! (review the diff before committing).

use newsgraph::query::{parse_params, run, Bundled, Request, ResultsFormat, BUNDLED};
use newsgraph::store::NewsStore;
use oxigraph::io::RdfFormat;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/queries");

#[test]
fn bundled_queries_give_expected_results() {
    let store = NewsStore::memory().expect("memory store");
    let input = std::fs::read(format!("{DIR}/input.ttl")).expect("input graph");
    store.load(RdfFormat::Turtle, &input).expect("input parses");
    let manifest = std::fs::read_to_string(format!("{DIR}/MANIFEST")).expect("manifest");
    let mut seen = Vec::new();
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut fields = line.split('\t');
        let name = fields.next().expect("a name");
        let params: Vec<String> = fields.map(str::to_string).collect();
        let q = Bundled::get(name).unwrap_or_else(|| panic!("{name} is not a bundled query"));
        let mut out = Vec::new();
        let params = parse_params(&params).expect("params");
        let req = Request {
            params: &params,
            format: ResultsFormat::Csv,
            base: "",
            ..Request::new(name, q.text)
        };
        let rows = run(&store, &req, &mut out).expect("query runs");
        assert!(rows > 0, "{name} returned no rows");
        if std::env::var("NEWSGRAPH_BLESS").is_ok_and(|v| v == "1") {
            std::fs::write(format!("{DIR}/{name}.csv"), &out).expect("write expected results");
        }
        let expected =
            std::fs::read_to_string(format!("{DIR}/{name}.csv")).expect("expected results");
        assert_eq!(
            String::from_utf8(out).expect("utf-8").replace("\r\n", "\n"),
            expected.replace("\r\n", "\n"),
            "results of {name}"
        );
        seen.push(name);
    }
    for q in BUNDLED {
        assert!(
            seen.contains(&q.name),
            "bundled query {} has no test in MANIFEST",
            q.name
        );
    }
}
