//! Any bytes, as any input format, through every stage (see `pipeline::self_check`):
//! no panic, every span and index promise kept, every export parses back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::ingest::{InputFormat, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    // the first byte picks how the rest is read: by name (as in a folder) or as stdin
    let (name, format) = match pick % 6 {
        0 => ("story.txt", InputFormat::Auto),
        1 => ("page.html", InputFormat::Auto),
        2 => ("feed.jsonl", InputFormat::Auto),
        3 => ("-", InputFormat::Auto),
        4 => ("page", InputFormat::Html),
        _ => ("feed", InputFormat::Jsonl),
    };
    let opts = ReadOptions {
        format,
        max_article_bytes: 1 << 16,
    };
    if let Err(broken) = newsgraph::pipeline::self_check(name, bytes, opts) {
        panic!("{broken}");
    }
});
