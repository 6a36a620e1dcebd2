//! Structure-aware: the bytes are choices in a grammar of news sentences
//! (`newsgraph::synth::grammar`), so libFuzzer's mutations change constructions — a
//! pronoun subject, a list, an apposition, a negated or planned meeting, a quote — and
//! the relation frames and their resolution run on what they are written for. The first
//! byte picks the container (pasted text, an HTML page, a JSON line); every article
//! goes through every stage (`pipeline::self_check`): no panic, every promise kept.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::ingest::{InputFormat, ReadOptions};
use newsgraph::synth::grammar;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, choices)) = data.split_first() else {
        return;
    };
    let (name, format, input) = match pick % 3 {
        0 => ("story.txt", InputFormat::Text, grammar::article(choices)),
        1 => ("page.html", InputFormat::Html, grammar::html_page(choices)),
        _ => ("feed.jsonl", InputFormat::Jsonl, grammar::json_line(choices)),
    };
    let opts = ReadOptions {
        format,
        max_article_bytes: 1 << 20,
    };
    if let Err(broken) = newsgraph::pipeline::self_check(name, input.as_bytes(), opts) {
        panic!("{broken}");
    }
});
