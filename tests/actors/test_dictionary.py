"""The actor dictionary: packaged content, lookups, user overrides and invalid files."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import time

import pytest
import yaml

from analysis.actors.dictionary import (
    ACTOR_TYPES,
    Actor,
    ActorDictionary,
    _Loader,
    _packaged_entries,
    _plain,
    load_dictionary,
    packaged_dictionary,
)
from analysis.errors import ArticleAnalysisError, DictionaryError, ParameterError

from ..conftest import ROOT

# ISO 3166-1 entries that are not states: dependent territories, Antarctica, and the Cook
# Islands and Niue (self-governing in free association with New Zealand, not UN members).
NOT_STATES = {
    "ABW",
    "AIA",
    "ALA",
    "ASM",
    "ATA",
    "ATF",
    "BES",
    "BLM",
    "BMU",
    "BVT",
    "CCK",
    "COK",
    "CUW",
    "CXR",
    "CYM",
    "ESH",
    "FLK",
    "FRO",
    "GGY",
    "GIB",
    "GLP",
    "GRL",
    "GUF",
    "GUM",
    "HKG",
    "HMD",
    "IMN",
    "IOT",
    "JEY",
    "MAC",
    "MAF",
    "MNP",
    "MSR",
    "MTQ",
    "MYT",
    "NCL",
    "NFK",
    "NIU",
    "PCN",
    "PRI",
    "PYF",
    "REU",
    "SGS",
    "SHN",
    "SJM",
    "SPM",
    "SXM",
    "TCA",
    "TKL",
    "UMI",
    "VGB",
    "VIR",
    "WLF",
}
UN_OBSERVERS = {"VAT", "PSE"}
OTHER_STATES = {"XKX", "TWN"}  # not UN members, listed as states (documented)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_dictionary()


@pytest.fixture(scope="module")
def forms(actors) -> dict[str, list[tuple[str, str]]]:
    return actors.surface_forms()


def write(tmp_path, text: str, name: str = "mine.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- packaged content


def test_every_un_member_and_observer_is_a_state(actors):
    pycountry = pytest.importorskip("pycountry")  # LGPL, a build-time tool: checked where installed
    # 249 ISO codes - 53 non-states = 196 = 193 UN members + VAT + PSE + TWN.
    iso_states = {c.alpha_3 for c in pycountry.countries} - NOT_STATES
    assert len(iso_states) == 196
    un_members = iso_states - UN_OBSERVERS - {"TWN"}
    assert len(un_members) == 193
    state_ids = {
        a.id for a in actors.by_type("state") if not a.description.startswith("former state")
    }
    missing = {f"state:{code}" for code in iso_states | OTHER_STATES} - state_ids
    assert not missing
    assert len(state_ids) == 197  # 193 + 2 observers + Kosovo + Taiwan
    former = {a.id for a in actors.by_type("state")} - state_ids
    assert former == {"state:SUN", "state:YUG", "state:DDR", "state:CSK"}


def test_types_and_ids_are_consistent(actors):
    prefix = {"person": "person:", "state": "state:", "organization": "org:", "place": "place:"}
    for actor in actors:
        assert actor.type in ACTOR_TYPES
        assert actor.id.startswith(prefix[actor.type]), actor.id
        assert actor.name in actor.names, actor.id  # the display name is always a surface form
        for target in actor.links.values():
            assert target in actors, (actor.id, target)


def test_a_form_has_one_kind_per_actor(actors):
    for actor in actors:
        kinds = [set(actor.names), set(actor.adjectivals), set(actor.metonyms)]
        assert not (kinds[0] & kinds[1] or kinds[0] & kinds[2] or kinds[1] & kinds[2]), actor.id


def test_no_inverted_iso_names(actors):
    # pycountry's "Korea, Democratic People's Republic of" must not leak into surface forms.
    for actor in actors.by_type("state"):
        for name in actor.names:
            assert "," not in name and "(" not in name, name


def test_every_capital_is_a_place_linked_to_its_state(actors):
    for place in actors.by_type("place"):
        if "state" in place.links:
            assert actors.get(place.links["state"]).type == "state"
    capitals = {
        p.links["state"] for p in actors.by_type("place") if p.description.startswith("capital of")
    }
    # city-states have no separate capital actor
    assert {a.id for a in actors.by_type("state")} - capitals == {
        "state:MCO",
        "state:SGP",
        "state:VAT",  # city-states
        "state:SUN",
        "state:YUG",
        "state:DDR",
        "state:CSK",
    }  # former states


@pytest.mark.parametrize(
    "form, actor_id, kind",
    [
        ("DPRK", "state:PRK", "name"),
        ("North Korea", "state:PRK", "name"),
        ("Democratic People's Republic of Korea", "state:PRK", "name"),
        (
            "Democratic People\u2019s Republic of Korea",
            "state:PRK",
            "name",
        ),  # curly, as in the seed
        ("North Korean", "state:PRK", "adjectival"),
        ("Pyongyang", "state:PRK", "metonym"),
        ("Pyongyang", "place:pyongyang", "name"),
        ("U.S.", "state:USA", "name"),
        ("US", "state:USA", "name"),
        ("United States of America", "state:USA", "name"),
        ("White House", "state:USA", "metonym"),
        ("Washington", "state:USA", "metonym"),
        ("Russia", "state:RUS", "name"),
        ("Russian Federation", "state:RUS", "name"),
        ("Russian", "state:RUS", "adjectival"),
        ("Kremlin", "state:RUS", "metonym"),
        ("Moscow", "state:RUS", "metonym"),
        ("South Korea", "state:KOR", "name"),
        ("ROK", "state:KOR", "name"),
        ("Seoul", "state:KOR", "metonym"),
        ("Vietnam", "state:VNM", "name"),
        ("Viet Nam", "state:VNM", "name"),
        ("Vietnamese", "state:VNM", "adjectival"),
        ("Hanoi", "state:VNM", "metonym"),
        ("Ukraine", "state:UKR", "name"),
        ("Kyiv", "state:UKR", "metonym"),
        ("Kiev", "state:UKR", "metonym"),
        ("Switzerland", "state:CHE", "name"),
        ("Swiss", "state:CHE", "adjectival"),
        ("UK", "state:GBR", "name"),
        ("Britain", "state:GBR", "name"),
        ("Downing Street", "state:GBR", "metonym"),
        ("PRC", "state:CHN", "name"),
        ("UAE", "state:ARE", "name"),
        ("DRC", "state:COD", "name"),
        ("CAR", "state:CAF", "name"),
        ("Czechia", "state:CZE", "name"),
        ("Czech Republic", "state:CZE", "name"),
        ("Ivory Coast", "state:CIV", "name"),
        ("Côte d'Ivoire", "state:CIV", "name"),
        ("Iran", "state:IRN", "name"),
        ("Syria", "state:SYR", "name"),
        ("Laos", "state:LAO", "name"),
        ("Bolivia", "state:BOL", "name"),
        ("Tanzania", "state:TZA", "name"),
        ("Türkiye", "state:TUR", "name"),
        ("Holy See", "state:VAT", "name"),
        ("Palestinian", "state:PSE", "adjectival"),
        ("Kosovo", "state:XKX", "name"),
        ("Taiwan", "state:TWN", "name"),
        ("Soviet", "state:SUN", "adjectival"),
        ("USSR", "state:SUN", "name"),
    ],
)
def test_state_surface_forms(forms, form, actor_id, kind):
    assert (actor_id, kind) in forms[form]


@pytest.mark.parametrize(
    "form, expected",
    [
        # shared forms list every reading, preferred first (priority, then dictionary order)
        ("Korea", [("state:KOR", "name"), ("state:PRK", "name")]),
        ("Congo", [("state:COD", "name"), ("state:COG", "name")]),
        ("Dominican", [("state:DOM", "adjectival"), ("state:DMA", "adjectival")]),
        ("Moscow", [("state:RUS", "metonym"), ("place:moscow", "name")]),
        # an ambiguous capital is a place but not a metonym of its state
        ("Victoria", [("place:victoria", "name")]),
        ("Georgia", [("state:GEO", "name"), ("place:georgia-us-state", "name")]),
    ],
)
def test_shared_forms_are_ordered(forms, form, expected):
    assert forms[form][: len(expected)] == expected
    assert len(forms[form]) == len(expected)


G20 = (
    "ARG",
    "AUS",
    "BRA",
    "CAN",
    "CHN",
    "FRA",
    "DEU",
    "IND",
    "IDN",
    "ITA",
    "JPN",
    "MEX",
    "RUS",
    "SAU",
    "ZAF",
    "KOR",
    "TUR",
    "GBR",
    "USA",
)
SEED_STATES = ("RUS", "PRK", "KOR", "USA", "VNM", "UKR", "CHE")
# Canada and Australia share their head of state with the UK (King Charles III, linked to GBR).
SHARED_HEAD_OF_STATE = {"CAN", "AUS"}


@pytest.mark.parametrize("code", sorted(set(G20) | set(SEED_STATES)))
def test_office_holders_of_g20_and_seed_states(actors, code):
    roles = {
        role
        for person in actors.linked_to(f"state:{code}")
        if person.type == "person"
        for role in person.roles
    }
    wanted = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
    if code in SHARED_HEAD_OF_STATE:
        wanted.discard("head_of_state")
    assert wanted <= roles, wanted - roles


def test_every_person_is_linked(actors):
    for person in actors.by_type("person"):
        assert set(person.links) & {"state", "organization"}, person.id
        assert all(t == t.lower() for t in person.titles), person.id


def test_titles_contain_no_names(actors, forms):
    # "russian leader" or "fed chair" would overlap the name mention ("Russian", "Fed") and hide
    # the plain title from detection; the context supplies the state or organisation.
    lowered = {f.lower() for f in forms}
    for title in actors.known_titles():
        words = title.split()
        spans = {
            " ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
        }
        assert not spans & lowered, (title, spans & lowered)


@pytest.mark.parametrize(
    "form, actor_id",
    [
        ("Kim Jong Un", "person:kim-jong-un"),
        ("Kim Jong-un", "person:kim-jong-un"),
        ("Vladimir Putin", "person:vladimir-putin"),
        ("Putin", "person:vladimir-putin"),
        ("Sergey Lavrov", "person:sergey-lavrov"),
        ("Sergei Lavrov", "person:sergey-lavrov"),
        ("Andrei Belousov", "person:andrei-belousov"),
        ("Andrey Belousov", "person:andrei-belousov"),
        ("Denis Manturov", "person:denis-manturov"),
        ("Yuri Ushakov", "person:yuri-ushakov"),
        ("Yoon Suk Yeol", "person:yoon-suk-yeol"),
        ("Yoon Suk-yeol", "person:yoon-suk-yeol"),
        ("Volodymyr Zelenskyy", "person:volodymyr-zelensky"),
        ("Zelenskiy", "person:volodymyr-zelensky"),
        ("To Lam", "person:to-lam"),
        ("Tô Lâm", "person:to-lam"),
        ("Lam", "person:to-lam"),
        ("Xi", "person:xi-jinping"),
        ("Choe Son-hui", "person:choe-son-hui"),
        ("King Charles", "person:charles-iii"),
        ("Erdogan", "person:recep-tayyip-erdogan"),
        ("von der Leyen", "person:ursula-von-der-leyen"),
    ],
)
def test_person_surface_forms(forms, form, actor_id):
    assert forms[form][0] == (actor_id, "name")


def test_shared_surname_prefers_the_senior_office(forms):
    # Kim Jong Un (head of state) before Kim Tok Hun (head of government) before Kim Yo Jong
    assert [a for a, _ in forms["Kim"]] == [
        "person:kim-jong-un",
        "person:kim-tok-hun",
        "person:kim-yo-jong",
    ]


@pytest.mark.parametrize(
    "state, title, expected",
    [
        ("state:RUS", "president", ["person:vladimir-putin"]),
        ("state:RUS", "Defense Minister", ["person:andrei-belousov"]),  # compared in lower case
        ("state:RUS", "defence minister", ["person:andrei-belousov"]),
        ("state:RUS", "foreign minister", ["person:sergey-lavrov"]),
        ("state:RUS", "deputy prime minister", ["person:denis-manturov"]),
        ("state:PRK", "leader", ["person:kim-jong-un"]),
        ("state:PRK", "premier", ["person:kim-tok-hun"]),
        ("state:KOR", "foreign minister", ["person:cho-tae-yul"]),
        ("state:USA", "secretary of state", ["person:antony-blinken"]),
        ("state:USA", "defense secretary", ["person:lloyd-austin"]),
        ("state:VNM", "president", ["person:to-lam"]),
        ("state:UKR", "president", ["person:volodymyr-zelensky"]),
        ("state:CHE", "president", ["person:viola-amherd"]),
        ("state:GBR", "foreign secretary", ["person:david-cameron"]),
        ("state:DEU", "chancellor", ["person:olaf-scholz"]),
        ("state:CHN", "premier", ["person:li-qiang"]),
        ("org:un", "secretary-general", ["person:antonio-guterres"]),
        ("org:european-commission", "president", ["person:ursula-von-der-leyen"]),
        ("state:RUS", "king", []),
        ("state:XYZ", "president", []),
    ],
)
def test_office_holders(actors, state, title, expected):
    assert [a.id for a in actors.office_holders(state, title)] == expected


def test_known_titles_longest_first(actors):
    titles = actors.known_titles()
    assert "president" in titles and "foreign minister" in titles
    assert titles.index("deputy prime minister") < titles.index("prime minister")
    assert [len(t) for t in titles] == sorted((len(t) for t in titles), reverse=True)


@pytest.mark.parametrize(
    "form, actor_id, state",
    [
        # longer place names that contain a state's name or adjectival
        ("Northern Ireland", "place:northern-ireland", "state:GBR"),
        ("Indian Ocean", "place:indian-ocean", None),
        ("New Mexico", "place:new-mexico", "state:USA"),
        ("South China Sea", "place:south-china-sea", None),
        ("Latin America", "place:latin-america", None),
        ("Korean Peninsula", "place:korean-peninsula", None),
        ("American Samoa", "place:american-samoa", "state:USA"),
        ("Hong Kong", "place:hong-kong", "state:CHN"),
        ("Greenland", "place:greenland", "state:DNK"),
        ("Crimea", "place:crimea", "state:UKR"),
        ("Gaza Strip", "place:gaza-strip", "state:PSE"),
        ("Kharkiv", "place:kharkiv", "state:UKR"),
    ],
)
def test_other_places(actors, forms, form, actor_id, state):
    assert forms[form] == [(actor_id, "name")]
    assert actors.get(actor_id).state == state


def test_risky_words_are_not_surface_forms(forms):
    # capitalised at a sentence start these are ordinary words, not actors
    for word in (
        "Male",
        "Pole",
        "To",
        "Son",
        "The",
        "Han",
        "Singh",
        "Khan",
        "Charles",
        "Francis",
        "Salman",
        "Blair",
    ):
        assert word not in forms, word


def test_surface_forms_returns_a_copy(actors):
    first = actors.surface_forms()
    first["Russia"].append(("x", "y"))
    first["nonsense"] = []
    again = actors.surface_forms()
    assert ("x", "y") not in again["Russia"] and "nonsense" not in again


def test_lookup_find_get_contains(actors):
    assert actors.lookup("DPRK") == [("state:PRK", "name")]
    assert actors.lookup("Atlantis") == []
    assert actors.find("state:XYZ") is None
    assert actors.get("state:RUS").name == "Russia"
    assert "state:RUS" in actors and "state:XYZ" not in actors
    with pytest.raises(KeyError, match="state:XYZ"):
        actors.get("state:XYZ")
    with pytest.raises(ParameterError, match="type must be one of"):
        actors.by_type("country")


def test_packaged_dictionary_is_cached_and_fast():
    start = time.perf_counter()
    first = load_dictionary()
    second = load_dictionary()
    assert first is second is packaged_dictionary()
    assert time.perf_counter() - start < 0.5  # cached: the file is parsed once per process


def test_uncached_parse_time():
    # parse + validate + build of the packaged files without the cache (about 0.05 s on a quiet
    # machine); the bound is generous because CI machines are shared
    start = time.perf_counter()
    _packaged_entries.__wrapped__()
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(
    "text",
    [
        "a: [1, -2, 0x10, 1.5, yes, No, ~, 2024-06-01, 'x', \"007\"]\nb: {c: !!str 3}\n",
        "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",  # merge key: the constructor's path
        *[
            (ROOT / "analysis" / "resources" / name).read_text(encoding="utf-8")
            for name in ("actors_people.yaml", "actors_organizations.yaml")
        ],
    ],
)
def test_fast_node_conversion_matches_safe_load(text):
    loader = _Loader(text)
    assert _plain(loader.get_single_node(), loader) == yaml.safe_load(text)


def test_generated_states_file_is_up_to_date():
    pytest.importorskip("pycountry")  # the build script needs it (build extra)
    result = subprocess.run(
        [sys.executable, "scripts/build_actor_dictionary.py", "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# ----------------------------------------------------------------------------- the Actor API


def test_actor_is_immutable_and_hashable(actors):
    russia = actors.get("state:RUS")
    with pytest.raises(AttributeError):
        russia.name = "USSR"  # type: ignore[misc]
    with pytest.raises(TypeError):
        russia.links["state"] = "x"  # type: ignore[index]
    assert {russia, actors.get("state:RUS")} == {russia}
    assert russia.forms("metonym") == russia.metonyms


def test_dictionary_from_actors():
    a = Actor(id="org:x", name="X Corp", type="organization", names=("X Corp", "X"))
    d = ActorDictionary([a])
    assert len(d) == 1 and list(d) == [a]
    assert d.surface_forms() == {"X Corp": [("org:x", "name")], "X": [("org:x", "name")]}
    with pytest.raises(ParameterError, match="duplicate"):
        ActorDictionary([a, a])


# ----------------------------------------------------------------------------- user files


def test_user_file_adds_and_overrides(tmp_path):
    path = write(
        tmp_path,
        """
        actors:
          - id: org:acme
            name: Acme Corporation
            type: organization
            names: [Acme, ACME]
          - id: state:RUS
            names: [Russia, Rossiya]
          - id: state:PRK
            extend: true
            adjectivals: [DPRK's]
        """,
    )
    d = load_dictionary(path)
    assert d.get("org:acme").names == ("Acme Corporation", "Acme", "ACME")
    assert d.lookup("Acme") == [("org:acme", "name")]
    # replaced: the packaged names of Russia are gone, the other fields kept
    assert d.get("state:RUS").names == ("Russia", "Rossiya")
    assert d.lookup("Russian Federation") == []
    assert d.get("state:RUS").adjectivals == load_dictionary().get("state:RUS").adjectivals
    # extended: appended to the packaged list
    assert d.get("state:PRK").adjectivals[-1] == "DPRK's"
    assert "North Korean" in d.get("state:PRK").adjectivals
    # the packaged dictionary itself is untouched
    assert load_dictionary().lookup("Russian Federation") == [("state:RUS", "name")]
    assert len(d) == len(load_dictionary()) + 1


def test_user_file_as_bare_list_and_replace(tmp_path):
    path = write(
        tmp_path,
        """
        - id: state:ATL
          name: Atlantis
          type: state
          adjectivals: [Atlantean]
          metonyms: [Poseidonia]
        - id: place:poseidonia
          name: Poseidonia
          type: place
          links: {state: "state:ATL"}
        """,
    )
    d = load_dictionary(path, replace=True)
    assert len(d) == 2
    assert d.lookup("Poseidonia") == [("state:ATL", "metonym"), ("place:poseidonia", "name")]
    assert d.linked_to("state:ATL") == [d.get("place:poseidonia")]


def test_relative_user_path_resolves_from_project_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    d = load_dictionary("analysis/resources/actors_states.yaml", replace=True)
    assert len(d.by_type("state")) == 201  # 197 current + 4 former


def test_empty_user_file_changes_nothing(tmp_path):
    path = write(tmp_path, "# nothing yet\n")
    assert len(load_dictionary(path)) == len(load_dictionary())


# Each bad file, the line the error must name, and a phrase of its message. Lines are counted in
# the file as written (after dedent): line 1 is "actors:".
BAD_FILES = [
    (
        "syntax",
        """
        actors:
          - id: org:x
            name: "unclosed
          - id: org:y
        """,
        5,
        "quoted scalar (from line 3)",
    ),
    (
        "unknown type",
        """
        actors:
          - id: org:x
            name: X
            type: company
        """,
        4,
        "unknown type 'company'",
    ),
    (
        "missing name",
        """
        actors:
          - id: org:ok
            name: OK
            type: organization
          - id: org:x
            type: organization
        """,
        5,
        "has no 'name'",
    ),
    (
        "missing id",
        """
        actors:
          - name: X
            type: organization
        """,
        2,
        "without an 'id'",
    ),
    (
        "unknown link",
        """
        actors:
          - id: person:jane-doe
            name: Jane Doe
            type: person
            links: {state: "state:XYZ"}
        """,
        5,
        "unknown actor 'state:XYZ'",
    ),
    (
        "names not a list",
        """
        actors:
          - id: org:x
            name: X
            type: organization
            names: X Inc
        """,
        5,
        "must be a list of non-empty strings",
    ),
    (
        "unknown field",
        """
        actors:
          - id: org:x
            name: X
            type: organization
            aliases: [X Inc]
        """,
        5,
        "unknown field 'aliases'",
    ),
    (
        "id prefix",
        """
        actors:
          - id: state:x
            name: X
            type: organization
        """,
        2,
        "does not match its type",
    ),
    (
        "bad id",
        """
        actors:
          - id: X Corp
            name: X
            type: organization
        """,
        2,
        "bad id",
    ),
    (
        "type change",
        """
        actors:
          - id: state:RUS
            type: place
        """,
        2,
        "'state:RUS' does not match its type 'place'",
    ),
    (
        "duplicate",
        """
        actors:
          - id: org:x
            name: X
            type: organization
          - id: org:x
            name: Y
        """,
        5,
        "defined twice",
    ),
    (
        "entry not a mapping",
        """
        actors:
          - org:x
        """,
        2,
        "not a mapping",
    ),
    (
        "unknown top-level key",
        """
        actor:
          - id: org:x
        """,
        1,
        "unknown top-level key 'actor'",
    ),
    (
        "field twice",
        """
        actors:
          - id: org:x
            name: X
            type: organization
            names: [X]
            names: [Y]
        """,
        6,
        "field 'names' given twice",
    ),
    (
        "links not a mapping",
        """
        actors:
          - id: person:jane-doe
            name: Jane Doe
            type: person
            links: [state:RUS]
        """,
        5,
        "must map a relation to an actor id",
    ),
    ("tab indentation", "actors:\n\t- id: org:x\n", 2, "YAML syntax error"),
    (
        "priority not int",
        """
        actors:
          - id: org:x
            name: X
            type: organization
            priority: high
        """,
        5,
        "must be an integer",
    ),
]


@pytest.mark.parametrize("label, text, line, phrase", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_invalid_user_file_names_file_and_line(tmp_path, label, text, line, phrase):
    path = write(tmp_path, text)
    with pytest.raises(DictionaryError) as info:
        load_dictionary(path)
    error = info.value
    assert isinstance(error, ArticleAnalysisError)
    assert error.path == str(path) and error.line == line, str(error)
    assert phrase in error.problem
    message = str(error)
    assert message.startswith(f"{path}, line {line}: ")
    assert error.advice and message.endswith(error.advice)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(
        DictionaryError, match=re.escape("nope.yaml: actor dictionary file not found")
    ):
        load_dictionary(tmp_path / "nope.yaml")
    with pytest.raises(DictionaryError, match="not a file"):
        load_dictionary(tmp_path)


def test_non_utf8_file(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("actors:\n  - id: org:x\n    name: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(DictionaryError, match="not UTF-8"):
        load_dictionary(path)


def test_empty_path_means_packaged_only():
    assert load_dictionary("") is load_dictionary()


def test_replace_without_file():
    with pytest.raises(ParameterError, match="replace=True"):
        load_dictionary(replace=True)


def test_readme_example_user_file_loads(tmp_path):
    readme = (ROOT / "analysis" / "resources" / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Your own dictionary file", 1)[1].split("```yaml", 1)[1]
    path = write(tmp_path, example.split("```", 1)[0])
    d = load_dictionary(path)
    assert d.lookup("Nikolayev") == [("person:aisen-nikolayev", "name")]
    assert [a.id for a in d.office_holders("state:GBR", "prime minister")] == [
        "person:keir-starmer"
    ]
    assert d.lookup("N. Korea") == [("state:PRK", "name")]
    assert d.lookup("DPRK") == [("state:PRK", "name")]  # extend kept the packaged names


def test_office_holders_index_matches_a_scan_of_every_person(actors):
    # office_holders answers from an index built on first use; it must give what a scan of
    # every person gives, for every (linked actor, title) pair there is, in the same order
    pairs = {
        (linked, t)
        for a in actors.by_type("person")
        for linked in a.links.values()
        for t in a.titles
    }
    assert len(pairs) > 50
    for linked, title in sorted(pairs):
        scanned = sorted(
            (
                a
                for a in actors
                if a.type == "person" and linked in a.links.values() and title in a.titles
            ),
            key=lambda a: actors._preference(a.id),
        )
        assert actors.office_holders(linked, title.upper() + " ") == scanned


def test_office_holders_of_a_person_linked_twice_to_one_state():
    both = Actor(
        id="person:x",
        name="Ann X",
        type="person",
        names=("Ann X",),
        titles=("president", "president"),
        links={"state": "state:XYZ", "party_of": "state:XYZ"},
    )
    d = ActorDictionary([both])
    assert d.office_holders("state:XYZ", "president") == [both]
    assert d.office_holders("state:XYZ", "premier") == []
    d.office_holders("state:XYZ", "president").clear()  # a copy: the index is not changed
    assert d.office_holders("state:XYZ", "president") == [both]
