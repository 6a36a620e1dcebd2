//! A synthetic news corpus, for benchmarks and scale tests: `newsgraph synth`.
//!
//! Articles are written from a seed (the same seed gives the same bytes on every machine)
//! as JSON Lines feeds of any size. They look like what newsgraph reads: a dateline, a
//! byline, many people, places, organisations and outlets, meetings, backing and
//! proposals in several sentence shapes, quotes, filler sentences with no relation, and
//! the noise lines of pasted pages ("READ MORE", captions, credits). The names are
//! drawn from pools far larger than any article, so entity merging across articles is
//! exercised the way a real archive exercises it. This is not test data for quality
//! (the dev and fixture sets are): it is load, shaped like news.

use std::fmt::Write as _;
use std::io::{self, Write};

pub mod grammar;

/// splitmix64: small, fast, and the same everywhere.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const FIRST: &[&str] = &[
    "Anna", "Tomas", "Maria", "Kofi", "Lena", "Omar", "Ingrid", "Pavel", "Sofia", "Ravi", "Chen",
    "Amara", "Diego", "Yara", "Jonas", "Fatima", "Hiroshi", "Elena", "Mateus", "Aylin", "Kwame",
    "Nadia", "Sergio", "Leila", "Viktor", "Priya", "Tariq", "Camille", "Bogdan", "Mei", "Olumide",
    "Greta", "Rashid", "Isabel", "Dmitri", "Zainab", "Lucas", "Hana", "Emeka", "Rosa",
];
const LAST: &[&str] = &[
    "Berg",
    "Vale",
    "Okafor",
    "Lind",
    "Haddad",
    "Novak",
    "Sato",
    "Moreau",
    "Petrov",
    "Diaz",
    "Kamau",
    "Fischer",
    "Rossi",
    "Nilsson",
    "Tan",
    "Kowalski",
    "Mensah",
    "Yilmaz",
    "Costa",
    "Ibrahim",
    "Tanaka",
    "Dubois",
    "Horvath",
    "Abubakar",
    "Silva",
    "Jensen",
    "Karimi",
    "Lopez",
    "Nakamura",
    "Osei",
    "Popescu",
    "Quist",
    "Rahman",
    "Schmidt",
    "Takahashi",
    "Urquhart",
    "Varga",
    "Wojcik",
    "Zhang",
    "Aziz",
];
const ROLES: &[&str] = &[
    "Foreign Minister",
    "President",
    "Prime Minister",
    "Defence Minister",
    "envoy",
    "Secretary of State",
    "Interior Minister",
    "opposition leader",
    "Finance Minister",
    "special envoy",
    "Ambassador",
];
const CITIES: &[&str] = &[
    "Paris",
    "Geneva",
    "Vienna",
    "Oslo",
    "Cairo",
    "Nairobi",
    "Lima",
    "Hanoi",
    "Ankara",
    "Madrid",
    "Warsaw",
    "Dakar",
    "Berlin",
    "Rome",
    "Tokyo",
    "Seoul",
    "Brasilia",
    "Ottawa",
    "Canberra",
    "Jakarta",
    "Manila",
    "Bogota",
    "Santiago",
    "Lisbon",
    "Athens",
    "Helsinki",
    "Stockholm",
    "Copenhagen",
    "Dublin",
    "Prague",
    "Budapest",
    "Bucharest",
    "Sofia",
    "Belgrade",
    "Zagreb",
    "Kyiv",
    "Tbilisi",
    "Baku",
    "Tehran",
    "Riyadh",
    "Doha",
    "Amman",
    "Beirut",
    "Baghdad",
    "Islamabad",
    "New Delhi",
    "Dhaka",
    "Bangkok",
    "Beijing",
    "Addis Ababa",
    "Abuja",
    "Accra",
    "Algiers",
    "Tunis",
    "Rabat",
    "Khartoum",
    "Kinshasa",
    "Luanda",
    "Pretoria",
    "Harare",
];
const COUNTRIES: &[&str] = &[
    "France",
    "Germany",
    "Russia",
    "China",
    "Japan",
    "Brazil",
    "India",
    "Turkey",
    "Egypt",
    "Kenya",
    "Nigeria",
    "Mexico",
    "Canada",
    "Australia",
    "Indonesia",
    "Iran",
    "Iraq",
    "Syria",
    "Ukraine",
    "Poland",
    "Spain",
    "Italy",
    "Sweden",
    "Norway",
    "Qatar",
    "Jordan",
    "Pakistan",
    "Ethiopia",
    "Ghana",
    "Algeria",
    "Morocco",
    "Sudan",
    "Peru",
    "Chile",
    "Colombia",
];
const ORGS: &[&str] = &[
    "the United Nations",
    "NATO",
    "the European Union",
    "the African Union",
    "the World Bank",
    "the Red Cross",
    "the Arab League",
    "the IMF",
    "the World Health Organization",
    "ASEAN",
    "the OSCE",
    "UNICEF",
];
const OUTLETS: &[&str] = &[
    "Reuters",
    "AFP",
    "Associated Press",
    "BBC News",
    "Al Jazeera",
    "The Guardian",
    "Deutsche Welle",
    "Kyodo",
    "Xinhua",
    "Anadolu",
];
const THINGS: &[&str] = &[
    "a ceasefire",
    "new talks",
    "a trade agreement",
    "an exchange of prisoners",
    "a joint commission",
    "a humanitarian corridor",
    "a peace conference",
    "new elections",
    "a monitoring mission",
    "debt relief",
    "a border agreement",
    "sanctions relief",
];
const TOPICS: &[&str] = &[
    "the crisis",
    "regional security",
    "trade",
    "the humanitarian situation",
    "energy supplies",
    "the border dispute",
    "refugees",
    "the peace process",
    "climate finance",
    "water rights",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const FILLER: &[&str] = &[
    "The talks lasted more than three hours, officials said.",
    "Analysts said the outcome remained uncertain.",
    "No date has been set for the next round.",
    "The statement gave few details.",
    "Diplomats described the atmosphere as constructive but tense.",
    "Both sides have accused each other of bad faith in the past.",
    "The meeting had been postponed twice.",
    "Markets reacted calmly to the news.",
    "Protesters gathered outside the venue during the afternoon.",
    "It was the first such meeting in almost two years.",
];
const NOISE: &[&str] = &[
    "READ MORE: What the talks mean for the region",
    "Advertisement",
    "Share this article",
    "Sign up for our newsletter",
    "Related: Five things to know about the crisis",
];

/// "January" for 0.
fn month_name(month: usize) -> &'static str {
    u8::try_from(month + 1)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("January", |m| m.name())
}

/// One generated article, as a JSON Lines record.
fn article(rng: &mut Rng, n: u64, people: usize, words: usize) -> serde_json::Value {
    let person = |rng: &mut Rng| {
        let i = rng.below(people);
        format!(
            "{} {}",
            FIRST[i % FIRST.len()],
            LAST[(i / FIRST.len()) % LAST.len()]
        )
    };
    let (a, b, c) = (person(rng), person(rng), person(rng));
    let city = rng.pick(CITIES);
    let outlet = rng.pick(OUTLETS);
    let (month, day, year) = (rng.below(12), 1 + rng.below(28), 2010 + rng.below(15));
    let title = format!("{a} and {b} hold talks in {city} on {}", rng.pick(TOPICS));
    let mut text = String::new();
    let _ = write!(
        text,
        "{title}\n\nBy {}\n\n{}, {} {day} ({outlet}) - ",
        person(rng),
        city.to_uppercase(),
        &month_name(month)[..3],
    );
    let mut count = 0;
    let mut paragraph = 0;
    while count < words {
        let s = match rng.below(12) {
            0 => format!(
                "{} {a} met {} {b} in {city} on {} for talks on {}.",
                rng.pick(ROLES),
                rng.pick(ROLES),
                rng.pick(WEEKDAYS),
                rng.pick(TOPICS)
            ),
            1 => format!("{a} and {b} met in {city} to discuss {}.", rng.pick(TOPICS)),
            2 => format!(
                "{c} held talks with {b} in {} on {}.",
                rng.pick(CITIES),
                rng.pick(WEEKDAYS)
            ),
            3 => format!("{} backs {b}, {a} said.", rng.pick(COUNTRIES)),
            4 => format!(
                "{c} said {} supported the plan put forward by {a}.",
                rng.pick(COUNTRIES)
            ),
            5 => format!(
                "{a} proposed {} on {}.",
                rng.pick(THINGS),
                rng.pick(WEEKDAYS)
            ),
            6 => format!(
                "{b} called for {} and urged {} to help.",
                rng.pick(THINGS),
                rng.pick(ORGS)
            ),
            7 => format!(
                "\"We have made progress on {},\" {a} told reporters.",
                rng.pick(TOPICS)
            ),
            8 => format!(
                "{} has warned that {} could take months to resolve.",
                rng.pick(ORGS),
                rng.pick(TOPICS)
            ),
            9 => format!(
                "Officials from {} and {} are expected in {} next week.",
                rng.pick(COUNTRIES),
                rng.pick(COUNTRIES),
                rng.pick(CITIES)
            ),
            _ => rng.pick(FILLER).to_string(),
        };
        count += s.split_whitespace().count();
        let mut chars = s.chars();
        if let Some(first) = chars.next() {
            text.extend(first.to_uppercase());
            text.push_str(chars.as_str());
        }
        if rng.chance(30) {
            text.push_str("\n\n");
            paragraph += 1;
            if paragraph % 3 == 2 && rng.chance(50) {
                let _ = write!(text, "{}\n\n", rng.pick(NOISE));
            }
        } else {
            text.push(' ');
        }
    }
    let mut text = text.trim_end().to_string();
    let _ = write!(text, "\n\nPhoto: {outlet}\n");
    serde_json::json!({
        "id": format!("synth-{n}"),
        "title": title,
        "source": outlet,
        "published": format!("{year}-{:02}-{day:02}", month + 1),
        "text": text,
    })
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    /// Number of articles.
    pub articles: u64,
    /// Seed: the same seed gives the same corpus.
    pub seed: u64,
    /// Words of body text per article (about).
    pub words: usize,
    /// Distinct people to draw from (up to 1,600).
    pub people: usize,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            articles: 1000,
            seed: 1,
            words: 500,
            people: 1600,
        }
    }
}

/// Writes the corpus as JSON Lines; returns the number of words of body text written.
pub fn write_corpus<W: Write>(opts: &SynthOptions, mut out: W) -> io::Result<u64> {
    let mut rng = Rng(opts.seed);
    let mut words = 0u64;
    for n in 0..opts.articles {
        let a = article(
            &mut rng,
            n,
            opts.people.clamp(1, FIRST.len() * LAST.len()),
            opts.words,
        );
        words += a["text"]
            .as_str()
            .map_or(0, |t| t.split_whitespace().count() as u64);
        serde_json::to_writer(&mut out, &a)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus_and_articles_read_back() {
        let opts = SynthOptions {
            articles: 20,
            words: 120,
            ..SynthOptions::default()
        };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let words = write_corpus(&opts, &mut a).expect("write");
        write_corpus(&opts, &mut b).expect("write");
        assert_eq!(a, b);
        assert!(words >= 20 * 120, "{words}");
        let other = SynthOptions { seed: 2, ..opts };
        let mut c = Vec::new();
        write_corpus(&other, &mut c).expect("write");
        assert_ne!(a, c);
        let read = crate::ingest::read_bytes(
            std::path::Path::new("c.jsonl"),
            "c.jsonl",
            &a,
            crate::ingest::ReadOptions::default(),
        );
        assert_eq!(read.iter().filter(|r| r.is_ok()).count(), 20);
    }
}
