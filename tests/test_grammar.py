"""How word lists become patterns (``grammar.factored``): as prefix trees, which must match exactly
as the plain lists did."""

from __future__ import annotations

import random

import regex

from extractor import ner
from extractor.grammar import factored, provinces, word_list

# what may follow a name where a pattern uses it: whatever comes next decides which name is taken
CONTINUATIONS = [r"(?!\p{L})", r"\s+\p{Lu}", r"$", r"", r"(?=,)", r"\p{Ll}"]


def _variants(name: str) -> list[str]:
    return [name, name.lower(), name.upper(), name + "n", name[:-1], name.replace(" ", "  "),
            name.replace(" - ", "–"), name.replace(" ", "\n")]


def _same_matches(listed: list[str], ignore_case: bool, names: list[str], seed: int) -> None:
    flags = regex.V1 | (regex.I if ignore_case else 0)
    flat, tree = "|".join(listed), factored(listed, ignore_case)
    rnd = random.Random(seed)
    for after in CONTINUATIONS:
        a, b = regex.compile(f"(?:{flat}){after}", flags), regex.compile(f"(?:{tree}){after}", flags)
        for _ in range(40):
            text = rnd.choice([" ", ", ", " và "]).join(rnd.choice(_variants(rnd.choice(names))) for _ in range(2))
            for at in range(len(text)):
                ma, mb = a.match(text, at), b.match(text, at)
                assert (ma and ma.span()) == (mb and mb.span()), (text, at, after)


def test_a_factored_gazetteer_matches_as_the_plain_list_does():
    lists = {"heads": word_list("agencies/heads.txt"), "fields": word_list("agencies/fields.txt"),
             "bodies": word_list("agencies/bodies.txt"), "provinces": list(provinces())}
    for seed, (name, words) in enumerate(lists.items()):
        listed = [ner._listed(w) for w in sorted(words, key=len, reverse=True)]
        _same_matches(listed, name == "bodies", words, seed)


def test_a_shorter_name_listed_first_is_still_tried_first():
    # every prefix of every name, shuffled: the order a tree cannot keep stays a plain list there
    words = word_list("agencies/heads.txt") + word_list("agencies/bodies.txt")
    prefixes = sorted({w[:k] for w in words for k in range(1, len(w) + 1) if not w[:k].endswith(" ")})
    random.Random(1).shuffle(prefixes)
    _same_matches([ner._listed(w) for w in prefixes], False, words, 7)
    assert factored(["ab", "a", "abc"]) == "a(?:b||bc)"  # "ab" before "a" before "abc", as listed
    assert factored(["abc", "ab", "a"]) == "a(?:b(?:c)?)?"


def test_names_a_tree_cannot_hold_stay_a_plain_list():
    assert factored([r"a\s+\s+b", r"a\s+c"]) == r"a\s+\s+b|a\s+c"  # a run where another could stand
    assert factored(["ß", "s"], ignore_case=True) == "ß|s"  # a letter whose other case is two

