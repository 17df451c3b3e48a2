"""The site's own address as the request reached it (for links in mails sent after a page's
action, and in feeds and API answers). Mails sent by jobs, with no request, use
`notifications.services.absolute_url` (`TRYGPLAN_BASE_URL`)."""


def site_url(request) -> str:
    """`https://host` without a trailing slash."""
    return request.build_absolute_uri("/").rstrip("/")
