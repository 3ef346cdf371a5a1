"""Undo what a PDF text extractor does to a chapter.

Extractors put a space between CJK characters, wrap lines at the page width
with blank lines between them, indent the first line after a page break, and
leave page numbers and running headers in the flow.  `normalize` turns such
text into one block per line: the chapter title, each heading, each bullet
and each prose paragraph.  It is idempotent, so normalised text can be fed
back in (the parser's character offsets refer to this form).
"""

import re
import unicodedata
from collections import Counter

from .kinds import CHAPTER_TITLE, heading_kind

CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u9fff\uf900-\ufaff\uff00-\uffef"
# Punctuation that a CJK-aware extractor pads with spaces just like ideographs.
CJK_PUNCT = "“”‘’「」『』《》〈〉【】—…·"
_WIDE = f"[{CJK}{CJK_PUNCT}]"
_SPACE_NEAR_CJK = re.compile(rf"(?<={_WIDE})[ \t]+|[ \t]+(?={_WIDE})")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufeff]")

TERMINAL = "。！？：；!?:;"
# Bullets of every kind, and what a symbol font's bullet becomes in extraction: a private-use
# character, or a letter ("l", "n", "q", "v", "ü", "Ø", "§") before Chinese text.
BULLET_MARKS = "-－–•●○◦◆◇▪▫■□►▶▸▹➢➤✓✔❖◎⚫・·*"
_SYMBOL_BULLET = r"[\ue000-\uf8ff]|[lnqvüØ§](?=\s+[\u3400-\u9fff\d])"
BULLET = re.compile(rf"^(?:[{re.escape(BULLET_MARKS)}]|{_SYMBOL_BULLET})")
_NUMBERED = (
    r"[一二三四五六七八九十]{1,3}[、．.]"
    r"|[\u2460-\u249b\u3251-\u325f\u2776-\u2793]"  # ①, ⑴, ⒈, ❶
    r"|\d{1,2}[)）](?=\s|[\u3400-\u9fff])"
    r"|[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|[（(]\d{1,2}[)）]"
    r"|\d{1,2}[.．、](?!\d)"
    r"|[IVX]{1,4}[.．、](?![A-Za-z])"
    r"|[a-h][)）.](?=\s)"
)
_SENTENCE_PUNCT = re.compile(r"[，,。；;：:！!？?]")
_NUMBER_MARK = re.compile(rf"^(?:{_NUMBERED})\s*")
BLOCK_START = re.compile(
    rf"^(?:[{re.escape(BULLET_MARKS)}](?=\s|{_WIDE})|{_SYMBOL_BULLET}|{_NUMBERED})"
)
#: A heading that is a year ("2023年", "2023 年度", "【2023】", "Year 2023", "Ano de 2023"):
#: a page reporting several years puts each year's activities under one.
YEAR_HEADING = re.compile(
    r"^[【\[(（]?((?:19|20)\d\d)\s*(?:年度?)?[】\])）]?$"
    r"|^(?:year|ano(?: de)?|in|em)\s+((?:19|20)\d\d)$",
    re.IGNORECASE,
)
TITLE_LINE = re.compile(
    r"^(?:第[一二三四五六七八九十\d]{1,3}(?:部分|章|節)|(?:parte|cap[íi]tulo|chapter|part)\s+(?:\d+|(?-i:[IVX]+))\b)",
    re.IGNORECASE,
)

_PAGE_NUMBER = re.compile(
    r"^(?:(?!(?:19|20)\d\d$)[-–—]?\s*\d{1,4}\s*[-–—]?|第\s*\d{1,4}\s*[頁页]"
    r"|(?:page|p[áa]gina|p\.)\s*\d{1,4}(?:\s*(?:of|de|/)\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})$",
    re.IGNORECASE,
)
_REPORT_HEADER = re.compile(
    r"^(?=\S).{0,40}(?:(?:19|20)\d\d.{0,8}(?:報告|报告|年報|年报)|relat[óo]rio.{0,80}(?:19|20)\d\d"
    r"|(?:19|20)\d\d.{0,10}annual report|annual report.{0,80}(?:19|20)\d\d)\S{0,6}$",
    re.IGNORECASE,
)


# Markdown, as this project writes chapters: heading marks go, table rows (statistics) too.
_MARKDOWN_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_MARKDOWN_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)


def squeeze(line: str, latin: bool = False) -> str:
    """Remove the spaces an extractor put around CJK text; keep those between Latin words,
    and in Latin text those around punctuation that CJK shares ("the “Forum” in")."""
    line = _SPACES.sub(" ", line).strip()
    return line if latin else _SPACE_NEAR_CJK.sub("", line)


_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")


def is_latin(text: str) -> bool:
    """Whether a text is Portuguese or English: far more Latin letters than ideographs."""
    return len(_IDEOGRAPH.findall(text)) < len(_LATIN_LETTER.findall(text)) / 4


def is_block_start(line: str) -> bool:
    """A heading, bullet, numbered item, title or year heading starts a new block."""
    return bool(BLOCK_START.match(line) or TITLE_LINE.match(line) or YEAR_HEADING.match(line))


def is_heading_like(line: str) -> bool:
    """A short line without sentence punctuation: the title or a part heading.

    Wrapped lines of prose fill the page width, so shortness tells headings apart.
    """
    if YEAR_HEADING.match(line):
        return True
    body = _NUMBER_MARK.sub("", line, count=1)
    if _IDEOGRAPH.search(body) is None and _LATIN_WORD.search(body):
        return _is_latin_heading(line, body)
    if len(body) > 24 or _SENTENCE_PUNCT.search(body):
        return False
    if CHAPTER_TITLE.search(line) or TITLE_LINE.match(line):
        return True
    return bool(heading_kind(body)) or (body != line and len(body) <= 12)


_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2}")
# A wrapped line of prose stops anywhere, often on a little word; a heading does not.
_OPEN_WORD = re.compile(
    r"\b(?:a|o|as|os|à|ao|de|da|do|das|dos|e|em|na|no|para|com|por|pela|pelo|sobre|"
    r"the|of|and|to|in|on|at|for|by|with|an?)$",
    re.IGNORECASE,
)


def _is_latin_heading(line: str, body: str) -> bool:
    """Latin headings are longer than CJK ones ("Participação em reuniões internacionais e
    regionais") but still shorter than a wrapped line, unpunctuated, and whole."""
    if _SENTENCE_PUNCT.search(body) or _OPEN_WORD.search(body) or re.search(r"[«»“”\"]", body):
        return False
    if CHAPTER_TITLE.search(line) or TITLE_LINE.match(line):
        return len(line) <= 80
    if heading_kind(body):
        return len(body) <= 80
    return body != line and len(body) <= 30


# A heading that ends on a connective ("參與國際及區域組織舉辦的") goes on on the next line.
_OPEN_END = "的及與和、暨或"


# A Latin line ending a sentence ends its paragraph block, unless the period is an
# abbreviation's ("Sr.", "n.", "U.N.").
_LATIN_PERIOD_END = re.compile(r"[A-Za-zÀ-ÿ\d)»”\"']\.$")
ABBREVIATION = re.compile(
    r"(?:\b(?:Sr|Sra|Srs|Dr|Dra|Drs|Prof|Profa|Eng|Exmo|Exma|Mr|Mrs|Ms|St|No|Nos|n|art|arts|"
    r"al|vol|cf|etc|vs|p|pp)|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)


def is_closed(block: str) -> bool:
    """Whether a block is complete, so the next line cannot continue it."""
    if block[-1] in TERMINAL:
        return True
    if _LATIN_PERIOD_END.search(block) and not ABBREVIATION.search(block):
        return True
    return is_heading_like(block) and block[-1] not in _OPEN_END


# A line that goes on from the one before it, and the verbs of a sentence, not of a title.
_CONTINUES = re.compile(r"^[（(，,、。：:；;」』”’)）—…]")
_REPORTING = re.compile(r"赴|出席|參加|參與|拜訪|接待|舉辦|前往|派員")


def is_page_title(line: str) -> bool:
    """A page's own title on its first line ("國際交流", "International Cooperation"): short,
    unpunctuated, its words capitalised; the paragraph after it is not its continuation."""
    if _SENTENCE_PUNCT.search(line) or line[-1] in _OPEN_END:
        return False
    if _IDEOGRAPH.search(line):
        return len(line) <= 12 and not _REPORTING.search(line)
    words = line.split()
    if line[-1] in ".-" or _OPEN_WORD.search(line):
        return False
    return len(words) <= 6 and all(w[0].isupper() for w in words if len(w) > 3)


def _is_page_furniture(line: str, repeated: set[str]) -> bool:
    if _PAGE_NUMBER.match(line):
        return True
    if line[-1] in TERMINAL + "。，,":
        return False
    return line in repeated or bool(_REPORT_HEADER.match(line))


# Pronouns joined to a verb by a hyphen ("deslocou-se"): a break after that hyphen keeps it.
_CLITIC = re.compile(r"(?:se|lhes?|[oa]s?|l[oa]s?|n[oa]s?|me|te|vos)\b")
_HYPHENATED = re.compile(r"[a-zà-ÿ]-$")


def _join(left: str, right: str, latin: bool) -> str:
    """Join a wrapped line: Latin words on both sides of the break need their space back,
    and a word hyphenated across it ("coope-" / "ração") is made whole again."""
    if not latin:
        latin_end = left[-1].isascii() and left[-1].isalnum()
        if latin_end and right[0].isascii() and (right[0].isalnum() or right[0] == "("):
            return f"{left} {right}"
        return left + right
    if _HYPHENATED.search(left) and right[:1].islower():
        return left + right if _CLITIC.match(right) else left[:-1] + right
    return left + right if left[-1] in "(/-«“" else f"{left} {right}"


def normalize(text: str) -> str:
    """Return the chapter as one block per line, with extraction artefacts undone."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text.replace("\f", "\n"))
    text = _MARKDOWN_TABLE_ROW.sub("", _MARKDOWN_HEADING.sub("", text))
    latin = is_latin(text)
    lines = [squeeze(raw, latin) for raw in text.split("\n")]
    lines = [line for line in lines if line]
    counts = Counter(lines)
    repeated = {
        line
        for line, n in counts.items()
        if n > 1 and len(line) >= 4 and not is_block_start(line) and not TITLE_LINE.match(line)
    }
    blocks: list[str] = []
    for line in lines:
        if _is_page_furniture(line, repeated):
            continue
        opening = len(blocks) == 1 and is_page_title(blocks[0]) and not _CONTINUES.match(line)
        if blocks and not is_block_start(line) and not is_closed(blocks[-1]) and not opening:
            blocks[-1] = _join(blocks[-1], line, latin)
        else:
            blocks.append(line)
    return "\n".join(blocks)
