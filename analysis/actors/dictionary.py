"""The actor dictionary: states, organisations, people and places with their surface forms.

An :class:`Actor` has a stable id (``state:RUS``, ``org:nato``, ``person:vladimir-putin``,
``place:pyongyang``), a display name, a type, and the surface forms detection looks for, sorted
by the kind of mention they make:

* ``names`` – forms that *name* the actor ("Russia", "Russian Federation", "Putin");
* ``adjectivals`` – demonyms and nationality nouns ("Russian", "Russians", "North Korean");
* ``metonyms`` – forms that stand for a state when they *act* ("Moscow", "Kremlin",
  "White House"); whether a given occurrence acts or is a mere place is for detection to decide;
* ``titles`` – lower-case office titles a nominal mention uses ("president", "foreign minister").

``links`` ties a person or a capital to its state (``{"state": "state:RUS"}``) and an
international official to an organisation (``{"organization": "org:un"}``).

The packaged dictionary lives in ``analysis/resources/actors_*.yaml`` (states, places,
organisations, people as of June 2024; schema in
``analysis/resources/README.md``); :func:`load_dictionary` reads it once per process and merges an
optional user file into it. Surface forms are case-sensitive, as written in news. A form shared
by several actors ("Korea", "Kim", "Brussels") maps to all of them, ordered by preference
(see :meth:`ActorDictionary.surface_forms`).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from ..errors import DictionaryError, ParameterError
from ..paths import RESOURCES_DIR, resolve_path
from .mention import ACTOR_TYPES, ID_PREFIX

MENTION_FORM_KINDS = ("name", "adjectival", "metonym")

#: Packaged files, read in this order (links may point to actors of any of them).
PACKAGED_FILES = (
    "actors_states.yaml",
    "actors_places.yaml",
    "actors_organizations.yaml",
    "actors_people.yaml",
)

#: Office roles, most senior first; used to order persons sharing a surface form or a title.
ROLE_ORDER = (
    "head_of_state",
    "head_of_government",
    "party_leader",
    "vice_president",
    "foreign_minister",
    "defence_minister",
)

_LIST_FIELDS = ("names", "adjectivals", "metonyms", "titles", "roles")
_ENTRY_FIELDS = ("id", "name", "type", *_LIST_FIELDS, "links", "priority", "description", "extend")
_TOP_LEVEL_KEYS = ("actors", "version", "as_of", "description")
_ID_RE = re.compile(r"^(state|org|person|place):[A-Za-z0-9][A-Za-z0-9._+-]*$")
_APOSTROPHES = ("'", "\u2019")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Actor:
    """One actor of the dictionary (immutable; hashed by id).

    ``priority`` breaks ties when several actors share a surface form: higher comes first
    (default 0). ``links`` is a read-only mapping.
    """

    id: str
    name: str
    type: str
    names: tuple[str, ...] = ()
    adjectivals: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    links: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    roles: tuple[str, ...] = ()
    description: str = ""
    priority: int = 0

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def state(self) -> str | None:
        """The linked state id (a person's or a capital's state), if any."""
        return self.links.get("state")

    def forms(self, kind: str) -> tuple[str, ...]:
        """The surface forms of one kind: ``name``, ``adjectival`` or ``metonym``."""
        if kind not in MENTION_FORM_KINDS:
            raise ParameterError(f"kind must be one of {MENTION_FORM_KINDS}, not {kind!r}")
        return {"name": self.names, "adjectival": self.adjectivals, "metonym": self.metonyms}[kind]


def _role_rank(actor: Actor) -> int:
    ranks = [ROLE_ORDER.index(r) for r in actor.roles if r in ROLE_ORDER]
    return min(ranks) if ranks else len(ROLE_ORDER) + (0 if actor.roles else 1)


def _apostrophe_variants(form: str) -> list[str]:
    """``form`` plus its straight/curly apostrophe twin ("People's" ↔ "People’s")."""
    variants = [form]
    for a, b in (_APOSTROPHES, _APOSTROPHES[::-1]):
        if a in form:
            variants.append(form.replace(a, b))
    return variants


class ActorDictionary:
    """An immutable collection of :class:`Actor` objects indexed by id and by surface form."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._actors: dict[str, Actor] = {}
        for actor in actors:
            if not isinstance(actor, Actor):
                raise ParameterError(f"ActorDictionary takes Actor objects, not {type(actor)}")
            if actor.id in self._actors:
                raise ParameterError(f"duplicate actor id {actor.id!r}")
            self._actors[actor.id] = actor
        self._order = {actor_id: i for i, actor_id in enumerate(self._actors)}
        self._forms: dict[str, tuple[tuple[str, str], ...]] | None = None
        self._offices: dict[tuple[str, str], list[Actor]] | None = None

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def __repr__(self) -> str:
        counts = ", ".join(f"{t}={len(self.by_type(t))}" for t in ACTOR_TYPES)
        return f"ActorDictionary({len(self)} actors: {counts})"

    def get(self, actor_id: str) -> Actor:
        """The actor with this id; ``KeyError`` if there is none (see :meth:`find`)."""
        try:
            return self._actors[actor_id]
        except KeyError:
            raise KeyError(f"no actor with id {actor_id!r} in the dictionary") from None

    def find(self, actor_id: str) -> Actor | None:
        """The actor with this id, or ``None``."""
        return self._actors.get(actor_id)

    def by_type(self, type: str) -> list[Actor]:
        """Actors of one type, in dictionary order."""
        if type not in ACTOR_TYPES:
            raise ParameterError(f"type must be one of {ACTOR_TYPES}, not {type!r}")
        return [a for a in self._actors.values() if a.type == type]

    def _preference(self, actor_id: str) -> tuple[int, int, int]:
        actor = self._actors[actor_id]
        return (-actor.priority, _role_rank(actor), self._order[actor_id])

    def _build_forms(self) -> dict[str, tuple[tuple[str, str], ...]]:
        index: dict[str, list[tuple[str, str]]] = {}
        for actor in self._actors.values():
            for kind in MENTION_FORM_KINDS:
                for form in actor.forms(kind):
                    for variant in _apostrophe_variants(form):
                        entries = index.setdefault(variant, [])
                        if (actor.id, kind) not in entries:
                            entries.append((actor.id, kind))
        return {
            form: tuple(sorted(entries, key=lambda e: self._preference(e[0])))
            for form, entries in index.items()
        }

    def surface_forms(self) -> dict[str, list[tuple[str, str]]]:
        """Every surface form -> ``[(actor_id, kind), …]`` with kind name/adjectival/metonym.

        Forms are case-sensitive. A form containing an apostrophe is also listed with the other
        apostrophe (straight ``'`` / curly ``’``). A form shared by several actors lists all of
        them, the preferred reading first: higher ``priority``, then the more senior role
        (head of state, head of government, …; see ``ROLE_ORDER``), then dictionary order.
        Example: ``"Moscow" -> [("state:RUS", "metonym"), ("place:moscow", "name")]``.
        The returned dict is a fresh copy.
        """
        if self._forms is None:
            self._forms = self._build_forms()
        return {form: list(entries) for form, entries in self._forms.items()}

    def lookup(self, form: str) -> list[tuple[str, str]]:
        """The ``(actor_id, kind)`` readings of one surface form (empty list if none)."""
        if self._forms is None:
            self._forms = self._build_forms()
        return list(self._forms.get(form, ()))

    def office_holders(self, state_id: str, title: str) -> list[Actor]:
        """Persons linked to ``state_id`` (a state or an organisation id) whose titles include
        ``title`` (compared in lower case), most senior role first."""
        if self._offices is None:
            # built once: an article asks for every title it finds
            offices: dict[tuple[str, str], list[Actor]] = defaultdict(list)
            for actor in self._actors.values():
                if actor.type == "person":
                    for linked in dict.fromkeys(actor.links.values()):
                        for held in dict.fromkeys(actor.titles):
                            offices[linked, held].append(actor)
            self._offices = {
                key: sorted(found, key=lambda a: self._preference(a.id))
                for key, found in offices.items()
            }
        return list(self._offices.get((state_id, title.strip().lower()), ()))

    def known_titles(self) -> list[str]:
        """Every office title of every person (lower case), longest first, so that a scan for
        titles can try "deputy foreign minister" before "foreign minister"."""
        titles = {t for a in self._actors.values() for t in a.titles}
        return sorted(titles, key=lambda t: (-len(t), t))

    def linked_to(self, actor_id: str) -> list[Actor]:
        """Actors whose links point to ``actor_id`` (a state's persons and capitals)."""
        return [a for a in self._actors.values() if actor_id in a.links.values()]


# --------------------------------------------------------------------------- reading YAML


@dataclass
class _Entry:
    """One raw entry of a YAML file with where it came from."""

    data: dict[str, Any]
    path: str
    line: int
    field_lines: dict[str, int]


_STR, _INT, _BOOL, _NULL = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "bool", "null"))


def _plain(node: yaml.Node, loader: Any) -> Any:
    """The Python value of a composed YAML node.

    Strings, integers, booleans, nulls, lists and mappings are converted directly (several times
    faster than PyYAML's constructor, which matters for the packaged files); any other tag
    (floats, dates, merge keys…) goes through the loader's safe constructor.
    """
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value
        if node.tag == _INT and node.value.lstrip("+-").isdigit():
            return int(node.value)
        if node.tag == _BOOL:
            return node.value.lower() in ("true", "yes", "on", "y")
        if node.tag == _NULL:
            return None
    elif isinstance(node, yaml.SequenceNode):
        return [_plain(item, loader) for item in node.value]
    elif isinstance(node, yaml.MappingNode) and all(
        isinstance(k, yaml.ScalarNode) and k.tag != "tag:yaml.org,2002:merge" for k, _ in node.value
    ):
        return {_plain(k, loader): _plain(v, loader) for k, v in node.value}
    return loader.construct_object(node, deep=True)


def _read_entries(path: Path, label: str) -> list[_Entry]:
    """Parse one dictionary file into raw entries (values checked, not yet merged)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DictionaryError(
            label, None, f"not UTF-8 text ({exc.reason})", "Save the dictionary as UTF-8"
        ) from None
    except OSError as exc:
        raise DictionaryError(
            label,
            None,
            f"cannot be read ({exc.strerror})",
            "Check the path and the file's permissions",
        ) from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = _plain(node, loader) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        context = exc.context
        if context and exc.context_mark is not None and exc.context_mark is not mark:
            context += f" (from line {exc.context_mark.line + 1})"
        problem = " ".join(p for p in (context, exc.problem) if p)
        raise DictionaryError(
            label,
            line,
            f"YAML syntax error: {problem}",
            "Fix the YAML at that line (indentation, quotes, colons); "
            "see analysis/resources/README.md for the format",
        ) from None
    except yaml.YAMLError as exc:
        raise DictionaryError(
            label, None, f"YAML error: {exc}", "Fix the file; see analysis/resources/README.md"
        ) from None
    finally:
        loader.dispose()
    if data is None:
        return []
    seq_node = node
    if isinstance(data, dict):
        unknown = [k for k in data if k not in _TOP_LEVEL_KEYS]
        if unknown:
            raise DictionaryError(
                label,
                1,
                f"unknown top-level key {unknown[0]!r}",
                f"Use only {', '.join(_TOP_LEVEL_KEYS)}; the entries go in a list under 'actors:'",
            )
        data = data.get("actors") or []
        seq_node = next((v for k, v in node.value if k.value == "actors"), None)
    if not isinstance(data, list):
        line = seq_node.start_mark.line + 1 if seq_node is not None else 1
        raise DictionaryError(
            label,
            line,
            "the actors are not a list",
            "Write 'actors:' followed by entries each starting with '- id: …'",
        )
    entries = []
    for item, item_node in zip(data, seq_node.value, strict=True):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            raise DictionaryError(
                label,
                line,
                "an entry is not a mapping of fields",
                "Write each actor as '- id: …' followed by indented fields (name, type, names, …)",
            )
        field_lines: dict[str, int] = {}
        for key_node, _ in item_node.value:
            if key_node.value in field_lines:
                raise DictionaryError(
                    label,
                    key_node.start_mark.line + 1,
                    f"field {key_node.value!r} given twice in one entry "
                    f"(first at line {field_lines[key_node.value]})",
                    'Keep one; list several values as ["a", "b"]',
                )
            field_lines[key_node.value] = key_node.start_mark.line + 1
        entries.append(_Entry(item, label, line, field_lines))
    return entries


def _fail(entry: _Entry, key: str | None, problem: str, advice: str) -> DictionaryError:
    line = entry.field_lines.get(key, entry.line) if key else entry.line
    return DictionaryError(entry.path, line, problem, advice)


def _check_entry(entry: _Entry) -> None:
    """Type-check the fields of one raw entry (whether it is complete is checked on merge)."""
    data = entry.data
    for key in data:
        if key not in _ENTRY_FIELDS:
            raise _fail(
                entry, key, f"unknown field {key!r}", f"Use only: {', '.join(_ENTRY_FIELDS)}"
            )
    actor_id = data.get("id")
    if actor_id is None:
        raise _fail(
            entry,
            None,
            "entry without an 'id'",
            "Give every entry an id such as 'person:jane-doe' or 'org:nato'",
        )
    if not isinstance(actor_id, str) or not _ID_RE.match(actor_id):
        raise _fail(
            entry,
            "id",
            f"bad id {actor_id!r}",
            "An id is '<prefix>:<key>' with prefix state, org, person or place and a "
            "key of letters, digits, '.', '_', '+' or '-' (e.g. 'person:jane-doe')",
        )
    for key in ("name", "description"):
        if key in data and not (
            isinstance(data[key], str) and (data[key].strip() or key == "description")
        ):
            raise _fail(
                entry,
                key,
                f"{key!r} of {actor_id} must be a non-empty string",
                f"Write e.g. '{key}: \"Some Text\"'",
            )
    if "type" in data and data["type"] not in ACTOR_TYPES:
        raise _fail(
            entry,
            "type",
            f"unknown type {data['type']!r} for {actor_id}",
            f"Use one of: {', '.join(ACTOR_TYPES)}",
        )
    if "type" in data and ID_PREFIX[data["type"]] != actor_id.split(":", 1)[0]:
        raise _fail(
            entry,
            "id",
            f"id {actor_id!r} does not match its type {data['type']!r}",
            f"Ids of type {data['type']} start with '{ID_PREFIX[data['type']]}:'",
        )
    for key in _LIST_FIELDS:
        if key in data:
            value = data[key]
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                raise _fail(
                    entry,
                    key,
                    f"{key!r} of {actor_id} must be a list of non-empty strings, not {value!r}",
                    f'Write e.g. \'{key}: ["First", "Second"]\'',
                )
    if "links" in data:
        links = data["links"]
        if not isinstance(links, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in links.items()
        ):
            raise _fail(
                entry,
                "links",
                f"'links' of {actor_id} must map a relation to an actor id, not {links!r}",
                "Write e.g. 'links: {state: \"state:RUS\"}'",
            )
    if "priority" in data and (
        isinstance(data["priority"], bool) or not isinstance(data["priority"], int)
    ):
        raise _fail(
            entry,
            "priority",
            f"'priority' of {actor_id} must be an integer",
            "Write e.g. 'priority: 1' (higher wins when actors share a surface form)",
        )
    if "extend" in data and not isinstance(data["extend"], bool):
        raise _fail(
            entry,
            "extend",
            f"'extend' of {actor_id} must be true or false",
            "Write 'extend: true' to append to the packaged lists instead of replacing them",
        )


def _merge(
    base: dict[str, dict[str, Any]], origin: dict[str, _Entry], entries: list[_Entry]
) -> None:
    """Apply ``entries`` onto ``base`` (id -> field dict): new ids add, known ids override."""
    seen: dict[str, int] = {}
    for entry in entries:
        _check_entry(entry)
        data = dict(entry.data)
        actor_id = data["id"]
        if actor_id in seen:
            raise _fail(
                entry,
                "id",
                f"{actor_id} is defined twice in this file (first at line {seen[actor_id]})",
                "Keep one entry per id",
            )
        seen[actor_id] = entry.line
        extend = data.pop("extend", False)
        if actor_id in base:
            # the type cannot change: the id prefix fixes it (checked in _check_entry)
            current = base[actor_id]
            for key, value in data.items():
                if extend and key in _LIST_FIELDS:
                    current[key] = current.get(key, []) + [
                        v for v in value if v not in current.get(key, [])
                    ]
                elif extend and key == "links":
                    current[key] = {**current.get(key, {}), **value}
                else:
                    current[key] = value
        else:
            for key in ("name", "type"):
                if key not in data:
                    raise _fail(
                        entry,
                        None,
                        f"new actor {actor_id} has no {key!r}",
                        "Give a new actor at least 'id', 'name' and 'type' (or fix "
                        "the id if you meant to override an existing actor)",
                    )
            base[actor_id] = data
        origin[actor_id] = entry


def _build_actors(base: dict[str, dict[str, Any]], origin: dict[str, _Entry]) -> list[Actor]:
    """Turn merged field dicts into :class:`Actor` objects; check that links resolve."""
    actors = []
    for actor_id, data in base.items():
        for relation, target in (data.get("links") or {}).items():
            if target not in base:
                raise _fail(
                    origin[actor_id],
                    "links",
                    f"{actor_id} links {relation!r} to unknown actor {target!r}",
                    "Use the id of an actor in the dictionary (e.g. 'state:RUS') or add "
                    "that actor in your file",
                )
        names = [data["name"]] + [n for n in data.get("names", []) if n != data["name"]]
        actors.append(
            Actor(
                id=actor_id,
                name=data["name"],
                type=data["type"],
                names=tuple(dict.fromkeys(names)),
                adjectivals=tuple(dict.fromkeys(data.get("adjectivals", []))),
                metonyms=tuple(dict.fromkeys(data.get("metonyms", []))),
                titles=tuple(dict.fromkeys(t.strip().lower() for t in data.get("titles", []))),
                links=MappingProxyType(dict(data.get("links") or {})),
                roles=tuple(dict.fromkeys(data.get("roles", []))),
                description=data.get("description", "") or "",
                priority=data.get("priority", 0),
            )
        )
    return actors


@functools.lru_cache(maxsize=1)
def _packaged_entries() -> tuple[
    tuple[dict[str, dict[str, Any]], dict[str, _Entry]], ActorDictionary
]:
    base: dict[str, dict[str, Any]] = {}
    origin: dict[str, _Entry] = {}
    for filename in PACKAGED_FILES:
        path = RESOURCES_DIR / filename
        if path.exists():
            _merge(base, origin, _read_entries(path, str(path)))
    return (base, origin), ActorDictionary(_build_actors(base, origin))


def packaged_dictionary() -> ActorDictionary:
    """The packaged dictionary alone (read once per process, then cached)."""
    return _packaged_entries()[1]


def load_dictionary(extra: str | Path | None = None, *, replace: bool = False) -> ActorDictionary:
    """The packaged actor dictionary, optionally extended or overridden by a user YAML file.

    Args:
        extra: a YAML file in the packaged schema (see ``analysis/resources/README.md``);
            ``None`` or ``""`` for none. An entry whose id exists overrides that actor: the
            fields it gives replace the packaged ones (with ``extend: true`` list fields are
            appended to instead); a new id adds an actor (it needs ``id``, ``name``, ``type``).
            A relative path is tried from the current directory, then the project directory.
        replace: use only ``extra``, not the packaged dictionary.

    Raises:
        DictionaryError: the file does not exist or is invalid; the message names the file, the
            line and what to do.
    """
    if extra is None or not str(extra).strip():
        if replace:
            raise ParameterError("replace=True needs a user dictionary file in 'extra'")
        return packaged_dictionary()
    path = resolve_path(extra)
    if not path.exists():
        raise DictionaryError(
            str(extra),
            None,
            "actor dictionary file not found",
            "Check the path (relative paths are tried from the current "
            "directory and from the project directory)",
        )
    if not path.is_file():
        raise DictionaryError(
            str(path), None, "is not a file", "Pass the path of a YAML file, not a folder"
        )
    entries = _read_entries(path, str(path))
    if replace:
        base: dict[str, dict[str, Any]] = {}
        origin: dict[str, _Entry] = {}
    else:
        (packaged_base, packaged_origin), _ = _packaged_entries()
        # deep-enough copy: the merge replaces values or builds new lists, never mutates them
        base = {k: dict(v) for k, v in packaged_base.items()}
        origin = dict(packaged_origin)
    _merge(base, origin, entries)
    return ActorDictionary(_build_actors(base, origin))
