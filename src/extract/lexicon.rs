//! Cue words of English news writing: heads that make a name an organisation, place or
//! event, collective nouns, locative prepositions, and the common words that start
//! sentences in capitals without being names. Linguistic knowledge, not story content.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A word list consulted for every token: written in a data file under `data/lexicon/`
/// (one entry a line, `#` starts a comment), compiled into the binary and looked up in a
/// hash set built on first use (a linear scan of the longer lists was a fifth of
/// extraction time).
#[derive(Debug)]
pub struct Words {
    text: &'static str,
    set: OnceLock<FxHashSet<&'static str>>,
}

/// The entries of a data file: each line trimmed, blank lines and `#` comments skipped.
pub fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Words {
    /// The words of a data file's text (see [`entries`]), compared exactly (case
    /// included).
    pub const fn data(text: &'static str) -> Self {
        Words {
            text,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` ends with one of the list's entries (the list holds endings).
    pub fn ends_any(&self, word: &str) -> bool {
        self.set()
            .iter()
            .any(|e| word.len() > e.len() && word.ends_with(e))
    }

    /// Whether `word` is one of the list's words.
    pub fn contains<S: AsRef<str> + ?Sized>(&self, word: &S) -> bool {
        self.set().contains(word.as_ref())
    }

    fn set(&self) -> &FxHashSet<&'static str> {
        self.set.get_or_init(|| entries(self.text).collect())
    }
}

/// Prepositions: a name after one is no subject.
pub static PREPOSITIONS: Words = Words::data(include_str!("../../data/lexicon/prepositions.txt"));

/// Last (or any) word of an organisation's name.
pub static ORG_HEADS: Words = Words::data(include_str!("../../data/lexicon/org_heads.txt"));

/// Last word of a place's name.
pub static PLACE_HEADS: Words = Words::data(include_str!("../../data/lexicon/place_heads.txt"));

/// First word of a place's name.
pub static PLACE_PREFIXES: Words =
    Words::data(include_str!("../../data/lexicon/place_prefixes.txt"));

/// Directions that make a following name a region ("East Ghouta", "Northern Ireland").
pub static DIRECTIONS: Words = Words::data(include_str!("../../data/lexicon/directions.txt"));

/// Heads of event names: capitalised ("Korean War") or after a place ("Geneva talks").
pub static EVENT_HEADS: Words = Words::data(include_str!("../../data/lexicon/event_heads.txt"));

/// Last words that make a capitalised name an event only when capitalised ("Sacred
/// Defence Week", "World Cup").
pub static NAMED_EVENT_HEADS: Words =
    Words::data(include_str!("../../data/lexicon/named_event_heads.txt"));

/// First words that make a capitalised name an event ("Operation Atlantic Resolve").
pub static EVENT_PREFIXES: Words =
    Words::data(include_str!("../../data/lexicon/event_prefixes.txt"));

/// Last words that make a name an organisation in last place only ("Mahan Air", "Press
/// TV", "Amnesty International").
pub static ORG_SUFFIXES: Words = Words::data(include_str!("../../data/lexicon/org_suffixes.txt"));

/// Adjectives of peoples, regions, faiths and institutions that name nothing alone:
/// `data/lexicon/adjectives.txt`.
pub static ADJECTIVES: Words = Words::data(include_str!("../../data/lexicon/adjectives.txt"));

/// Nouns for a person of a nation before a name ("Dane Henrik Lund").
pub static DEMONYM_NOUNS: Words = Words::data(include_str!("../../data/lexicon/demonym_nouns.txt"));

/// People who work at an organisation, before "at" and its name: `data/lexicon/staff_at.txt`.
pub static STAFF_AT: Words = Words::data(include_str!("../../data/lexicon/staff_at.txt"));

/// Lower-case nouns right before a name that make it an organisation ("the journal X").
pub static ORG_NOUNS_BEFORE: Words =
    Words::data(include_str!("../../data/lexicon/org_nouns_before.txt"));

/// First words, in other languages, that make a name an organisation ("Deutsche Bahn").
pub static ORG_OPENERS: Words = Words::data(include_str!("../../data/lexicon/org_openers.txt"));

/// Last words of capitalised phrases that name no entity ("Executive Order", "Christmas
/// Day").
pub static NONNAME_HEADS: Words = Words::data(include_str!("../../data/lexicon/nonname_heads.txt"));

/// Endings of abstract and plural nouns that no surname has ("Common Prosperity").
pub static ABSTRACT_SUFFIXES: Words =
    Words::data(include_str!("../../data/lexicon/abstract_suffixes.txt"));

/// Event heads that a place names by venue ("Geneva talks"), as opposed to conflicts named
/// by their country ("Syrian civil war").
pub static VENUE_EVENT_HEADS: Words =
    Words::data(include_str!("../../data/lexicon/venue_event_heads.txt"));

/// Nouns after a name that make it an organisation ("Farc rebels", "Hamas militants").
pub static ORG_NOUNS: Words = Words::data(include_str!("../../data/lexicon/org_nouns.txt"));

/// Nouns after a name that make it a place ("Homs district", "Sentosa island").
pub static PLACE_NOUNS: Words = Words::data(include_str!("../../data/lexicon/place_nouns.txt"));

/// Nouns of venues that are part of the venue's name when they follow it ("Capella hotel").
pub static VENUE_NOUNS: Words = Words::data(include_str!("../../data/lexicon/venue_nouns.txt"));

/// Name particles that join the parts of a name ("Humberto de la Calle").
pub static PARTICLES: Words = Words::data(include_str!("../../data/lexicon/particles.txt"));

/// Words that join the parts of an organisation's name ("Organization for Security and …").
pub static ORG_CONNECTORS: Words =
    Words::data(include_str!("../../data/lexicon/org_connectors.txt"));

/// Capitalised words that are not names by themselves (sentence starters, months, days).
pub static COMMON_WORDS: Words = Words::data(include_str!("../../data/lexicon/common_words.txt"));

/// Words that introduce an attribution ("…, Kerry said").
pub static SPEECH_VERBS: Words = Words::data(include_str!("../../data/lexicon/speech_verbs.txt"));

/// Plural nouns for people named together: "the three ministers", "Representatives of …".
pub static GROUP_NOUNS: Words = Words::data(include_str!("../../data/lexicon/group_nouns.txt"));

/// Languages: "in Persian" is no place.
pub static LANGUAGES: Words = Words::data(include_str!("../../data/lexicon/languages.txt"));

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    /// Every list under `data/lexicon/` is read by the code, once, and has no entry twice.
    #[test]
    fn every_lexicon_file_is_used_once_and_has_no_duplicates() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut sources = String::new();
        for e in walkdir::WalkDir::new(root.join("src")) {
            let e = e.expect("src entry");
            if e.path().extension().is_some_and(|x| x == "rs") {
                sources.push_str(&std::fs::read_to_string(e.path()).expect("source"));
            }
        }
        let mut files = 0;
        for e in std::fs::read_dir(root.join("data/lexicon")).expect("data/lexicon") {
            let path = e.expect("entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).expect("name");
            let uses = sources.matches(&format!("data/lexicon/{name}\"")).count();
            assert_eq!(uses, 1, "{name} is read {uses} times");
            let text = std::fs::read_to_string(&path).expect("read");
            let mut seen = BTreeSet::new();
            for entry in text.lines().map(str::trim) {
                if entry.is_empty() || entry.starts_with('#') {
                    continue;
                }
                assert!(seen.insert(entry), "{name}: {entry:?} twice");
            }
            assert!(!seen.is_empty(), "{name} is empty");
            files += 1;
        }
        assert!(files >= 25, "{files} lexicon files");
    }
}
