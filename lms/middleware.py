import fnmatch

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import BigIntegerField, Field, Model
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page


def validates_text_input(view):
    """Mark a view that checks every text it is given and answers a NUL character
    with a message next to the field it came in (a Django form does: its
    CharFields refuse NUL). RejectNullCharactersMiddleware lets such views see
    the request."""
    view.validates_text_input = True
    return view


class RejectNullCharactersMiddleware:
    """A NUL character is never part of honest text input, and PostgreSQL refuses
    to store one (a 500 where a 400 is due): refuse the request up front, for
    views that read request.GET or request.POST without a Django form. Views
    marked @validates_text_input get the request and say what is wrong next to
    the field, as for any other bad input."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            return HttpResponseBadRequest("NUL characters are not accepted.")
        # The view first: a view that validates reads its body itself, which may
        # first want to refuse it by its size (the credential upload on /verify/).
        if not self._view_validates(request) and self._has_nul(request):
            return HttpResponseBadRequest("NUL characters are not accepted.")
        return self.get_response(request)

    @staticmethod
    def _view_validates(request: HttpRequest) -> bool:
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return False
        return getattr(match.func, "validates_text_input", False)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        data = [request.GET]
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            data.append(request.POST)
        return any(
            "\x00" in key or any("\x00" in value for value in values)
            for query in data
            for key, values in query.lists()
        )


# The largest id a database row can have here (a signed 64-bit integer).
MAX_OBJECT_ID = 2**63 - 1
# Views that take the ids of the chosen objects from the query (?id=1&id=2).
QUERY_ID_VIEWS = ("*chosen_multiple", "wagtailadmin_api:*:find")


class ObjectIdMiddleware:
    """An id in a URL that no row can have answers 404, not 500:

    - a number beyond what the database stores (`<int:...>` takes any number of
      digits; SQLite raises OverflowError on such a query);
    - in a view of a model with an integer primary key, a `pk` that is not an
      integer: Wagtail's chooser "chosen" views (images, documents, snippets) take
      `<str:pk>` and hand it to the query, which raises ValueError on "abc";
    - the same in the `?id=` of the choosers' "chosen multiple" views and of the
      admin API's "find" (QUERY_ID_VIEWS);
    - the page tree's root in the page chooser's "chosen multiple".
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        for value in (*view_args, *view_kwargs.values()):
            if isinstance(value, int) and not _is_row_id(value):
                raise Http404
        model = _view_model(view_func)
        if model is not None and "pk" in view_kwargs:
            _check_id(model._meta.pk, unquote(str(view_kwargs["pk"])))
        view_name = getattr(request.resolver_match, "view_name", "") or ""
        if any(fnmatch.fnmatchcase(view_name, name) for name in QUERY_ID_VIEWS):
            # Every model these views list (pages, images, documents, snippets)
            # has an integer primary key unless the view says otherwise.
            pk_field = model._meta.pk if model is not None else BigIntegerField()
            for value in request.GET.getlist("id"):
                _check_id(pk_field, value)
        # The tree's root is never offered for choosing, and Wagtail fails on it
        # (it has no parent).
        if (
            view_name == "wagtailadmin_choose_page_chosen_multiple"
            and Page.objects.filter(depth=1, pk__in=request.GET.getlist("id")).exists()
        ):
            raise Http404
        return None


def _is_row_id(value: int) -> bool:
    return 0 <= value <= MAX_OBJECT_ID


def _check_id(pk_field: Field, value: str) -> None:
    """Raise Http404 unless `value` can be a value of the primary key `pk_field`."""
    try:
        pk = pk_field.to_python(value)
    except ValidationError:
        raise Http404 from None
    if isinstance(pk, int) and not _is_row_id(pk):
        raise Http404


def _view_model(view_func) -> type[Model] | None:
    """The model a class-based view works on (Wagtail's viewsets pass it as an
    argument of as_view(), sometimes as an "app_label.Model" string; the admin
    API's viewsets are Django REST framework's, with `cls`)."""
    view_class = getattr(view_func, "view_class", None) or getattr(
        view_func, "cls", None
    )
    model = getattr(view_func, "view_initkwargs", {}).get("model") or getattr(
        view_class, "model", None
    )
    if isinstance(model, str):
        try:
            model = resolve_model_string(model)
        except (LookupError, ValueError):
            return None
    if isinstance(model, type) and issubclass(model, Model):
        return model
    return None


class TranslationParentMiddleware:
    """Wagtail's *Translate* form shows the languages a page's parent is not
    translated into as disabled options, but a request that sends one anyway
    (an old form, "select all", a crafted post) ends in ParentNotTranslatedError,
    a 500. Send the editor back to the form with what to do instead; the view's
    transaction has kept nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, ParentNotTranslatedError):
            return None
        messages.error(
            request,
            _(
                "This page cannot be translated into a language its parent page "
                "has not been translated into. Translate the parent page first."
            ),
        )
        return HttpResponseRedirect(request.get_full_path())
