"""Development lines for the disguise and trap mechanisms added after the first quality round
(rule set 2026.11.26-3). Every technique is applied to every development word form of the mat
families it fits (the forms generate.py keeps out of the held-out part), inside that form's own
pool sentences; clean lines put the same devices into innocent text.

Writes dev/generated-mechanisms.tsv. Standard library only, deterministic:
    python3 src/test/resources/corpus/generator/mechanisms.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import generate  # noqa: E402
import obscene  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "dev", "generated-mechanisms.tsv")

# Greek capitals that look like Cyrillic ones (case folding turns them into small letters that
# do not: χ, η, τ).
GREEK = {"Х": "Χ", "А": "Α", "Е": "Ε", "О": "Ο", "Р": "Ρ", "Т": "Τ", "Н": "Η", "К": "Κ", "М": "Μ",
         "У": "Υ", "В": "Β"}


def dev_forms():
    forms = generate.split_groups(obscene.MAT)["dev"]
    return [(family, form, sentences) for (family, form), sentences in sorted(forms.items())]


def fill(sentence, word):
    start, end = sentence.index("["), sentence.index("]")
    original = sentence[start + 1:end]
    if original[:1].isupper():
        word = word[:1].upper() + word[1:] if not word[:1].isupper() else word
    return sentence[:start] + word + sentence[end + 1:]


def greek_caps(form):
    up = form.upper().replace("Ё", "Е")
    if not any(c in GREEK for c in up):
        return None
    return "".join(GREEK.get(c, c) for c in up)


def soft_sign_i(form, latin):
    if "ы" not in form:
        return None
    return form.replace("ы", "ьi" if latin else "ьі")


def final_at(form):
    return form[:-1] + "@" if form.endswith("а") and len(form) >= 4 else None


def glyph_i(form):
    return form.replace("и", "|/|", 1) if "и" in form else None


def spaced_mixed(form):
    latin = {"х": "x", "у": "y", "е": "e", "о": "o", "а": "a", "р": "p", "с": "c"}
    if len(form) > 7 or not any(c in latin for c in form[:3]):
        return None
    done, letters = 0, []
    for c in form.replace("ё", "е"):
        if c in latin and done < 2:
            letters.append(latin[c])
            done += 1
        else:
            letters.append(c)
    return " ".join(letters)


def nine_for_ya(form):
    return form.replace("я", "9") if "я" in form else None


def long_star(form, n):
    if len(form) < n + 2:
        return None
    return form[0] + "*" * n + form[n + 1:]


def main():
    lines = []
    seen = set()

    def add(label, category, text):
        if text and text not in seen:
            seen.add(text)
            lines.append(f"{label}\t{category}\t{text}")

    lines.append("# Greek capitals, Ukrainian or Latin i after a soft sign for ы, @ for a final а,")
    lines.append("# |/| for и, spaced letters mixing Cyrillic and Latin look-alikes")
    for family, form, sentences in dev_forms():
        s = sentences[0]
        s2 = sentences[-1]
        add("HARD", "obscene-obf", fill(s, greek_caps(form)) if greek_caps(form) else None)
        for latin, sent in ((False, s), (True, s2)):
            v = soft_sign_i(form, latin)
            add("HARD", "obscene-obf", fill(sent, v) if v else None)
        v = final_at(form)
        add("HARD", "obscene-obf", fill(s2, v) if v else None)
        v = glyph_i(form)
        add("HARD", "obscene-obf", fill(s2, v) if v else None)
        v = nine_for_ya(form)
        add("HARD", "obscene-obf", fill(s2, v) if v else None)
        v = spaced_mixed(form)
        add("HARD", "obscene-obf", fill(s, v) if v else None)
    lines.append("# runs of four and five stars inside a word; a word cut short by two or three stars")
    for family, form, sentences in dev_forms():
        for n, sent in ((4, sentences[0]), (5, sentences[-1])):
            v = long_star(form, n)
            add("BAD", "obscene-mask", fill(sent, v) if v else None)
    for text in ["Да пошли они на х** со своими тарифами.", "На х** нам такой стадион без школ?",
                 "Бл** опять свет отключили на всю ночь.", "Ну и ху** вам, а не повышение зарплат.",
                 "Нам опять п*** про рост экономики рассказывают.", "Ёб** этот ремонт, третий год копают.",
                 "Х** вам, а не субсидии, сказали в мэрии.", "Тарифы бл*** какие-то нереальные."]:
        add("BAD", "obscene-mask", text)
    lines.append("# insults with @ for a final а")
    for word in ["скотин@", "гнид@"]:
        if True:
            add("BAD", "insult-obf", f"Этот депутат — {word} продажная, ничего для людей не сделал.")
    lines.append("# clean: prefix compounds of innocent words with е before б, ьи in Russian words,")
    lines.append("# Greek letters, stars and @ in ordinary text")
    for text in [
        "Небанальный подход к бюджету: сначала школы, потом фонтаны.",
        "Дебанкинг клиентов из-за санкций обсуждают все банкиры Бишкека.",
        "Переброска воинских частей к границе пока не подтверждается.",
        "Ребрендинг аэропорта обошёлся дороже, чем ремонт взлётной полосы.",
        "Перебазирование авиабазы обсудят на заседании ОДКБ.",
        "Небалованные дети из сёл учатся лучше городских, говорит учитель.",
        "Телебашня на Боконбаева снова светится по вечерам.",
        "Статьи о семьях судей вызвали споры: чьи дети получают льготы?",
        "Воробьи и соловьи вернулись в парк Панфилова после ремонта.",
        "Коэффициент β в отчёте банка равен 1,2, а показатель Χ не раскрыт.",
        "Оценка отеля — ****, но сервис на три звезды.",
        "Рейтинг ресторана ***** на картах, а обслуживание так себе.",
        "Сноска** внизу страницы объясняет, откуда цифры.",
        "Пункты a, б, в закона меняются с первого января.",
        "Рейс Ил-96 и МС-21 задерживаются, табло обновили в 9ч30.",
        "Праздник 9мая отметили парадом, а 1сентября дети пошли в школу.",
        "Варианты ответа: а) да, б) нет, в) не знаю — голосуйте!",
    ]:
        add("OK", "clean-trap" if any(w in text for w in ["Небан", "Дебан", "Переб", "Ребр", "Небал", "Телеб"]) else "clean", text)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# GENERATED by generator/mechanisms.py; edit the script, not this file.\n")
        f.write("\n".join(lines) + "\n")
    print(f"{len([l for l in lines if not l.startswith('#')])} lines written to {OUT}")


if __name__ == "__main__":
    main()
