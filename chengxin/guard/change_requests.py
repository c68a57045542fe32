"""Requests to pay to other bank details or to write to another address, in ten languages.

Business e-mail compromise asks for one of two things: pay to an account the payer has
never used, or correspond through an address or number the fraudster controls. People
word it in countless ways ("our bank details have changed", "we now receive payments at
our Hong Kong account", "kindly update your records", "请将货款汇到我司新账户",
"حسابنا الجديد"), so a list of phrases always misses the next paraphrase. This module
recognises the *composition* instead, per clause and per language.

Rules and a model: the rules reach the goal (>= 98 % of requests, <= 1 % of benign
mail) on the corpus they were written against but not on texts written after them
(bench/guard_content, README: ``fresh`` and ``blind``). The content check therefore
combines them with a learned model (:mod:`chengxin.guard.content_model`) whose
language-neutral features are this module's concepts per sentence
(:func:`concept_sentences`); see :mod:`chengxin.guard.content` for how.

1. **Concepts.** Each language's lexicon (:mod:`chengxin.guard.change_lexicon`) names
   the words of a few concepts: payment-destination nouns (account, bank details,
   IBAN, beneficiary, remittance instructions, receiving bank, bank letter), contact
   nouns (e-mail address, mailbox, webmail, phone, WhatsApp/WeChat), NEW and CHANGE
   words, OLD and STOP words (closed, outdated, "do not pay to"), directives
   (pay/remit/transfer/refund/use; reply/write to, contact me at), time shifts ("from
   now on", "instead", "this time", "all correspondence"), EFFECTIVE ("with immediate
   effect", "即日起"), NOW after a noun ("the beneficiary is now"), RECORDS ("update
   your records", "register"), and the causes fraudsters give (audit, tax, frozen or
   under review, a subsidiary's or partner's account; a mailbox hacked, full or out of
   reach). Morphology is handled in the lexicon: stems for Russian and Turkish
   inflection (and Turkish negative suffixes), compound parts for German ("Kontoände-
   rung", "Privatkonto"), clitics and the article for Arabic (و ف ب ل ك ال), plain
   substrings for Chinese and Japanese.
2. **Folding.** Text and lexicon are folded the same way, one character for one
   character (case, accents, Arabic hamza seats, ta marbuta and alif maqsura, ё/й,
   Turkish dotless i, full-width forms), so offsets stay those of the original and the
   phrase shown to people is what the message says; harakat and other combining marks
   are dropped with an offset map.
3. **Languages.** Scripts select Russian, Arabic, Chinese and Japanese (kana); among
   the Latin-script languages the function words pick the likely ones, so the French
   "change" is not read in an English mail.
4. **Clauses.** The text is cut into clauses at sentence ends (not after "Co." or an
   initial, nor before an address), blank lines, list items and contrastive or
   consecutive conjunctions ("but", "so", "aber", "但是", "لكن"); a semicolon keeps its
   clauses together ("pay to the account below; the old one is closed"). Only clauses
   with a destination or contact noun, a cause or a written address are read, and only
   if one trigger word of any rule occurs in them; the rest cost one search.
5. **Rules.** A clause asks for a bank change when a destination noun is: stopped
   (closed, outdated; its old counterpart no longer used); qualified as new, other or
   second (next to the noun, not to "our new forwarder's"); changed (and the change
   not negated); now something else; given a cause; named with immediate effect; or
   the reader is to update their records with it; or when a payment directive comes
   with a time shift ("from now on please remit to our account"), or with a partner
   or subsidiary that now receives the money. The same rules with contact nouns,
   contact directives and contact causes give contact changes; a written address with
   a directive and a shift ("write to me at x@y from now on") is one too.
6. **Quiet benign text.** A noun that is assured ("remain unchanged", "as on the last
   invoice", "the details do not change"), questioned by a buyer ("has your bank
   changed?"), received into ("payment received in our account"), or that only names a
   bank ("the banks are closed for the holiday", "our bank asks for documents") does
   not count; nor do clauses that warn ("beware; we will never change our account by
   e-mail"), suppose ("if you receive such a request", "we received an e-mail
   claiming..."), hand over to a colleague, or announce that the writer pays from
   another bank; a customer portal's "update your contact details" neither. Nouns
   that only look like destinations ("account manager", "Skonto", "номер заказа",
   "key account") are excluded.

7. **Weak cues weighed per message.** Many requests say neither "new" nor "changed":
   the money is to go to another party (a parent or group company, a collection agent,
   a factoring company the receivables were assigned to, a partner's or the owner's
   account, PayPal or Western Union), to an account given "instead of the usual" or
   after a story (a returned transfer, an error in the account number, an account in
   reconciliation), or mail is to go to an address written in the body (a webmail
   provider, "this address", "my signature", "not to the general mailbox"). When no
   clause rule fires, the cues of the whole message are weighed in its likeliest
   languages: another payee, an assignment, a contrast with the usual destination or
   a payment service weigh 2, each other kind (NEW, a cause or story, a time shift,
   STOP, OLD, a change, "only", an enclosed letter, a bank identifier) 1; 3 make a bank
   request. A written address with a directive next to it and 2 of its cues make a
   contact request. The weighing is vetoed by what makes the benign look-alikes
   benign: the destination is kept ("remain as on the invoice", a negated change), the
   writer pays (possibly through another company: "the remitter's name will differ"),
   a warning; another party counts only in a sentence about a payment. A message with
   no destination noun, bank identifier or payee word is not weighed (the cost stays
   that of one search). Further cues: "not to us but to our broker" (NOTUS, with a
   directive or destination after it) weighs 3 like an assignment; the account of the
   writer's relative, partner or office (OWNED), a corrected number after an error said
   of the account ("the correct one is", not asked as a question), mobile money to a
   phone number and a destination stopped then restated ("don't send it to bank A, send
   it to our account at bank B") weigh 2; a crypto wallet weighs like a bank identifier.
   For addresses: a person of the writer's before a webmail address ("my assistant at")
   and "directly to ... x@y"; a warning to verify by phone does not quiet a message that
   diverts the call itself ("not the switchboard but my mobile +43 ..."). The change
   words of an L/C amendment (AMEND) change no account.

The rules are the same for every language; only the lexicon differs.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property

from chengxin.guard.change_lexicon import (
    CJK_LANGUAGES,
    LANGUAGE_ORDER,
    LEXICON,
    SPLITTERS,
    STOPWORDS,
)

__all__ = [
    "ChangeRequest",
    "concept_sentences",
    "find_change_requests",
    "fold",
    "likely_latin_languages",
]

BANK = "bank_change_request"
CONTACT = "contact_change_request"

#: Scripts that must occur in a text for a language to be tried.
_SCRIPT_OF: Mapping[str, re.Pattern[str] | None] = {
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
}
_KANA = re.compile(r"[\u3040-\u30ff]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A phone number as people write their own: international, with a trunk 0, or a
#: Chinese mobile (not an order number).
_PHONE = re.compile(
    r"(?<![\w+])(?:\+|0)\d[\d ().-]{6,20}\d(?!\w)|(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)"
)
_WORD = re.compile(r"\w+")
_MARK = re.compile(r"[\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
#: Sentence ends: ". " and the like, CJK full stops, blank lines, list items (a semicolon
#: joins clauses that belong together: "pay to the account below; the old one is closed").
_SENTENCE_END = re.compile(
    r"[.!?](?=\s|$)(?!\s+[\w.+-]+@)(?<!\b\w.)(?<!\bco.)(?<!\bnr.)(?<!\bno.)(?<!\bmr.)(?<!\bms.)(?<!\bdr.)"
    r"(?<!\bsr.)(?<!\bltd.)(?<!\binc.)|[。！？]|\n\s*\n|\n(?=\s*[-*•])"
)


# -- folding --------------------------------------------------------------------------


class _FoldTable(dict[int, str]):
    """str.translate table folding one character to one character, filled on demand."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        self[code] = folded = _fold_char(char)
        return folded


_CJK_OR_KANA = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_SPECIAL = {"ı": "i", "ß": "s", "ة": "ه", "ى": "ي", "ё": "е", "й": "и", "ς": "σ"}


#: Traditional Chinese characters of the lexicon's words -> simplified (Hong Kong and
#: Taiwan mail read with the same lexicon; Japanese text and patterns fold alike).
_TRADITIONAL = dict(
    zip(
        "帳賬戶號銀變換匯轉郵電話碼舊凍結審計稅務關聯詐騙後從開個這請將貨單資確認當臨時會為"
        "應與們經錢費機繫係絡覆發寫僅隻無沒護維問題啟廢銷閉暫統錄檔紀記備級團專員廠辦門給"
        "壞駭盜遺失碼態帶達處區歷戶體於過還讓設內訊",
        "帐账户号银变换汇转邮电话码旧冻结审计税务关联诈骗后从开个这请将货单资确认当临时会为"
        "应与们经钱费机系系络复发写仅只无没护维问题启废销闭暂统录档纪记备级团专员厂办门给"
        "坏骇盗遗失码态带达处区历户体于过还让设内讯",
        strict=True,
    )
)


def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    if _CJK_OR_KANA.match(char):
        compat = unicodedata.normalize("NFKC", char)
        compat = compat.lower() if len(compat) == 1 else char
        return _TRADITIONAL.get(compat, compat)
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)) or char
    base = base.casefold()
    if len(base) != 1:
        lowered = char.lower()
        return lowered if len(lowered) == 1 else char
    return base


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Case, accents and letter variants folded away; the same length as ``text``."""
    return text.translate(_TABLE)


# -- lexicon compilation --------------------------------------------------------------

_CONCEPTS = (
    "PAY",
    "CONTACT",
    "ADDRESS",
    "EXCLUDE",
    "EXCLUDE_CONTACT",
    "NEW",
    "CHANGE",
    "OLD",
    "STOP",
    "PAYDIR",
    "CONTDIR",
    "REPLY",
    "SHIFT",
    "NOW",
    "EFFECTIVE",
    "BANK",
    "LINK",
    "PERSON",
    "OUTGOING",
    "PORTAL",
    "RECORDS",
    "CAUSE",
    "CONTACT_CAUSE",
    "NEG",
    "ASSURE",
    "WARN",
    "HYPO",
    "RECEIVED",
    "THIRD",
    "ASSIGN",
    "HOLDER",
    "CONTRAST",
    "DEIXIS",
    "STORY",
    "PAYER",
    "ONLY",
    "LETTER",
    "DISREGARD",
    "PAYMETHOD",
    "COLLECT",
    "DESIGNATED",
    "AMEND",
    "NOTUS",
    "CORRECT",
    "OWNED",
    "DIRECT",
)


#: Every rule needs one of these in the clause; a clause without any is skipped unread.
_TRIGGERS = (
    "NEW",
    "CHANGE",
    "STOP",
    "CAUSE",
    "CONTACT_CAUSE",
    "NOW",
    "SHIFT",
    "EFFECTIVE",
    "RECORDS",
    "DISREGARD",
)


@dataclass(frozen=True, slots=True)
class _Language:
    code: str
    cjk: bool
    anchors: re.Pattern[str]
    #: another payee, an assignment, a payment service: a message with none of them
    #: and no destination noun is not weighed
    payees: re.Pattern[str]
    triggers: re.Pattern[str]
    concepts: Mapping[str, re.Pattern[str]]
    splitter: re.Pattern[str] | None
    neg_before: int
    neg_after: int
    new_window: tuple[int, int]


_UPPER_ESCAPE = re.compile(r"\\[A-Z]")


def _compile(pattern: str, cjk: bool) -> re.Pattern[str]:
    if _UPPER_ESCAPE.search(pattern):
        # Folding lower-cases the pattern too: \S would become \s.
        raise ValueError(f"upper-case escape in lexicon pattern: {pattern[:60]}")
    if not cjk:
        pattern = rf"(?<!\w)(?:{pattern})(?!\w)"
    return re.compile(fold(pattern))


@cache
def _language(code: str) -> _Language:
    lexicon = LEXICON[code]
    cjk = code in CJK_LANGUAGES
    concepts = {name: _compile(lexicon[name], cjk) for name in _CONCEPTS if lexicon.get(name)}
    anchor_parts = [
        lexicon[name] for name in ("PAY", "CONTACT", "ADDRESS", "CAUSE") if lexicon.get(name)
    ]
    splitter = SPLITTERS.get(code)
    neg_before, neg_after = lexicon.get("NEG_WINDOW", "3 1").split()
    new_before, new_after = lexicon.get("NEW_WINDOW", "2 1").split()
    return _Language(
        code=code,
        cjk=cjk,
        anchors=_compile("|".join(anchor_parts), cjk),
        payees=_compile(
            "|".join(
                lexicon[name]
                for name in ("THIRD", "ASSIGN", "PAYMETHOD", "COLLECT", "OWNED", "NOTUS")
                if lexicon.get(name)
            ),
            cjk,
        ),
        triggers=_compile("|".join(lexicon[name] for name in _TRIGGERS if lexicon.get(name)), cjk),
        concepts=concepts,
        splitter=_compile(splitter, cjk) if splitter else None,
        neg_before=int(neg_before),
        neg_after=int(neg_after),
        new_window=(int(new_before), int(new_after)),
    )


# -- recognition ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChangeRequest:
    """A clause asking for a bank or contact change: the code, language and its words."""

    code: str
    language: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, order=True)
class _Span:
    start: int
    end: int


class _Clause:
    """One clause of the folded text; the spans of each concept are found when first asked."""

    def __init__(
        self,
        language: _Language,
        text: str,
        start: int,
        end: int,
        words: list[int],
        portal: bool = False,
    ) -> None:
        self.language = language
        #: the message is about a customer portal, where the reader updates data themself
        self.portal = portal
        self.text = text
        self.start = start
        self.end = end
        self.words = words
        self.segment = text[start:end]
        self.spans: dict[str, list[_Span]] = {}

    @cached_property
    def emails(self) -> list[_Span]:
        return self._literals(_EMAIL)

    @cached_property
    def phones(self) -> list[_Span]:
        return self._literals(_PHONE)

    @cached_property
    def bare_banks(self) -> list[_Span]:
        """Destination nouns that only name a bank ("our bank asked for...")."""
        nouns = self.get("PAY")
        if not nouns:
            return []
        bare = {(b.start, b.end) for b in self._find("BANK")}
        return [s for s in nouns if (s.start, s.end) in bare]

    def _literals(self, pattern: re.Pattern[str]) -> list[_Span]:
        return [
            _Span(self.start + m.start(), self.start + m.end())
            for m in pattern.finditer(self.segment)
        ]

    def around(self, name: str, start: int, end: int) -> list[_Span]:
        """The spans of a concept between two offsets of the text (not cached)."""
        pattern = self.language.concepts.get(name)
        if pattern is None:
            return []
        start, end = max(start, self.start), min(end, self.end)
        return [
            _Span(m.start(), m.end())
            for m in pattern.finditer(self.text, start, end)
            if m.end() > m.start()
        ]

    def _find(self, name: str) -> list[_Span]:
        pattern = self.language.concepts.get(name)
        if pattern is None:
            return []
        start = self.start
        return [
            _Span(start + m.start(), start + m.end())
            for m in pattern.finditer(self.segment)
            if m.end() > m.start()
        ]

    def get(self, name: str) -> list[_Span]:
        found = self.spans.get(name)
        if found is None:
            found = self._find(name)
            if name in _NOUNS and found:
                found = _merge_adjacent(found, self.text)
                excluded = self.get(_NOUNS[name])
                if excluded:
                    found = [s for s in found if not any(_overlap(s, e) for e in excluded)]
            if name == "CHANGE" and found:
                # "the L/C amendment", "изменение к аккредитиву": a letter of credit changes
                amended = self.get("AMEND")
                found = [s for s in found if not any(_overlap(s, a) for a in amended)]
            if name == "CONTACT" and (self.emails or self.get("REPLY")):
                addresses = self.get("ADDRESS")
                if addresses:
                    found = _merge_adjacent(sorted(found + addresses), self.text)
            self.spans[name] = found
        return found

    def gap(self, a: _Span, b: _Span) -> int:
        """Words between two spans (CJK: two characters count as one); 0 when they touch."""
        first, second = (a, b) if a.start <= b.start else (b, a)
        if second.start <= first.end:
            return 0
        if self.language.cjk:
            return (second.start - first.end + 1) // 2
        words_between = bisect_left(self.words, second.start) - bisect_left(self.words, first.end)
        return max(0, words_between)

    def near(self, name: str, span: _Span, window: int) -> _Span | None:
        for other in self.get(name):
            if self.gap(span, other) <= window:
                return other
        return None

    def assured(self, noun: _Span, window: int) -> bool:
        """An assurance near the noun ("remain unchanged"), unless it is the thing
        replaced: "instead of the usual account", "いつもの口座ではなく"."""
        for assurance in self.get("ASSURE"):
            if self.gap(noun, assurance) > window:
                continue
            if any(_overlap(assurance, d) for d in self.get("DEIXIS")):
                continue  # "the address that stands in my signature"
            if self.near("STOP", assurance, 3) is not None:
                continue  # "the ones on file are outdated"
            if self.near("STORY", assurance, 3) is not None:
                continue  # "the number on the invoice has an error"
            if any(
                c.end <= assurance.start
                and self.gap(c, assurance) <= 3
                and _joined(self.text, c, assurance, commas=True)
                and not self.negated(c)
                for c in self.get("CHANGE")
            ):
                continue  # "replace the account already registered with you by ..."
            contrast = self.get("SHIFT") + self.get("NEG") + self.get("CONTRAST")
            if any(
                s.end <= assurance.start
                and self.gap(s, assurance) <= 3
                and _joined(self.text, s, assurance, commas=True)
                for s in contrast
            ):
                continue
            return True
        return False

    def linked(self, noun: _Span, word: _Span) -> bool:
        """Whether the words between go to someone else: "the e-mail of our new forwarder"."""
        first, second = (noun, word) if noun.start <= word.start else (word, noun)
        for name in ("LINK", "PERSON"):
            pattern = self.language.concepts.get(name)
            if pattern is not None and pattern.search(self.text, first.end, second.start):
                return True
        return False

    def between(self, a: _Span, b: _Span, name: str) -> bool:
        """Whether a word of the concept stands between the two spans ("we changed
        forwarder; their contact is...": the contact is the forwarder's)."""
        first, second = (a, b) if a.start <= b.start else (b, a)
        pattern = self.language.concepts.get(name)
        return (
            pattern is not None and pattern.search(self.text, first.end, second.start) is not None
        )

    def negated(self, span: _Span) -> bool:
        contrasts = self.get("CONTRAST")
        for neg in self.get("NEG"):
            if any(_overlap(neg, c) for c in contrasts):
                continue  # "the corrected invoice, not the original one"
            if neg.end <= span.start or _overlap(neg, span):
                if self.gap(neg, span) <= self.language.neg_before:
                    return True
            elif self.gap(span, neg) <= self.language.neg_after:
                return True
        return False


#: noun concept -> the concept of the look-alikes removed from it
_NOUNS = {"PAY": "EXCLUDE", "CONTACT": "EXCLUDE_CONTACT", "ADDRESS": "EXCLUDE_CONTACT"}


def _merge_adjacent(spans: list[_Span], text: str) -> list[_Span]:
    """Nouns written one after the other ("bank account details") as one span."""
    merged = [spans[0]]
    for span in spans[1:]:
        last = merged[-1]
        if span.start - last.end <= 2 and not text[last.end : span.start].strip():
            merged[-1] = _Span(last.start, max(last.end, span.end))
        else:
            merged.append(span)
    return merged


_CLAUSE_MARK = re.compile(r"[;.!?。；！？]")
_CLAUSE_OR_COMMA = re.compile(r"[;.!?。；！？,，、،]")


def _joined(text: str, a: _Span, b: _Span, commas: bool = False) -> bool:
    """Whether no sentence end or semicolon (``commas``: nor comma) stands between."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    mark = _CLAUSE_OR_COMMA if commas else _CLAUSE_MARK
    return mark.search(text, first.end, second.start) is None


def _overlap(a: _Span, b: _Span) -> bool:
    return a.start < b.end and b.start < a.end


def _clauses(
    language: _Language, text: str, words: list[int], anchors: list[_Span]
) -> Iterator[_Clause]:
    portal_pattern = language.concepts.get("PORTAL")
    portal = portal_pattern is not None and portal_pattern.search(text) is not None
    """The clauses that contain an anchor noun."""
    bounds = [0]
    for match in _SENTENCE_END.finditer(text):
        bounds.append(match.end())
    if language.splitter is not None:
        bounds.extend(m.start() for m in language.splitter.finditer(text))
    bounds.append(len(text))
    bounds = sorted(set(bounds))
    seen: set[int] = set()
    for anchor in anchors:
        index = bisect_right(bounds, anchor.start) - 1
        if index in seen or index + 1 >= len(bounds):
            continue
        seen.add(index)
        start, end = bounds[index], bounds[index + 1]
        if language.triggers.search(text[start:end]) is None:
            continue
        yield _Clause(language, text, start, end, words, portal)


def _outgoing(clause: _Clause) -> list[_Span]:
    """The writer pays from another bank; not "instead of from our account" ("بدلا من
    حسابنا": the account replaced)."""
    contrasts = clause.get("CONTRAST")
    return [o for o in clause.get("OUTGOING") if not any(_overlap(o, c) for c in contrasts)]


#: A cryptocurrency wallet (Tron, Ethereum, Bitcoin): a destination no trade account is.
_WALLET = re.compile(r"(?<!\w)(?:t(?=\w*\d)[1-9a-z]{33}|0x[0-9a-f]{40}|bc1[0-9a-z]{25,60})(?!\w)")


_QUESTION_END = re.compile(r"[.!?。！？\n]")


def _asked(text: str, span: _Span) -> bool:
    """Whether the sentence of the span ends with a question mark."""
    end = _QUESTION_END.search(text, span.end)
    return end is not None and end.group() in "?？"


def _bank_rule(clause: _Clause, has_identifier: bool) -> tuple[_Span, _Span] | None:
    """The two spans that make the clause a bank-change request, or ``None``."""
    if _outgoing(clause) or clause.get("PAYER"):
        return None  # the writer pays from another bank: nothing changes for the reader
    for noun in clause.get("PAY"):
        # "please disregard the bank details of earlier e-mails"
        disregard = clause.near("DISREGARD", noun, 6)
        if disregard is not None and noun not in clause.bare_banks:
            return noun, disregard
    found = _rule(clause, clause.get("PAY"), "PAYDIR", "CAUSE", (6, 8, 12))
    if found is not None:
        return found
    directive = clause.get("PAYDIR")
    turn = clause.get("SHIFT") or clause.get("CHANGE")
    if directive and turn and clause.get("CAUSE"):
        # "from now on payments are received by our partner company": no account noun.
        return directive[0], clause.get("CAUSE")[0]
    return _identifier_rule(clause) if has_identifier else None


def _contact_rule(clause: _Clause) -> tuple[_Span, _Span] | None:
    """The two spans that make the clause a contact-change request, or ``None``."""
    nouns = clause.get("CONTACT")
    if not (clause.emails or clause.phones or clause.get("SHIFT") or clause.get("ONLY")):
        # "reply to this e-mail": the message itself, the usual channel ("reply only to
        # this address from now on" is a request: the sender's address is the new one)
        deixis = clause.get("DEIXIS")
        nouns = [n for n in nouns if not any(_overlap(n, d) for d in deixis)]
    found = _rule(clause, nouns, "CONTDIR", "CONTACT_CAUSE", (5, 6, 8))
    if found is None and (clause.emails or clause.phones) and not clause.get("PERSON"):
        # "From now on please reply to anna.w@mail.com": a literal address, no noun.
        directive, shift = clause.get("CONTDIR"), clause.get("SHIFT")
        literals = clause.emails + clause.phones
        kept = any(clause.assured(literal, 6) for literal in literals)
        if directive and shift and not clause.get("RECEIVED") and not kept:
            return directive[0], shift[0]
    return found


def _rule(
    clause: _Clause,
    nouns: list[_Span],
    directive: str,
    cause: str,
    windows: tuple[int, int, int],
) -> tuple[_Span, _Span] | None:
    assure_window, change_window, cause_window = windows
    #: one destination said to stay ("write to the general address as usual"): the
    #: weaker readings below do not apply to the others (a hand-over, not a change)
    kept = any(clause.assured(noun, assure_window) for noun in nouns)
    for noun in nouns:
        # The old destination is stopped: "do not pay to our old account", "旧账户已停用".
        old = clause.near("OLD", noun, 4)
        if (
            old is not None
            and clause.get("STOP")
            and not any(_overlap(old, a) for a in clause.get("ASSURE"))
        ):
            # not "the banks are closed; the transfer reaches the same usual account"
            return noun, clause.get("STOP")[0]
        stop = clause.near("STOP", noun, 5)
        if stop is not None and noun not in clause.bare_banks:
            return noun, stop
        if clause.assured(noun, assure_window):
            continue
        changes = [
            c
            for c in clause.get("CHANGE")
            if clause.gap(noun, c) <= change_window
            and not clause.between(noun, c, "PERSON")
            and not clause.between(noun, c, "AMEND")  # "our bank opened the L/C amendment"
        ]
        if any(clause.negated(c) for c in changes):
            continue  # "the bank details do not change": an assurance
        before, after = clause.language.new_window
        # "a new account was created for you on the customer portal": a login
        login = clause.portal and not any(_overlap(noun, b) for b in clause.get("BANK"))
        for new in [] if login else clause.get("NEW"):
            window = before if new.start < noun.start else after
            if clause.gap(noun, new) <= window and not clause.linked(noun, new):
                if clause.between(noun, new, "AMEND"):
                    continue  # "our bank has opened the L/C amendment"
                return noun, new
        if changes and not clause.portal:
            return noun, changes[0]
        if kept:
            continue
        received = clause.near("RECEIVED", noun, 6)
        # "we receive payments at Commerzbank with immediate effect": a new destination
        ahead = clause.get("EFFECTIVE") + clause.get("SHIFT")
        if received is not None and any(clause.gap(received, a) <= 3 for a in ahead):
            received = None
        if received is not None and not clause.negated(received):
            continue
        if noun in clause.bare_banks:
            continue  # "our bank asked for documents for currency control"
        reason = clause.near(cause, noun, cause_window)
        if reason is not None:
            return noun, reason
        # "the beneficiary is now X", "المستفيد الآن", "受取人は現在".
        for now in clause.get("NOW"):
            if now.end > noun.start and clause.gap(noun, now) <= 3:
                return noun, now
        if clause.get(directive) and clause.get("SHIFT"):
            return noun, clause.get("SHIFT")[0]
        effective = clause.get("EFFECTIVE")
        if effective and noun not in clause.bare_banks:
            # "the account below is our receiving account with immediate effect"
            return noun, effective[0]
        records = clause.near("RECORDS", noun, 10)
        if records is not None and not clause.portal:
            return noun, records
    return None


def _identifier_rule(clause: _Clause) -> tuple[_Span, _Span] | None:
    """A payment directive with a time shift in a text that carries a bank identifier."""
    directive, shift = clause.get("PAYDIR"), clause.get("SHIFT")
    if directive and shift and not clause.get("RECEIVED"):
        return directive[0], shift[0]
    return None


def find_change_requests(text: str, *, has_identifier: bool = False) -> list[ChangeRequest]:
    """Bank and contact change requests in ``text`` (at most one of each code).

    ``has_identifier``: the text carries a bank identifier (IBAN, account number), so a
    payment directive with a time shift counts even without a destination noun.
    """
    folded = fold(text)
    offsets: list[int] | None = None
    if _MARK.search(folded):
        # Harakat, shadda, tanwin and other combining marks cannot fold to a character of
        # their own: drop them and keep where each remaining character came from.
        offsets = [i for i, char in enumerate(folded) if not unicodedata.combining(char)]
        folded = "".join(folded[i] for i in offsets)
    found = _find(text, folded, has_identifier)
    if offsets is not None:
        found = [
            ChangeRequest(
                r.code, r.language, offsets[r.start], _after_marks(text, offsets[r.end - 1] + 1)
            )
            for r in found
        ]
    return found


def _after_marks(text: str, end: int) -> int:
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end


def _find(text: str, folded: str, has_identifier: bool = False) -> list[ChangeRequest]:
    words = [m.start() for m in _WORD.finditer(folded)]
    found: dict[str, ChangeRequest] = {}
    kana = _KANA.search(text) is not None
    latin = _latin_languages(folded, text)
    emails = [_Span(m.start(), m.end()) for m in _EMAIL.finditer(folded)]
    phones = [_Span(m.start(), m.end()) for m in _PHONE.finditer(folded)]
    literals = emails + phones
    order = latin + [code for code in LANGUAGE_ORDER if code not in STOPWORDS]
    weighed = 0
    latin_text = not any(
        script is not None and script.search(text) for script in _SCRIPT_OF.values()
    )
    for code in order:
        script = _SCRIPT_OF.get(code)
        if script is not None and script.search(text) is None:
            continue
        if code == "zh" and kana:
            continue  # Japanese: its kanji are read by the Japanese lexicon
        language = _language(code)
        anchors = [_Span(m.start(), m.end()) for m in language.anchors.finditer(folded)]
        anchors += literals
        weigh = weighed < _WEIGHED_LANGUAGES and (code not in STOPWORDS or latin_text)
        if not anchors and not weigh:
            continue
        message = _Clause(language, folded, 0, len(folded), words)
        message.emails, message.phones = emails, phones  # found once for the whole text
        for clause in _clauses(language, folded, words, anchors):
            if BANK not in found:
                spans = _bank_rule(clause, has_identifier)
                if spans is not None and not _quiet(clause) and not message.get("PAYER"):
                    found[BANK] = _request(BANK, code, spans)
            if CONTACT not in found:
                spans = _contact_rule(clause)
                if spans is not None and not _quiet(clause):
                    found[CONTACT] = _request(CONTACT, code, spans)
            if len(found) == 2:
                return list(found.values())
        if not weigh:
            continue
        weighed += 1
        if BANK not in found:
            spans = _bank_weight(message, has_identifier)
            if spans is not None:
                found[BANK] = _request(BANK, code, spans)
        if CONTACT not in found:
            spans = _contact_weight(message)
            if spans is not None:
                found[CONTACT] = _request(CONTACT, code, spans)
        if len(found) == 2:
            break
    return list(found.values())


# -- weak cues weighed per message ------------------------------------------------------

#: The likeliest languages of a message whose cues are weighed (the rest only by clause).
_WEIGHED_LANGUAGES = 2
#: A message asks for a change when its cues weigh this much or more.
_BANK_THRESHOLD = 3
_CONTACT_THRESHOLD = 2
#: Webmail providers: a company that asks to write to one is asking to leave its domain.
_FREEMAIL = re.compile(
    r"@(?:[\w-]+\.)*(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|aol"
    r"|gmx|web|mail|yandex|inbox|bk|list|rambler|qq|163|126|yeah|sina|sohu|aliyun|proton"
    r"|protonmail|tutanota|zoho|naver|hanmail|rediffmail)\.[\w.]+$"
)


def _contrasts(message: _Clause, nouns: list[_Span], before: list[_Span]) -> list[_Span]:
    """ "And not to our office account", "instead of the usual mailbox", "原账户而不是":
    a contrast next to the usual destination (a noun or an OLD or ASSURE word after it),
    or right after the destination asked for (``before``: "a@gmail.com and not ...")."""
    targets = nouns + message.get("OLD") + message.get("ASSURE")
    found = []
    for contrast in message.get("CONTRAST"):
        if any(
            s.end <= contrast.start
            and message.gap(s, contrast) <= 6
            and _joined(message.text, s, contrast)
            for s in before
        ):
            found.append(contrast)
            continue
        for target in targets:
            after = target.start >= contrast.start
            if (
                (after or message.language.cjk)
                and message.gap(contrast, target) <= 5
                and _joined(message.text, contrast, target, commas=True)
            ):
                found.append(contrast)
                break
    return found


def _with_payment(message: _Clause, spans: list[_Span], payment: list[_Span]) -> list[_Span]:
    """The spans in a sentence that also speaks of a payment or its destination."""
    if not spans:
        return spans
    ends = [m.end() for m in _SENTENCE_END.finditer(message.text)]

    def sentence(span: _Span) -> int:
        return bisect_right(ends, span.start)

    paid = {sentence(p) for p in payment}
    return [s for s in spans if sentence(s) in paid]


def _kept(message: _Clause, spans: list[_Span]) -> bool:
    """Whether one of the nouns or directives is said to stay as it is: "the bank details
    remain as on the last invoice", "please continue to pay as usual", "IBAN e contactos
    não sofrem alterações", "wir ändern unsere Bankverbindung nie"."""
    changes = message.get("CHANGE")
    for span in spans:
        if message.assured(span, 6):
            return True
        if any(message.gap(span, c) <= 4 and message.negated(c) for c in changes):
            return True
    return False


def _live(message: _Clause, name: str) -> list[_Span]:
    """The spans of a concept that are not negated."""
    return [s for s in message.get(name) if not message.negated(s)]


def _bank_weight(message: _Clause, has_identifier: bool) -> tuple[_Span, _Span] | None:
    """Several weak cues in one message: "the parent company collects our receivables ...
    settle to Orion Holdings, account 451-302", "pay our agent and not the office account",
    "the receivables were assigned to a factoring company"."""
    bare = message.bare_banks
    nouns = [n for n in message.get("PAY") if n not in bare]
    # "pay in USDT, wallet TQ7m...": a wallet address weighs like a bank identifier
    has_identifier = has_identifier or _WALLET.search(message.text) is not None
    if not (nouns or has_identifier or message.language.payees.search(message.text)):
        return None  # no destination at all: "the deposit will be paid to your account"
    assigned = message.get("ASSIGN")
    method = message.get("PAYMETHOD")
    directive = message.get("PAYDIR")
    owners = message.get("OWNED")
    if not (nouns or assigned or directive or owners or message._find("PAY")):
        return None  # "the e-mail of our new forwarder": another party, no payment
    if message.get("WARN") or _outgoing(message) or message.get("PAYER"):
        return None  # a warning; the writer pays, perhaps through someone else
    contrasts = _contrasts(message, nouns, nouns)
    #: another party in the sentence of a payment, not "our parent company will visit"
    third = _with_payment(message, message.get("THIRD"), nouns + directive) + message.get("COLLECT")
    #: "the account of my wife", "conta da nossa empresa parceira", "حساب مكتبنا"
    third += _with_payment(message, owners, nouns + directive + owners)
    #: "please transfer it not to us but directly to our broker's account"
    redirected = [
        n
        for n in message.get("NOTUS")
        if any(
            message.gap(n, t) <= 8 and _joined(message.text, n, t)
            for t in directive + nouns + message.get("THIRD")
        )
    ]
    #: "there is a typo in the IBAN on the invoice; the correct one is ..."
    told = [s for s in message.get("STORY") if any(message.gap(s, n) <= 6 for n in nouns + owners)]
    #: not "could you confirm the correct IBAN?": a question asks, it corrects nothing
    corrected = [c for c in message.get("CORRECT") if not _asked(message.text, c)] if told else []
    #: "send the deposit via PayPal", "用支付宝转给我"
    #: "m'envoyer par Orange Money sur le +221 ...": mobile money to a person's number
    mobile = [m for m in method if any(message.gap(m, p) <= 6 for p in message.phones)]
    method = [m for m in method if any(message.gap(m, d) <= 10 for d in directive)] + mobile
    #: "não manda pro Santander, manda pra nossa conta no Inter": stopped, then redirected
    restated = [
        t
        for t in message.get("STOP")
        if any(
            n.start > t.end and message.gap(t, n) <= 8 and _joined(message.text, t, n)
            for n in nouns
        )
    ]
    strong = [s for s in (third, contrasts, method, corrected, restated) if s]
    #: the account is the other party's: "the account of a friend's company", "老板的个人卡"
    owned = [t for t in third if any(message.gap(t, n) <= 6 for n in nouns)]
    owned += [t for t in third if t in owners] + mobile
    #: "60 % to the usual account and 40 % to our partner's account": a kept account and
    #: another party's next to it
    split = any(
        not message.assured(n, 3) and any(message.gap(t, n) <= 2 for t in third) for n in nouns
    )
    if _kept(message, nouns + directive) and not split:
        return None  # "the bank details stay as on the last invoice"
    #: "the account stated in the enclosed letter": the destination is elsewhere
    lettered = [t for t in message.get("LETTER") if any(message.gap(t, n) <= 4 for n in nouns)]
    weak = [
        s
        for s in (
            # not "our new agent"
            [n for n in message.get("NEW") if message.near("PERSON", n, 2) is None],
            message.get("CAUSE") or message.get("STORY"),
            message.get("SHIFT") or message.get("EFFECTIVE") or message.get("NOW"),
            # not "the banks are closed for the holiday"
            [t for t in message.get("STOP") if not any(message.gap(t, b) <= 2 for b in bare)],
            _live(message, "CHANGE"),
            message.get("HOLDER"),
            [
                o
                for o in message.get("OLD")
                if not any(_overlap(o, a) for a in message.get("ASSURE"))
            ],
            message.get("ONLY"),
            message.get("LETTER"),
            message.get("DESIGNATED"),
        )
        if s
    ]
    # "to our Hong Kong account and not to the mainland one": the contrast alone decides
    weight = (
        3 * bool(assigned or redirected)
        + 2 * len(strong)
        + len(weak)
        + bool(owned)
        + has_identifier
    )
    weight += bool(contrasts)
    weight += bool(lettered)
    if weight < _BANK_THRESHOLD:
        return None
    strong = [assigned, *strong] if assigned else strong
    strong = [redirected, *strong] if redirected else strong
    anchor = (nouns or directive or assigned or message.get("THIRD") or [strong[0][0]])[0]
    reason = (strong or weak or [[anchor]])[0][0]
    return anchor, reason


def _contact_weight(message: _Clause) -> tuple[_Span, _Span] | None:
    """An address written in the message with a directive to use it, and cues that it is
    not the usual one: a webmail provider, "this address", "my signature", "not to the
    general mailbox", the old alias retired."""
    literals = message.emails + message.phones
    if not literals:
        return None
    near = []
    for literal in literals:
        # read only around the address: a signature's phone number costs little
        start, end = max(0, literal.start - 200), literal.end + 200
        for name in ("CONTDIR", "REPLY"):
            near += [
                (d, literal)
                for d in message.around(name, start, end)
                if message.gap(d, literal) <= 16
            ]
        # "to this address: x@y" directs by itself
        near += [
            (d, literal)
            for d in message.around("DEIXIS", start, literal.start)
            if message.gap(d, literal) <= 5
        ]
    if not near:
        return None
    nouns = message.get("CONTACT")
    #: "to confirm the new details by phone, call not the switchboard but my mobile
    #: +43 ...": the check itself is diverted to a number given right there
    diverted = any(
        any(0 <= literal.start - c.end and message.gap(c, literal) <= 6 for literal in literals)
        for c in _contrasts(message, nouns, [])
    )
    if message.get("WARN") and not diverted:
        return None
    if _kept(message, nouns) or any(message.assured(literal, 6) for literal in literals):
        return None  # "write to the purchasing address as usual"
    freemail = [e for e in message.emails if _FREEMAIL.search(message.text, e.start, e.end)]
    strong = [s for s in (_contrasts(message, nouns, literals),) if s]
    channels = nouns + literals

    def of_channel(spans: list[_Span]) -> list[_Span]:
        """Words said of a channel ("the landline no longer works"), not of the office
        ("our office is closed for the holiday")."""
        return [s for s in spans if any(message.gap(s, c) <= 4 for c in channels)]

    #: "sent directly to their trade desk at x@outlook.com" (not "contact him directly")
    direct = [
        d
        for d in message.get("DIRECT")
        if any(e.start > d.end and message.gap(d, e) <= 12 for e in message.emails)
    ]
    #: "to my assistant at sara.pa@gmail.com", "нашему юристу на почту x@protonmail.com",
    #: "directly to the e-mail of the FX manager: x@bank-trade.com"
    addressee = [
        p
        for p in message.get("PERSON")
        if any(
            p.end <= e.start and message.gap(p, e) <= 4
            for e in (message.emails if direct else freemail)
        )
    ]
    if not (freemail or (addressee and message.bare_banks)):
        # a colleague at the company address; a bank's own desk is not
        direct = []
        addressee = [p for p in addressee if any(p.end <= e.start for e in freemail)]
    weak = [
        s
        for s in (
            freemail,
            addressee,
            direct,
            message.get("DEIXIS"),
            # "old", not the "usual" of "as usual"
            of_channel(
                [
                    o
                    for o in message.get("OLD")
                    if not any(_overlap(o, a) for a in message.get("ASSURE"))
                ]
            ),
            of_channel(message.get("STOP")),
            message.get("SHIFT") or message.get("EFFECTIVE") or message.get("NOW"),
            message.get("CONTACT_CAUSE"),
            message.get("ONLY"),
            # not "the new forwarder's address"
            of_channel([n for n in message.get("NEW") if message.near("PERSON", n, 2) is None]),
            of_channel(_live(message, "CHANGE")),
        )
        if s
    ]
    weight = 2 * len(strong) + len(weak)
    if weight < _CONTACT_THRESHOLD:
        return None
    directive, literal = near[0]
    return directive, literal


def _quiet(clause: _Clause) -> bool:
    """A warning ("beware of fraud") or a hypothesis ("if you receive...") asks nothing."""
    return bool(clause.get("WARN") or clause.get("HYPO"))


def likely_latin_languages(text: str) -> list[str]:
    """The Latin-script languages ``text`` may be written in, likeliest first."""
    return _latin_languages(fold(text), text)


#: Letters only some Latin-script languages write: they rank a short text with few
#: function words ("Selam Li, konşimentonun taramasını ... atar mısın?").
_LETTERS = {
    "tr": re.compile(r"[şğıŞĞİ]"),
    "de": re.compile(r"[ßäÄ]"),
    "es": re.compile(r"[ñÑ¿¡]"),
    "pt": re.compile(r"[ãõÃÕ]"),
    "fr": re.compile(r"[èêœùÈÊŒ]"),
}


def _latin_languages(folded: str, text: str = "") -> list[str]:
    """The Latin-script languages the text may be written in, likeliest first.

    Lexicons share stems across languages ("change" is French and English), so only the
    languages whose function words make up a fair share of the text are read; a text
    with too few of them to tell (a one-liner) is read in all of them.
    """
    counts: dict[str, int] = dict.fromkeys(STOPWORDS, 0)
    for word in _WORD.findall(folded):
        for code in _STOPWORD_LANGUAGES.get(word, ()):
            counts[code] += 1
    best = max(counts.values())
    letters = {code: len(pattern.findall(text)) for code, pattern in _LETTERS.items()}
    ranked = sorted(counts, key=lambda code: (-counts[code], -letters.get(code, 0)))
    if best < 3:
        return ranked
    return [code for code in ranked if counts[code] * 2 >= best]


_STOPWORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _code, _words in STOPWORDS.items():
    for _word in fold(_words).split():
        _STOPWORD_LANGUAGES[_word] = (*_STOPWORD_LANGUAGES.get(_word, ()), _code)


def _request(code: str, language: str, spans: tuple[_Span, _Span]) -> ChangeRequest:
    start = min(s.start for s in spans)
    end = max(s.end for s in spans)
    return ChangeRequest(code, language, start, end)


# -- concepts per sentence, for the learned model ------------------------------------

#: An IBAN or a run of eight or more digits (spaces and dashes allowed between them).
_IDENTIFIER = re.compile(
    r"(?<![\w])(?:[a-z]{2}\d{2}(?:[ ]?[a-z0-9]){11,30}|\d(?:[ -]?\d){7,})(?![\w])"
)
_ANY_SENTENCE = re.compile(r"[^.!?\u3002\uff01\uff1f\n]+")


def concept_sentences(text: str) -> list[frozenset[str]]:
    """The lexicon's concepts in each sentence of ``text``, read in its likely languages.

    Besides the concept names, ``EMAIL`` (``FREEMAIL`` at a webmail provider) and ``PHONE``
    mark a written address or number, ``IDENTIFIER`` an IBAN or a long account number.
    :mod:`chengxin.guard.content_model` builds its language-neutral frames from these.
    """
    folded = fold(text)
    if _MARK.search(folded):
        folded = "".join(char for char in folded if not unicodedata.combining(char))
    codes = [code for code, script in _SCRIPT_OF.items() if script and script.search(text)]
    if "ja" in codes and "zh" in codes:
        codes.remove("zh")
    if not codes:
        codes = _latin_languages(folded, text)[:1]
    bounds = [(m.start(), m.end()) for m in _ANY_SENTENCE.finditer(folded)]
    if not bounds:
        return []
    starts = [start for start, _ in bounds]
    found: list[set[str]] = [set() for _ in bounds]

    def mark(name: str, position: int) -> None:
        index = bisect_right(starts, position) - 1
        if index >= 0:
            found[index].add(name)

    for code in codes:
        for name, pattern in _language(code).concepts.items():
            for match in pattern.finditer(folded):
                if match.end() > match.start():
                    mark(name, match.start())
    for match in _EMAIL.finditer(folded):
        mark("FREEMAIL" if _FREEMAIL.search(match.group(0)) else "EMAIL", match.start())
    for match in _IDENTIFIER.finditer(folded):
        mark("IDENTIFIER", match.start())
    for match in _PHONE.finditer(folded):
        mark("PHONE", match.start())
    return [frozenset(names) for names in found if names]
