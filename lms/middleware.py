from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


class RejectNullCharactersMiddleware:
    """A NUL character is never part of honest text input, and PostgreSQL refuses
    to store one (a 500 where a 400 is due): refuse the request up front, for
    views that read request.POST without a Django form (which would refuse it
    too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or self._has_nul(request):
            return HttpResponseBadRequest("NUL characters are not accepted.")
        return self.get_response(request)

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
