"""Lookalike domains and addresses: is this sender imitating someone we know?

:class:`LookalikeIndex` holds the domains we know (buyers', suppliers', banks' and our
own, each with the company name, the relation and the "customer since" year) and the
addresses we know (with display names). It answers, for a sender's domain or address:

* is it one we know (the domain itself, one of its subdomains, or another name under
  the same registrable domain)? Then it is never reported as a lookalike;
* otherwise, which known domains does it imitate, and how:

  ============== ======================================================================
  kind           example (known: company.com; a short name: ikea.com)
  ============== ======================================================================
  homoglyph      c0mpany.com, cornpany.com, cоmpany.com (Cyrillic о), COMPANY with a
                 capital I for l, compañy.com, ƈoᴍpany.com, xn--... punycode; a name
                 written wholly in Cyrillic or Greek letters (ікеа.com, UTS #39
                 whole-script confusable); several plain-letter lookalikes at once
                 (c0rnparny.com: the loose key, b/d, n/r/m, i/l, u/v, k/lc merged)
  typo           compnay.com, companny.com, cmopany.com (small edit distance on the
                 name; on the name as typed too, so a slip next to m, w or d is one
                 edit); bosesch.com for bosch.com (a plural "es")
  short_typo     ikes.com, ieka.com, ik-ea.com, ikeax.com: one plausible slip of a
                 name of 3-5 letters, same public suffix only, confidence 48 (medium):
                 a guess, since another real company may have that name
  split          comp.any.com, b.osch.com, tes.co.com (the name across a dot; the host
                 left of the public suffix compared with the dots removed)
  other_suffix   company.co, company.com.cn, company.cn
  added_words    company-ltd.com, companygroup.com, securecompany.com, companycom.com,
                 account-electric.com for schneider-electric.com: the name (or a part
                 of a hyphenated one) with words impostors add or a suffix glued on
  subdomain      company.com.example.net, company.example.net
  embedded       a known name inside a longer word that is not such a word
                 (gamespot.com for game.co.za), reported with low confidence
  ============== ======================================================================

* for an address on a known domain (or a known free-mail domain) that we have not
  seen: which known address it imitates (j0hn.d0e@company.com vs john.doe@company.com);
* whether its display name is that of a known contact or mentions a known company.

Speed. Nothing scans the known domains. Comparisons use a *visual key* (see
:mod:`chengxin.guard.confusables`) so homoglyphs, case, accents and letter pairs are
one hash lookup; a second, *loose* key of each name merges plain letters that readers
confuse (b/d, n/r/m, i/l, u/v) and is one more lookup. Edit distance uses a
symmetric-deletion ("SymSpell") neighbourhood: every known name's key is stored with
all its variants that lack one character (names of 10 to 16 characters: up to two),
and where the name as typed differs from its key (it has an m, w or d) the name as
typed with its one-deletion variants too, hashed into sorted ``array('q')`` buckets of
``hash << 24 | id`` values (8 bytes per variant); a query looks up the same deletions of
its own key and label with ``bisect`` and confirms candidates with the
optimal-string-alignment distance from rapidfuzz (a swap of two letters counts as one
edit), the smaller of the key and label distances. Short names (3-5 letters) are in
the same index with one edit; their matches must be one plausible slip (neighbouring
key, vowel for vowel, flipped bit, lookalike letter, doubled, dropped or swapped
letter, hyphen, letter added at the end, plural s) under the same public suffix. Known
names inside a longer name are found by looking up the substrings of the sender's
labels; next to words that impostors add (:data:`_ADDED_WORDS`: legal forms, payment,
login, trade and place words) such a name is a strong match, next to other words only
a long one is, and a name that begins or ends several other known names ("golden",
"global") is treated as a common word and only gives a weak match.
Known addresses are grouped by domain: small groups are compared with rapidfuzz's
C-level ``process.extract``, large ones (free-mail providers) are searched by
looking up the single edits of the query in a key map.

Memory and time are printed by ``bench/guard_lookalike.py``. The index holds
millions of long-lived objects; a worker should call ``gc.freeze()`` after building
it so the cyclic garbage collector does not walk them on every full collection.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from chengxin.guard.confusables import ConfusablesTable, decorated_base
from chengxin.guard.domains import DomainName, parse_domain

__all__ = [
    "RELATIONS",
    "AddressCheck",
    "AddressMatch",
    "DomainCheck",
    "KnownAddress",
    "KnownDomain",
    "LookalikeIndex",
    "LookalikeMatch",
    "visual_differences",
]

#: How a known domain relates to us. "own" is our own company's domain.
RELATIONS = ("customer", "own", "supplier", "bank", "partner", "other")

_ID_BITS = 24
_ID_MASK = (1 << _ID_BITS) - 1
_HASH_MASK = (1 << (63 - _ID_BITS)) - 1
_BUCKETS = 1024
_BUCKET_MASK = _BUCKETS - 1

_ROLE_WORDS = frozenset(
    """info sales admin administrator support service services team office accounts
    account accounting accountant finance billing invoice invoices purchasing purchase
    procurement export import marketing hr contact contacts customer customers noreply
    no reply mail email e dept department manager director ceo cfo the and of de la""".split()
)
_LEGAL_FORMS = frozenset(
    """ltd limited co company inc incorporated llc gmbh mbh ag kg ug sa sas sarl srl spa
    bv nv plc corp corporation pte pty sl slu oy ab as kk jsc ooo oao llp lp group
    holding holdings international intl ltda eirl sac cia""".split()
)
#: Words that impostors add to a company's name when they register a lookalike
#: ("acme-payments.com", "secureacme.com", "acmegroup-asia.com"): legal forms, trade,
#: money, mail and login, shop and support words, places and region codes. A known name
#: next to such words is an imitation; next to other words it is more often another
#: company whose name contains it ("gamespot" is not "game"). Two-letter legal forms
#: and codes that are also common letter pairs ("ab", "sl", "th") are left out.
_ADDED_WORDS = frozenset(
    """ltd limited co company inc incorporated llc gmbh corp corporation plc pte pty group
    holding holdings international intl ltda account accounts accounting bank
    banking billing bill bills pay payment payments paid invoice invoices finance
    financial fund funds money transfer transfers wire remit remittance treasury
    cash credit deposit refund refunds receipt receipts statement secure security
    safe verify verified verification auth authentication login logon signin sign
    password reset access sso vpn mail email emails webmail inbox mailbox smtp web
    www online portal app support help helpdesk desk care info contact contacts team
    staff hr admin office update updates notice alert alerts my official global
    trade trades trading export exports import imports sourcing supply supplies
    supplier suppliers logistics shipping cargo freight order orders buyer purchase
    procurement sales sale shop shops store stores service services solution
    solutions partner partners business commerce commercial enterprise enterprises
    industrial industries industry factory manufacturing dept department customer
    customers client clients details detail api apis buy card cards asia europe euro
    eu america americas usa us uk china cn hk hongkong sg japan jp kr korea de
    germany france italy spain nl india brasil brazil au africa za ae dubai turkey
    vietnam vn arabia north south east west
    """.split()
)
_CJK_LEGAL_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "株式会社")
_WORD_RE = re.compile(r"\w+")
_AMBIGUOUS_ASCII = frozenset("Il1|0Oo")

#: Confidence of a one-letter difference from a short known name (a guess: medium level).
SHORT_GUESS_CONFIDENCE = 48
#: Neighbouring keys on QWERTY, QWERTZ and AZERTY keyboards (rows of letters and digits).
_KEYBOARD_ROWS = (
    ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"),
    ("1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm"),
    ("1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"),
)
_VOWELS = frozenset("aeiouy")
#: Plain letters that readers confuse although UTS #39 keeps them apart (b/d, c/e,
#: g/q, n/r, u/v, i/l, 3/8, 6/9): the *loose key* maps each group to one letter, on top
#: of the visual key (where m is already "rn", d "cl" and w "vv").
_LOOSE_LETTERS = str.maketrans(
    {"i": "l", "e": "c", "q": "g", "v": "u", "r": "n", "8": "3", "9": "6"}
)
#: An l before b or h or after b ("lb" for b, "dl" for d, "lh" for h), and runs of
#: n, u or l ("nn" for m, "vv" for w, "ll" for l); k is read as "lc" like d as "cl".
_LOOSE_EXTRA_L = re.compile(r"l(?=[bh])|(?<=b)l")
_LOOSE_RUNS = re.compile(r"([nul])\1+")
# How much shorter a reading may get when its unusual letters are read as plain ones.
_UNUSUAL_SLACK = 8
# Two unusual letters are tried together only in a name of at most this many letters
# (676 readings each: a long label of odd letters is noise, not a brand).
_TWO_UNUSUAL_MAX_LENGTH = 20


@dataclass(frozen=True, slots=True)
class KnownDomain:
    """A domain we know. ``relation`` is one of :data:`RELATIONS`."""

    domain: str
    company: str = ""
    customer_since: int | None = None
    relation: str = "customer"


@dataclass(frozen=True, slots=True)
class KnownAddress:
    """An address we know, with the contact's display name and company (if known)."""

    address: str
    display_name: str = ""
    company: str = ""


@dataclass(frozen=True, slots=True)
class LookalikeMatch:
    """One known domain that the checked domain imitates.

    ``confidence`` runs from 0 to 100; ``differences`` are (fake, real) pairs of the
    characters that differ; ``extra`` holds the added words (``added_words``) or the
    unrelated registrable domain (``subdomain``).
    """

    kind: str
    known: KnownDomain
    confidence: int
    differences: tuple[tuple[str, str], ...] = ()
    distance: int = 0
    extra: str = ""
    matched_name: str = ""


@dataclass(frozen=True, slots=True)
class DomainCheck:
    domain: DomainName | None
    known: KnownDomain | None = None
    matches: tuple[LookalikeMatch, ...] = ()

    @property
    def is_known(self) -> bool:
        return self.known is not None

    @property
    def best(self) -> LookalikeMatch | None:
        return self.matches[0] if self.matches else None


@dataclass(frozen=True, slots=True)
class AddressMatch:
    """A known address that the checked address imitates (same or lookalike domain)."""

    kind: str
    known: KnownAddress
    confidence: int
    differences: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class AddressCheck:
    address: str
    domain: DomainCheck
    known_address: KnownAddress | None = None
    local_part_matches: tuple[AddressMatch, ...] = ()
    imitated_address: KnownAddress | None = None
    display_name_matches: tuple[KnownAddress, ...] = ()
    company_name_matches: tuple[KnownDomain, ...] = ()

    @property
    def is_known(self) -> bool:
        return self.known_address is not None


@dataclass(slots=True)
class _LocalGroup:
    """The known local parts of one domain. Large groups (free-mail providers) also get
    a key -> positions map, searched with the single edits of the query."""

    keys: list[str] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    positions: dict[str, int | tuple[int, ...]] | None = None
    alphabet: str = ""


def _deletion_variants(key: str, depth: int) -> set[str]:
    """The key and every string made by deleting up to ``depth`` (0-2) of its characters."""
    size = len(key)
    variants = {key}
    if depth >= 1 and size > 1:
        variants.update([key[:i] + key[i + 1 :] for i in range(size)])
        if depth >= 2 and size > 2:
            variants.update(
                [
                    key[:i] + key[i + 1 : j] + key[j + 1 :]
                    for i in range(size)
                    for j in range(i + 1, size)
                ]
            )
    return variants


class _DeletionIndex:
    """Hash multimap from deletion variants to ids.

    Each entry is one 64-bit integer ``hash << 24 | id`` in a sorted ``array('q')``;
    entries are spread over 1024 buckets by hash so that building never holds more than
    one bucket as Python integers and lookups bisect a small array.
    """

    __slots__ = ("_buckets", "_size")

    def __init__(self, entries: Iterable[tuple[int, str, int]]) -> None:
        buckets = [array("q") for _ in range(_BUCKETS)]
        for ident, key, depth in entries:
            for variant in _deletion_variants(key, depth):
                hashed = hash(variant) & _HASH_MASK
                buckets[hashed & _BUCKET_MASK].append((hashed << _ID_BITS) | ident)
        self._buckets = [array("q", sorted(bucket)) for bucket in buckets]
        self._size = sum(len(bucket) for bucket in self._buckets)

    def __len__(self) -> int:
        return self._size

    @property
    def nbytes(self) -> int:
        return sum(bucket.itemsize * len(bucket) for bucket in self._buckets)

    def lookup(self, key: str, depth: int) -> set[int]:
        found: set[int] = set()
        for variant in _deletion_variants(key, depth):
            hashed = hash(variant) & _HASH_MASK
            bucket = self._buckets[hashed & _BUCKET_MASK]
            position = bisect_left(bucket, hashed << _ID_BITS)
            size = len(bucket)
            while position < size:
                value = bucket[position]
                if value >> _ID_BITS != hashed:
                    break
                found.add(value & _ID_MASK)
                position += 1
        return found


def _single_edits(key: str, alphabet: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    splits = [(key[:i], key[i:]) for i in range(len(key) + 1)]
    edits = {left + right[1:] for left, right in splits if right}
    edits.update(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
    edits.update(left + c + right[1:] for left, right in splits if right for c in alphabet)
    edits.update(left + c + right for left, right in splits for c in alphabet)
    return edits


class LookalikeIndex:
    """Known domains and addresses, prepared for fast lookalike checks."""

    def __init__(
        self,
        domains: Iterable[KnownDomain] = (),
        addresses: Iterable[KnownAddress] = (),
        *,
        confusables: ConfusablesTable | None = None,
        typo_min_length: int = 6,
        short_min_length: int = 3,
        two_typos_min_length: int = 10,
        two_typos_max_length: int = 16,
        local_typo_min_length: int = 5,
        scan_limit: int = 256,
        max_matches: int = 5,
        generic_threshold: int = 3,
    ) -> None:
        self.confusables = confusables or ConfusablesTable.default()
        self.typo_min_length = typo_min_length
        self.short_min_length = short_min_length
        self.two_typos_min_length = two_typos_min_length
        self.two_typos_max_length = two_typos_max_length
        self.local_typo_min_length = local_typo_min_length
        self.scan_limit = scan_limit
        self.max_matches = max_matches
        self.generic_threshold = generic_threshold
        self._added_word_keys = frozenset(self.confusables.visual_key(w) for w in _ADDED_WORDS)
        self._build_domains(domains)
        self._build_addresses(addresses)

    # -- building -------------------------------------------------------------------

    def _build_domains(self, domains: Iterable[KnownDomain]) -> None:
        key_of = self.confusables.visual_key
        self._domains: list[KnownDomain] = []
        self._ascii_ids: dict[str, int] = {}
        self._registrable_ids: dict[str, int] = {}
        self._label_ids: dict[str, int | tuple[int, ...]] = {}
        self._labels: list[str] = []
        self._label_keys: list[str] = []
        self._suffixes: list[str] = []
        self._company_ids: dict[str, int | tuple[int, ...]] = {}
        self._loose_ids: dict[str, int | tuple[int, ...]] = {}
        self._part_ids: dict[str, int | tuple[int, ...]] = {}
        self._suffix_words: set[str] = set()
        for record in domains:
            parsed = parse_domain(record.domain)
            if parsed is None or parsed.registrable_index is None:
                continue
            if parsed.ascii in self._ascii_ids:
                continue
            ident = len(self._domains)
            self._domains.append(record)
            self._ascii_ids[parsed.ascii] = ident
            self._registrable_ids.setdefault(parsed.registrable, ident)
            label = _raw_label(parsed.registrable_label)
            key = key_of(label)
            self._labels.append(label)
            self._label_keys.append(key)
            self._suffixes.append(parsed.suffix)
            _multimap_add(self._label_ids, key, ident)
            if len(label) >= self.short_min_length:
                for loose in _loose_keys(key):
                    _multimap_add(self._loose_ids, loose, ident)
            if "-" in label:
                for part in label.split("-"):
                    if len(part) >= self.short_min_length:
                        _multimap_add(self._part_ids, key_of(part), ident)
            suffix_labels = parsed.suffix.split(".")
            self._suffix_words.update(suffix_labels)
            self._suffix_words.add("".join(suffix_labels))
            company_key = self._company_key(record.company)
            if company_key:
                _multimap_add(self._company_ids, company_key, ident)
        _multimap_freeze(self._label_ids)
        _multimap_freeze(self._company_ids)
        _multimap_freeze(self._loose_ids)
        # the longest loose key: a label whose readings are all longer matches none
        self._longest_loose = max(map(len, self._loose_ids), default=0)
        _multimap_freeze(self._part_ids)
        self._key_lengths = tuple(sorted({len(key) for key in self._label_ids if len(key) >= 2}))
        self._generic = self._generic_names()
        self._domain_deletions = _DeletionIndex(self._deletion_entries())

    def _deletion_entries(self) -> Iterator[tuple[int, str, int]]:
        """Each known name's key with its edit depth; where the name as typed differs
        from its key (it has an m, w or d, which the key spells rn, vv, cl), also the
        name as typed, with one edit, so a typo next to such a letter is one edit."""
        for ident, key in enumerate(self._label_keys):
            depth = self._depth(len(key))
            if depth:
                yield ident, key, depth
            label = self._labels[ident]
            if label != key and self._depth(len(label)):
                yield ident, label, 1

    def _generic_names(self) -> list[bool]:
        """Known names that begin or end at least ``generic_threshold`` other known names.

        "golden" in golden-star.com, goldenway.de and dragon-golden.cn is a common word,
        not a telltale of one company, so finding it inside an unknown domain only gives a
        weak match.
        """
        counts = [0] * len(self._domains)
        label_ids = self._label_ids
        for key in label_ids:
            size = len(key)
            found: set[str] = set()
            for length in range(2, size):
                for part in (key[:length], key[size - length :]):
                    if part not in found and part in label_ids:
                        found.add(part)
            for part in found:
                for ident in _multimap_get(label_ids, part):
                    counts[ident] += 1
        return [count >= self.generic_threshold for count in counts]

    def _build_addresses(self, addresses: Iterable[KnownAddress]) -> None:
        key_of = self.confusables.visual_key
        self._address_ids: dict[str, int] = {}
        self._addresses: list[str] = []
        self._display_names: list[str] = []
        self._address_companies: list[str] = []
        self._name_ids: dict[str, int | tuple[int, ...]] = {}
        groups: dict[str, _LocalGroup] = {}
        ascii_of: dict[str, str] = {}
        for record in addresses:
            local, at, domain = record.address.strip().rpartition("@")
            if not at or not local or not domain:
                continue
            domain_ascii = ascii_of.get(domain)
            if domain_ascii is None:
                parsed = parse_domain(domain)
                domain_ascii = ascii_of[domain] = parsed.ascii if parsed is not None else ""
            if not domain_ascii:
                continue
            normalised = f"{local.lower()}@{domain_ascii}"
            if normalised in self._address_ids:
                # Another name for a known address (a person's Chinese and Latin names).
                known = self._address_ids[normalised]
                name_key = self._name_key(record.display_name)
                current = self._name_ids.get(name_key) if name_key else None
                if name_key and known not in (current if isinstance(current, list) else [current]):
                    _multimap_add(self._name_ids, name_key, known)
                continue
            ident = len(self._addresses)
            self._address_ids[normalised] = ident
            self._addresses.append(normalised)
            self._display_names.append(record.display_name)
            self._address_companies.append(record.company)
            group = groups.get(domain_ascii)
            if group is None:
                group = groups[domain_ascii] = _LocalGroup()
            group.keys.append(key_of(local))
            group.ids.append(ident)
            name_key = self._name_key(record.display_name)
            if name_key:
                _multimap_add(self._name_ids, name_key, ident)
        _multimap_freeze(self._name_ids)
        for group in groups.values():
            if len(group.keys) > self.scan_limit:
                group.positions = {}
                for position, key in enumerate(group.keys):
                    _multimap_add(group.positions, key, position)
                _multimap_freeze(group.positions)
                group.alphabet = "".join(sorted({c for key in group.keys for c in key}))
        self._local_groups = groups

    def __reduce__(
        self,
    ) -> tuple[Callable[..., LookalikeIndex], tuple[object, ...]]:
        return (
            _rebuild_index,
            (
                tuple(self._domains),
                tuple(self.known_addresses()),
                self.confusables,
                (
                    self.typo_min_length,
                    self.short_min_length,
                    self.two_typos_min_length,
                    self.two_typos_max_length,
                    self.local_typo_min_length,
                    self.scan_limit,
                    self.max_matches,
                    self.generic_threshold,
                ),
            ),
        )

    # -- introspection --------------------------------------------------------------

    @property
    def domain_count(self) -> int:
        return len(self._domains)

    @property
    def address_count(self) -> int:
        return len(self._addresses)

    def known_domains(self) -> Iterator[KnownDomain]:
        return iter(self._domains)

    def known_addresses(self) -> Iterator[KnownAddress]:
        for ident in range(len(self._addresses)):
            yield self._address_record(ident)

    def stats(self) -> dict[str, int]:
        """Sizes of the main structures (entries and bytes of the packed arrays)."""
        big_groups = [g for g in self._local_groups.values() if g.positions is not None]
        return {
            "domains": len(self._domains),
            "addresses": len(self._addresses),
            "domain_deletion_entries": len(self._domain_deletions),
            "domain_deletion_bytes": self._domain_deletions.nbytes,
            "generic_names": sum(self._generic),
            "address_groups": len(self._local_groups),
            "large_address_groups": len(big_groups),
            "addresses_in_large_groups": sum(len(g.keys) for g in big_groups),
        }

    # -- checks ---------------------------------------------------------------------

    def known_domain(self, domain: str | DomainName) -> KnownDomain | None:
        """The known domain that ``domain`` is, is under, or shares its owner with."""
        parsed = parse_domain(domain) if isinstance(domain, str) else domain
        return self._known_for(parsed) if parsed is not None else None

    def known_address(self, address: str) -> KnownAddress | None:
        ident = self._address_ident(address)
        return self._address_record(ident) if ident is not None else None

    def check_domain(self, domain: str | DomainName) -> DomainCheck:
        parsed = parse_domain(domain) if isinstance(domain, str) else domain
        if parsed is None:
            return DomainCheck(domain=None)
        known = self._known_for(parsed)
        if known is not None:
            return DomainCheck(domain=parsed, known=known)
        return DomainCheck(domain=parsed, matches=self._lookalikes(parsed))

    def check_address(self, address: str, display_name: str = "") -> AddressCheck:
        local, at, domain_text = address.strip().rpartition("@")
        parsed = parse_domain(domain_text) if at else None
        domain_check = self.check_domain(parsed) if parsed is not None else DomainCheck(None)
        if parsed is None or not local:
            return AddressCheck(
                address=address.strip().lower(),
                domain=domain_check,
                display_name_matches=self._display_name_matches(display_name, ""),
            )
        normalised = f"{local.lower()}@{parsed.ascii}"
        ident = self._address_ids.get(normalised)
        known_address = self._address_record(ident) if ident is not None else None
        local_matches: tuple[AddressMatch, ...] = ()
        imitated: KnownAddress | None = None
        if known_address is None:
            local_matches = self._local_lookalikes(local, parsed.ascii)
            best = domain_check.best
            if best is not None and best.confidence >= 50:
                imitated = self._same_local_at(local, best.known.domain)
        return AddressCheck(
            address=normalised,
            domain=domain_check,
            known_address=known_address,
            local_part_matches=local_matches,
            imitated_address=imitated,
            display_name_matches=self._display_name_matches(display_name, normalised),
            company_name_matches=self._company_matches(display_name, parsed, domain_check),
        )

    # -- domain internals -----------------------------------------------------------

    def _depth(self, length: int) -> int:
        """Edits tolerated in a name of this length (both names of a pair must allow them).

        Very long names get one edit only: their deletion neighbourhood would grow with
        the square of the length, and long names are multi-word names that the
        added-words check covers anyway. Short names (``short_min_length`` to
        ``typo_min_length`` - 1 letters) get one edit, under the stricter rules of
        :meth:`_typo_matches`."""
        if self.two_typos_min_length <= length <= self.two_typos_max_length:
            return 2
        if length >= self.short_min_length:
            return 1
        return 0

    def _known_for(self, parsed: DomainName) -> KnownDomain | None:
        labels = parsed.ascii_labels
        index = parsed.registrable_index
        last = index if index is not None else 0
        for start in range(last + 1):
            ident = self._ascii_ids.get(".".join(labels[start:]))
            if ident is not None:
                return self._domains[ident]
        if parsed.registrable:
            ident = self._registrable_ids.get(parsed.registrable)
            if ident is not None:
                return self._domains[ident]
        return None

    def _lookalikes(self, parsed: DomainName) -> tuple[LookalikeMatch, ...]:
        index = parsed.registrable_index
        if index is None:
            return ()
        best: dict[int, LookalikeMatch] = {}

        def offer(ident: int, match: LookalikeMatch) -> None:
            current = best.get(ident)
            if current is None or match.confidence > current.confidence:
                best[ident] = match

        label = parsed.labels[index]
        key = self.confusables.visual_key(label)
        suffix = parsed.suffix
        for ident in _multimap_get(self._label_ids, key):
            known_label = self._labels[ident]
            if label.lower() == known_label:
                offer(ident, LookalikeMatch("other_suffix", self._domains[ident], 85))
            else:
                same_suffix = suffix == self._suffixes[ident]
                offer(
                    ident,
                    LookalikeMatch(
                        "homoglyph",
                        self._domains[ident],
                        100 if same_suffix else 90,
                        differences=visual_differences(label, known_label),
                    ),
                )
        self._loose_matches(label, key, suffix, offer)
        self._typo_matches(label, key, suffix, offer)
        self._suffix_glued_matches(label, offer)
        self._plural_matches(label, suffix, offer)
        self._part_matches(label, offer)
        self._split_matches(parsed, suffix, offer)
        registrable = parsed.registrable_unicode
        ascii_subdomain = parsed.ascii_labels[:index]
        for start in range(len(ascii_subdomain)):
            for end in range(start + 1, len(ascii_subdomain) + 1):
                found = self._ascii_ids.get(".".join(ascii_subdomain[start:end]))
                if found is not None:
                    offer(
                        found,
                        LookalikeMatch(
                            "subdomain",
                            self._domains[found],
                            90,
                            extra=registrable,
                            matched_name=".".join(parsed.labels[start:end]).lower(),
                        ),
                    )
        for position in range(index + 1):
            self._embedded_matches(parsed.labels[position], position < index, registrable, offer)
        for label_in_suffix in parsed.private_suffix_labels:
            self._embedded_matches(label_in_suffix, False, registrable, offer)
        ranked = sorted(best.values(), key=lambda m: (-m.confidence, m.known.domain))
        return tuple(ranked[: self.max_matches])

    def _is_short(self, first: str, second: str) -> bool:
        return min(len(first), len(second)) < self.typo_min_length

    def _loose_matches(
        self, label: str, key: str, suffix: str, offer: Callable[[int, LookalikeMatch], None]
    ) -> None:
        """Names equal once letters that readers confuse are merged (b/d, n/r/m, u/v/w,
        i/l ...): several plain-letter lookalikes at once, as in "1dn" for "ibm"."""
        raw = _raw_label(label)
        found: set[int] = set()
        for loose in _loose_keys(key):
            found.update(_multimap_get(self._loose_ids, loose))
        if (
            not found
            and not _multimap_get(self._label_ids, key)
            # an unusual letter read as a plain one shortens a reading by a few letters at
            # most: a label much longer than every known name is not tried letter by letter
            and min(map(len, _loose_keys(key))) <= self._longest_loose + _UNUSUAL_SLACK
        ):
            for variant in self._unusual_letter_variants(raw):
                for loose in _loose_keys(variant):
                    found.update(_multimap_get(self._loose_ids, loose))
        for ident in found:
            known_label = self._labels[ident]
            if known_label == raw or self._label_keys[ident] == key:
                continue
            short = self._is_short(raw, known_label)
            if short and (abs(len(known_label) - len(raw)) > 2 or len(raw) < self.short_min_length):
                continue
            if OSA.distance(raw, known_label, score_cutoff=1) <= 1 and (
                not short or _plausible_typo(raw, known_label)
            ):
                continue  # one slip: reported as a typo
            same_suffix = suffix == self._suffixes[ident]
            if short:
                # the loose key of a short name is short too: ask for a close spelling
                known_key = self._label_keys[ident]
                if not same_suffix or OSA.distance(key, known_key, score_cutoff=4) > 4:
                    continue
                kind, confidence = "short_typo", SHORT_GUESS_CONFIDENCE
            else:
                kind, confidence = "homoglyph", 85 if same_suffix else 75
                if not same_suffix and len(known_label) < 8:
                    confidence = 35
            offer(
                ident,
                LookalikeMatch(
                    kind,
                    self._domains[ident],
                    confidence,
                    differences=visual_differences(label, known_label),
                ),
            )

    def _unusual_letter_variants(self, raw: str) -> Iterator[str]:
        """Keys of ``raw`` with its unusual letters read as any ASCII letter.

        A letter such as "ƿ" (wynn) or "ŋ" (eng) has no Latin prototype in UTS #39, or
        one that is not the letter it imitates ("ᶌ", a v with a hook, is listed with y),
        yet in a domain that otherwise reads as a known name it stands for a letter. One
        or two such letters are tried (two only when the name has no other match)."""
        char_key = self.confusables.char_key
        unusual = sorted({char for char in raw if self._is_unusual_letter(char)})
        if not unusual or len(unusual) > 2:
            return
        letters = "abcdefghijklmnopqrstuvwxyz"
        for char in unusual:
            parts = [char_key(c) if c != char else "" for c in raw]
            for letter in letters:
                yield "".join(part or letter for part in parts)
        if len(unusual) == 2 and len(raw) <= _TWO_UNUSUAL_MAX_LENGTH:
            first, second = unusual
            for one in letters:
                parts = [one if c == first else "" if c == second else char_key(c) for c in raw]
                for other in letters:
                    yield "".join(part or other for part in parts)

    def _is_unusual_letter(self, char: str) -> bool:
        if char.isascii() or not char.isalpha():
            return False
        key = self.confusables.char_key(char)
        if not key.isascii():
            return True
        base = decorated_base(char)
        return bool(base) and self.confusables.char_key(base) != key

    def _query_depth(self, length: int) -> int:
        return self._depth(length) or self._depth(length + 1)

    def _allowed_edits(self, first: int, second: int) -> int:
        allowed = min(self._depth(first), self._depth(second))
        if not allowed and min(first, second) + 1 >= self.short_min_length:
            # a short name with a letter left out
            allowed = 1 if max(first, second) >= self.short_min_length else 0
        return allowed

    def _typo_distance(self, raw: str, key: str, ident: int) -> int:
        """Edits between two names: the smaller of the distance between the visual keys
        and that between the names as typed (a typo next to an m is one edit, not two);
        0 when neither is within the edits allowed for the lengths."""
        distances = []
        known_key = self._label_keys[ident]
        allowed = self._allowed_edits(len(key), len(known_key))
        if allowed:
            distances.append(OSA.distance(key, known_key, score_cutoff=allowed))
            distances[-1] = distances[-1] if distances[-1] <= allowed else 0
        known_raw = self._labels[ident]
        if raw != key or known_raw != known_key:
            allowed = self._allowed_edits(len(raw), len(known_raw))
            if allowed:
                distance = OSA.distance(raw, known_raw, score_cutoff=allowed)
                distances.append(distance if distance <= allowed else 0)
        found = [distance for distance in distances if distance]
        return min(found) if found else 0

    def _typo_matches(
        self,
        label: str,
        key: str,
        suffix: str,
        offer: Callable[[int, LookalikeMatch], None],
        *,
        split: bool = False,
    ) -> None:
        """Known names within a small edit distance. A short known name (fewer than
        ``typo_min_length`` letters) only matches a domain under the same public suffix,
        by one plausible slip (:func:`_plausible_typo`), and as a guess: another real
        company may well have a name one letter from it."""
        raw = _raw_label(label)
        deletions = self._domain_deletions
        candidates = deletions.lookup(key, self._query_depth(len(key)))
        if raw != key:
            candidates |= deletions.lookup(raw, min(1, self._query_depth(len(raw))))
        for ident in candidates:
            distance = self._typo_distance(raw, key, ident)
            if not distance:
                continue
            known_label = self._labels[ident]
            same_suffix = suffix == self._suffixes[ident]
            if self._is_short(raw, known_label):
                if not same_suffix or not _plausible_typo(raw, known_label):
                    continue
                kind, confidence = "short_typo", SHORT_GUESS_CONFIDENCE
            else:
                kind, confidence = "typo", 80 if distance == 1 else 65
                if not same_suffix:
                    # the typo fuzzers of lookalike registrations keep the suffix; a
                    # name one letter off under another suffix is often another company
                    confidence = confidence - 5 if len(known_label) >= 8 else 35
            if split and kind == "typo":
                kind = "split"
            offer(
                ident,
                LookalikeMatch(
                    kind,
                    self._domains[ident],
                    confidence,
                    differences=visual_differences(raw, known_label),
                    distance=distance,
                    matched_name=raw if split else "",
                ),
            )

    def _split_matches(
        self, parsed: DomainName, suffix: str, offer: Callable[[int, LookalikeMatch], None]
    ) -> None:
        """A known name written across a dot, "b.rand.com" for "brand.com": the host left
        of the public suffix with the dots removed, compared exactly and with typos."""
        labels = parsed.labels
        # where the name ends: at the public suffix, and also further right when a
        # suffix ("co.com", "us.com", "ro.it") takes a part of the name
        first_end = (parsed.registrable_index or 0) + 1
        ends = {first_end, len(labels) - parsed.icann_suffix_labels}
        ends.update(range(first_end, len(labels)))  # "unieu.ro.it": ro.it is a suffix too
        for end in sorted(ends):
            end_suffix = ".".join(labels[end:]).lower()
            for start in range(end - 1):
                self._split_match(labels[start:end], end_suffix, offer)

    def _split_match(
        self, parts: Sequence[str], suffix: str, offer: Callable[[int, LookalikeMatch], None]
    ) -> None:
        joined = "".join(parts)
        if len(joined) >= self.short_min_length:
            key = self.confusables.visual_key(joined)
            for ident in _multimap_get(self._label_ids, key):
                same_suffix = suffix == self._suffixes[ident]
                offer(
                    ident,
                    LookalikeMatch(
                        "split",
                        self._domains[ident],
                        90 if same_suffix else 80,
                        differences=visual_differences(_raw_label(joined), self._labels[ident]),
                        matched_name=_raw_label(joined),
                    ),
                )
            self._typo_matches(joined, key, suffix, offer, split=True)

    def _part_matches(self, label: str, offer: Callable[[int, LookalikeMatch], None]) -> None:
        """One part of a hyphenated known name with the other parts replaced by words
        impostors add: "account-gobain.com" or "asia-lloyd.com" for "saint-gobain.com"
        and "hapag-lloyd.com"."""
        if "-" not in label or not self._part_ids:
            return
        raw = _raw_label(label)
        tokens = [token for token in raw.split("-") if token]
        key_of = self.confusables.visual_key
        for position, token in enumerate(tokens):
            token_key = key_of(token)
            ids = _multimap_get(self._part_ids, token_key)
            if not ids or len(ids) > 1 or token_key in self._label_ids:
                continue  # a word that several names share, or a name of its own
            others = " ".join(tokens[:position] + tokens[position + 1 :])
            if not _is_added_words(others, self._added_word_keys, self.confusables):
                continue
            for ident in ids:
                offer(
                    ident,
                    LookalikeMatch(
                        "added_words",
                        self._domains[ident],
                        50,
                        extra=others,
                        matched_name=token,
                    ),
                )

    def _plural_matches(
        self, label: str, suffix: str, offer: Callable[[int, LookalikeMatch], None]
    ) -> None:
        """A plural "es" after an s, x or z inside the name ("bosesch" for "bosch"): two
        letters, but one slip."""
        raw = _raw_label(label)
        start = raw.find("es", 1)
        while start > 0:
            if raw[start - 1] in "sxz":
                name = raw[:start] + raw[start + 2 :]
                for ident in _multimap_get(self._label_ids, self.confusables.visual_key(name)):
                    same_suffix = suffix == self._suffixes[ident]
                    if self._is_short(name, self._labels[ident]):
                        if not same_suffix:
                            continue
                        kind, confidence = "short_typo", SHORT_GUESS_CONFIDENCE
                    else:
                        kind, confidence = "typo", 70 if same_suffix else 35
                    offer(
                        ident,
                        LookalikeMatch(
                            kind,
                            self._domains[ident],
                            confidence,
                            differences=(("es", ""),),
                            distance=2,
                        ),
                    )
            start = raw.find("es", start + 1)

    def _suffix_glued_matches(
        self, label: str, offer: Callable[[int, LookalikeMatch], None]
    ) -> None:
        """A known name with a public suffix glued on: "acmecom.com", "acmecouk.com",
        "acme-com.net"."""
        raw = _raw_label(label)
        for size in range(2, 7):
            rest = raw[:-size].rstrip("-")
            if len(rest) < self.short_min_length:
                break
            tail = raw[-size:]
            if tail not in self._suffix_words:
                continue
            for ident in _multimap_get(self._label_ids, self.confusables.visual_key(rest)):
                offer(
                    ident,
                    LookalikeMatch(
                        "added_words",
                        self._domains[ident],
                        70,
                        extra=tail,
                        matched_name=self._labels[ident],
                    ),
                )

    def _embedded_matches(
        self,
        raw_label: str,
        in_subdomain: bool,
        registrable: str,
        offer: Callable[[int, LookalikeMatch], None],
    ) -> None:
        key, offsets = self.confusables.visual_key_with_offsets(raw_label)
        size = len(key)
        starts, ends = _token_boundaries(raw_label, offsets)
        label_ids = self._label_ids
        for length in self._key_lengths:
            if length > size:
                break
            if length == size and not in_subdomain:
                continue
            for begin in range(size - length + 1):
                ids = label_ids.get(key[begin : begin + length])
                if ids is None:
                    continue
                finish = begin + length
                extra = _extra_words(raw_label, offsets, begin, finish)
                added = _is_added_words(extra, self._added_word_keys, self.confusables)
                for ident in ids if isinstance(ids, tuple) else (ids,):
                    confidence = _embedded_confidence(
                        len(self._labels[ident]),
                        at_start=begin in starts,
                        at_end=finish in ends,
                        whole_label=begin == 0 and finish == size,
                        in_subdomain=in_subdomain,
                        added_words=added,
                    )
                    if not confidence:
                        continue
                    score = min(confidence, 15) if self._generic[ident] else confidence
                    if score < 30:
                        kind = "embedded"
                    elif in_subdomain:
                        kind = "subdomain"
                    else:
                        kind = "added_words"
                    offer(
                        ident,
                        LookalikeMatch(
                            kind,
                            self._domains[ident],
                            score,
                            extra=registrable if kind == "subdomain" else extra,
                            matched_name=self._labels[ident],
                        ),
                    )

    # -- address internals ----------------------------------------------------------

    def _address_ident(self, address: str) -> int | None:
        local, at, domain_text = address.strip().rpartition("@")
        parsed = parse_domain(domain_text) if at else None
        if parsed is None:
            return None
        return self._address_ids.get(f"{local.lower()}@{parsed.ascii}")

    def _address_record(self, ident: int) -> KnownAddress:
        return KnownAddress(
            address=self._addresses[ident],
            display_name=self._display_names[ident],
            company=self._address_companies[ident],
        )

    def _local_lookalikes(self, local: str, domain_ascii: str) -> tuple[AddressMatch, ...]:
        group = self._local_groups.get(domain_ascii)
        if group is None:
            return ()
        key = self.confusables.visual_key(local)
        allowed = 1 if len(key) >= self.local_typo_min_length else 0
        distances: dict[int, int] = {}
        if group.positions is None:
            for _, distance, position in process.extract(
                key, group.keys, scorer=OSA.distance, score_cutoff=allowed, limit=None
            ):
                distances[position] = int(distance)
        else:
            if allowed:
                for edit in _single_edits(key, group.alphabet):
                    for position in _multimap_get(group.positions, edit):
                        distances[position] = 1
            for position in _multimap_get(group.positions, key):
                distances[position] = 0
        candidates = list(distances.items())
        matches: list[AddressMatch] = []
        for position, distance in candidates:
            known_key = group.keys[position]
            if distance and min(len(key), len(known_key)) < self.local_typo_min_length:
                continue
            record = self._address_record(group.ids[position])
            known_local = record.address.rpartition("@")[0]
            if distance == 0:
                kind, confidence = "homoglyph", 100
            else:
                kind = "typo"
                confidence = 40 if _differs_in_digits_only(local.lower(), known_local) else 75
            matches.append(
                AddressMatch(
                    kind,
                    record,
                    confidence,
                    differences=visual_differences(local, known_local),
                )
            )
        matches.sort(key=lambda m: (-m.confidence, m.known.address))
        return tuple(matches[: self.max_matches])

    def _same_local_at(self, local: str, domain: str) -> KnownAddress | None:
        parsed = parse_domain(domain)
        if parsed is None:
            return None
        group = self._local_groups.get(parsed.ascii)
        if group is None:
            return None
        key = self.confusables.visual_key(local)
        if group.positions is not None:
            positions: Sequence[int] = _multimap_get(group.positions, key)
        else:
            positions = range(len(group.keys))
        for position in positions:
            if group.keys[position] == key:
                return self._address_record(group.ids[position])
        return None

    def _name_key(self, display_name: str) -> str:
        if not display_name or "@" in display_name:
            return ""
        tokens = _WORD_RE.findall(self.confusables.visual_key(display_name))
        meaningful = [token for token in tokens if token not in _ROLE_WORDS]
        if not meaningful:
            return ""
        if len(meaningful) < 2 and len(meaningful[0]) < 6:
            return ""
        return " ".join(sorted(tokens))

    def _display_name_matches(
        self, display_name: str, normalised_address: str
    ) -> tuple[KnownAddress, ...]:
        key = self._name_key(display_name)
        if not key:
            return ()
        idents = _multimap_get(self._name_ids, key)
        own = self._address_ids.get(normalised_address)
        if own is not None and own in idents:
            return ()
        return tuple(self._address_record(ident) for ident in idents[: self.max_matches])

    def _company_key(self, company: str) -> str:
        name = company.strip()
        for suffix in _CJK_LEGAL_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                break
        tokens = [
            token
            for token in _WORD_RE.findall(self.confusables.visual_key(name))
            if token not in _LEGAL_FORMS
        ]
        if not tokens or all(token in _ROLE_WORDS for token in tokens):
            return ""
        key = " ".join(tokens)
        return key if len(key.replace(" ", "")) >= 4 else ""

    def _company_matches(
        self, display_name: str, parsed: DomainName, domain_check: DomainCheck
    ) -> tuple[KnownDomain, ...]:
        if not display_name or not self._company_ids:
            return ()
        tokens = _WORD_RE.findall(self.confusables.visual_key(display_name))
        windows = {
            " ".join(tokens[start:end])
            for start in range(len(tokens))
            for end in range(start + 1, min(len(tokens), start + 4) + 1)
        }
        windows.add(self._company_key(display_name))
        found: list[KnownDomain] = []
        for window in windows:
            for ident in _multimap_get(self._company_ids, window):
                record = self._domains[ident]
                if domain_check.known is not None and _same_owner(domain_check.known, record):
                    continue
                if record not in found:
                    found.append(record)
        found.sort(key=lambda r: r.domain)
        return tuple(found[: self.max_matches])


def _rebuild_index(
    domains: Sequence[KnownDomain],
    addresses: Sequence[KnownAddress],
    confusables: ConfusablesTable,
    settings: tuple[int, int, int, int, int, int, int, int],
) -> LookalikeIndex:
    typo, short, two_typos, two_typos_max, local_typo, scan_limit, max_matches, generic = settings
    return LookalikeIndex(
        domains,
        addresses,
        confusables=confusables,
        typo_min_length=typo,
        short_min_length=short,
        two_typos_min_length=two_typos,
        two_typos_max_length=two_typos_max,
        local_typo_min_length=local_typo,
        scan_limit=scan_limit,
        max_matches=max_matches,
        generic_threshold=generic,
    )


def _same_owner(first: KnownDomain, second: KnownDomain) -> bool:
    if first == second:
        return True
    return bool(first.company) and first.company.casefold() == second.company.casefold()


def _multimap_add(mapping: dict[str, Any], key: str, ident: int) -> None:
    """Add to a multimap being built: an int for one id, a list for several."""
    current = mapping.get(key)
    if current is None:
        mapping[key] = ident
    elif isinstance(current, list):
        current.append(ident)
    else:
        mapping[key] = [current, ident]


def _multimap_freeze(mapping: dict[str, Any]) -> None:
    """Turn the lists of a built multimap into tuples (smaller, immutable)."""
    for key, value in mapping.items():
        if isinstance(value, list):
            mapping[key] = tuple(value)


def _multimap_get(mapping: dict[str, int | tuple[int, ...]], key: str) -> tuple[int, ...]:
    value = mapping.get(key)
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def _char_class(char: str) -> str:
    if char.isdigit():
        return "digit"
    if char.isalpha() or unicodedata.category(char).startswith("M"):
        return "letter"
    return "separator"


def _token_boundaries(raw_label: str, offsets: list[int]) -> tuple[set[int], set[int]]:
    """Key positions where a token (run of letters or of digits) starts and ends."""
    classes = [_char_class(c) for c in raw_label]
    starts: set[int] = set()
    ends: set[int] = set()
    for position, kind in enumerate(classes):
        if kind == "separator":
            continue
        if position == 0 or classes[position - 1] != kind:
            starts.add(offsets[position])
        if position == len(classes) - 1 or classes[position + 1] != kind:
            ends.add(offsets[position + 1])
    return starts, ends


def _embedded_confidence(
    length: int,
    *,
    at_start: bool,
    at_end: bool,
    whole_label: bool,
    in_subdomain: bool,
    added_words: bool,
) -> int:
    """How sure a known name of ``length`` letters inside another label is an imitation
    (0 = ignore). Next to words that impostors add (:data:`_ADDED_WORDS`) even a short
    name is; next to other words only a long name is, because "gamespot" or
    "techtarget" are other companies whose names contain a shorter one."""
    if whole_label and in_subdomain:
        return 80 if length >= 4 else 60 if length == 3 else 50
    if added_words:
        return 75 if length >= 5 else 65 if length == 4 else 55
    if in_subdomain:
        # a name in front of someone else's domain is rarely innocent
        if at_start and at_end:
            return 75 if length >= 4 else 55 if length == 3 else 50
        if at_start or at_end:
            return 70 if length >= 6 else 60 if length == 5 else 55 if length == 4 else 15
    if at_start and at_end:
        return 60 if length >= 6 else 40 if length >= 4 else 15
    if at_start or at_end:
        return 60 if length >= 8 else 40 if length >= 6 else 15
    return 50 if length >= 8 else 25 if length >= 6 else 15 if length >= 3 else 0


def _is_added_words(extra: str, word_keys: frozenset[str], table: ConfusablesTable) -> bool:
    """Is every part of ``extra`` ("my portal", "bạnking", "online2021") made of words
    impostors add and numbers? Words are compared by visual key, so a lookalike of such
    a word counts too."""
    parts = extra.split()
    return bool(parts) and all(_segments_into_words(part, word_keys, table) for part in parts)


def _segments_into_words(text: str, word_keys: frozenset[str], table: ConfusablesTable) -> bool:
    """Can ``text`` be cut into such words and numbers, with one word at least?"""
    size = len(text)
    # reachable[i]: 0 = no, 1 = by numbers only, 2 = with a word
    reachable = [1] + [0] * size
    for end in range(1, size + 1):
        for begin in range(end):
            if not reachable[begin]:
                continue
            piece = text[begin:end]
            if piece.isdigit():
                reachable[end] = max(reachable[end], reachable[begin])
            elif end - begin >= 2 and table.visual_key(piece) in word_keys:
                reachable[end] = 2
    return reachable[size] == 2


def _extra_words(raw_label: str, offsets: list[int], begin: int, finish: int) -> str:
    first = next((i for i, offset in enumerate(offsets) if offset >= begin), 0)
    last = next((i for i, offset in enumerate(offsets) if offset >= finish), len(raw_label))
    rest = f"{raw_label[:first]} {raw_label[last:]}".lower()
    return " ".join(part for part in re.split(r"[\s\-_.]+", rest) if part)


def _differs_in_digits_only(first: str, second: str) -> bool:
    return re.sub(r"\d", "", first) == re.sub(r"\d", "", second)


def _loose_keys(key: str) -> tuple[str, ...]:
    """The visual key with the plain-letter lookalikes merged (see ``_LOOSE_LETTERS``):
    "ibn", "1brn", "ilbm" and "lbm" all give "lbn".

    "cl" is read as d (as b) and an l beside b or h is dropped ("lb" for b, "lh" for
    h); "sclh" may be "sc" + "lh" or "s" + "cl" + "h", so each reading is returned."""
    readings: list[str] = []
    plain = _LOOSE_RUNS.sub(r"\1", key.translate(_LOOSE_LETTERS))
    # k is read as "lc" before the other rules ("lcea" for "kea") or after them ("ld"
    # next to a k)
    for merged, k_after in (
        (_LOOSE_RUNS.sub(r"\1", plain.replace("k", "lc")), False),
        (plain, True),
    ):
        for text in (
            merged,
            _LOOSE_RUNS.sub(r"\1", _LOOSE_EXTRA_L.sub("", merged)),
            merged.replace("lcl", "cl"),  # an l before a d ("ld" for "lb")
        ):
            text = _LOOSE_RUNS.sub(r"\1", text.replace("cl", "b"))
            reading = _LOOSE_RUNS.sub(r"\1", _LOOSE_EXTRA_L.sub("", text))
            if k_after:
                reading = _LOOSE_RUNS.sub(r"\1", reading.replace("k", "lc"))
            if reading not in readings:
                readings.append(reading)
    return tuple(readings)


def _loose_key(key: str) -> str:
    return _loose_keys(key)[0]


def _raw_label(label: str) -> str:
    """The label as typed: NFKC and lower case, no lookalike mapping."""
    return unicodedata.normalize("NFKC", label).lower()


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    neighbours: dict[str, set[str]] = {}
    for rows in _KEYBOARD_ROWS:
        for number, row in enumerate(rows):
            for column, char in enumerate(row):
                near = neighbours.setdefault(char, set())
                for other_row in rows[max(0, number - 1) : number + 2]:
                    near.update(other_row[max(0, column - 1) : column + 2])
                near.discard(char)
    return {char: frozenset(near) for char, near in neighbours.items()}


_NEAR_KEYS = _keyboard_neighbours()


def _similar_letters(fake: str, real: str) -> bool:
    """Could one letter be typed or read for the other? Neighbouring keys, a vowel for a
    vowel, one flipped bit (a memory error), a letter a reader confuses, or any
    non-ASCII letter standing for an ASCII one."""
    if fake in _NEAR_KEYS.get(real, ()) or (fake in _VOWELS and real in _VOWELS):
        return True
    flipped = ord(fake) ^ ord(real)
    if flipped & (flipped - 1) == 0:
        return True
    return not fake.isascii() or _loose_key(fake) == _loose_key(real)


def _plausible_typo(fake: str, real: str) -> bool:
    """Is ``fake`` one ordinary typing or reading slip away from ``real``?

    A deleted letter, two neighbours swapped, a replaced letter that is similar
    (:func:`_similar_letters`), a hyphen inside, a doubled letter, a letter added at the
    end, a plural "s" or a key next to its neighbour slipped in. Any other single edit
    is not.
    """
    if len(fake) + 1 == len(real):
        return any(real[:i] + real[i + 1 :] == fake for i in range(len(real)))
    if len(fake) == len(real):
        differ = [i for i in range(len(fake)) if fake[i] != real[i]]
        if len(differ) == 1:
            return _similar_letters(fake[differ[0]], real[differ[0]])
        if len(differ) == 2:
            first, second = differ
            return (
                second == first + 1 and fake[first] == real[second] and fake[second] == real[first]
            )
        return False
    if len(fake) != len(real) + 1:
        return False
    for i, char in enumerate(fake):
        if fake[:i] + fake[i + 1 :] != real:
            continue
        before = fake[i - 1] if i else ""
        after = fake[i + 1] if i + 1 < len(fake) else ""
        if i == len(fake) - 1 or char in (before, after) or (char == "s" and i > 1):
            return True
        loose = _loose_key(char)
        if loose in (_loose_key(before), _loose_key(after)):
            return True
        if loose == "l" and (before in "bdhk" and before or after in "bdhk" and after):
            return True
        if char == "-" and before and after:
            return True
        if any(char in _NEAR_KEYS.get(n, ()) for n in (before, after) if n):
            return True
    return False


def visual_differences(fake: str, real: str) -> tuple[tuple[str, str], ...]:
    """The (fake, real) character runs that differ, e.g. ("rn", "m") for cornpany/company."""
    matcher = difflib.SequenceMatcher(None, fake, real, autojunk=False)
    pairs: list[tuple[str, str]] = []
    pending_fake, pending_real = "", ""
    opcodes = matcher.get_opcodes()
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            inner = 0 < number < len(opcodes) - 1
            if inner and i2 - i1 == 1 and (pending_fake or pending_real):
                # one equal character between two edits: a swap such as "na" for "an"
                pending_fake += fake[i1:i2]
                pending_real += real[j1:j2]
                continue
            if pending_fake or pending_real:
                pairs.extend(_split_pair(pending_fake, pending_real))
                pending_fake, pending_real = "", ""
            continue
        pending_fake += fake[i1:i2]
        pending_real += real[j1:j2]
    if pending_fake or pending_real:
        pairs.extend(_split_pair(pending_fake, pending_real))
    unique: list[tuple[str, str]] = []
    for pair in pairs:
        if pair not in unique:
            unique.append(pair)
    return tuple(unique)


def _split_pair(fake: str, real: str) -> list[tuple[str, str]]:
    if len(fake) == len(real) > 1 and sorted(fake) != sorted(real):
        return [(f, r) for f, r in zip(fake, real, strict=True) if f != r]
    return [(fake, real)]


def describe_character(text: str) -> str:
    """Text for a person: ambiguous or non-ASCII characters get their Unicode names."""
    if len(text) == 1 and (text in _AMBIGUOUS_ASCII or not text.isascii()):
        name = unicodedata.name(text, f"U+{ord(text):04X}")
        return f"{text} [{name}]"
    return text
