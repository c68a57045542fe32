import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from chengxin.accounts import services
from chengxin.accounts.forms import (
    ApiTokenForm,
    PreferencesForm,
    TokenForm,
    TwoFactorAddForm,
    TwoFactorResetForm,
    UserCreateForm,
    UserUpdateForm,
)
from chengxin.accounts.models import ApiToken, User
from chengxin.core.forms import apply_errors, run_form


def _next_url(request, default="home"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return reverse(default)


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


PENDING_DEVICE_SESSION_KEY = "chengxin_two_factor_pending_device"


def _redirect_with_next(name: str, next_url: str):
    return redirect(f"{reverse(name)}?{urlencode({'next': next_url})}")


@require_http_methods(["GET", "POST"])
@login_required
def two_factor_setup(request):
    """First setup of an authenticator, or adding/replacing one with the current one."""
    user = request.user
    adding = services.two_factor_is_on(user=user)
    if adding and not user.is_verified():
        # A password alone never sees a new secret: first the current second factor.
        return _redirect_with_next("accounts:two_factor_verify", request.get_full_path())
    device = services.two_factor_device_start(
        user=user,
        session_verified=user.is_verified(),
        pending_device_id=request.session.get(PENDING_DEVICE_SESSION_KEY),
    )
    request.session[PENDING_DEVICE_SESSION_KEY] = device.pk
    form = (TwoFactorAddForm if adding else TokenForm)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.two_factor_device_confirm(
                user=user,
                device=device,
                token=form.cleaned_data["token"],
                session_verified=user.is_verified(),
                current_code=form.cleaned_data.get("current_code", ""),
                replace=form.cleaned_data.get("replace", False),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            request.session.pop(PENDING_DEVICE_SESSION_KEY, None)
            messages.error(request, str(exc) or _("Enter your current code first."))
            return _redirect_with_next("accounts:two_factor_verify", _next_url(request))
        else:
            request.session.pop(PENDING_DEVICE_SESSION_KEY, None)
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect(_next_url(request))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "adding": adding,
            "qr_svg": qr_svg,
            "secret": device.config_url.split("secret=")[1].split("&")[0],
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def two_factor_verify(request):
    if not services.two_factor_is_on(user=request.user):
        return _redirect_with_next("accounts:two_factor_setup", _next_url(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.two_factor_code_check(user=request.user, code=form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", services.two_factor_refusal_message(user=request.user))
    return render(request, "accounts/two_factor_verify.html", {"form": form})


@require_POST
def set_language(request):
    """Switch the interface language; remembered on the user and in a cookie."""
    from django.conf import settings
    from django.utils import translation

    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return redirect(_next_url(request))
    if request.user.is_authenticated:
        services.user_set_preferences(actor=request.user, language=language)
    translation.activate(language)
    response = HttpResponseRedirect(_next_url(request))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600, samesite="Lax"
    )
    return response


@require_http_methods(["GET", "POST"])
@login_required
def preferences(request):
    from django.utils.translation import get_language

    initial = {
        "language": request.user.language or get_language(),
        "time_zone": request.user.time_zone,
        "name_chinese": request.user.name_chinese,
        "name_latin": request.user.name_latin,
    }
    form = PreferencesForm(request.POST or None, initial=initial)
    saved = run_form(
        request,
        form,
        lambda data: services.user_set_preferences(actor=request.user, **data),
        success=_("Preferences saved."),
        then="accounts:preferences",
    )
    return saved or render(
        request,
        "accounts/preferences.html",
        {"form": form, "two_factor_on": services.two_factor_is_on(user=request.user)},
    )


@require_http_methods(["GET"])
@login_required
def user_list(request):
    if not request.user.manages_users:
        raise PermissionDenied(_("Only an administrator may manage users."))
    return render(request, "accounts/user_list.html", {"users": User.objects.all()})


@require_http_methods(["GET", "POST"])
@login_required
def user_create(request):
    if not request.user.manages_users:
        raise PermissionDenied(_("Only an administrator may manage users."))
    form = UserCreateForm(request.POST or None)
    created = run_form(
        request,
        form,
        lambda data: services.user_create(actor=request.user, **data),
        success=lambda user: _("User %(name)s created.") % {"name": user},
        then="accounts:user_list",
    )
    return created or render(
        request, "accounts/user_form.html", {"form": form, "title": _("New user")}
    )


@require_http_methods(["GET", "POST"])
@login_required
def user_edit(request, pk):
    if not request.user.manages_users:
        raise PermissionDenied(_("Only an administrator may manage users."))
    user = get_object_or_404(User, pk=pk)
    initial = {f: getattr(user, f) for f in UserUpdateForm.base_fields}
    form = UserUpdateForm(request.POST or None, initial=initial)
    saved = run_form(
        request,
        form,
        lambda data: services.user_update(actor=request.user, user=user, **data),
        success=lambda updated: _("User %(name)s saved.") % {"name": updated},
        then="accounts:user_list",
    )
    return saved or render(
        request,
        "accounts/user_form.html",
        {
            "form": form,
            "title": str(user),
            "edited_user": user,
            "two_factor_on": services.two_factor_is_on(user=user),
            "reset_form": TwoFactorResetForm(),
        },
    )


@require_POST
@login_required
def user_two_factor_reset(request, pk):
    if not request.user.manages_users:
        raise PermissionDenied
    user = get_object_or_404(User, pk=pk)
    form = TwoFactorResetForm(request.POST)
    if form.is_valid():
        try:
            channels = services.two_factor_reset(
                actor=request.user,
                user=user,
                actor_verified=request.user.is_verified(),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if "email" in channels:
                text = _(
                    "Two-factor of %(name)s reset; the user was told in Chengxin and by email."
                )
            else:
                text = _(
                    "Two-factor of %(name)s reset; the user was told in Chengxin only "
                    "(no email address on file): tell them yourself too."
                )
            messages.success(request, text % {"name": user})
    else:
        messages.error(request, _("Give a reason for the reset."))
    return redirect("accounts:user_edit", pk=user.pk)


@require_http_methods(["GET", "POST"])
@login_required
def api_tokens(request):
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_token = services.api_token_create(
                actor=request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            form = ApiTokenForm()
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request,
        "accounts/api_tokens.html",
        {"form": form, "tokens": tokens, "new_token": new_token},
    )


@require_POST
@login_required
def api_token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("Token revoked."))
    return redirect("accounts:api_tokens")
