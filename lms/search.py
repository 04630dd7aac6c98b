"""Full-text search that takes any string and finds the word forms people type.

Wagtail's database backend (django-modelsearch) hands the visitor's words to the
database's own query language: on SQLite a `"` or `NEAR(` in a catalogue or admin
search was a full-text syntax error (a 500), and only whole word forms matched
("model" did not find "modeli", "cena" not "ceno", "pricing" not "prices").

This backend is the same backend with two changes, on SQLite and PostgreSQL alike:
- the query keeps only words (letters and digits); quotes, `*`, brackets, `^`, `-`
  and the operators `AND`, `OR`, `NOT`, `NEAR` are separators, never syntax;
- each word is cut to a light stem in the language of the request (Slovenian or
  English endings) and matched as a prefix, so every form of a word finds the
  others.
PostgreSQL indexes and queries with the `simple` configuration (lower case, no
stemming of its own), so both databases give the same results; PostgreSQL has no
Slovenian configuration, and its English stemmer does not combine with prefixes
("business" is indexed as "busi"). After changing the configuration of an
existing installation run `manage.py update_index`.
"""

import re

from django.db import connection
from django.utils import translation
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import (
    MATCH_NONE,
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
    SearchQuery,
)

WORD = re.compile(r"\w+")
# Written in capitals these are operators of the databases' query languages: a
# visitor who types them means "and", not a word to look for.
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
# Stems shorter than this are left whole: "cen" is still a useful prefix, "ce" is not.
MIN_STEM = 3
# Inflectional endings, longest first. Light on purpose: cutting too little only
# finds fewer forms; cutting too much finds unrelated words.
ENDINGS = {
    "sl": sorted(
        (
            "ami", "ega", "emu", "imi", "ima", "ovi", "ove", "ih", "im", "ov",
            "ev", "om", "em", "ah", "mi", "ja", "ji", "je", "jo", "ju",
            "a", "e", "i", "o", "u",
        ),
        key=len,
        reverse=True,
    ),
    "en": sorted(
        ("ings", "ing", "ies", "ied", "ers", "ed", "es", "er", "s", "y", "e"),
        key=len,
        reverse=True,
    ),
}  # fmt: skip


def stem(word: str, language: str | None) -> str:
    """The word in lower case without its inflectional ending in `language`."""
    word = word.casefold()
    language = (language or "")[:2]
    for ending in ENDINGS.get(language, ()):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            word = word[: -len(ending)]
            # "modelling", "planned": the doubled consonant goes with the ending.
            if language == "en" and word[-1] == word[-2] and word[-1] not in "aeiou":
                word = word[:-1]
            return word
    return word


def search_words(text: str) -> list[str]:
    """The words of a search string, without the query languages' syntax."""
    return [word for word in WORD.findall(text) if word not in OPERATORS]


def search_terms(text: str, language: str | None) -> list[str]:
    """The prefixes a search for `text` looks for, in the order typed, once each."""
    return list(dict.fromkeys(stem(word, language) for word in search_words(text)))


def safe_query(query: SearchQuery, language: str | None) -> SearchQuery | None:
    """`query` with every string reduced to words (stemmed prefixes for plain text);
    None when nothing is left to look for."""
    if isinstance(query, PlainText):
        terms = [
            PlainText(term, boost=query.boost)
            for term in search_terms(query.query_string, language)
        ]
        if not terms:
            return None
        if len(terms) == 1:
            return terms[0]
        return And(terms) if query.operator == "and" else Or(terms)
    if isinstance(query, Phrase):
        words = search_words(query.query_string)
        return Phrase(" ".join(words)) if words else None
    if isinstance(query, Fuzzy):
        words = search_words(query.query_string)
        if not words:
            return None
        return Fuzzy(" ".join(words), operator=query.operator, unaccent=query.unaccent)
    if isinstance(query, (And, Or)):
        parts = [safe_query(sub, language) for sub in query.subqueries]
        parts = [part for part in parts if part is not None]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else type(query)(parts)
    if isinstance(query, Not):
        inner = safe_query(query.subquery, language)
        return None if inner is None else Not(inner)
    if isinstance(query, Boost):
        inner = safe_query(query.subquery, language)
        return None if inner is None else Boost(inner, query.boost)
    return query


def _safe_compiler(compiler_class):
    class SafeQueryCompiler(compiler_class):
        # Every term is a prefix (safe_query makes each word its own term).
        LAST_TERM_IS_PREFIX = True

        def __init__(self, queryset, query, *args, **kwargs):
            if isinstance(query, str):
                operator = kwargs.get("operator") or self.DEFAULT_OPERATOR
                query = PlainText(query, operator=operator)
            if not isinstance(query, MatchAll):
                # A search for no words finds nothing, as an empty string does.
                query = safe_query(query, translation.get_language()) or MATCH_NONE
            super().__init__(queryset, query, *args, **kwargs)

    SafeQueryCompiler.__name__ = f"Safe{compiler_class.__name__}"
    return SafeQueryCompiler


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    """Wagtail's database backend for the default database, taking any string."""
    params = dict(params)
    if connection.vendor == "postgresql":
        params.setdefault("SEARCH_CONFIG", "simple")
    backend = database_backend(params)
    backend.query_compiler_class = _safe_compiler(backend.query_compiler_class)
    backend.autocomplete_query_compiler_class = _safe_compiler(
        backend.autocomplete_query_compiler_class
    )
    return backend
