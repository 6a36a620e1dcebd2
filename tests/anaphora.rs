//! Subjects that point back — "He", "She", "They", "The minister", "Both leaders" — as the
//! subject of every frame (meet, back, propose), in the first, a middle and the last
//! sentence of an article. Issue 22: a pronoun before a backing verb after the first
//! sentence panicked (the frame resolved it against an empty list of sentences) and took
//! the whole ingest down with it. Every combination must extract without a panic, keep
//! its span promises, and — where an earlier sentence names who is meant — give the
//! relation to that person, never to the pronoun's own words.

use newsgraph::extract::{extract, Extraction, Gazetteer, RelationKind};
use newsgraph::ingest::{Article, Metadata};

/// Who each subject stands for, introduced by a sentence of its own.
const SUBJECTS: &[(&str, &str, &[&str])] = &[
    (
        "He",
        "President Bo Lund arrived in London on Monday.",
        &["Bo Lund"],
    ),
    (
        "She",
        "Prime Minister Ana Silva arrived in London on Monday.",
        &["Ana Silva"],
    ),
    (
        "They",
        "President Bo Lund and Prime Minister Ana Silva arrived in London on Monday.",
        &["Bo Lund", "Ana Silva"],
    ),
    (
        "The minister",
        "Foreign Minister Eva Holm arrived in London on Monday.",
        &["Eva Holm"],
    ),
    (
        "Both leaders",
        "President Bo Lund and Prime Minister Ana Silva arrived in London on Monday.",
        &["Bo Lund", "Ana Silva"],
    ),
];

/// The frames, with the subject to fill in and the other party.
const FRAMES: &[(RelationKind, &str, &str)] = &[
    (
        RelationKind::MetWith,
        "{S} met Foreign Minister Carl Dahl in Rome on Tuesday.",
        "Carl Dahl",
    ),
    (
        RelationKind::Backs,
        "{S} backs the Syrian National Coalition.",
        "Syrian National Coalition",
    ),
    (
        RelationKind::Proposed,
        "{S} proposed a ceasefire in Aleppo.",
        "a ceasefire in Aleppo",
    ),
];

const FILLER: &str = "The talks lasted two hours.";

fn article(sentences: &[String]) -> Article {
    let body = sentences.join(" ");
    Article::from_text(
        "anaphora.txt",
        &format!("Leaders meet\n\n{body}\n\nThe day ended quietly.\n"),
        Metadata::default(),
    )
}

/// The names of the subjects of `kind` relations.
fn subjects_of(x: &Extraction, kind: RelationKind) -> Vec<&str> {
    x.relations
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| x.entities[r.subject].name.as_str())
        .collect()
}

fn checked(a: &Article) -> Extraction {
    let x = extract(a, Gazetteer::bundled());
    x.check(a).expect("span and index promises");
    for m in &x.mentions {
        let surface = &a.text[m.span.clone()];
        assert_eq!(surface, surface.trim(), "a mention's span is trimmed");
    }
    x
}

#[test]
fn every_frame_with_every_referring_subject_in_every_position() {
    let mut resolved = 0;
    let mut cases = 0;
    let mut wrong = Vec::new();
    for &(subject, intro, meant) in SUBJECTS {
        let pronoun = subject.split(' ').count() == 1;
        for &(kind, frame, other) in FRAMES {
            let s = frame.replace("{S}", subject);
            let layouts: [(&str, Vec<String>); 3] = [
                ("first", vec![s.clone(), FILLER.into(), intro.into()]),
                ("middle", vec![intro.into(), s.clone(), FILLER.into()]),
                ("last", vec![intro.into(), FILLER.into(), s.clone()]),
            ];
            for (position, sentences) in layouts {
                cases += 1;
                let a = article(&sentences);
                let x = checked(&a);
                let who = subjects_of(&x, kind);
                let case = format!("{subject} / {kind:?} / {position}: {who:?}");
                // the pronoun or role is never an entity of its own
                if who
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(subject) || w.eq_ignore_ascii_case("minister"))
                {
                    wrong.push(format!("{case}: the subject's words became an entity"));
                }
                // given only to the people meant (or, for a meeting, the other party)
                if who.iter().any(|w| !meant.contains(w) && *w != other) {
                    wrong.push(format!("{case}: given to someone else"));
                }
                let found = who.iter().any(|w| meant.contains(w));
                if position == "first" {
                    // a pronoun never points forward to someone named two sentences on
                    // (a role may: "The minister …" in a lede, named further down)
                    if pronoun && found {
                        wrong.push(format!("{case}: a pronoun resolved forward"));
                    }
                    continue;
                }
                resolved += usize::from(found);
                if !found {
                    eprintln!("unresolved: {case}");
                }
            }
        }
    }
    assert_eq!(cases, 45);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // of the 30 cases with someone named before, how many were given to them: 26 when
    // written; "They met …" and "The minister met …" find no one yet (the meeting
    // frame resolves "he"/"she" and pairs, not plural pronouns or bare roles)
    assert!(
        resolved >= 26,
        "only {resolved} of 30 later-position cases resolved"
    );
}

/// The article from the issue, as a user wrote it.
#[test]
fn the_issues_article_extracts() {
    let a = Article::from_text(
        "leaders.txt",
        "Leaders meet\n\nLONDON (Wire) - Prime Minister Ana Silva met President Bo Lund in London on Monday.\n\nThe talks lasted two hours.\n\nHe backs the rebels.\n",
        Metadata::default(),
    );
    let x = checked(&a);
    let met: Vec<_> = subjects_of(&x, RelationKind::MetWith);
    assert!(met.contains(&"Ana Silva") && met.len() == 1, "{met:?}");
}
