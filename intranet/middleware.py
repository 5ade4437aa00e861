from django.utils.cache import patch_cache_control


class PrivateResponseMiddleware:
    """Send `Cache-Control: private, no-store` for anything marked private.

    Intranet pages, restricted documents, their login redirects and 403s, and
    the account pages mark the request (see `intranet.access.mark_private`);
    no browser or shared cache may keep them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "intranet_private", False):
            if "max-age" in response.get("Cache-Control", ""):
                del response["Cache-Control"]
            patch_cache_control(response, private=True, no_store=True)
        return response
