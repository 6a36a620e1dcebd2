//! Extraction quality cannot silently regress: `newsgraph eval` scores the fixture article
//! sets against their gold and fails below the level reached; where the reference scorer
//! `../shared/tools/score.py` is present, `eval` must agree with it to the third decimal.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn eval_json(args: &[&std::ffi::OsStr]) -> serde_json::Value {
    let out = bin()
        .arg("eval")
        .args(args)
        .arg("--json")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "eval failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn f1(v: &serde_json::Value, row: &str) -> f64 {
    v[row]["f1"].as_f64().expect("an F1")
}

/// (articles, gold, entities floor, relations floor, per-relation floor)
fn sets() -> Vec<(PathBuf, PathBuf, f64, f64, f64)> {
    let r = root().join("tests/fixtures");
    let mut v = vec![
        (r.join("dev"), r.join("dev/gold.json"), 0.97, 0.93, 0.85),
        (r.join("own"), r.join("own/gold.json"), 0.97, 0.90, 0.70),
        (r.join("fresh"), r.join("fresh/gold.json"), 0.97, 0.95, 0.85),
        (
            r.join("fresh2"),
            r.join("fresh2/gold.json"),
            0.97,
            0.85,
            0.80,
        ),
        // fresh3's two backing relations ("its two allies") are not read yet: no floor per type
        (
            r.join("fresh3"),
            r.join("fresh3/gold.json"),
            0.97,
            0.90,
            0.0,
        ),
        (
            r.join("fresh4"),
            r.join("fresh4/gold.json"),
            0.97,
            0.95,
            0.90,
        ),
        (
            r.join("fresh5"),
            r.join("fresh5/gold.json"),
            0.97,
            0.95,
            0.90,
        ),
        // fresh6's gold counts no proposal in "X later said he would work with all sides";
        // since session 12 an announced action of one's own side is put forward
        // (propose.commitment, as the Wikinews gold reads "said he would continue …")
        (
            r.join("fresh6"),
            r.join("fresh6/gold.json"),
            0.97,
            0.88,
            0.78,
        ),
        (
            r.join("fresh7"),
            r.join("fresh7/gold.json"),
            0.97,
            0.85,
            0.85,
        ),
        (
            r.join("fresh8"),
            r.join("fresh8/gold.json"),
            0.97,
            0.95,
            0.90,
        ),
    ];
    let shared = root().join("../shared");
    if shared.join("seeds").is_dir() {
        v.push((
            shared.join("seeds"),
            shared.join("corpus/seeds-gold.json"),
            0.97,
            0.90,
            0.85,
        ));
    }
    // real Wikinews reports (issue 17): floors just under the level reached, far below the
    // own sets'; the real-news rules were written against dev and (since December 2026) dev2
    let wikinews = shared.join("corpus/wikinews");
    if wikinews.join("dev/gold.json").is_file() {
        v.push((
            wikinews.join("dev"),
            wikinews.join("dev/gold.json"),
            0.91,
            0.72,
            0.0,
        ));
        v.push((
            wikinews.join("dev2"),
            wikinews.join("dev2/gold.json"),
            0.88,
            0.74,
            0.0,
        ));
    }
    // our own twenty short articles of every desk in agency styles (issue 18; gold written
    // before the output was looked at; first look at c2ba982 0.745 / 0.800)
    v.push((
        r.join("multidesk"),
        r.join("multidesk/gold.json"),
        0.92,
        0.80,
        0.0,
    ));
    // ten more, written after the rules of session 13 and before the output on them was
    // looked at: first look 0.861 (0.773 with the binary of the session's start)
    v.push((
        r.join("multidesk-b"),
        r.join("multidesk-b/gold.json"),
        0.93,
        0.0,
        0.0,
    ));
    // real reports from the raw Wikinews file, picked by id (gold in tests/fixtures/{set},
    // written before the output was looked at): set, entity floor, relation floor
    let raw_sets = [
        // six of every desk; first look at 6cd2e3c 0.711 / 0.182
        ("wikinews-raw-a", 0.82, 0.29),
        // six of other desks (crime, courts, health, local politics; session 11); first
        // look 0.810 entities
        ("wikinews-raw-b", 0.82, 0.0),
        // six politics reports (session 12); first look at 7e2b0ac 0.923 / 0.400, the
        // binary of the session's start 0.901 / 0.400
        ("wikinews-raw-c", 0.94, 0.70),
        // six of other desks (space, astronomy, athletics, a takeover, club rugby; session
        // 13); first look 0.775 entities
        ("wikinews-raw-d", 0.85, 0.0),
        // six politics reports (transition, debates, Hong Kong, prorogation, Iraq,
        // Argentina; session 14); first look at caba192 0.815 / 0.429
        ("wikinews-raw-e", 0.80, 0.50),
        // two reports (a House subpoena over Ukraine, the EastMed pipeline; session 15);
        // first look at bd3402e and 4b2a786 0.820 / 0.517
        ("wikinews-raw-f", 0.86, 0.70),
        // two reports (a Polish party leader's penal-code pledge, a Puerto Rico governor's
        // resignation; session 16); first look at 34308b1 and 0b4c9d9 0.821 / 0.222
        ("wikinews-raw-g", 0.84, 0.22),
        // two reports (a Thai party's withdrawn nomination of a princess, Benin and Nigeria
        // joining the African free trade area; session 17); first look at 9832df2 and
        // the session's end alike 0.941 / 0.625
        ("wikinews-raw-h", 0.92, 0.60),
    ];
    let raw = root().join("../shared/corpus/wikinews/raw/wikinews-2019-2020.jsonl");
    if let Ok(all) = std::fs::read_to_string(raw) {
        for (set, ent, rel) in raw_sets {
            let gold = r.join(set).join("gold.json");
            v.push((raw_set(&all, set), gold, ent, rel, 0.0));
        }
    }
    v
}

/// The articles of `tests/fixtures/{set}/gold.json`'s `documents`, taken by id from the
/// raw Wikinews file's text `all` into a JSON Lines file of the test's own.
fn raw_set(all: &str, set: &str) -> PathBuf {
    let gold: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join(format!("tests/fixtures/{set}/gold.json"))).expect("gold"),
    )
    .expect("gold JSON");
    let mut picked = String::new();
    for id in gold["documents"].as_array().expect("documents") {
        let line = all
            .lines()
            .find(|l| serde_json::from_str::<serde_json::Value>(l).is_ok_and(|a| a["id"] == *id))
            .expect("every document of the gold is in the raw file");
        picked += line;
        picked.push('\n');
    }
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{set}.jsonl"));
    std::fs::write(&path, picked).expect("write the picked articles");
    path
}

#[test]
fn quality_does_not_regress() {
    for (articles, gold, ent, rel, each) in sets() {
        let v = eval_json(&["--gold".as_ref(), gold.as_os_str(), articles.as_os_str()]);
        let name = articles.display();
        assert!(
            f1(&v, "entities") >= ent,
            "{name}: entities F1 {:.3} < {ent}",
            f1(&v, "entities")
        );
        assert!(
            f1(&v, "relations") >= rel,
            "{name}: relations F1 {:.3} < {rel}",
            f1(&v, "relations")
        );
        for row in ["metWith", "backs", "proposed"] {
            assert!(
                f1(&v, row) >= each,
                "{name}: {row} F1 {:.3} < {each}",
                f1(&v, row)
            );
        }
    }
}

/// Meeting clusters (issue 19): the set whose gold says which reports are one real
/// meeting, scored pairwise; no meeting of the graph may join two real ones. (dev: first
/// look 0.846, before two days in a row could be one meeting; 0.929 at the commit that
/// added it.)
#[test]
fn meeting_clusters_do_not_regress() {
    let (set, floor) = ("dev", 0.92);
    let r = root().join("tests/fixtures").join(set);
    let v = eval_json(&[
        "--gold".as_ref(),
        r.join("gold.json").as_os_str(),
        r.as_os_str(),
    ]);
    let m = &v["meetings"];
    let f = m["pairwise"]["f1"].as_f64().expect("a meeting F1");
    assert!(f >= floor, "{set}: meeting clusters F1 {f:.3} < {floor}");
    assert_eq!(m["merged"].as_u64(), Some(0), "{set}: {m}");
}

/// The seed reports and the examples tell of one meeting, the Paris talks of 13 January
/// 2014: one `ng:Meeting` with each report.
#[test]
fn the_paris_talks_are_one_meeting() {
    for (dir, reports) in [
        (root().join("examples"), 3),
        (root().join("../shared/seeds"), 4),
    ] {
        if !dir.exists() {
            eprintln!("{} is not here; skipped", dir.display());
            continue;
        }
        let out = bin()
            .args(["extract", "-q", "--format", "ntriples"])
            .arg(&dir)
            .output()
            .expect("runs");
        assert!(out.status.success());
        let nt = String::from_utf8(out.stdout).expect("utf-8");
        let count = |suffix: &str| nt.lines().filter(|l| l.contains(suffix)).count();
        assert_eq!(
            count("<https://w3id.org/newsgraph/ontology#Meeting> ."),
            1,
            "{}",
            dir.display()
        );
        assert_eq!(
            count("<https://w3id.org/newsgraph/ontology#report>"),
            reports,
            "{}",
            dir.display()
        );
    }
}

/// `eval` of a fixture set against its own gold, with more arguments.
fn eval_fixture(set: &str, args: &[&str]) -> std::process::Output {
    let r = root().join("tests/fixtures").join(set);
    bin()
        .arg("eval")
        .arg("--gold")
        .arg(r.join("gold.json"))
        .arg(&r)
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn eval_fails_below_a_floor() {
    let out = eval_fixture("fresh", &["--min-relations-f1", "1.01"]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "a floor above what is reached fails with 4"
    );
}

/// `eval --rules` judges each rule's assertions as the scores judge the graph: on every
/// fixture set, the gold relations no rule stated are those the scores miss, every gold
/// relation found is stated by at least one assertion judged right (so the rules' right
/// counts are at least the scores' true positives), and every rule id is one the extractor
/// has (a `rule` of `data/frames` or of the code).
#[test]
fn the_rule_report_agrees_with_the_scores() {
    let mut sources = String::new();
    for dir in ["src/extract", "src/extract/relations", "data/frames"] {
        for e in std::fs::read_dir(root().join(dir)).expect("source folder") {
            let p = e.expect("entry").path();
            if p.is_file() {
                sources += &std::fs::read_to_string(&p).expect("source");
            }
        }
    }
    let mut rules_seen = 0;
    for (articles, gold, ..) in sets() {
        let v = eval_json(&[
            "--gold".as_ref(),
            gold.as_os_str(),
            articles.as_os_str(),
            "--rules".as_ref(),
        ]);
        let name = articles.display();
        let g: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&gold).expect("gold")).expect("gold JSON");
        for row in ["metWith", "backs", "proposed"] {
            let required = g["relations"]
                .as_array()
                .expect("relations")
                .iter()
                .filter(|r| r["type"] == row)
                .filter(|r| {
                    // a relation is required when all its entities are
                    ["a", "b", "subject", "object", "agent"].iter().all(|k| {
                        r[*k].as_str().is_none_or(|n| {
                            g["entities"].as_array().expect("entities").iter().all(|e| {
                                e["name"].as_str() != Some(n)
                                    || e["required"].as_bool() != Some(false)
                            })
                        })
                    })
                })
                .count();
            let unfound = v["rules"]["unfound"][row].as_u64().expect("unfound") as usize;
            let recall = v["scores"][row]["recall"].as_f64().expect("recall");
            if required > 0 {
                let found = (required - unfound) as f64 / required as f64;
                assert!(
                    (found - recall).abs() < 1e-9,
                    "{name}: {row}: rules found {found:.3} of the gold, the scores {recall:.3}"
                );
            }
            let right: u64 = v["rules"]["rules"]
                .as_array()
                .expect("rules")
                .iter()
                .filter(|r| r["relation"] == row)
                .map(|r| r["right"].as_u64().expect("right"))
                .sum();
            assert!(
                right as usize >= required - unfound,
                "{name}: {row}: {right} assertions judged right, {} gold relations found",
                required - unfound
            );
        }
        for r in v["rules"]["rules"].as_array().expect("rules") {
            let id = r["rule"].as_str().expect("rule id");
            assert!(
                sources.contains(&format!("\"{id}\"")) || sources.contains(&format!("\n{id} ")),
                "{name}: rule {id} is not one of the extractor's"
            );
            let n = |k: &str| r[k].as_u64().expect("count");
            assert_eq!(n("fired"), n("right") + n("wrong") + n("optional"));
            rules_seen += 1;
        }
    }
    assert!(
        rules_seen >= 20,
        "{rules_seen} rule rows over the fixture sets"
    );
}

/// `eval` and the reference scorer agree to the third decimal. `.ci/run` sets
/// NEWSGRAPH_REQUIRE_TOOLS=1 so that a missing scorer or rdflib fails instead of skipping.
#[test]
fn eval_agrees_with_the_reference_scorer() {
    let required = std::env::var("NEWSGRAPH_REQUIRE_TOOLS").is_ok_and(|v| v == "1");
    let scorer = root().join("../shared/tools/score.py");
    let rdflib = Command::new("python3")
        .args(["-c", "import rdflib"])
        .status()
        .is_ok_and(|s| s.success());
    if !scorer.exists() || !rdflib {
        assert!(!required, "the reference scorer or rdflib is missing");
        eprintln!("skipped: no ../shared/tools/score.py or no rdflib");
        return;
    }
    for (articles, gold, ..) in sets() {
        let dir = TempDir::new().expect("tempdir");
        let ttl = dir.path().join("g.ttl");
        let st = bin()
            .args(["extract", "-q", "-o"])
            .arg(&ttl)
            .arg(&articles)
            .status()
            .expect("runs");
        assert!(st.success());
        let out = Command::new("python3")
            .arg(&scorer)
            .arg("--gold")
            .arg(&gold)
            .arg("--ttl")
            .arg(&ttl)
            .arg("--json")
            .output()
            .expect("python3");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let reference: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let ours = eval_json(&[
            "--gold".as_ref(),
            gold.as_os_str(),
            "--ttl".as_ref(),
            ttl.as_os_str(),
        ]);
        for row in ["entities", "metWith", "backs", "proposed", "relations"] {
            for m in ["precision", "recall", "f1"] {
                let (a, b) = (
                    reference[row][m].as_f64().expect("n"),
                    ours[row][m].as_f64().expect("n"),
                );
                assert!(
                    (a - b).abs() < 0.0005,
                    "{}: {row} {m}: score.py {a:.4} vs eval {b:.4}",
                    Path::new(&articles).display()
                );
            }
        }
    }
}

/// The type table of `eval`'s report agrees with its counts: on a real-news set, the
/// diagonal (types right) adds up to the entities found, and every gold type has a row.
#[test]
fn the_type_table_agrees_with_the_counts() {
    let out = eval_fixture("fresh7", &[]);
    let text = String::from_utf8_lossy(&out.stdout);
    let found: usize = text
        .lines()
        .find_map(|l| l.strip_prefix("entities: "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("an 'entities: N found' line");
    let types = ["Person", "Organization", "Place", "Event"];
    let mut diagonal = 0;
    for (i, t) in types.iter().enumerate() {
        let row: Vec<usize> = text
            .lines()
            .map(str::split_whitespace)
            .map(Iterator::collect::<Vec<_>>)
            .find(|w| w.first() == Some(t) && w.len() == 6)
            .unwrap_or_else(|| panic!("a row for {t} in\n{text}"))[1..]
            .iter()
            .map(|n| n.parse().expect("a count"))
            .collect();
        diagonal += row[i];
    }
    assert!(found > 20, "{found} found");
    assert_eq!(diagonal, found, "{text}");
}
