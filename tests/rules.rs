//! Rule tables: `tests/rules/*.tsv` hold our own sentences with the relation (or, in
//! `entities.tsv`, the typed entity: "Person Tom Vale") each must (or, after `!`, must
//! not) give and the rule id that gives it. One test reads every
//! table, so a new phrasing in `data/frames/` comes with a line here, not a new test.

use std::path::Path;

use newsgraph::extract::{extract, Extraction, Gazetteer, RelationKind};
use newsgraph::ingest::{Article, Metadata};

/// Every relation of an extraction as text, with the rule that gave it.
fn relations(x: &Extraction) -> Vec<(String, &'static str)> {
    let name = |e: usize| x.entities[e].name.clone();
    x.relations
        .iter()
        .flat_map(|r| {
            let a = name(r.subject);
            match r.kind {
                RelationKind::MetWith => {
                    let b = name(r.object.unwrap_or(r.subject));
                    vec![
                        (format!("{a} metWith {b}"), r.rule),
                        (format!("{b} metWith {a}"), r.rule),
                    ]
                }
                RelationKind::Backs => {
                    vec![(
                        format!("{a} backs {}", name(r.object.unwrap_or(r.subject))),
                        r.rule,
                    )]
                }
                RelationKind::Proposed => vec![(
                    format!("{a} proposed «{}»", r.proposal.as_deref().unwrap_or("")),
                    r.rule,
                )],
            }
        })
        .collect()
}

/// Whether `found` is `want`, where `«*»` in `want` stands for any label.
fn same(found: &str, want: &str) -> bool {
    match want.strip_suffix("«*»") {
        Some(prefix) => found.starts_with(prefix),
        None => found == want,
    }
}

#[test]
fn every_rule_table_holds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
    let mut rows = 0;
    let mut failures = Vec::new();
    let mut tables: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/rules")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    tables.sort();
    for table in &tables {
        let name = table.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let text = std::fs::read_to_string(table).expect("read table");
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [rule, sentence, expected] = cols[..] else {
                panic!("{name}:{}: three tab-separated columns", i + 1);
            };
            rows += 1;
            // a row of several lines ("\n" in the table) is a whole article, headline first
            let text = if sentence.contains("\\n") {
                format!("{}\n", sentence.replace("\\n", "\n"))
            } else {
                format!("Headline\n\n{sentence}\n")
            };
            let a = Article::from_text("rule.txt", &text, Metadata::default());
            let x = extract(&a, Gazetteer::bundled());
            let mut found = relations(&x);
            // entities too, as "Type Name" with the rule of each mention
            found.extend(x.mentions.iter().map(|m| {
                let e = &x.entities[m.entity];
                (format!("{} {}", e.etype.as_str(), e.name), m.rule)
            }));
            let ok = match expected.strip_prefix('!') {
                Some(not) => !found.iter().any(|(f, _)| same(f, not)),
                None => found.iter().any(|(f, r)| same(f, expected) && *r == rule),
            };
            if !ok {
                failures.push(format!(
                    "{name}:{}: {sentence}\n    want {expected} by {rule}\n    got {found:?}",
                    i + 1
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(rows >= 25, "{rows} rows");
}
