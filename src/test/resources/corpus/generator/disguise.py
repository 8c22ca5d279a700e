"""Disguises of one word, each a function (word, rng) -> str or None when it does not apply.
Every technique keeps the word readable to a Russian reader, as real evaders do."""

import unicodedata

HOMOGLYPH = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "к": "k",
             "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
             "С": "C", "Т": "T", "Х": "X", "У": "Y", "ё": "ë", "и": "u", "п": "n", "ь": "b"}
DIGITS = {"з": "3", "б": "6", "и": "1", "о": "0", "ч": "4", "а": "4", "З": "3", "Б": "6", "О": "0", "й": "1"}
SYMBOLS = {"а": "@", "и": "!", "с": "$", "е": "€", "х": "}{", "л": "/\\", "ж": ">|<", "у": "¥", "о": "()", "ш": "LLI"}
KYRGYZ = {"у": "ү", "о": "ө", "н": "ң", "У": "Ү", "О": "Ө"}
UKRAINIAN = {"и": "і", "е": "є", "ы": "ьі", "И": "І"}
TRANSLIT = {"а": ["a"], "б": ["b"], "в": ["v"], "г": ["g"], "д": ["d"], "е": ["e"], "ё": ["yo", "e", "jo"],
            "ж": ["zh", "j"], "з": ["z"], "и": ["i"], "й": ["y", "i", "j"], "к": ["k"], "л": ["l"], "м": ["m"],
            "н": ["n"], "о": ["o"], "п": ["p"], "р": ["r"], "с": ["s"], "т": ["t"], "у": ["u", "y"],
            "ф": ["f"], "х": ["h", "x", "kh"], "ц": ["c", "ts"], "ч": ["ch"], "ш": ["sh"], "щ": ["sch"],
            "ъ": [""], "ы": ["y"], "ь": ["", "'"], "э": ["e"], "ю": ["yu", "ju"], "я": ["ya", "ja", "a"]}
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
COMBINING = ["\u0306", "\u0301", "\u0308", "\u0300", "\u0331", "\u0338"]
SEPARATORS = [".", " ", "-", "_", "..", " . ", "/", "*", "|", "~"]
VOWELS = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")


def _keep_case(src, out):
    return out.upper() if src.isupper() and len(src) > 1 else out


def _replace_some(word, table, rng, at_least=1, share=0.5):
    idx = [i for i, c in enumerate(word) if c in table]
    if not idx:
        return None
    chosen = set(rng.sample(idx, max(at_least, min(len(idx), round(len(idx) * share)))))
    return "".join(table[c] if i in chosen else c for i, c in enumerate(word))


def latin_homoglyph(word, rng):
    return _replace_some(word, HOMOGLYPH, rng, share=rng.choice([0.3, 0.5, 1.0]))


def digits(word, rng):
    return _replace_some(word, DIGITS, rng, share=rng.choice([0.3, 0.6]))


def symbols(word, rng):
    return _replace_some(word, SYMBOLS, rng, share=0.4)


def kyrgyz_letters(word, rng):
    return _replace_some(word, KYRGYZ, rng, share=1.0)


def ukrainian_letters(word, rng):
    return _replace_some(word, UKRAINIAN, rng, share=1.0)


def translit(word, rng):
    out = "".join(rng.choice(TRANSLIT.get(c.lower(), [c])) for c in word)
    if word[:1].isupper():
        out = out.upper() if word.isupper() else out[:1].upper() + out[1:]
    return out


def mixed_script(word, rng):
    """Part of the word in Cyrillic, part transliterated: Пиzдец, хуйnя."""
    if len(word) < 3:
        return None
    i = rng.randrange(1, len(word) - 1)
    j = rng.randrange(i + 1, len(word) + 1)
    middle = "".join(rng.choice(TRANSLIT.get(c.lower(), [c])) for c in word[i:j])
    out = word[:i] + middle + word[j:]
    return out if out != word else None


def separators(word, rng):
    sep = rng.choice(SEPARATORS)
    letters = list(word)
    if rng.random() < 0.3:
        letters = [c.upper() for c in letters]
    return sep.join(letters)


def repeated_letters(word, rng):
    idx = [i for i, c in enumerate(word) if c in VOWELS or c in "йЙьЬ"]
    if not idx:
        return None
    out = "".join(c * rng.randint(3, 8) if i in idx[:2] and rng.random() < 0.8 or i == idx[0] else c
                  for i, c in enumerate(word))
    return out.upper() if rng.random() < 0.6 else out


def zero_width(word, rng):
    if len(word) < 2:
        return None
    positions = sorted(rng.sample(range(1, len(word)), min(len(word) - 1, rng.randint(1, 3))))
    out, last = [], 0
    for p in positions:
        out.append(word[last:p])
        out.append(rng.choice(ZERO_WIDTH))
        last = p
    out.append(word[last:])
    return "".join(out)


def fullwidth(word, rng):
    """Transliterate, then write some or all Latin letters in their full-width forms."""
    latin = translit(word, rng)
    share = rng.choice([0.5, 1.0])
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and rng.random() < share else c for c in latin)


def case_mix(word, rng):
    out = "".join(c.upper() if (i % 2 == 1) ^ (rng.random() < 0.15) else c.lower() for i, c in enumerate(word))
    return out if out != word else None


def combining(word, rng):
    positions = set(rng.sample(range(len(word)), min(len(word), rng.randint(1, 3))))
    return "".join(c + rng.choice(COMBINING) if i in positions else c for i, c in enumerate(word))


def spaced_latin(word, rng):
    """Transliterated and spread out: p i z d e c."""
    return rng.choice([" ", ".", "-"]).join(translit(word, rng).replace("'", ""))


def upper_homoglyph_zero_width(word, rng):
    """Two techniques at once: capitals with Latin look-alikes, then an invisible character."""
    first = latin_homoglyph(word.upper(), rng)
    return zero_width(first, rng) if first else None


TECHNIQUES = {
    "latin-homoglyph": latin_homoglyph,
    "digits": digits,
    "symbols": symbols,
    "kyrgyz-letters": kyrgyz_letters,
    "ukrainian-letters": ukrainian_letters,
    "translit": translit,
    "mixed-script": mixed_script,
    "separators": separators,
    "repeated-letters": repeated_letters,
    "zero-width": zero_width,
    "fullwidth": fullwidth,
    "case-mix": case_mix,
    "combining-marks": combining,
    "spaced-latin": spaced_latin,
    "combined": upper_homoglyph_zero_width,
}


# A mask must hide a letter of the root, or the word is still plain mat (хуй*я is not a mask).
ROOTS = ("ху", "пизд", "еб", "ёб", "бля", "пид", "залуп", "манд")


def mask(word, rng, chars):
    """Hide one to three inner letters behind *, #, dots: х*йня, п**дец, б...дь."""
    for _ in range(20):
        out = _mask_once(word, rng, chars)
        if out and not any(r in out.lower() for r in ROOTS):
            return out
    return None


def _mask_once(word, rng, chars):
    if len(word) < 3:
        return None
    inner = list(range(1, len(word) - 1)) if len(word) > 3 else [1]
    n = min(len(inner), rng.choice([1, 1, 2, 3]))
    start = rng.choice(inner[: len(inner) - n + 1])
    sym = rng.choice(chars)
    hidden = sym * n if len(sym) == 1 else sym
    return word[:start] + hidden + word[start + n:]


def escape(text):
    """The corpus file convention: \\uXXXX for invisible and combining characters, \\\\ for a backslash."""
    out = []
    for c in text:
        cat = unicodedata.category(c)
        if c == "\\":
            out.append("\\\\")
        elif cat in ("Cf", "Mn", "Me", "Cc", "Zl", "Zp") or (cat == "Zs" and c != " "):
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    return "".join(out)
