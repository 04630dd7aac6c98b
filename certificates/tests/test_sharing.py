"""LinkedIn's add-to-profile link: a pure function of the certificate (no
database)."""

import datetime
from urllib.parse import parse_qsl, urlsplit

from certificates.models import Certificate
from certificates.sharing import linkedin_add_to_profile_url

CODE = "7K2QD-M9XDA-B3CEF-GHJKM-NPQRS-TVWXY"


def certificate(**fields) -> Certificate:
    return Certificate(
        verification_code=CODE,
        course_title="Design & business: “pricing” 100%",
        issuer_name="Regionalni center kreativne ekonomije (RCKE)",
        completed_at=datetime.datetime(2026, 3, 14, 9, 30, tzinfo=datetime.UTC),
        **fields,
    )


def test_the_link_is_linkedins_form_with_every_field_encoded(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://academy.example/"
    assert linkedin_add_to_profile_url(certificate()) == (
        "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
        "&name=Design%20%26%20business%3A%20%E2%80%9Cpricing%E2%80%9D%20100%25"
        "&organizationName=Regionalni%20center%20kreativne%20ekonomije%20%28RCKE%29"
        "&issueYear=2026&issueMonth=3"
        "&certUrl=https%3A%2F%2Facademy.example%2Fverify%2F" + CODE + "%2F"
        "&certId=" + CODE
    )


def test_linkedin_reads_back_exactly_what_the_certificate_says(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://academy.example"
    url = urlsplit(linkedin_add_to_profile_url(certificate()))
    assert (url.scheme, url.netloc, url.path) == (
        "https",
        "www.linkedin.com",
        "/profile/add",
    )
    assert dict(parse_qsl(url.query, strict_parsing=True)) == {
        "startTask": "CERTIFICATION_NAME",
        "name": "Design & business: “pricing” 100%",
        "organizationName": "Regionalni center kreativne ekonomije (RCKE)",
        "issueYear": "2026",
        "issueMonth": "3",
        "certUrl": f"https://academy.example/verify/{CODE}/",
        "certId": CODE,
    }


def test_the_issue_month_is_the_completion_s_in_ljubljana(settings):
    """Completed at 23:30 UTC on 31 January: in Ljubljana it is 1 February,
    the date the PDF prints."""
    late = certificate()
    late.completed_at = datetime.datetime(2026, 1, 31, 23, 30, tzinfo=datetime.UTC)
    query = dict(parse_qsl(urlsplit(linkedin_add_to_profile_url(late)).query))
    assert (query["issueYear"], query["issueMonth"]) == ("2026", "2")
