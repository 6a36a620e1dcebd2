//! Coreference inside one article: the mentions of one real-world entity become one
//! [`Entity`]. Known names meet by gazetteer entry; people by their name's words ("Mr
//! Lavrov" and "Lavrov" join "Sergei Lavrov"; "Javad Zarif" joins "Mohammad Javad Zarif");
//! acronyms by initials or a parenthesis ("National Liberation Army (ELN)"); nicknames by
//! "known as"; events by their place and head.

use std::collections::HashMap;

use super::gazetteer::{is_subsequence, name_key, name_words as words, Gazetteer};
use super::lexicon::ORG_SUFFIXES;
use super::mentions::{initials, RawMention};
use super::{Entity, EntityType, Mention};

/// Groups mentions into entities.
pub(crate) fn group(raws: &[RawMention], gaz: &Gazetteer) -> (Vec<Entity>, Vec<Mention>) {
    let mut ents: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut assigned: Vec<Option<usize>> = vec![None; raws.len()];

    let new_entity = |ents: &mut Vec<Entity>, etype: EntityType, name: String| -> usize {
        ents.push(Entity::new(etype, name));
        ents.len() - 1
    };

    // The words of each mention's and each entity's name, computed once: the joins below
    // compare them pairwise. Entity names do not change before the last loop.
    let raw_words: Vec<Vec<String>> = raws.iter().map(|m| words(&m.name)).collect();
    let mut ent_words: Vec<Vec<String>> = Vec::new();
    let sync = |ents: &[Entity], ent_words: &mut Vec<Vec<String>>| {
        for e in &ents[ent_words.len()..] {
            ent_words.push(words(&e.name));
        }
    };

    // 0. a lone word that is the last name of a person named in full here is that person,
    //    even when a city bears the name ("Santos") or the words around it made it look
    //    like an organisation ("the Gaddafi army") or a place ("in Navalny's blood")
    let surnames: std::collections::HashSet<&String> = raws
        .iter()
        .zip(&raw_words)
        .filter(|(m, w)| {
            // "President Bush": a lone name with a title is a person's too
            m.etype == Some(EntityType::Person)
                && (w.len() >= 2 || m.role.is_some() || m.honorific.is_some())
        })
        .filter_map(|(_, w)| w.last())
        .collect();
    let demoted: Vec<bool> = raws
        .iter()
        .zip(&raw_words)
        .map(|(m, w)| {
            (m.gaz.is_some_and(|g| {
                matches!(gaz.entry(g).kind, super::gazetteer::EntryKind::City { .. })
            }) || m.gaz.is_none() && matches!(m.rule, "org.cue" | "place.cue"))
                && w.len() == 1
                && surnames.contains(&w[0])
                && !m.rule.starts_with("dateline")
        })
        .collect();
    // 1. gazetteer names
    for (i, m) in raws.iter().enumerate() {
        if demoted[i] {
            continue;
        }
        let (Some(g), Some(et)) = (m.gaz, m.etype) else {
            continue;
        };
        if m.alias_of.is_some() {
            continue;
        }
        let key = format!("g{g}");
        let e = *by_key.entry(key).or_insert_with(|| {
            let entry = gaz.entry(g);
            let id = new_entity(&mut ents, et, entry.name.clone());
            ents[id].gaz = Some(g);
            ents[id].geonames = entry.geonames;
            id
        });
        assigned[i] = Some(e);
    }
    // 1b. a name typed by its shape or context alone that an organisation of the article bears, in
    //     full or with its company form ("Nordic Freight" and "Nordic Freight AS", not
    //     "Anna Berg" and "Anna Berg Foundation"; a side of a result line that a
    //     standings line calls a place), is that organisation
    let joins_org: Vec<Option<usize>> = raws
        .iter()
        .zip(&raw_words)
        .map(|(m, w)| {
            let weak = match m.rule {
                "person.shape" | "org.cue" => true,
                "place.cue" => m.gaz.is_none(),
                _ => false,
            };
            // "Bellamy Foods" and "Bellamy Foods Plc", "Kessler" and "Kessler Industrie
            // AG": a company's name without its legal form; "Toronto" and "Toronto Maple
            // Leafs": a club's short name
            let short = matches!(m.rule, "org.suffix" | "org.club" | "org.cue")
                && m.etype == Some(EntityType::Organization);
            if short && m.alias_of.is_none() && !w.is_empty() {
                let longer = raws.iter().zip(&raw_words).position(|(o, ow)| {
                    o.etype == Some(EntityType::Organization)
                        && o.alias_of.is_none()
                        && o.gaz.is_none()
                        && ow.len() > w.len()
                        && (ow.starts_with(w) || m.rule == "org.club" && ow.ends_with(w))
                        && (m.rule == "org.club" && w.len() == 1
                            || o.name
                                .rsplit(' ')
                                .next()
                                .is_some_and(|form| ORG_SUFFIXES.contains(form)))
                });
                if longer.is_some() {
                    return longer;
                }
            }
            if !weak || m.alias_of.is_some() || w.is_empty() {
                return None;
            }
            raws.iter().zip(&raw_words).position(|(o, ow)| {
                // an organisation by context joins only its name with a company form
                let same = ow.len() == w.len() && m.rule != "org.cue";
                o.etype == Some(EntityType::Organization)
                    && o.alias_of.is_none()
                    && o.rule != "org.acronym"
                    && ow.starts_with(w)
                    && (same
                        || m.rule != "place.cue"
                            && ow.len() == w.len() + 1
                            && o.name
                                .rsplit(' ')
                                .next()
                                .is_some_and(|form| ORG_SUFFIXES.contains(form)))
            })
        })
        .collect();
    // 2. multi-word people and titled ones ("President Bush"), longest names first
    let mut people: Vec<usize> = (0..raws.len())
        .filter(|&i| {
            joins_org[i].is_none()
                && assigned[i].is_none()
                && raws[i].etype == Some(EntityType::Person)
                && raws[i].alias_of.is_none()
                && (raw_words[i].len() >= 2
                    || raws[i].role.is_some()
                    || raws[i].honorific.is_some())
        })
        .collect();
    people.sort_by_key(|&i| (std::cmp::Reverse(raw_words[i].len()), i));
    for i in people {
        let w = &raw_words[i];
        let key = format!("p:{}", name_key(&raws[i].name));
        sync(&ents, &mut ent_words);
        let found = by_key.get(&key).copied().or_else(|| {
            let cands = ents
                .iter()
                .zip(&ent_words)
                .enumerate()
                .filter(|(_, (e, ew))| {
                    e.etype == EntityType::Person && {
                        // "Governor Rosselló" and "Ricardo Rosselló Nevares": the first of
                        // two surnames, as Spanish and Portuguese names are shortened
                        let first_surname =
                            w.len() == 1 && ew.len() >= 3 && ew.get(ew.len() - 2) == w.first();
                        ew.len() > w.len()
                            && is_subsequence(w, ew)
                            && (ew.last() == w.last() || ew.first() == w.first() || first_surname)
                    }
                })
                .map(|(k, _)| k);
            first_named(cands, raws, &assigned)
        });
        let e = found.unwrap_or_else(|| {
            let id = new_entity(&mut ents, EntityType::Person, raws[i].name.clone());
            by_key.insert(key, id);
            id
        });
        assigned[i] = Some(e);
    }
    // 3. organisations, places and events not in the gazetteer
    for (i, m) in raws.iter().enumerate() {
        if assigned[i].is_some() || m.alias_of.is_some() || demoted[i] || joins_org[i].is_some() {
            continue;
        }
        let Some(et) = m.etype else { continue };
        if et == EntityType::Person && raw_words[i].len() < 2 {
            continue;
        }
        let key = match (et, &m.event_key) {
            (EntityType::Event, Some(k)) => k.clone(),
            (EntityType::Organization, _) => format!("o:{}", name_key(&m.name)),
            (EntityType::Place, _) => format!("l:{}", name_key(&m.name)),
            _ => format!("{:?}:{}", et, name_key(&m.name)),
        };
        let is_event_key = key.starts_with("evt:");
        let e = *by_key
            .entry(key.clone())
            .or_insert_with(|| new_entity(&mut ents, et, m.name.clone()));
        if is_event_key {
            ents[e].key = Some(key);
        }
        assigned[i] = Some(e);
    }
    for (i, j) in joins_org.iter().enumerate() {
        if let Some(j) = *j {
            assigned[i] = assigned[j];
        }
    }
    // 4. acronyms that spell an organisation named in full
    for (i, m) in raws.iter().enumerate() {
        if m.etype != Some(EntityType::Organization) || m.gaz.is_some() || m.alias_of.is_some() {
            continue;
        }
        let Some(cur) = assigned[i] else { continue };
        if ents[cur].name != m.name
            || !m
                .name
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            continue;
        }
        if let Some(full) = (0..ents.len()).find(|&k| {
            k != cur
                && ents[k].etype == EntityType::Organization
                && initials(&ents[k].name) == m.name
        }) {
            for a in assigned.iter_mut() {
                if *a == Some(cur) {
                    *a = Some(full);
                }
            }
        }
    }
    // nicknames given anywhere in the article ("Farc leader Timochenko" before
    // "Rodrigo Londoño, known as Timochenko")
    let nickname_of: HashMap<String, usize> = raws
        .iter()
        .filter_map(|m| {
            m.alias_of
                .and_then(|j| assigned[j])
                .map(|e| (name_key(&m.name), e))
        })
        .collect();
    // 5. single words: a part of a person's name, or an organisation's name in other case
    for (i, m) in raws.iter().enumerate() {
        if assigned[i].is_some() || m.alias_of.is_some() {
            continue;
        }
        if let Some(&e) = nickname_of.get(&name_key(&m.name)) {
            if m.etype.is_none() || m.etype == Some(ents[e].etype) {
                assigned[i] = Some(e);
                continue;
            }
        }
        let w = &raw_words[i];
        if w.len() != 1 || (m.gaz.is_some() && !demoted[i]) {
            continue;
        }
        let word = &w[0];
        sync(&ents, &mut ent_words);
        let person_match = |pos: fn(&[String]) -> Option<&String>| {
            let cands = ents
                .iter()
                .zip(&ent_words)
                .enumerate()
                .filter(|(_, (e, ew))| {
                    e.etype == EntityType::Person
                        && (ew.len() >= 2 && pos(ew) == Some(word) || ew[..] == [word.clone()])
                });
            first_named(cands.map(|(k, _)| k), raws, &assigned)
        };
        // "Korea" after "South Korea": the last word of a country the article names, when
        // the word is no name of its own (the one country it can be)
        let country_tail = || {
            if m.etype.is_some() || m.gaz.is_some() {
                return None;
            }
            let mut hits = ents
                .iter()
                .zip(&ent_words)
                .enumerate()
                .filter(|(_, (e, ew))| {
                    e.etype == EntityType::Place
                        && e.gaz.is_some()
                        && ew.len() >= 2
                        && ew.last() == Some(word)
                });
            match (hits.next(), hits.next()) {
                (Some((k, _)), None) => Some(k),
                _ => None,
            }
        };
        let found = person_match(|ew| ew.last())
            .or_else(|| person_match(|ew| ew.first()))
            .or_else(country_tail)
            .or_else(|| {
                let cands = ents
                    .iter()
                    .zip(&ent_words)
                    .enumerate()
                    .filter(|(_, (e, ew))| {
                        e.etype == EntityType::Person && ew.len() >= 2 && ew.contains(word)
                    });
                first_named(cands.map(|(k, _)| k), raws, &assigned)
            })
            .or_else(|| {
                // a name with a title ("President Bush") is a person's, whatever place
                // bears it
                let titled = m.etype == Some(EntityType::Person)
                    && (m.role.is_some() || m.honorific.is_some());
                ents.iter().position(|e| {
                    e.etype != EntityType::Person
                        && !titled
                        && name_key(&e.name) == name_key(&m.name)
                })
            });
        let e = match found {
            Some(e) => e,
            None => match m.etype {
                Some(et) if et != EntityType::Person || m.person_cue => {
                    let key = format!("{et:?}:{}", name_key(&m.name));
                    *by_key
                        .entry(key)
                        .or_insert_with(|| new_entity(&mut ents, et, m.name.clone()))
                }
                None if m.person_cue => {
                    let key = format!("Person:{}", name_key(&m.name));
                    *by_key.entry(key).or_insert_with(|| {
                        new_entity(&mut ents, EntityType::Person, m.name.clone())
                    })
                }
                _ => continue,
            },
        };
        assigned[i] = Some(e);
    }
    // 6. nicknames and parenthesised acronyms
    for (i, m) in raws.iter().enumerate() {
        if let Some(j) = m.alias_of {
            if let Some(e) = assigned[j] {
                assigned[i] = Some(e);
                if m.etype == Some(EntityType::Person) {
                    ents[e].nicknames.insert(m.name.clone());
                }
            }
        }
    }
    // Drop entities that only ever appear as a lone unknown word, then build mentions.
    let mut mentions = Vec::new();
    for (i, m) in raws.iter().enumerate() {
        let Some(e) = assigned[i] else { continue };
        let ent = &mut ents[e];
        ent.aliases.insert(m.name.clone());
        if let Some(h) = &m.honorific {
            ent.aliases.insert(format!("{h} {}", m.name));
        }
        if let Some(r) = &m.role {
            ent.roles.insert(r.clone());
        }
        if let Some(a) = m.affiliation {
            ent.affiliations.insert(a);
        }
        if ent.etype == EntityType::Person && raw_words[i].len() > words(&ent.name).len() {
            ent.name = m.name.clone();
        }
        mentions.push(Mention {
            span: m.span.clone(),
            etype: ent.etype,
            entity: e,
            sentence: m.sentence,
            rule: m.rule,
            in_quote: m.in_quote,
        });
    }
    for e in &mut ents {
        // "SEVILLA" in a headline in capitals, "Sevilla" in the story: the story's form
        if e.gaz.is_none()
            && e.name.chars().any(char::is_alphabetic)
            && !e.name.chars().any(char::is_lowercase)
        {
            if let Some(a) = e
                .aliases
                .iter()
                .find(|a| a.eq_ignore_ascii_case(&e.name) && a.chars().any(char::is_lowercase))
            {
                e.name = a.clone();
            }
        }
        if matches!(e.etype, EntityType::Organization | EntityType::Event) {
            if let Some(other) = acronym_form(gaz, &e.name) {
                e.aliases.insert(other);
            }
        }
        // a known organisation carries the other names the gazetteer knows it by
        if let Some(g) = e.gaz {
            e.aliases.extend(gaz.other_names(g).iter().cloned());
        }
        let name = e.name.clone();
        e.aliases.remove(&name);
    }
    (ents, mentions)
}

/// The other form of a name that opens with a known organisation or country, spelled out
/// or as its acronym: "UN General Assembly" and "United Nations General Assembly", "EU
/// Commission" and "European Union Commission" — so that reports using either form meet
/// in one node.
fn acronym_form(gaz: &Gazetteer, name: &str) -> Option<String> {
    let parts: Vec<&str> = name.split(' ').collect();
    if parts.len() < 2 {
        return None;
    }
    let known = |form: &str| {
        gaz.lookup(form).filter(|(_, e)| {
            matches!(
                e.kind,
                super::gazetteer::EntryKind::Organization | super::gazetteer::EntryKind::Country
            )
        })
    };
    // "UN General Assembly": the acronym spelled out
    let first = parts[0];
    if first.len() >= 2 && first.chars().all(|c| c.is_ascii_uppercase()) {
        if let Some((_, e)) = known(first) {
            if e.name.contains(' ') && initials(&e.name) == first {
                return Some(format!("{} {}", e.name, parts[1..].join(" ")));
            }
        }
    }
    // "United Nations General Assembly": the longest known opening, as its acronym
    for k in (2..parts.len()).rev() {
        let head = parts[..k].join(" ");
        if let Some((id, e)) = known(&head) {
            let short = initials(&e.name);
            if short.len() >= 2 && known(&short).is_some_and(|(i, _)| i == id) {
                return Some(format!("{short} {}", parts[k..].join(" ")));
            }
            break;
        }
    }
    None
}

/// Of the people a short name can be ("Castro" with "Fidel Castro" and "Jorge Daniel
/// Castro" in one article, "Kim" with "Kim Jong-un" and "Kim Yong-chol"), the one the
/// article names first: a report introduces its main actor first, and names a namesake in
/// full when it means them. One candidate is taken as it is; the mentions are only walked
/// when there are several.
fn first_named(
    mut cands: impl Iterator<Item = usize>,
    raws: &[RawMention],
    assigned: &[Option<usize>],
) -> Option<usize> {
    let first = cands.next()?;
    let rest: Vec<usize> = cands.collect();
    if rest.is_empty() {
        return Some(first);
    }
    raws.iter()
        .zip(assigned)
        .filter_map(|(m, a)| {
            a.filter(|e| *e == first || rest.contains(e))
                .map(|e| (m.span.start, e))
        })
        .min()
        .map(|(_, e)| e)
        .or(Some(first))
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Gazetteer};
    use crate::ingest::{Article, Metadata};

    /// A name that opens with a known organisation or country also has its other form, so
    /// that reports using either meet.
    #[test]
    fn an_acronym_opening_is_also_spelled_out() {
        let gaz = Gazetteer::bundled();
        let form = |n: &str| super::acronym_form(gaz, n);
        assert_eq!(
            form("UN General Assembly").as_deref(),
            Some("United Nations General Assembly")
        );
        assert_eq!(
            form("United States Department of Transportation").as_deref(),
            Some("US Department of Transportation")
        );
        assert_eq!(
            form("EU Commission").as_deref(),
            Some("European Union Commission")
        );
        // no known opening, or the whole name is the known one
        assert_eq!(form("Nordic Freight Holdings"), None);
        assert_eq!(form("United Nations"), None);
    }

    /// A surname or a family name alone, with two people of that name in the article, is
    /// the one named first, however many words the other's name has.
    #[test]
    fn a_short_name_is_the_person_named_first() {
        let text = "Border talks\n\nPresident Rosa Marek met the envoy on Monday. \
                    The police chief Jan Tomas Marek said the border was calm. \
                    Marek later thanked the envoy. \
                    Kim Sun-ho arrived first; the deputy Kim Dae-jung Park followed. \
                    Kim spoke for an hour.\n";
        let x = extract(
            &Article::from_text("t", text, Metadata::default()),
            Gazetteer::bundled(),
        );
        let who = |surface: &str| {
            let at = text.rfind(surface).expect(surface);
            let m = x
                .mentions
                .iter()
                .find(|m| m.span.start == at)
                .unwrap_or_else(|| panic!("no mention at {surface}"));
            assert_eq!(&text[m.span.clone()], surface);
            x.entities[m.entity].name.as_str()
        };
        assert_eq!(who("Marek"), "Rosa Marek");
        assert_eq!(who("Kim"), "Kim Sun-ho");
    }
}
