//! The tool that teaches: help with examples for every command, shell completions and
//! man pages generated from the command line's definition, newsgraph.toml, --quiet and
//! --verbose, colour only when asked or on a terminal, and the ingest summary (--json).

mod common;

use std::path::Path;
use std::process::Command;

use clap::CommandFactory;
use common::{bin, examples, stdout_of};
use tempfile::TempDir;

fn subcommands() -> Vec<String> {
    newsgraph::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

#[test]
fn every_command_has_help_with_examples() {
    let names = subcommands();
    assert!(names.len() >= 15, "{names:?}");
    for name in &names {
        let help = stdout_of(bin().args([name.as_str(), "--help"]));
        assert!(
            help.contains("Examples:"),
            "`newsgraph {name} --help` has no examples:\n{help}"
        );
        assert!(
            help.contains(&format!("newsgraph {name}")),
            "the examples of {name} use it:\n{help}"
        );
    }
    let top = stdout_of(bin().arg("--help"));
    for name in &names {
        assert!(top.contains(name.as_str()), "{name} listed in --help");
    }
}

#[test]
fn completions_and_man_pages_come_from_the_definition() {
    // bash: the script defines the completion when sourced
    let script = stdout_of(bin().args(["completions", "bash"]));
    let dir = TempDir::new().expect("tempdir");
    let file = dir.path().join("newsgraph.bash");
    std::fs::write(&file, &script).expect("write");
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {} && complete -p newsgraph",
            file.display()
        ))
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("newsgraph"));
    for name in subcommands() {
        assert!(script.contains(&name), "{name} completes");
    }
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let s = stdout_of(bin().args(["completions", shell]));
        assert!(s.contains("viz") && s.contains("store"), "{shell}: {s}");
    }

    // man: one page on stdout, or a page per command
    let page = stdout_of(bin().arg("man"));
    assert!(page.contains(".TH newsgraph 1"), "{page}");
    let out = bin()
        .args(["man", "--out"])
        .arg(dir.path().join("man1"))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("man1"))
        .expect("written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), subcommands().len() + 1, "{names:?}");
    assert!(names.contains(&"newsgraph-ingest.1".to_string()));
    // rendered by man(1) where it is installed: the examples are in the page
    let man_ok = Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if man_ok {
        let out = Command::new("man")
            .env("MANWIDTH", "100")
            .arg("-l")
            .arg(dir.path().join("man1/newsgraph-viz.1"))
            .output()
            .expect("man runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("Examples:") && text.contains("--entity"),
            "{text}"
        );
    }
}

const ARTICLE: &str = "Talks resume in Oslo\n\n\
OSLO, March 3 (Reuters) - Officials from Veltran said on Tuesday that the talks with Norway would resume next week.\n\n\
Veltran Kessel, based in Oslo, backs the plan, Ingrid Solberg said.\n";

fn labelled(store: &Path, class: &str) -> String {
    stdout_of(
        bin()
            .args(["query", "--results", "csv", "--store"])
            .arg(store)
            .arg("--sparql")
            .arg(format!(
                "PREFIX ng: <https://w3id.org/newsgraph/ontology#> \
                 SELECT ?x ?l WHERE {{ ?x a ng:{class} ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }} ORDER BY ?l"
            )),
    )
}

#[test]
fn newsgraph_toml_sets_store_base_and_gazetteer() {
    let dir = TempDir::new().expect("tempdir");
    let project = dir.path();
    std::fs::write(project.join("a.txt"), ARTICLE).expect("write");
    std::fs::write(
        project.join("newsgraph.toml"),
        "base = \"https://news.example.org/kg/\"\nstore = \"kg\"\n\n[[gazetteer]]\nname = \"Veltran Kessel\"\ntype = \"Organization\"\naliases = [\"Veltran\"]\n",
    )
    .expect("write");
    // no --store, no --base: both from the file in the current folder
    let out = bin()
        .current_dir(project)
        .args(["ingest", "a.txt"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(project.join("kg").is_dir(), "the store of newsgraph.toml");
    let orgs = stdout_of(bin().current_dir(project).args([
        "query",
        "--results",
        "csv",
        "--sparql",
        "PREFIX ng: <https://w3id.org/newsgraph/ontology#> SELECT ?x WHERE { ?x a ng:Organization ; <http://www.w3.org/2000/01/rdf-schema#label> \"Veltran Kessel\" }",
    ]));
    // the gazetteer entry made it an organisation, under the file's base IRI
    assert!(
        orgs.contains("https://news.example.org/kg/organization/veltran-kessel"),
        "{orgs}"
    );
    // without the file the extractor takes it for a person: the entry is what changed it
    let plain = dir.path().join("plain");
    std::fs::create_dir(&plain).expect("mkdir");
    std::fs::write(plain.join("a.txt"), ARTICLE).expect("write");
    bin()
        .current_dir(&plain)
        .args(["ingest", "-q", "--store", "kg", "a.txt"])
        .status()
        .expect("runs");
    assert!(!labelled(&plain.join("kg"), "Organization").contains("Veltran"));
    assert!(labelled(&plain.join("kg"), "Person").contains("Veltran Kessel"));

    // flags win over the file; --config names another file
    std::fs::write(project.join("other.toml"), "store = \"elsewhere\"\n").expect("write");
    let out = bin()
        .current_dir(project)
        .args(["--config", "other.toml", "ingest", "-q", "a.txt"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(project.join("elsewhere").is_dir());

    // a mistake in the file names the file and the line, and nothing runs
    std::fs::write(project.join("bad.toml"), "base = \"x\"\n\nstroe = \"kg\"\n").expect("write");
    let out = bin()
        .current_dir(project)
        .args(["--config", "bad.toml", "ingest", "-q", "a.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.toml:3:") && err.contains("stroe"),
        "{err}"
    );
    let out = bin()
        .current_dir(dir.path().join("plain"))
        .args(["info"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--store DIR"));
}

#[test]
fn summary_quiet_verbose_and_colour() {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("kg");
    // --json: the summary for scripts, on stdout
    let out = bin()
        .args(["ingest", "--json", "--store"])
        .arg(&store)
        .arg(examples())
        .output()
        .expect("runs");
    assert!(out.status.success());
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON summary");
    assert_eq!(j["articles_added"], 3);
    assert_eq!(j["articles_read"], 3);
    assert_eq!(j["inputs_failed"], 0);
    assert!(
        j["entities"]["Person"].as_u64().is_some_and(|n| n >= 3),
        "{j}"
    );
    assert!(
        j["relations"]["metWith"].as_u64().is_some_and(|n| n >= 3),
        "{j}"
    );
    assert_eq!(
        j["relations_total"].as_u64(),
        Some(
            ["metWith", "backs", "proposed"]
                .iter()
                .filter_map(|k| j["relations"][k].as_u64())
                .sum()
        )
    );
    assert!(j["store_quads"].as_u64().is_some_and(|n| n > 100));

    // the same summary for people, on stderr
    let again = bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(examples())
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("0 articles added, 3 already stored, 0 inputs skipped"),
        "{err}"
    );
    assert!(
        err.contains("entities found: none") && err.contains("relations found: none"),
        "{err}"
    );
    assert!(
        !err.contains('\x1b'),
        "no colour when stderr is not a terminal: {err:?}"
    );

    // --quiet: nothing; --verbose: each article
    let quiet = bin()
        .args(["ingest", "-q", "--store"])
        .arg(&store)
        .arg(examples())
        .output()
        .expect("runs");
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
    let fresh = dir.path().join("kg2");
    let verbose = bin()
        .args(["--verbose", "ingest", "--store"])
        .arg(&fresh)
        .arg(examples())
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&verbose.stderr);
    assert_eq!(err.matches("newsgraph: stored ").count(), 3, "{err}");

    // colour when asked, and never with --color never
    let missing = dir.path().join("no-store-here");
    let red = bin()
        .args([
            "--color", "always", "query", "--sparql", "ASK {}", "--store",
        ])
        .arg(&missing)
        .output()
        .expect("runs");
    assert!(
        String::from_utf8_lossy(&red.stderr).contains("\x1b[1;31merror:\x1b[0m"),
        "{:?}",
        String::from_utf8_lossy(&red.stderr)
    );
    let plain = bin()
        .args(["--color", "never", "query", "--sparql", "ASK {}", "--store"])
        .arg(&missing)
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&plain.stderr).contains('\x1b'));
    assert_eq!(red.status.code(), plain.status.code());
    assert_ne!(red.status.code(), Some(0));
}
