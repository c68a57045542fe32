"""The four-eyes rule: who may give an approval, and why nobody can.

Whatever waits for a second person (a bank account to approve, a fee claim for finance to
check, an account-change plan that needs a manager's override, a message to confirm safe,
a contact change to approve) has its rule in its own app: a function ``user → Refusal |
None`` that the app's service enforces too. This module applies such a rule to every active
user, so that a page can say who may give the approval and, when nobody can, why; and tells
the proposer and the administrators at once when an item is left without an approver.

Managers, finance and administrators sign in with two-factor. One without a confirmed
device still counts (they set one up at their first login); the page says they must.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengxin.accounts.models import Role, User
from chengxin.accounts.services import two_factor_code_check
from chengxin.core.deferred_text import deferred, rendered_by
from chengxin.notifications.services import notify

BLOCKED_KIND = "approvals.blocked"

# Why a person may not give an approval. ROLE (and an inactive user) needs no explaining
# person by person; the others name what the person did.
ROLE = "role"
PROPOSED = "proposed"
VERIFIED = "verified"
RECORDED = "recorded"
OPENED = "opened"


@dataclass(frozen=True)
class Refusal:
    """Why one person may not give an approval: ``code`` (above) for the explanation to
    others, ``message`` addressed to that person (what the service raises)."""

    code: str
    message: str


Rule = Callable[[User], "Refusal | None"]


@dataclass(frozen=True)
class FourEyes:
    """One approval's rule: only ``roles`` (``role_message`` otherwise), never the people
    in ``not_by`` (pairs of a user id and the Refusal naming what they did), and, when
    ``second_factor``, only with a second factor passed for this very approval."""

    roles: frozenset[str]
    role_message: str
    not_by: tuple[tuple[int | None, Refusal], ...] = ()
    second_factor: bool = True

    def refusal(self, user) -> Refusal | None:
        """Why ``user`` may not approve (None: they may)."""
        if not (user is not None and user.is_active and user.role in self.roles):
            return Refusal(ROLE, self.role_message)
        for user_id, refusal in self.not_by:
            if user_id is not None and user.pk == user_id:
                return refusal
        return None

    def enforce(
        self,
        user,
        *,
        second_factor_passed: bool = False,
        state_check: Callable[[], None] | None = None,
        second_factor_message: str = "",
    ) -> None:
        """Raise PermissionDenied unless ``user`` may approve now. The role comes first,
        then ``state_check`` (so a colleague hears the item moved on), then the people
        excluded, then the second factor."""
        enforce_refusal(
            self.refusal(user),
            state_check=state_check,
            second_factor_passed=second_factor_passed or not self.second_factor,
            second_factor_message=second_factor_message,
        )


def enforce_refusal(
    refusal: Refusal | None,
    *,
    second_factor_passed: bool,
    state_check: Callable[[], None] | None = None,
    second_factor_message: str = "",
) -> None:
    """Apply a rule's answer for one approval (see :meth:`FourEyes.enforce`)."""
    if refusal is not None and refusal.code == ROLE:
        raise PermissionDenied(refusal.message)
    if state_check is not None:
        state_check()
    if refusal is not None:
        raise PermissionDenied(refusal.message)
    if not second_factor_passed:
        raise PermissionDenied(
            second_factor_message or _("This approval needs your second factor.")
        )


def otp_passed(user, code: str) -> bool:
    """True when ``code`` is a current code of one of ``user``'s confirmed devices (the
    API's ``otp`` field; pages use the session's verified second factor)."""
    return two_factor_code_check(user=user, code=code) is not None


@dataclass(frozen=True)
class Approver:
    user: User
    must_set_up_two_factor: bool


@dataclass(frozen=True)
class Eligibility:
    """Who may give one approval now; when nobody, who was excluded and which roles may."""

    approvers: tuple[Approver, ...]
    excluded: tuple[tuple[User, str], ...]
    roles: tuple[str, ...]

    @property
    def blocked(self) -> bool:
        return not self.approvers

    def includes(self, user) -> bool:
        return any(a.user.pk == user.pk for a in self.approvers)

    @property
    def blocked_params(self) -> dict:
        """Why nobody can approve, as plain data (see :func:`blocked_sentence`)."""
        return {
            "excluded": [[str(user), user.role, code] for user, code in self.excluded],
            "roles": list(self.roles),
        }

    @property
    def blocked_reason(self) -> str | None:
        """Why nobody can approve, in the active language (None when someone can)."""
        if self.approvers:
            return None
        return blocked_sentence(self.blocked_params)


def blocked_sentence(params: dict) -> str:
    """Why nobody can approve, in the active language, from ``Eligibility.blocked_params``
    (also what a stored notification is rendered with when it is read)."""
    roles = ", ".join(str(Role(role).label) for role in params.get("roles", []) if role in Role)
    excluded = params.get("excluded") or []
    if excluded:
        who = "; ".join(
            _excluded_phrase(code)
            % {"person": f"{name} ({Role(role).label if role in Role else role})"}
            for name, role, code in excluded
        )
        return _(
            "Nobody can approve this: %(who)s; nobody else may. An administrator must "
            "give another active user one of these roles: %(roles)s."
        ) % {"who": who, "roles": roles}
    return _(
        "Nobody can approve this: no active user has one of these roles: %(roles)s. An "
        "administrator must add one."
    ) % {"roles": roles}


def _excluded_phrase(code: str) -> str:
    phrases = {
        PROPOSED: _("%(person)s proposed it"),
        VERIFIED: _("%(person)s verified it"),
        RECORDED: _("%(person)s recorded it"),
        OPENED: _("%(person)s opened it"),
    }
    return phrases.get(code, _("%(person)s may not"))


def candidates() -> list[User]:
    """Every active user, each with ``has_two_factor`` (a confirmed device): one query."""
    return list(
        User.objects.filter(is_active=True)
        .annotate(
            has_totp=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
            has_static=Exists(StaticDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
        )
        .order_by("first_name", "last_name", "username")
    )


def _has_two_factor(user: User) -> bool:
    if hasattr(user, "has_totp"):
        return bool(getattr(user, "has_totp", False) or getattr(user, "has_static", False))
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or StaticDevice.objects.filter(user=user, confirmed=True).exists()
    )


def evaluate(rule: Rule, *, roles: Iterable[str], people: Sequence[User] | None = None):
    """Apply ``rule`` to every active user (``people``: from ``candidates()``, to share one
    query between several items). ``roles``: the roles the rule admits, to name them when
    nobody can approve."""
    people = candidates() if people is None else people
    approvers: list[Approver] = []
    excluded: list[tuple[User, str]] = []
    for user in people:
        if not user.is_active:
            continue
        refusal = rule(user)
        if refusal is None:
            approvers.append(Approver(user, user.needs_two_factor and not _has_two_factor(user)))
        elif refusal.code != ROLE:
            excluded.append((user, refusal.code))
    order = [role for role in Role.values if role in set(roles)]
    return Eligibility(tuple(approvers), tuple(excluded), tuple(order))


def _administrators() -> list[User]:
    return list(User.objects.filter(role=Role.ADMIN, is_active=True).order_by("pk"))


def _tell(*, users: Iterable[User | None], item: str, link: str, eligibility: Eligibility):
    # Each recipient reads it in their own language, whenever they read it.
    notify(
        users=users,
        kind=BLOCKED_KIND,
        title=deferred(gettext_lazy("Nobody can approve: %(item)s"), item=item),
        body=rendered_by("approvals.blocked", **eligibility.blocked_params),
        link=link,
    )


def notify_if_blocked(
    *, eligibility: Eligibility, item: str, link: str, proposer: User | None
) -> bool:
    """When nobody can approve the item that just started waiting: the proposer and every
    administrator are told at once (after the commit). True when they were."""
    if not eligibility.blocked:
        return False
    _tell(users=[proposer, *_administrators()], item=item, link=link, eligibility=eligibility)
    return True


def notify_administrators(*, eligibility: Eligibility, item: str, link: str) -> None:
    """A change of users left this item without an approver: the administrators hear."""
    _tell(users=_administrators(), item=item, link=link, eligibility=eligibility)
