//! `newsgraph viz` on the example articles: DOT that Graphviz reads, the filters, SVG and
//! PNG through Graphviz, and the HTML view in headless Chromium (Graphviz and Chromium
//! are required under NEWSGRAPH_REQUIRE_TOOLS, as `.ci/run` sets it).

mod common;

use std::path::Path;
use std::process::Command;

use common::{bin, ingested, stdout_of};

fn viz(store: &Path, args: &[&str]) -> String {
    stdout_of(bin().args(["viz", "-q", "--store"]).arg(store).args(args))
}

/// The edges of a DOT picture, as "from-label relation to-label".
fn edges(dot: &str) -> Vec<String> {
    let label = |id: &str| {
        dot.lines()
            .find_map(|l| l.trim().strip_prefix(&format!("{id} [label=\"")))
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("?")
            .to_string()
    };
    let mut out: Vec<String> = dot
        .lines()
        .filter_map(|l| {
            let (a, rest) = l.trim().split_once(" -> ")?;
            let (b, attrs) = rest.split_once(' ')?;
            let words = attrs.split("label=\"").nth(1)?.split('"').next()?;
            Some(format!("{} {} {}", label(a), words, label(b)))
        })
        .collect();
    out.sort();
    out
}

fn tool(name: &str) -> bool {
    let ok = Command::new(name)
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var_os("NEWSGRAPH_REQUIRE_TOOLS").is_some() {
        panic!("{name} is required (NEWSGRAPH_REQUIRE_TOOLS is set)");
    }
    ok
}

#[test]
fn draws_the_relations_and_cuts_them_as_asked() {
    let (_dir, store) = ingested();
    let all = viz(&store, &[]);
    let e = edges(&all);
    // the talks three outlets report are drawn once: a node each participant is joined
    // to, not an edge between every pair of them
    let paris = "Meeting · Paris · 2014-01-13";
    for who in ["John Kerry", "Sergei Lavrov", "Lakhdar Brahimi"] {
        assert!(
            e.contains(&format!("{who} took part in ×3 {paris}")),
            "{e:#?}"
        );
    }
    assert_eq!(
        all.lines()
            .filter(|l| l.contains("shape=diamond") && l.contains(paris))
            .count(),
        1,
        "{all}"
    );
    assert!(!e.iter().any(|x| x.contains(" met ")), "{e:#?}");
    // or every pair that met, as asked
    let pairs = edges(&viz(&store, &["--pairs"]));
    assert!(
        pairs.contains(&"John Kerry met ×3 Sergei Lavrov".to_string()),
        "{pairs:#?}"
    );
    assert!(!pairs.iter().any(|x| x.contains("took part")), "{pairs:#?}");
    assert!(
        e.contains(&"Russia backs Bashar al-Assad".to_string()),
        "{e:#?}"
    );
    assert!(e.iter().any(|x| x.contains(" proposed ")), "{e:#?}");
    // the evidence travels with each edge
    assert!(
        all.contains("3 articles (BBC, Reuters, The Example Post), 2014-01-13"),
        "{all}"
    );

    // one entity and its neighbours (any case)
    let lavrov = edges(&viz(&store, &["--entity", "sergei lavrov"]));
    assert!(!lavrov.is_empty());
    // (with the meetings he took part in, and who else took part)
    assert!(
        lavrov
            .iter()
            .all(|x| x.contains("Sergei Lavrov") || x.contains(" took part in ")),
        "{lavrov:#?}"
    );
    assert!(
        lavrov.contains(&format!("Sergei Lavrov took part in ×3 {paris}")),
        "{lavrov:#?}"
    );
    assert!(lavrov.len() < e.len());

    // types: people only
    let people = viz(&store, &["--type", "Person"]);
    assert!(people.contains("shape=ellipse"));
    assert!(
        !people.contains("shape=note") && !people.contains("shape=hexagon"),
        "{people}"
    );
    assert!(!edges(&people).is_empty());

    // dates (publication): the examples are of 13 January 2014
    assert_eq!(
        edges(&viz(
            &store,
            &["--from", "2014-01-13", "--to", "2014-01-13"]
        )),
        e
    );
    assert!(edges(&viz(&store, &["--from", "2014-01-14"])).is_empty());
    assert!(edges(&viz(&store, &["--to", "2014-01-12"])).is_empty());

    // an outlet: only what its article states, each edge from one article
    let reuters = edges(&viz(&store, &["--outlet", "reuters"]));
    assert!(
        !reuters.is_empty() && reuters.len() < e.len(),
        "{reuters:#?}"
    );
    assert!(reuters.iter().all(|x| !x.contains('×')), "{reuters:#?}");

    // stated by every article
    let three = edges(&viz(&store, &["--min-articles", "3"]));
    assert!(!three.is_empty());
    assert!(three.iter().all(|x| x.contains("×3")), "{three:#?}");

    // mistakes are named
    let out = bin()
        .args(["viz", "--store"])
        .arg(&store)
        .args(["--entity", "Nobody Atall"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no entity is called \"Nobody Atall\""));
    let out = bin()
        .args(["viz", "--store"])
        .arg(&store)
        .args(["--from", "13/01/2014"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "a usage error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn graphviz_reads_the_dot_and_draws_svg_and_png() {
    if !tool("dot") {
        eprintln!("graphviz not installed: skipped");
        return;
    }
    let (dir, store) = ingested();
    let dot = viz(&store, &[]);
    // Graphviz itself parses the DOT (a syntax error fails it)
    let out = Command::new("dot")
        .args(["-Tcanon"])
        .stdin(
            std::fs::File::open({
                let p = dir.path().join("g.dot");
                std::fs::write(&p, &dot).expect("write");
                p
            })
            .expect("open"),
        )
        .output()
        .expect("dot runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let svg_path = dir.path().join("g.svg");
    bin()
        .args(["viz", "-q", "--store"])
        .arg(&store)
        .arg("-o")
        .arg(&svg_path)
        .status()
        .expect("runs");
    let svg = std::fs::read_to_string(&svg_path).expect("an SVG file");
    assert!(svg.contains("<svg"), "{svg}");
    // (Graphviz writes "-" as "&#45;")
    for name in [
        "John Kerry",
        "Sergei Lavrov",
        "Lakhdar Brahimi",
        "Bashar al&#45;Assad",
    ] {
        assert!(svg.contains(&format!(">{name}</text>")), "{name} drawn");
    }
    let png_path = dir.path().join("g.png");
    bin()
        .args(["viz", "-q", "--store"])
        .arg(&store)
        .args(["--entity", "John Kerry", "-o"])
        .arg(&png_path)
        .status()
        .expect("runs");
    let png = std::fs::read(&png_path).expect("a PNG file");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let picture = Path::new(env!("CARGO_TARGET_TMPDIR")).join("viz-examples.png");
    std::fs::copy(&png_path, &picture).expect("kept for people to look at");
}

#[test]
fn the_html_view_opens_offline_in_a_browser() {
    let (dir, store) = ingested();
    let page = dir.path().join("graph.html");
    bin()
        .args(["viz", "-q", "--store"])
        .arg(&store)
        .arg("-o")
        .arg(&page)
        .status()
        .expect("runs");
    let html = std::fs::read_to_string(&page).expect("written");
    // self-contained: nothing loaded from elsewhere
    for external in ["src=\"http", "href=\"http", "@import", "<link"] {
        assert!(!html.contains(external), "{external} in the page");
    }
    let Some(browser) = common::chromium() else {
        return;
    };
    let run = |extra: &str, profile: &str| {
        common::headless(browser, &dir.path().join(profile))
            .arg(extra)
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("chromium runs")
    };
    let dom = String::from_utf8_lossy(&run("--dump-dom", "p1").stdout).into_owned();
    assert!(
        dom.contains("data-ready=\"1\""),
        "the script drew the graph: {dom}"
    );
    for name in ["John Kerry", "Sergei Lavrov", "Bashar al-Assad"] {
        assert!(
            dom.contains(&format!(">{name}</text>")),
            "{name} drawn: {dom}"
        );
    }
    // every node was placed (no NaN from the layout)
    assert!(!dom.contains("NaN"), "{dom}");
    let translated = dom.matches("transform=\"translate(").count();
    assert!(translated >= 8, "nodes placed: {translated}");
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("viz-html.png");
    let _ = std::fs::remove_file(&shot);
    run(&format!("--screenshot={}", shot.display()), "p2");
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(
        png.len() > 20_000,
        "a drawing, not a blank page: {} bytes",
        png.len()
    );
}
