//! The `news` target without the store: grammar articles (`newsgraph::synth::grammar`)
//! through layout and extraction only, checking every span and index promise
//! (`Article::check`, `Extraction::check`). Several times the runs a second of `news`,
//! so the relation frames see millions of constructions in a session.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::extract::{extract, Gazetteer};
use newsgraph::ingest::{Article, Metadata};

fuzz_target!(|data: &[u8]| {
    let text = newsgraph::synth::grammar::article(data);
    let a = Article::from_text("fuzz.txt", &text, Metadata::default());
    if let Err(e) = a.check() {
        panic!("layout: {e}");
    }
    let x = extract(&a, Gazetteer::bundled());
    if let Err(e) = x.check(&a) {
        panic!("extraction: {e}");
    }
});
