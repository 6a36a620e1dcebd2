//! Relation frames, one sentence each: what must be read, and what must not (planned,
//! negated, hypothetical statements; possessors and titles that are no participants).

use newsgraph::extract::{extract, Extraction, Gazetteer, RelationKind};
use newsgraph::ingest::{Article, Metadata};

fn read(body: &str) -> (Article, Extraction) {
    let a = Article::from_text("t", &format!("Headline\n\n{body}\n"), Metadata::default());
    let x = extract(&a, Gazetteer::bundled());
    (a, x)
}

/// Relations as "A metWith B", "A backs B", "A proposed «label»" (metWith both ways round).
fn relations(body: &str) -> Vec<String> {
    let (_, x) = read(body);
    let mut out: Vec<String> = x
        .relations
        .iter()
        .flat_map(|r| {
            let a = &x.entities[r.subject].name;
            match r.kind {
                RelationKind::MetWith => {
                    let b = &x.entities[r.object.expect("object")].name;
                    vec![format!("{a} metWith {b}"), format!("{b} metWith {a}")]
                }
                RelationKind::Backs => vec![format!(
                    "{a} backs {}",
                    x.entities[r.object.expect("object")].name
                )],
                RelationKind::Proposed => vec![format!(
                    "{a} proposed «{}»",
                    r.proposal.as_deref().unwrap_or("")
                )],
            }
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn has(rels: &[String], want: &str) -> bool {
    rels.iter().any(|r| r == want)
}

#[test]
fn meetings() {
    for (text, want) in [
        (
            "Foreign Minister Anna Berg met her Danish counterpart, Lars Holm, in Oslo on Monday.",
            "Anna Berg metWith Lars Holm",
        ),
        (
            "President Tom Vale held talks with Prime Minister Ruth Adler in Vienna.",
            "Tom Vale metWith Ruth Adler",
        ),
        (
            "Tom Vale spoke by phone with Ruth Adler late on Tuesday.",
            "Tom Vale metWith Ruth Adler",
        ),
        (
            "Tom Vale told a news conference after talks with Ruth Adler and Omar Said in Cairo.",
            "Ruth Adler metWith Omar Said",
        ),
        (
            "The deal was signed in Lima by Tom Vale and Ruth Adler.",
            "Tom Vale metWith Ruth Adler",
        ),
    ] {
        let rels = relations(text);
        assert!(has(&rels, want), "{text}\n  want {want}\n  got {rels:?}");
    }
}

#[test]
fn signing_ceremonies() {
    let rels = relations("Defence Minister Ivan Petrov signed the accord with Foreign Minister Lena Maas and Omar Said.");
    for want in [
        "Ivan Petrov metWith Lena Maas",
        "Ivan Petrov metWith Omar Said",
        "Lena Maas metWith Omar Said",
    ] {
        assert!(has(&rels, want), "want {want}, got {rels:?}");
    }
    // separate ceremonies: each signatory met the hosts, not the other signatory
    let rels = relations("Russia and Ukraine signed the deal on Friday, in separate ceremonies with Turkey and the United Nations in Istanbul.");
    for want in [
        "Russia metWith Turkey",
        "Russia metWith United Nations",
        "Ukraine metWith Turkey",
        "Ukraine metWith United Nations",
    ] {
        assert!(has(&rels, want), "want {want}, got {rels:?}");
    }
    assert!(
        !has(&rels, "Russia metWith Ukraine"),
        "separate ceremonies: {rels:?}"
    );
    assert!(
        !rels.iter().any(|r| r.contains("Istanbul")),
        "a place is no participant: {rels:?}"
    );
    // and each separate meeting is its own record, so nothing downstream (the tallies, the
    // meeting nodes) pairs the two who never met
    for body in [
        "Russia and Ukraine signed the deal on Friday, in separate ceremonies with Turkey and the United Nations in Istanbul.",
        "Foreign Minister Anna Berg met with Tom Vale and Ruth Adler separately on Monday.",
    ] {
        let (_, x) = read(body);
        let records: Vec<Vec<&str>> = x
            .meetings
            .iter()
            .map(|m| m.participants.iter().map(|&p| x.entities[p].name.as_str()).collect())
            .collect();
        assert!(records.len() >= 2, "{body}: {records:?}");
        assert!(records.iter().all(|r| r.len() == 2), "{body}: {records:?}");
        for (a, b) in [("Russia", "Ukraine"), ("Tom Vale", "Ruth Adler")] {
            assert!(
                !records.iter().any(|r| r.contains(&a) && r.contains(&b)),
                "{body}: {records:?}"
            );
        }
    }
}

#[test]
fn common_news_verbs() {
    for (text, want) in [
        (
            "Foreign Minister Anna Berg spoke with Tom Vale on Tuesday.",
            "Anna Berg metWith Tom Vale",
        ),
        (
            "Tom Vale, who is allied with Anna Berg, won the vote.",
            "Tom Vale backs Anna Berg",
        ),
        (
            "Iran has bankrolled Hezbollah for decades.",
            "Iran backs Hezbollah",
        ),
        (
            "Anna Berg put forward a plan for a buffer zone.",
            "Anna Berg proposed «plan for a buffer zone»",
        ),
        (
            "Tom Vale floated the idea of a referendum.",
            "Tom Vale proposed «idea of a referendum»",
        ),
        (
            "The United States, Israel's closest ally, urged calm.",
            "United States backs Israel",
        ),
        (
            "Turkey, which has supplied drones to Ukraine, offered to mediate.",
            "Turkey backs Ukraine",
        ),
        (
            "Russia, whose mercenaries support Khalifa Haftar, denied it.",
            "Russia backs Khalifa Haftar",
        ),
        (
            "President Ivan Petrov of Serbia, whose country is backed by Russia, spoke.",
            "Russia backs Serbia",
        ),
        (
            "Both leaders accepted the European Union's proposal to normalise relations.",
            "European Union proposed «normalise relations»",
        ),
    ] {
        let rels = relations(text);
        assert!(has(&rels, want), "{text}\n  want {want}\n  got {rels:?}");
    }
}

#[test]
fn participants_are_parties_not_their_relations() {
    let rels = relations(
        "Ivan Petrov, adviser to Prime Minister Anna Berg, and Tom Vale signed the deal in Oslo.",
    );
    assert!(has(&rels, "Ivan Petrov metWith Tom Vale"), "{rels:?}");
    assert!(
        !rels.iter().any(|r| r.contains("Anna Berg")),
        "the adviser's boss did not sign: {rels:?}"
    );
    let rels = relations("Lena Maas met Omar Said on Monday, and later held separate talks with the US envoy, Tom Vale.");
    for want in ["Lena Maas metWith Omar Said", "Lena Maas metWith Tom Vale"] {
        assert!(has(&rels, want), "want {want}, got {rels:?}");
    }
    assert!(
        !has(&rels, "Omar Said metWith Tom Vale"),
        "separate talks: {rels:?}"
    );
    assert!(
        !rels.iter().any(|r| r.contains("United States")),
        "a title's country is no party: {rels:?}"
    );
    let (_, x) = read("Getachew Reda of the Tigray People's Liberation Front spoke.");
    assert!(
        x.entities
            .iter()
            .any(|e| e.name == "Tigray People's Liberation Front"),
        "{:?}",
        x.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn no_meeting_that_has_not_happened() {
    for text in [
        "Anna Berg said talks with her counterpart, Tom Vale, would continue next week.",
        "Tom Vale is expected to meet Ruth Adler in Vienna next week.",
        "Tom Vale will hold talks with Ruth Adler on Friday.",
        "Tom Vale did not meet Ruth Adler during the visit.",
        "Tom Vale refused to meet Ruth Adler.",
    ] {
        let rels = relations(text);
        assert!(
            !rels.iter().any(|r| r.contains("metWith")),
            "{text}\n  got {rels:?}"
        );
    }
}

#[test]
fn backing() {
    for (text, want) in [
        ("Russian Foreign Minister Sergei Lavrov, whose government backs Bashar al-Assad, spoke.", "Russia backs Bashar al-Assad"),
        ("Rebels backed by Washington took the town.", ""),
        ("Khalifa Haftar, whose forces hold the east, is backed by Egypt.", "Egypt backs Khalifa Haftar"),
        ("The Moscow-backed rebel leader Igor Brand signed the deal.", "Russia backs Igor Brand"),
        ("Egypt, a close ally of Washington, welcomed the deal.", "Egypt backs United States"),
        ("Supreme Leader Ali Khamenei, who has backed Hassan Rouhani, praised the team.", "Ali Khamenei backs Hassan Rouhani"),
        ("The International Monetary Fund agreed to lend Ukraine $17.5 billion.", "International Monetary Fund backs Ukraine"),
    ] {
        let rels = relations(text);
        if want.is_empty() {
            assert!(!rels.iter().any(|r| r.contains("backs")), "{text}: a collective without a name backs nothing we can name; got {rels:?}");
        } else {
            assert!(has(&rels, want), "{text}\n  want {want}\n  got {rels:?}");
        }
    }
}

#[test]
fn proposals_name_the_agent_and_the_action() {
    for (text, agent, key) in [
        (
            "Anna Berg has proposed a referendum on the new constitution.",
            "Anna Berg",
            "referendum",
        ),
        (
            "Tom Vale called for a ceasefire around the port.",
            "Tom Vale",
            "ceasefire",
        ),
        (
            "The UN secretary general, Ruth Adler, called for sanctions to be lifted.",
            "Ruth Adler",
            "sanctions",
        ),
        (
            "Omar Said, the chief negotiator, proposed that prisoners be exchanged.",
            "Omar Said",
            "prisoners",
        ),
        (
            "Tom Vale said he had offered to halt military exercises.",
            "Tom Vale",
            "exercises",
        ),
        (
            "Moscow had pushed during the night for sweeping autonomy for the east.",
            "Russia",
            "autonomy",
        ),
        (
            "A prisoner exchange is also under consideration, Anna Berg and Tom Vale said.",
            "Tom Vale",
            "prisoner",
        ),
        (
            "German Chancellor Anna Berg met Tom Vale. The German chancellor proposed a buffer zone.",
            "Anna Berg",
            "buffer",
        ),
        (
            "Iranian Foreign Minister Ali Tehrani spoke. Iran's foreign minister called for talks on sanctions.",
            "Ali Tehrani",
            "sanctions",
        ),
    ] {
        let rels = relations(text);
        let found = rels
            .iter()
            .any(|r| r.starts_with(&format!("{agent} proposed «")) && r.contains(key));
        assert!(
            found,
            "{text}\n  want {agent} proposed «…{key}…»\n  got {rels:?}"
        );
    }
}

#[test]
fn passive_calls_take_the_agent_after_by() {
    let rels =
        relations("Turkey and Russia have been urged by Washington to withdraw their forces.");
    assert!(
        has(&rels, "United States proposed «withdraw their forces»"),
        "{rels:?}"
    );
    assert!(
        !rels
            .iter()
            .any(|r| r.starts_with("Russia proposed") || r.starts_with("Turkey proposed")),
        "{rels:?}"
    );
    let (_, x) = read("Delegates to the Libyan Political Dialogue Forum met in Geneva.");
    assert!(x
        .entities
        .iter()
        .any(|e| e.name == "Libyan Political Dialogue Forum"
            && e.etype == newsgraph::extract::EntityType::Organization));
}

#[test]
fn no_proposal_when_negated_or_first_person() {
    for text in [
        "Tom Vale has not proposed any new talks.",
        "\"We have been pushing for this for years,\" said Tom Vale.",
    ] {
        let rels = relations(text);
        assert!(
            !rels.iter().any(|r| r.contains("proposed")),
            "{text}\n  got {rels:?}"
        );
    }
}

#[test]
fn mentions_keep_their_spans() {
    let (a, x) = read("US Secretary of State John Kerry met Mr Lavrov and UN envoy Lakhdar Brahimi in Paris on Monday.");
    assert!(!x.mentions.is_empty());
    for m in &x.mentions {
        let surface = &a.text[m.span.clone()];
        assert!(
            !surface.is_empty() && surface.trim() == surface,
            "span {:?} gives {surface:?}",
            m.span
        );
        let e = &x.entities[m.entity];
        let names: Vec<&str> = std::iter::once(e.name.as_str())
            .chain(e.aliases.iter().map(String::as_str))
            .collect();
        assert!(
            names
                .iter()
                .any(|n| n.ends_with(surface) || surface.ends_with(*n) || n.contains(surface)),
            "{surface:?} is not a name of {:?}",
            e.name
        );
    }
    let names: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
    for want in [
        "John Kerry",
        "Lavrov",
        "Lakhdar Brahimi",
        "Paris",
        "United States",
        "United Nations",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
}

/// Frames added after the seventh fixture set (requests, accusations, suppliers, joiners,
/// hosts), each in sentences of its own.
#[test]
fn requests_accusations_suppliers_and_joiners() {
    for (text, want) in [
        (
            "Anna Berg asked Tom Vale to reopen the northern border crossing.",
            "Anna Berg proposed «reopen the northern border crossing»",
        ),
        (
            "Tom Vale pressed both sides to accept a prisoner exchange.",
            "Tom Vale proposed «accept a prisoner exchange»",
        ),
        (
            "Ruth Adler asked for an independent inquiry into the shelling.",
            "Ruth Adler proposed «independent inquiry into the shelling»",
        ),
        (
            "Norway, a longtime mediator in the region, had called for a ceasefire.",
            "Norway proposed «ceasefire»",
        ),
        (
            "Serbia accuses Croatia of arming Kosovo.",
            "Croatia backs Kosovo",
        ),
        (
            "Iran, which supplies Hezbollah with drones, denied the report.",
            "Iran backs Hezbollah",
        ),
        (
            "Russia backs the country's embattled president, Ivan Petrov, in the dispute.",
            "Russia backs Ivan Petrov",
        ),
    ] {
        let rels = relations(text);
        assert!(has(&rels, want), "{text}\n  want {want}\n  got {rels:?}");
    }
    // a request without its "to" is no proposal; a gerund without its subject backs nothing
    for (text, kind) in [
        ("Anna Berg asked Tom Vale about the talks.", "proposed"),
        ("The funding of militias was discussed.", "backs"),
    ] {
        let rels = relations(text);
        assert!(
            !rels.iter().any(|r| r.contains(kind)),
            "{text}\n  got {rels:?}"
        );
    }
    // one who joins the talks meets those already there; the host of earlier talks
    let rels = relations(
        "Anna Berg met Tom Vale in Oslo on Monday. Ruth Adler also took part in the talks.",
    );
    for want in [
        "Anna Berg metWith Ruth Adler",
        "Tom Vale metWith Ruth Adler",
    ] {
        assert!(has(&rels, want), "want {want}, got {rels:?}");
    }
    let rels = relations(
        "Anna Berg and Tom Vale agreed a truce on Monday, following talks hosted by Prime \
         Minister Ruth Adler. At the end of the meeting, Anna Berg and Tom Vale shook hands.",
    );
    assert!(has(&rels, "Anna Berg metWith Ruth Adler"), "{rels:?}");
    // "A and Norway's foreign minister, B" are the pair "the two ministers" refers to
    let rels = relations(
        "Anna Berg and Norway's new foreign minister, Tom Vale, arrived in Oslo on Monday. \
         The two ministers held talks with Ruth Adler.",
    );
    for want in [
        "Anna Berg metWith Ruth Adler",
        "Tom Vale metWith Ruth Adler",
    ] {
        assert!(has(&rels, want), "want {want}, got {rels:?}");
    }
}

/// Entity shapes met in the seventh fixture set, in sentences of our own: an organisation
/// whose name goes on after "for the"/"of the", a region's adjective that names nothing,
/// and agency style's plain "Congo".
#[test]
fn long_organisation_names_region_adjectives_and_congo() {
    let entities = |body: &str| -> Vec<(String, String)> {
        let (_, x) = read(body);
        x.entities
            .iter()
            .map(|e| (format!("{:?}", e.etype), e.name.clone()))
            .collect()
    };
    let got =
        entities("The Popular Front for the Defence of Lakes said on Monday it would disarm.");
    assert!(
        got.contains(&(
            "Organization".into(),
            "Popular Front for the Defence of Lakes".into()
        )),
        "{got:?}"
    );
    let got = entities("The Council of the Northern League met in Turin.");
    assert!(
        got.iter()
            .any(|(t, n)| t == "Organization" && n == "Council of the Northern League"),
        "{got:?}"
    );
    // no organisation head before "for the": the chunk still ends at the connector
    let got = entities("Maria Lind thanked Omar Said for the support of Norway.");
    assert!(got.iter().any(|(_, n)| n == "Omar Said"), "{got:?}");
    for body in [
        "She leads a West African mediation effort that began in Accra.",
        "A Southeast Asian trade bloc met in Hanoi.",
    ] {
        let got = entities(body);
        assert!(
            got.iter()
                .all(|(_, n)| !n.ends_with("African") && !n.ends_with("Asian")),
            "{body}: {got:?}"
        );
    }
    let got = entities(
        "Congo and Rwanda signed a truce; the Democratic Republic of Congo army withdrew.",
    );
    let congo: Vec<_> = got.iter().filter(|(_, n)| n.contains("Congo")).collect();
    assert_eq!(
        congo,
        [&(
            "Place".to_string(),
            "Democratic Republic of the Congo".to_string()
        )],
        "{got:?}"
    );
}

/// Frames added after the eighth fixture set (meals and sessions as meetings, joiners named
/// after a possessor's title, receptions of a group named before, aid that arms or funds,
/// "sought"), each in sentences of our own.
#[test]
fn dinners_receptions_aid_and_sought() {
    let r = relations(
        "Mayor Ines Duarte hosted a working dinner with Karl Brandt and Sofia Lenz in Porto.",
    );
    assert!(has(&r, "Karl Brandt metWith Sofia Lenz"), "{r:?}");
    assert!(has(&r, "Ines Duarte metWith Karl Brandt"), "{r:?}");

    let r = relations(
        "Ines Duarte held talks with Karl Brandt in Porto. The finance ministers of Chile and Peru, \
         Rosa Vidal and Juan Soto, and Norway's trade minister Lars Holm also attended the session.",
    );
    for want in [
        "Karl Brandt metWith Lars Holm",
        "Ines Duarte metWith Rosa Vidal",
        "Juan Soto metWith Karl Brandt",
    ] {
        assert!(has(&r, want), "{want}: {r:?}");
    }

    let r = relations(
        "The meeting came a week after Foreign Minister Ines Duarte met her Peruvian counterpart, Juan Soto, in Lima.",
    );
    assert!(has(&r, "Ines Duarte metWith Juan Soto"), "{r:?}");

    let r = relations(
        "Karl Brandt hosted the envoys, Rosa Vidal of Chile, Juan Soto of Peru and Lars Holm of Norway, on Friday. \
         President Ines Duarte later received the three envoys at her residence.",
    );
    for want in [
        "Ines Duarte metWith Rosa Vidal",
        "Ines Duarte metWith Juan Soto",
        "Ines Duarte metWith Lars Holm",
    ] {
        assert!(has(&r, want), "{want}: {r:?}");
    }
    let r = relations("Ines Duarte received a letter from Karl Brandt on Monday.");
    assert!(r.iter().all(|x| !x.contains("metWith")), "{r:?}");

    let r = relations(
        "Germany, which gives Jordan about $200 million in military aid a year, said nothing.",
    );
    assert!(has(&r, "Germany backs Jordan"), "{r:?}");
    for body in [
        "Japan sent Kenya humanitarian aid after the floods.",
        "Norway gave Ines Duarte a prize for her work.",
    ] {
        let r = relations(body);
        assert!(r.iter().all(|x| !x.contains("backs")), "{body}: {r:?}");
    }

    let r = relations("Chile has sought international arbitration for months.");
    assert!(
        has(&r, "Chile proposed «international arbitration»"),
        "{r:?}"
    );
    for body in [
        "Juan Soto sought to calm the markets.",
        "Juan Soto sought asylum in Chile.",
    ] {
        let r = relations(body);
        assert!(r.iter().all(|x| !x.contains("proposed")), "{body}: {r:?}");
    }
}

/// Backing a plan is not backing its author: "supported the plan put forward by A" (a
/// false `backs` the seventh set's rules let through, found on the synthetic corpus).
#[test]
fn backing_a_plan_is_not_backing_its_author() {
    for body in [
        "Rosa Vidal said Chile supported the plan put forward by Juan Soto.",
        "Peru backed the proposal from Juan Soto on Monday.",
    ] {
        let r = relations(body);
        assert!(r.iter().all(|x| !x.contains("backs")), "{body}: {r:?}");
    }
    let r = relations("Chile supported Juan Soto, Rosa Vidal said.");
    assert!(has(&r, "Chile backs Juan Soto"), "{r:?}");
}

#[test]
fn a_place_named_after_a_titled_person_is_a_place() {
    let (a, x) = read("Prayers were held at the Sultan Omar Grand Mosque in Tunis on Friday.");
    let mosque = x
        .entities
        .iter()
        .position(|e| e.name == "Sultan Omar Grand Mosque")
        .expect("the mosque, title and all");
    assert_eq!(
        x.entities[mosque].etype,
        newsgraph::extract::EntityType::Place
    );
    let m = x
        .mentions
        .iter()
        .find(|m| m.entity == mosque)
        .expect("mention");
    assert_eq!(&a.text[m.span.clone()], "Sultan Omar Grand Mosque");
    // with "King" the title is read apart (the name keeps it only as an alias), but the
    // mosque is a place and nobody is a person
    for text in [
        "Prayers were held at the Sultan Omar Grand Mosque in Tunis on Friday.",
        "Prayers were held at the King Omar Grand Mosque in Tunis on Friday.",
    ] {
        let (_, x) = read(text);
        assert!(
            !x.entities
                .iter()
                .any(|e| e.etype == newsgraph::extract::EntityType::Person),
            "{text}: {:?}",
            x.entities
        );
    }
}

/// A meeting's day as the sentence states it, from the article's date: a weekday after
/// "on", "March 4", and the day before the month as British outlets write it ("on 4
/// March", "on 6 May", where "May" is no modal).
#[test]
fn a_meeting_has_the_day_its_sentence_states() {
    for (body, day) in [
        ("Anna Berg met Tom Vale in Oslo on Monday.", "2024-03-04"),
        ("Anna Berg met Tom Vale in Oslo on March 4.", "2024-03-04"),
        ("Anna Berg met Tom Vale in Oslo on 4 March.", "2024-03-04"),
        ("Anna Berg met Tom Vale in Oslo on 6 May.", "2024-05-06"),
        ("Anna Berg met Tom Vale in Oslo.", "2024-03-06"),
    ] {
        let a = Article::from_text(
            "t",
            &format!("Headline\n\n{body}\n"),
            Metadata {
                published: Some("2024-03-06".to_string()),
                ..Default::default()
            },
        );
        let x = extract(&a, Gazetteer::bundled());
        let m = x.meetings.first().expect("a meeting");
        let stated = m.date.map(|d| d.to_string());
        if body.ends_with("Oslo.") {
            assert_eq!(stated, None, "{body}: no day stated");
        } else {
            assert_eq!(stated.as_deref(), Some(day), "{body}");
        }
    }
}
