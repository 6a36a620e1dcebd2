//! Seeds the fuzz corpora from the news grammar (`newsgraph::synth::grammar`):
//! `cargo run --bin seed -- N` in `fuzz/` writes N choice strings to `corpus/news/` and
//! the articles they make (as text, HTML and JSON Lines, with the first byte picking the
//! format as the `ingest` target reads it) to `corpus/ingest/`.

use std::fs;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let news = Path::new("corpus/news");
    let ingest = Path::new("corpus/ingest");
    fs::create_dir_all(news)?;
    fs::create_dir_all(ingest)?;
    let mut z: u64 = 0x5EED;
    for i in 0..n {
        let len = 16 + (i * 37) % 1500;
        let mut choices = Vec::with_capacity(len);
        for _ in 0..len {
            // splitmix64
            z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut x = z;
            x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            choices.push((x ^ (x >> 31)) as u8);
        }
        fs::write(news.join(format!("grammar-{i:05}")), &choices)?;
        let (pick, article) = match i % 3 {
            0 => (0u8, newsgraph::synth::grammar::article(&choices)),
            1 => (1, newsgraph::synth::grammar::html_page(&choices)),
            _ => (2, newsgraph::synth::grammar::json_line(&choices)),
        };
        let mut bytes = vec![pick];
        bytes.extend_from_slice(article.as_bytes());
        fs::write(ingest.join(format!("grammar-{i:05}")), bytes)?;
    }
    eprintln!("{n} seeds in {} and {}", news.display(), ingest.display());
    Ok(())
}
