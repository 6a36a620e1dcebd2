//! Dates as feeds and pages state them: parsing never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let _ = newsgraph::ingest::parse_date(s);
});
