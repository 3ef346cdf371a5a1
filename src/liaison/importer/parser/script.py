"""Traditional and Simplified script: the parser works in zh-Hant and folds zh-Hans into it."""

from functools import cache

import opencc


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    """Fold Simplified into Traditional script.

    "s2t", not "s2twp": Hong Kong and Macau keep 網絡 and 瀋陽 where Taiwan differs.
    """
    return _converter("s2t").convert(text)


def looks_simplified(text: str) -> bool:
    """Whether the text is Simplified: more of it changes going to Traditional than back."""
    to_hant = sum(a != b for a, b in zip(text, to_traditional(text), strict=False))
    to_hans = sum(a != b for a, b in zip(text, _converter("t2s").convert(text), strict=False))
    return to_hant > to_hans
