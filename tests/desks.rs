//! Entities across the desks of a feed (issue 18): our own short articles in agency
//! styles (a football report with a results table, a market report with a price table,
//! company, science, weather, an obituary, a letter) must give the typed entities of
//! `tests/fixtures/desks/expected.tsv` and no Person that looks like junk.

use std::path::Path;

use newsgraph::extract::{extract, EntityType, Gazetteer};
use newsgraph::ingest::{Article, Metadata};

/// Why a person's name is junk, if it is: digits, a lower-case word other than a name
/// particle, or nothing but a title.
fn junk(name: &str, gaz: &Gazetteer) -> Option<&'static str> {
    const PARTICLES: [&str; 12] = [
        "de", "da", "del", "van", "von", "der", "al", "el", "bin", "ibn", "la", "le",
    ];
    if name.chars().any(|c| c.is_ascii_digit()) {
        return Some("a digit");
    }
    if name.split_whitespace().any(|w| {
        w.starts_with(char::is_lowercase)
            && !PARTICLES.contains(&w.split('-').next().unwrap_or_default())
    }) {
        return Some("a lower-case word");
    }
    if gaz.is_role(&name.to_lowercase()) {
        return Some("a title alone");
    }
    None
}

#[test]
fn every_desk_gives_its_entities_and_no_junk_person() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/desks");
    let expected = std::fs::read_to_string(dir.join("expected.tsv")).expect("expected.tsv");
    let gaz = Gazetteer::bundled();
    let mut failures = Vec::new();
    let mut rows = 0;
    let mut files = 0;
    let mut people = 0;
    for e in std::fs::read_dir(&dir).expect("desks") {
        let path = e.expect("entry").path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        files += 1;
        let file = path.file_name().and_then(|n| n.to_str()).expect("name");
        let text = std::fs::read_to_string(&path).expect("article");
        let x = extract(&Article::from_text(file, &text, Metadata::default()), gaz);
        let found: Vec<String> = x
            .entities
            .iter()
            .map(|e| format!("{} {}", e.etype.as_str(), e.name))
            .collect();
        for e in x.entities.iter().filter(|e| e.etype == EntityType::Person) {
            people += 1;
            if let Some(why) = junk(&e.name, gaz) {
                failures.push(format!("{file}: Person {:?} holds {why}", e.name));
            }
        }
        for line in expected.lines() {
            let Some((f, want)) = line.split_once('\t') else {
                continue;
            };
            if f != file || line.starts_with('#') {
                continue;
            }
            rows += 1;
            let ok = match want.strip_prefix('!') {
                Some(not) => !found.iter().any(|g| g == not),
                None => found.iter().any(|g| g == want),
            };
            if !ok {
                failures.push(format!("{file}: want {want}, got {found:?}"));
            }
        }
    }
    assert!(
        files >= 7 && rows >= 25 && people >= 10,
        "{files} files, {rows} rows, {people} people"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_junk_check_catches_junk() {
    let gaz = Gazetteer::bundled();
    assert_eq!(
        junk("Dallas At Portland", gaz),
        None,
        "capitalised: caught by name"
    );
    assert_eq!(junk("R. Dalton not out", gaz), Some("a lower-case word"));
    assert_eq!(junk("Kingsport 2 Ashby", gaz), Some("a digit"));
    assert_eq!(junk("Defence Secretary", gaz), Some("a title alone"));
    assert_eq!(junk("Omar al-Rabie", gaz), None);
}
