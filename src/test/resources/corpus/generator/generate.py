#!/usr/bin/env python3
"""Generates the labelled corpus for CorpusQualityTest, deterministically (fixed seed).

    python3 src/test/resources/corpus/generator/generate.py

writes src/test/resources/corpus/{dev,heldout}/generated-{ok,hard,bad}.tsv. Every hand-written
pool (sentences, word forms, offers) is split into a development and a held-out share before
anything is composed, so held-out lines are built only from fragments that development lines
never use: the held-out part measures how the engine does on text it was not tuned on.
"""

import hashlib
import random
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bad  # noqa: E402
import disguise  # noqa: E402
import ky_en  # noqa: E402
import obscene  # noqa: E402
import ru_clean  # noqa: E402
import ru_more  # noqa: E402
import ru_traps  # noqa: E402

SEED = 20261126
HELDOUT_SHARE = 20  # percent
OUT = Path(__file__).resolve().parent.parent
PARTS = ("dev", "heldout")

# Lines to generate for the whole corpus; each part gets its share.
TARGETS = {
    "clean": 900, "clean-trap": 700, "clean-mild": 90, "clean-caps-acronym": 170,
    "clean-ky": 230, "clean-ky-trap": 45, "clean-en": 170,
    "spam": 380, "spam-link": 90, "spam-nocontact": 40, "shouting": 110, "flood": 100,
}

PLACES = [  # nominative, genitive, "in ..."
    ("Бишкек", "Бишкека", "в Бишкеке"), ("Ош", "Оша", "в Оше"), ("Каракол", "Каракола", "в Караколе"),
    ("Нарын", "Нарына", "в Нарыне"), ("Талас", "Таласа", "в Таласе"), ("Баткен", "Баткена", "в Баткене"),
    ("Жалал-Абад", "Жалал-Абада", "в Жалал-Абаде"), ("Токмок", "Токмока", "в Токмоке"),
    ("Чолпон-Ата", "Чолпон-Аты", "в Чолпон-Ате"), ("Кара-Балта", "Кара-Балты", "в Кара-Балте"),
    ("Узген", "Узгена", "в Узгене"), ("Кызыл-Кия", "Кызыл-Кии", "в Кызыл-Кие"), ("Балыкчы", "Балыкчы", "в Балыкчы"),
    ("Кара-Суу", "Кара-Суу", "в Кара-Суу"), ("Кант", "Канта", "в Канте"), ("Сокулук", "Сокулука", "в Сокулуке"),
    ("Ноокат", "Нооката", "в Ноокате"), ("Кочкор", "Кочкора", "в Кочкоре"), ("Ат-Баши", "Ат-Баши", "в Ат-Баши"),
    ("Иссык-Куль", "Иссык-Куля", "на Иссык-Куле"), ("Чуйская область", "Чуйской области", "в Чуйской области"),
    ("Ананьево", "Ананьево", "в селе Ананьево"), ("Таш-Кумыр", "Таш-Кумыра", "в Таш-Кумыре"),
]
PERSONS = ["Жапаров", "Ташиев", "Жээнбеков", "Атамбаев", "Садыр Жапаров", "Камчыбек Ташиев", "Адылбек Касымалиев",
           "Акылбек Жапаров", "бывший премьер", "мэр столицы"]
OFFICIALS = ["министр", "аким", "мэр", "полпред", "глава района", "депутат нашего округа", "вице-премьер"]
COUNTS = [5, 6, 7, 8, 9, 10, 11, 12, 15, 17, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 100, 120, 150, 200, 300]
MONEY = ["1 200 сомов", "2 500 сомов", "8 000 сомов", "15 000 сомов", "25 000 сомов", "полторы тысячи сомов"]
ORDINALS = ["второй", "третий", "пятый", "седьмой", "десятый", "не первый"]


def stable_hash(key):
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16)


def part_of(key):
    return "heldout" if stable_hash(key) % 100 < HELDOUT_SHARE else "dev"


def split(pool):
    """A pool of fragments as {part: fragments}; both parts get at least one."""
    out = {p: [] for p in PARTS}
    for item in pool:
        out[part_of(item if isinstance(item, str) else repr(item))].append(item)
    for p in PARTS:
        if not out[p]:
            other = out["dev" if p == "heldout" else "heldout"]
            out[p].append(other.pop())
    return out


def split_groups(groups):
    """Word forms within each family: every fifth (by hash order) is held out, so both parts see every family."""
    out = {p: {} for p in PARTS}
    for family, forms in groups.items():
        ordered = sorted(forms, key=lambda f: stable_hash(family + "/" + f))
        for i, form in enumerate(ordered):
            out["heldout" if i % 5 == 2 else "dev"][(family, form)] = forms[form]
    return out


class Deck:
    """Draws from a pool evenly: every fragment once before any fragment twice."""

    def __init__(self, items, rng):
        self.items, self.rng, self.left = list(items), rng, []

    def draw(self):
        if not self.left:
            self.left = self.items[:]
            self.rng.shuffle(self.left)
        return self.left.pop()


class Composer:
    def __init__(self, part, rng):
        self.rng = rng
        deck = lambda pool: Deck(split(pool)[part], rng)  # noqa: E731
        self.openers, self.closers = deck(ru_clean.OPENERS), deck(ru_clean.CLOSERS)
        self.topics = {t: deck(s) for t, s in {**ru_clean.BODY, **ru_more.BODY_MORE}.items()}
        self.standalone = split(ru_more.STANDALONE + ru_more.LONG + ru_more.STANDALONE_MORE + ru_more.REPLIES)[part]
        self.colloquial = deck(ru_more.COLLOQUIAL)
        self.standalone_trap = split(ru_more.STANDALONE_TRAP)[part]
        self.questions, self.reactions = deck(ru_clean.QUESTIONS), deck(ru_clean.REACTIONS)
        self.traps = deck(ru_traps.TRAPS + ru_traps.TRAPS_MORE + ru_traps.TRAPS_LITERAL)
        self.mild, self.acronyms = deck(ru_traps.MILD), deck(ru_traps.ACRONYMS)
        self.ky, self.ky_mixed = deck(ky_en.KY + ky_en.KY_MORE), deck(ky_en.KY_MIXED)
        self.ky_traps, self.en = deck(ky_en.KY_TRAPS), deck(ky_en.EN + ky_en.EN_MORE)
        self.insults, self.hate = deck(bad.INSULTS), deck(bad.HATE)
        self.hate_no_slur = deck(bad.HATE_NO_SLUR)
        self.offers_ru, self.offers_ky = deck(bad.SPAM_OFFERS_RU), deck(bad.SPAM_OFFERS_KY)
        self.offers_en, self.shouts = deck(bad.SPAM_OFFERS_EN), deck(bad.SHOUTS)
        self.cta = {kind: deck(ctas) for kind, ctas in bad.SPAM_CTA.items()}

    def fill(self, s):
        r = self.rng
        place = r.choice(PLACES)
        values = {
            "place": place[0], "place_gen": place[1], "in_place": place[2], "person": r.choice(PERSONS),
            "official": r.choice(OFFICIALS), "num": str(r.choice(COUNTS)), "money": r.choice(MONEY),
            "pct": str(r.choice([3, 5, 7, 8, 10, 12, 15, 20, 25, 30, 40])), "year": str(r.randint(2015, 2025)),
            "rate": r.choice(["87,5", "87,45", "87,8", "88", "86,9", "89,2", "87,35"]),
            "rate2": r.choice(["1,05", "1,1", "0,98", "1,02"]), "ordinal": r.choice(ORDINALS),
            "meat": r.choice(["750 сомов", "850 сомов", "900 сомов", "тысяча сомов"]),
            "bread": r.choice(["35 сомов", "40 сомов", "45 сомов", "50 сомов"]),
            "bill": r.choice(["3 000 сомов", "4 500 сомов", "6 000 сомов"]),
            "rent": r.choice(["20 000 сомов", "25 000 сомов", "35 000 сомов", "500 долларов"]),
            "salary": r.choice(["15 000 сомов", "18 000 сомов", "20 000 сомов", "25 000 сомов"]),
            "pension": r.choice(["6 000 сомов", "7 500 сомов", "8 000 сомов", "9 000 сомов"]),
            "fare": r.choice(["20 сомов", "25 сомов", "30 сомов", "35 сомов"]),
            "fruit": r.choice(["180 сомов", "220 сомов", "250 сомов", "300 сомов"]),
        }
        out = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], s)
        return out[0].upper() + out[1:]

    def body(self):
        r = self.rng
        roll = r.random()
        if roll < 0.12:
            return self.questions.draw()
        if roll < 0.2:
            return self.reactions.draw()
        if roll < 0.28:
            return self.colloquial.draw()
        return self.topic().draw()

    def topic(self):
        """A topic chosen in proportion to its size, so that small topics are not worn out."""
        decks = list(self.topics.values())
        return self.rng.choices(decks, weights=[len(d.items) for d in decks])[0]

    def sentence_count(self):
        roll = self.rng.random()
        if roll < 0.3:
            return 1
        if roll < 0.75:
            return self.rng.randint(2, 3)
        if roll < 0.93:
            return self.rng.randint(4, 6)
        if roll < 0.98:
            return self.rng.randint(8, 14)
        return self.rng.randint(18, 26)  # cut at the length limit: the longest comments

    def russian(self, required=(), limit=1500):
        """A comment of ordinary sentences around the required ones, within limit characters."""
        r = self.rng
        n = max(len(required), self.sentence_count())
        topic = self.topic()
        parts = [topic.draw() if r.random() < 0.75 else self.body() for _ in range(n - len(required))]
        for s in required:
            parts.insert(r.randint(0, len(parts)), s)
        if r.random() < 0.25:
            parts.insert(0, self.openers.draw())
        if r.random() < 0.25:
            parts.append(self.closers.draw())
        return self.finish(parts, limit)

    def finish(self, parts, limit=1500):
        r = self.rng
        text = ""
        for p in dict.fromkeys(parts):  # a deck may deal a sentence twice into one long comment
            p = self.fill(p)
            if text and len(text) + 1 + len(p) > limit:
                break
            if text and text[-1] not in ".!?)…":
                text += r.choice([".", ".", "...", ","])
                if text.endswith(","):
                    p = p[0].lower() + p[1:]
            text = text + " " + p if text else p
        while len(text) < 20:
            text = text + " " + self.fill(self.topic().draw())
        roll = r.random()
        if roll < 0.08:
            text = text[0].lower() + text[1:]
        elif roll < 0.12 and not re.search(r"\b[А-ЯЁA-Z]{2,}\b", text):
            text = text.lower()
        elif roll < 0.15:
            text = text.replace(",", "")
        if r.random() < 0.06 and text.endswith("."):
            text = text[:-1]
        tail = r.choice(ru_clean.TAILS)
        if tail and text[-1] in ".!?":
            # ")))" or "!!!" replace a full stop and go nowhere else; an emoji follows any ending.
            if tail[0] not in ").!?":
                text += tail
            elif text[-1] == ".":
                text = text[:-1] + tail
        return text


def bracketed(sentence):
    """(sentence without brackets, word, start) for a sentence with one [word]."""
    m = re.search(r"\[([^\]]+)\]", sentence)
    return m.group(1), m


def replace_bracketed(sentence, fn):
    return re.sub(r"\[([^\]]+)\]", lambda m: fn(m.group(1)), sentence)


def plain(sentence):
    return replace_bracketed(sentence, lambda w: w)


# Contacts used by spam ----------------------------------------------------------------------

SPAM_WORDS = ["bigwin", "kg-zaim", "fastmoney", "crypto-kg", "luckyslot", "bet-kg", "vulkan-club", "zarabotok24",
              "credit-online", "invest-pro", "easy-cash", "bonus-casino", "topstavka", "money-asia", "trade-kg",
              "super-loan", "win777", "goldbet", "kg-rabota", "promo-deal"]
TLDS = ["com", "ru", "kg", "org", "net", "me", "io", "xyz", "top", "site", "online", "club", "biz", "pro", "shop"]
HANDLES = ["rich_fast", "money_kg", "bet_kg_bot", "zarabotok_24", "crypto_guru_kg", "invest_asia", "casino_vip",
           "kredit_bystro", "lucky_777", "work_online_kg", "bonus_hunter", "signal_pro", "ayim_shop", "dengi_srazu"]


def url(r):
    name, tld = r.choice(SPAM_WORDS), r.choice(TLDS)
    path = r.choice(["", "/promo", "/?ref=" + str(r.randint(100, 9999)), "/bonus", "/reg", "/kg/start"])
    code = "".join(r.choice("abcdefghjkmnpqrstuvwxyzABCDEFGH23456789") for _ in range(r.randint(5, 8)))
    forms = [
        f"https://{name}.{tld}{path}", f"http://{name}.{tld}", f"www.{name}.{tld}", f"{name}.{tld}",
        f"{name}.{tld}{path}", f"https://t.me/{r.choice(HANDLES)}", f"t.me/{r.choice(HANDLES)}", f"bit.ly/{code}",
        f"www . {name} . {tld}", f"{name}[.]{tld}", f"{name} dot {tld}", f"{name} точка {tld}",
        f"wa.me/996{r.randint(500000000, 779999999)}", f"instagram.com/{r.choice(HANDLES)}", f"clck.ru/{code}",
        f"tinyurl.com/{code.lower()}", f"https://{name}.{tld}/{code}", f"HTTPS://{name.upper()}.{tld.upper()}",
        f"{name}.рф", f"https://xn--80aa{code.lower()}.xn--p1ai", f"youtube.com/watch?v={code}{code}",
    ]
    return r.choice(forms)


def digits(r, n):
    return "".join(str(r.randint(0, 9)) for _ in range(n))


def phone(r):
    # Kyrgyz numbers: operator code and six digits; Russian and Kazakh: +7, three and seven digits.
    op = r.choice(["555", "700", "770", "772", "500", "505", "220", "999", "707", "550"])
    k = digits(r, 6)
    ru = r.choice(["912", "926", "903", "999", "985"])
    kz = r.choice(["701", "705", "747", "777"])
    s = digits(r, 7)
    forms = [
        f"+996 {op} {k[:3]} {k[3:]}", f"+996{op}{k}", f"0{op} {k}", f"0({op}){k[:2]}-{k[2:4]}-{k[4:]}",
        f"0 {op} {k[:2]} {k[2:4]} {k[4:]}", f"+996 ({op}) {k[:3]}-{k[3:]}", f"996 {op} {k[:2]} {k[2:4]} {k[4:]}",
        f"+7 {ru} {s[:3]}-{s[3:5]}-{s[5:]}", f"8 ({ru}) {s[:3]} {s[3:5]} {s[5:]}", f"8{ru}{s}",
        f"+7 {kz} {s[:3]} {s[3:5]} {s[5:]}", f"8 {kz} {s[:3]} {s[3:]}", " ".join(f"0{op}{k}"),
        f"0{op}-{k[:3]}-{k[3:]}", f"+996-{op}-{k[:3]}-{k[3:]}",
    ]
    return r.choice(forms)


def handle(r):
    h = r.choice(HANDLES)
    forms = [f"@{h}", f"тг: {h}", f"телеграм @{h}", f"пиши в телегу @{h}", f"whatsapp {phone(r)}",
             f"ватсап {phone(r)}", f"инста @{h}", f"telegram: @{h}", f"вайбер {phone(r)}", f"tg @{h}",
             f"телега {h}", f"WhatsApp: {phone(r)}", f"пишите в лс @{h}", f"@{h} — пиши в личку"]
    return r.choice(forms)


def contact(r, cta=None):
    """A link, phone number or handle; with cta, preceded by a call to action that fits it."""
    roll = r.random()
    kind = "url" if roll < 0.45 else "phone" if roll < 0.75 else "handle"
    text = {"url": url, "phone": phone, "handle": handle}[kind](r)
    return f"{cta[kind].draw()} {text}" if cta else text


# Generators per category ---------------------------------------------------------------------

def clean_lines(c, part, n):
    out = []
    for category, count in (("clean", n["clean"]), ("clean-trap", n["clean-trap"]),
                            ("clean-mild", n["clean-mild"]), ("clean-caps-acronym", n["clean-caps-acronym"])):
        whole = {"clean": c.standalone, "clean-trap": c.standalone_trap}.get(category, [])
        for text in whole:
            out.append(("OK", category, c.finish([text])))
        for _ in range(count - len(whole)):
            if category == "clean":
                text = c.russian()
            elif category == "clean-trap":
                text = c.russian([c.traps.draw() for _ in range(c.rng.choice([1, 1, 2, 2, 3]))])
            elif category == "clean-mild":
                text = c.russian([c.mild.draw()])
            else:
                text = c.russian([c.acronyms.draw() for _ in range(c.rng.choice([1, 1, 2]))])
            out.append(("OK", category, text))
    for _ in range(n["clean-ky"]):
        k = c.rng.choice([1, 1, 2, 2, 3, 4])
        picks = [c.ky.draw() for _ in range(k)]
        if c.rng.random() < 0.15:
            picks.insert(c.rng.randint(0, len(picks)), c.ky_mixed.draw())
        out.append(("OK", "clean-ky", c.finish(picks)))
    for _ in range(n["clean-ky-trap"]):
        picks = [c.ky_traps.draw()] + [c.ky.draw() for _ in range(c.rng.choice([0, 0, 1, 2]))]
        c.rng.shuffle(picks)
        out.append(("OK", "clean-ky-trap", c.finish(picks)))
    for _ in range(n["clean-en"]):
        out.append(("OK", "clean-en", c.finish([c.en.draw() for _ in range(c.rng.choice([1, 1, 2, 3]))])))
    return out


def with_context(c, sentence):
    """Put a sentence in a short ordinary comment half of the time, so that lengths and positions vary."""
    r = c.rng
    roll = r.random()
    if roll < 0.1:
        return c.russian([sentence])  # inside a comment of any length, up to the longest
    if roll < 0.5:
        return sentence
    if roll < 0.75:
        return c.finish([c.body(), sentence])
    return c.finish([sentence, c.body()] + ([c.closers.draw()] if r.random() < 0.3 else []))


def hard_lines(c, forms):
    """Plain mat (every sentence, once bare-ish and once in context) and every disguise of every form."""
    r = c.rng
    plain_out, obf = [], []
    for (family, form), sentences in forms.items():
        for s in sentences:
            plain_out.append(("HARD", "obscene", with_context(c, plain(s))))
            plain_out.append(("HARD", "obscene", c.finish([c.body(), plain(s)] if r.random() < 0.5 else [plain(s), c.body()])))
        techniques = list(disguise.TECHNIQUES.items())
        r.shuffle(techniques)
        for i, (name, fn) in enumerate(techniques):
            sentence = sentences[i % len(sentences)]
            word = bracketed(sentence)[0]
            disguised = fn(word, r)
            if not disguised or disguised == word:
                continue
            text = with_context(c, replace_bracketed(sentence, lambda w, d=disguised: d))
            obf.append((name, ("HARD", "obscene-obf", text)))
    obf.sort(key=lambda t: t[0])
    return plain_out, obf


def mask_lines(c, forms):
    out = []
    for (family, form), sentences in forms.items():
        for s in sentences[:2]:
            masked = disguise.mask(bracketed(s)[0], c.rng, obscene.MASK_CHARS)
            if masked:
                out.append(("BAD", "obscene-mask", with_context(c, replace_bracketed(s, lambda w, m=masked: m))))
    return out


def insult_lines(c, part):
    r = c.rng
    out = []
    pool = split(bad.INSULTS)[part]
    for s in pool:
        out.append(("BAD", "insult", with_context(c, plain(s))))
        second = [c.colloquial.draw(), plain(s)] if r.random() < 0.5 else [plain(s), c.closers.draw()]
        out.append(("BAD", "insult", c.finish(second)))
    light = [disguise.latin_homoglyph, disguise.separators, disguise.repeated_letters, disguise.zero_width,
             disguise.translit, disguise.digits, disguise.case_mix]
    for s in pool[: max(1, len(pool) // 2)]:
        fn = r.choice(light)
        word = bracketed(s)[0]
        d = fn(word, r)
        if d and d != word:
            out.append(("BAD", "insult-obf", with_context(c, replace_bracketed(s, lambda w, d=d: d))))
    for s in split(bad.HATE)[part]:
        out.append(("BAD", "hate", plain(s)))
        out.append(("BAD", "hate", c.finish([c.body(), plain(s)] if r.random() < 0.5 else [plain(s), c.colloquial.draw()])))
    for s in split(bad.HATE_NO_SLUR)[part]:
        out.append(("BAD", "hate-noslur", plain(s)))
    return out


def spam_lines(c, n):
    r = c.rng
    out = []
    for _ in range(n["spam"]):
        roll = r.random()
        offer = c.offers_ru.draw() if roll < 0.7 else c.offers_ky.draw() if roll < 0.85 else c.offers_en.draw()
        offer = offer.format(n1=r.randint(2, 9), n2=r.choice([100, 150, 200, 250, 300]), n3=r.choice([20, 30, 40, 50]))
        shape = r.random()
        if shape < 0.55:
            text = f"{offer} {contact(r, c.cta)}"
        elif shape < 0.75:
            text = f"{contact(r)} — {offer}"
        elif shape < 0.9:
            text = f"{c.fill(c.body())} {offer} {contact(r, c.cta)}"
        else:
            text = f"{offer} {contact(r)} {contact(r)}"
        if r.random() < 0.15:
            text = text.upper() if r.random() < 0.3 else "🔥🔥 " + text + " 💰"
        out.append(("BAD", "spam", text))
    for _ in range(n["spam-link"]):
        lead = r.choice(["Вот полное видео:", "Подробнее тут:", "Читайте у нас на канале:", "Кто не верит, смотрите:",
                         "Мой разбор этой темы:", "Источник:", "Все документы выложил здесь:", "Смотрите сами —"])
        text = c.finish([c.body(), f"{lead} {url(r)}"]) if r.random() < 0.7 else f"{lead} {url(r)}"
        out.append(("BAD", "spam-link", text))
    for _ in range(n["spam-nocontact"]):
        offer = c.offers_ru.draw().format(n1=r.randint(2, 9), n2=r.choice([100, 200]), n3=r.choice([20, 30]))
        tail = r.choice(["Ищите в поиске!", "Набери в гугле, первая ссылка.", "Пишите в лс.", "Пиши в личку, расскажу.",
                         "Кому интересно — в директ.", "Подписывайтесь на мой профиль."])
        out.append(("BAD", "spam-nocontact", f"{offer} {tail}"))
    return out


def shouting_lines(c, n):
    r = c.rng
    out = [("BAD", "shouting", c.shouts.draw()) for _ in range(min(len(c.shouts.items), n // 5))]
    while len(out) < n:
        text = c.finish([c.body() for _ in range(r.choice([1, 2, 2, 3]))]).upper()
        letters = sum(ch.isalpha() for ch in text)
        if letters >= 40:
            out.append(("BAD", "shouting", text.rstrip(".") + r.choice([".", "!!!", "!", ". ПОЗОР!", ". ХВАТИТ!"])))
    return out


FLOOD_WORDS = ["позор", "ура", "ха", "лол", "хаха", "молодцы", "браво", "спасибо", "жок", "уят", "ооо", "нет", "да",
               "верните деньги", "отставка", "kyrgyzstan", "ping"]
FLOOD_CHARS = ["!", "?", ")", "(", "а", "о", "ы", "у", "+", ".", "=", "-", "ё", "я", "х"]
EMOJI = ["😂", "👍", "🔥", "😡", "💩", "🤣", "❤️", "👏", "🙏", "😭", "🇰🇬", "💰"]


def flood_lines(c, n):
    r = c.rng
    out = []
    while len(out) < n:
        kind = r.random()
        if kind < 0.3:
            text = r.choice(FLOOD_CHARS) * r.randint(20, 120)
        elif kind < 0.55:
            word = r.choice(FLOOD_WORDS)
            text = r.choice([" ", ", ", "! ", " "]).join([word] * r.randint(15, 40))
        elif kind < 0.75:
            text = "".join(r.choice(EMOJI[:4]) if r.random() < 0.2 else EMOJI[0] for _ in range(r.randint(20, 60)))
            text = text if r.random() < 0.5 else r.choice(EMOJI) * r.randint(25, 80)
        elif kind < 0.9:
            text = c.fill(r.choice(ru_clean.REACTIONS)).rstrip(".!") + r.choice(["!", ")", "?"]) * r.randint(30, 90)
        else:
            chunk = r.choice(["ахах", "хаха", "ыыы", "ура ", "жок ", "😂😂 "])
            text = (chunk * r.randint(15, 40)).strip()
        out.append(("BAD", "flood", text))
    return out


def near_duplicate_key(text):
    """Lines that differ only in letter case, numbers, commas or the ending count as one."""
    key = re.sub(r"\d", "#", text.lower().replace(",", ""))
    return re.sub(r"[\s.!?)…👍🙏😡😢🇰🇬]+$", "", key) or text


def scaled(part):
    share = HELDOUT_SHARE if part == "heldout" else 100 - HELDOUT_SHARE
    return {k: round(v * share / 100) for k, v in TARGETS.items()}


HEADER = """# label<TAB>category<TAB>text. Generated by generator/generate.py (seed {seed}); do not edit by hand,
# edit the generator's pools and run it again. Part: {part}.
# Escapes in the text: \\uXXXX is one UTF-16 code unit (invisible and combining characters are always
# written this way), \\\\ is a backslash. Lines starting with # are comments.
"""


# A guard against labelling mistakes in the hand-written pools: an OK line must not contain a word
# that begins like mat or a listed insult, a link, a handle or a phone-like run of digits.
NOT_OK = re.compile(
    r"(?i)(?<![а-яёa-z])(ху[йеёяи]|пизд|бля[дт]|[её]б[аулн]|заеб|наеб|уеб|выеб|съеб|долбо[её]б|пид[оа]р|залуп|"
    r"манда(?![а-я])|муд[аи]|сук[аи](?![а-я])|идиот|дебил|ублюд|мраз|быдл|чмо(?![а-я]))|https?://|www\.|@\w|"
    r"\.(com|ru|kg|org|net|me)\b|\d[\d ()-]{8,}\d")


def check_ok(rows):
    for row in rows:
        if isinstance(row, tuple) and row[0] == "OK" and NOT_OK.search(row[2]):
            raise SystemExit(f"OK line looks bad ({NOT_OK.search(row[2]).group(0)!r}): {row[2]}")


def write(path, part, rows):
    lines = [HEADER.format(seed=SEED, part=part)]
    for row in rows:
        if isinstance(row, str):
            lines.append(row + "\n")
        else:
            label, category, text = row
            assert "\t" not in text and "\n" not in text, text
            lines.append(f"{label}\t{category}\t{disguise.escape(text)}\n")
    path.write_text("".join(lines), encoding="utf-8")


def main():
    rng = random.Random(SEED)
    seen = set()
    for line in (OUT / "dev" / "sample.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            seen.add(near_duplicate_key(line.split("\t", 2)[2]))
    forms = split_groups(obscene.MAT)
    for part in PARTS:
        c = Composer(part, rng)
        n = scaled(part)

        def unique(rows):
            out = []
            for row in rows:
                key = near_duplicate_key(row[2] if len(row) == 3 else row[1][2])
                if key not in seen:
                    seen.add(key)
                    out.append(row)
            return out

        ok = unique(clean_lines(c, part, n))
        check_ok(ok)
        plain_rows, obf = hard_lines(c, forms[part])
        hard = unique(plain_rows)
        last = None
        for technique, row in unique(obf):
            if technique != last:
                hard.append(f"# obscene-obf, technique: {technique}")
                last = technique
            hard.append(row)
        bad_rows = unique(mask_lines(c, forms[part]) + insult_lines(c, part) + spam_lines(c, n)
                          + shouting_lines(c, n["shouting"]) + flood_lines(c, n["flood"]))
        (OUT / part).mkdir(exist_ok=True)
        write(OUT / part / "generated-ok.tsv", part, ok)
        write(OUT / part / "generated-hard.tsv", part, hard)
        write(OUT / part / "generated-bad.tsv", part, bad_rows)
        print(part, "ok", len(ok), "hard", sum(1 for h in hard if not isinstance(h, str)), "bad", len(bad_rows))


if __name__ == "__main__":
    main()
