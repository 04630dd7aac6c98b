"""Demo content for the home app: the front page and general pages in Slovenian and
English, the site settings and a demo administrator. Called by `manage.py load_demo`."""

import os
from collections.abc import Iterator

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from .models import HomePage, SiteSettings, StandardPage
from .site_address import public_address, site_address_apply

DEMO_ADMIN_EMAIL = "admin@academy.example"
DEMO_ADMIN_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "creative-cities-demo")

HOME = {
    "sl": {
        "title": "Akademija Kreativna mesta",
        "slug": "domov",
        "hero_heading": "Podjetniška znanja za ustvarjalce",
        "hero_text": (
            "Oblikovalke, arhitekti, glasbenice, filmarji, obrtni studii in samostojni "
            "ustvarjalci: izmerite svojo podjetniško konkurenčnost, se učite na tečajih, "
            "ki so napisani za kreativno delo, in pridobite potrdilo, ki ga lahko "
            "pokažete naročnikom in financerjem."
        ),
        "hero_cta_text": "Preberite več o akademiji",
        "features_heading": "Kaj vas čaka",
        # One link per feature, in order: to a site destination (home.blocks) or,
        # for "catalogue", to the course catalogue page (linked by courses.demo).
        "feature_links": [
            ("Začnite samooceno", "assessment"),
            ("Oglejte si tečaje", "catalogue"),
            ("Preverite potrdilo", "verify"),
        ],
        "features": [
            (
                "Samoocena podjetnosti",
                "Petnajst kompetenc evropskega okvira EntreComp, prevedenih v vsakdan "
                "kreativnega studia. Rezultat je ogledalo, ne ocena: pokaže, kje ste "
                "močni in kaj se splača okrepiti.",
            ),
            (
                "Tečaji za kreativne poklice",
                "Kako določiti ceno svojega dela, najti prave naročnike, zaščititi "
                "avtorske pravice in financirati projekt. Kratke lekcije, vaje in kvizi "
                "v vašem tempu.",
            ),
            (
                "Potrdilo, ki ga vsak lahko preveri",
                "Ko zaključite tečaj, prejmete potrdilo v PDF s kodo za preverjanje. "
                "Naročnik ali financer jo vpiše na naši strani in takoj vidi, da je "
                "pristno.",
            ),
        ],
        "story_heading": "Od projekta Kreativna mesta do akademije",
        "story": (
            "<p>Akademija izhaja iz srednjeevropskega partnerstva <b>Kreativna mesta</b> "
            "(Gdańsk, Genova, Leipzig, Ljubljana in Pécs), ki je želelo izkoristiti "
            "potenciale kreativnih industrij za večjo konkurenčnost in privlačnost "
            "mest. Eden od ciljev je bil promovirati podjetniška znanja in "
            "konkurenčnost kreativnih industrij.</p>"
            "<p>V Ljubljani so iz projekta nastali SWOT analiza stanja kreativnih "
            "industrij, dogodki <i>Povezujemo oblikovanje in industrijo</i> na sejmih "
            "Ambient 2011 in 2012, kjer so industrijski oblikovalci in pohištvena "
            "podjetja skupaj razvijali prototipe, ter Regionalni center kreativne "
            "ekonomije (RCKE), ki danes vodi to akademijo.</p>"
        ),
    },
    "en": {
        "title": "Creative Cities Academy",
        "slug": "home",
        "hero_heading": "Business skills for creative people",
        "hero_text": (
            "Designers, architects, musicians, film makers, craft studios and "
            "freelancers: measure your entrepreneurial competitiveness, learn in "
            "courses written for creative work, and earn a certificate you can show "
            "clients and funders."
        ),
        "hero_cta_text": "Read more about the academy",
        "features_heading": "What you will find here",
        "feature_links": [
            ("Take the self-assessment", "assessment"),
            ("Browse the courses", "catalogue"),
            ("Verify a certificate", "verify"),
        ],
        "features": [
            (
                "A self-assessment of your enterprise",
                "The fifteen competences of the EU's EntreComp framework, translated "
                "into the everyday life of a creative studio. The result is a mirror, "
                "not a grade: it shows where you are strong and what is worth building.",
            ),
            (
                "Courses for creative professions",
                "How to price your work, find the right clients, protect your rights "
                "and fund a project. Short lessons, exercises and quizzes at your own "
                "pace.",
            ),
            (
                "A certificate anyone can verify",
                "When you complete a course you receive a PDF certificate with a "
                "verification code. A client or funder types it on our site and sees "
                "at once that it is genuine.",
            ),
        ],
        "story_heading": "From the Creative Cities project to an academy",
        "story": (
            "<p>The academy grew out of the Central European <b>Creative Cities</b> "
            "partnership (Gdańsk, Genoa, Leipzig, Ljubljana and Pécs), which set out "
            "to use the potential of the creative industries to make cities more "
            "competitive and attractive. One of its goals was to raise the "
            "entrepreneurial skills and competitiveness of creative industries.</p>"
            "<p>In Ljubljana the project produced a SWOT analysis of the city's "
            "creative industries, the <i>Design meets industry</i> events at the "
            "Ambient fairs of 2011 and 2012, where industrial designers and furniture "
            "makers developed prototypes together, and the Regional Centre of Creative "
            "Economy (RCKE), which runs this academy today.</p>"
        ),
    },
}

ABOUT = {
    "sl": {
        "title": "O akademiji",
        "slug": "o-akademiji",
        "introduction": (
            "Akademija Kreativna mesta je odprtokodna učna platforma Regionalnega "
            "centra kreativne ekonomije (RCKE) za ljudi iz kreativnih industrij."
        ),
        "body": (
            "<h2>Za koga je</h2><p>Za vse, ki živijo od ustvarjanja ali bi radi: "
            "oblikovalce, arhitekte, glasbenike, filmske ustvarjalce, obrtnike, "
            "založnike, razvijalce iger in samostojne ustvarjalce v kulturi.</p>"
            "<h2>Kako deluje</h2><ol><li>Ustvarite brezplačen račun.</li>"
            "<li>Izpolnite samooceno in poglejte svoj podjetniški profil.</li>"
            "<li>Vpišite se v tečaje, ki krepijo vaše najšibkejše kompetence.</li>"
            "<li>Zaključite tečaj in prejmite potrdilo, ki ga lahko kdorkoli preveri.</li>"
            "</ol><h2>Kdo stoji za njo</h2><p>RCKE je nastal v projektu Kreativna "
            "mesta, ki sta ga v Sloveniji izvajala Regionalna razvojna agencija "
            "Ljubljanske urbane regije (RRA LUR) in Inštitut za ekonomska raziskovanja "
            "(IER). Partnerska mesta sodelujejo tudi po koncu projekta prek centrov "
            "kreativnih industrij.</p>"
        ),
    },
    "en": {
        "title": "About the academy",
        "slug": "about",
        "introduction": (
            "Creative Cities Academy is the open-source learning platform of the "
            "Regional Centre of Creative Economy (RCKE) for people of the creative "
            "industries."
        ),
        "body": (
            "<h2>Who it is for</h2><p>Everyone who makes a living from creative work, "
            "or would like to: designers, architects, musicians, film makers, "
            "craftspeople, publishers, game developers and freelancers in culture.</p>"
            "<h2>How it works</h2><ol><li>Create a free account.</li>"
            "<li>Take the self-assessment and look at your entrepreneurial profile.</li>"
            "<li>Enrol in courses that train your weakest competences.</li>"
            "<li>Complete a course and receive a certificate anyone can verify.</li>"
            "</ol><h2>Who is behind it</h2><p>RCKE was founded in the Creative Cities "
            "project, carried out in Slovenia by the Regional Development Agency of "
            "the Ljubljana Urban Region (RRA LUR) and the Institute for Economic "
            "Research (IER). The partner cities keep working together through their "
            "creative industry centres.</p>"
        ),
    },
}

PRIVACY = {
    "sl": {
        "title": "Obvestilo o varstvu osebnih podatkov",
        "slug": "zasebnost",
        "introduction": (
            "Kaj o vas hranimo, zakaj in kako dolgo, ter kako uveljavite svoje pravice."
        ),
        "body": (
            "<h2>Kdo obdeluje podatke</h2><p>Upravljavec je Regionalni center "
            "kreativne ekonomije (RCKE), Ljubljana.</p>"
            "<h2>Katere podatke hranimo</h2><ul><li>E-poštni naslov in geslo (v "
            "zgoščeni obliki) za prijavo.</li><li>Ime in priimek, kot naj piše na "
            "potrdilih.</li><li>Kreativni sektor, mesto, organizacijo in fazo "
            "poslovanja, da vam priporočimo ustrezne tečaje in poročamo o udeležbi.</li>"
            "<li>Neobvezno spol in leto rojstva, ki ju uporabljamo za anonimno "
            "statistiko (skupin z manj kot petimi osebami nikoli ne prikažemo); "
            "spol tudi za slovnično obliko besedila na vaših potrdilih.</li>"
            "<li>Vaš napredek na tečajih, odgovore na kvize in vaje, rezultate "
            "samoocen in potrdila.</li></ul>"
            "<h2>Zakaj</h2><p>Da vam lahko nudimo učenje in potrdila (pogodba) ter da "
            "financerjem poročamo o anonimni udeležbi (zakoniti interes).</p>"
            "<h2>Vaše pravice</h2><p>Svoj profil lahko kadarkoli popravite. Lahko "
            "zahtevate izvoz vseh svojih podatkov ali izbris računa; potrdila ob "
            "izbrisu prekličemo, anonimna statistika ostane brez povezave z vami.</p>"
        ),
    },
    "en": {
        "title": "Privacy notice",
        "slug": "privacy",
        "introduction": (
            "What we keep about you, why and for how long, and how to use your rights."
        ),
        "body": (
            "<h2>Who processes your data</h2><p>The controller is the Regional Centre "
            "of Creative Economy (RCKE), Ljubljana.</p>"
            "<h2>What we keep</h2><ul><li>Your e-mail address and password (hashed) "
            "to log you in.</li><li>Your full name as it should appear on "
            "certificates.</li><li>Your creative sector, city, organisation and "
            "business stage, to recommend courses and report participation.</li>"
            "<li>Optionally your gender and year of birth, used for anonymous "
            "statistics (groups of fewer than five people are never shown), and "
            "your gender for the grammar of your Slovenian certificates.</li>"
            "<li>Your course progress, quiz and exercise answers, self-assessment "
            "results and certificates.</li></ul>"
            "<h2>Why</h2><p>To provide learning and certificates (contract) and to "
            "report anonymous participation to funders (legitimate interest).</p>"
            "<h2>Your rights</h2><p>You can correct your profile at any time. You can "
            "ask for an export of all your data or delete your account; on deletion "
            "your certificates are revoked and anonymous statistics stay, unlinked "
            "from you.</p>"
        ),
    },
}


def _locale(code: str) -> Locale:
    locale, _ = Locale.objects.get_or_create(language_code=code)
    return locale


def _home_fields(content: dict) -> dict:
    return {
        "title": content["title"],
        "hero_heading": content["hero_heading"],
        "hero_text": content["hero_text"],
        "hero_cta_text": content["hero_cta_text"],
        "body": [
            (
                "features",
                {
                    "heading": content["features_heading"],
                    "features": [
                        {
                            "title": title,
                            "text": text,
                            "link_page": None,
                            "link_to": ""
                            if destination == "catalogue"
                            else destination,
                            "link_text": link_text,
                        }
                        for (title, text), (link_text, destination) in zip(
                            content["features"], content["feature_links"], strict=True
                        )
                    ],
                },
            ),
            ("heading", content["story_heading"]),
            ("paragraph", content["story"]),
        ],
    }


def _publish(page: Page) -> None:
    page.save_revision().publish()


def home_features_link(*, destinations: dict[str, Page]) -> Iterator[str]:
    """Link the demo home pages' features that have no link yet as the demo
    content says: to a site destination, or to a page of `destinations` in the
    home page's language (the course catalogue, made by another app's demo).
    Idempotent; leaves a link an editor chose alone."""
    for language, content in HOME.items():
        home = HomePage.objects.filter(locale__language_code=language, depth=2).first()
        if home is None:
            continue
        changed = False
        for block in home.body:
            if block.block_type != "features":
                continue
            for feature in block.value["features"]:
                link = next(
                    (
                        link
                        for (title, _text), link in zip(
                            content["features"], content["feature_links"], strict=True
                        )
                        if title == feature["title"]
                    ),
                    None,
                )
                if link is None or feature["link_page"] or feature["link_to"]:
                    continue
                link_text, destination = link
                page = destinations.get(destination)
                if page is not None:
                    feature["link_page"] = page.get_translation_or_none(home.locale)
                elif destination not in destinations and destination != "catalogue":
                    feature["link_to"] = destination
                else:
                    continue
                feature["link_text"] = feature["link_text"] or link_text
                changed = changed or bool(feature["link_page"] or feature["link_to"])
        if changed:
            home.save_revision().publish()
            yield f"Linked the features of the home page ({language})."


def _standard_page(parent: Page, content: dict, *, in_menu: bool, source=None) -> Page:
    """The page in parent's locale; a translation of `source` when given."""
    existing = StandardPage.objects.filter(
        locale=parent.locale, slug=content["slug"]
    ).first()
    if existing:
        return existing
    if source is not None:
        page = source.copy_for_translation(parent.locale, copy_parents=False)
        page = StandardPage.objects.get(pk=page.pk)
    else:
        page = StandardPage()
    page.title = content["title"]
    page.slug = content["slug"]
    page.introduction = content["introduction"]
    page.body = content["body"]
    page.show_in_menus = in_menu
    if source is None:
        parent.add_child(instance=page)
    else:
        page.save()
    _publish(page)
    return page


def load() -> Iterator[str]:
    sl, en = _locale("sl"), _locale("en")
    root = Page.get_first_root_node()

    home_sl = HomePage.objects.filter(locale=sl, depth=2).first()
    if home_sl is None:
        # Replace Wagtail's "Welcome" placeholder with our home page.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home_sl = HomePage(
            locale=sl, slug=HOME["sl"]["slug"], **_home_fields(HOME["sl"])
        )
        root.add_child(instance=home_sl)
        _publish(home_sl)
        yield "Created the Slovenian home page."

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = public_address()
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home_sl,
            is_default_site=True,
            site_name="Creative Cities Academy",
        )
    elif site.root_page_id != home_sl.pk or site.site_name != "Creative Cities Academy":
        site.root_page = home_sl
        site.site_name = "Creative Cities Academy"
        site.save()
    site_address_apply()

    home_en = HomePage.objects.filter(locale=en, depth=2).first()
    if home_en is None:
        translated = home_sl.copy_for_translation(en, copy_parents=False)
        home_en = HomePage.objects.get(pk=translated.pk)
        for field, value in _home_fields(HOME["en"]).items():
            setattr(home_en, field, value)
        home_en.slug = HOME["en"]["slug"]
        home_en.save()
        _publish(home_en)
        yield "Created the English home page."

    about_sl = _standard_page(home_sl, ABOUT["sl"], in_menu=True)
    _standard_page(home_en, ABOUT["en"], in_menu=True, source=about_sl)
    privacy_sl = _standard_page(home_sl, PRIVACY["sl"], in_menu=False)
    _standard_page(home_en, PRIVACY["en"], in_menu=False, source=privacy_sl)

    for home in (home_sl, home_en):
        # Adding children changed the tree columns in the database; a stale copy
        # would write them back.
        home.refresh_from_db()
        if home.hero_cta_page_id is None:
            home.hero_cta_page = about_sl.get_translation(home.locale)
            home.save_revision().publish()

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.privacy_notice_id != privacy_sl.pk:
        site_settings.privacy_notice = privacy_sl
        site_settings.contact_email = "info@rcke.si"
        site_settings.save()

    User = get_user_model()
    if not User.objects.filter(email=DEMO_ADMIN_EMAIL).exists():
        admin = User.objects.create_superuser(
            email=DEMO_ADMIN_EMAIL,
            password=DEMO_ADMIN_PASSWORD,
            full_name="Demo Administrator",
        )
        EmailAddress.objects.create(
            user=admin, email=DEMO_ADMIN_EMAIL, verified=True, primary=True
        )
        yield "Created the demo administrator."
    yield (
        f"Demo administrator: {DEMO_ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD} "
        "(admin at http://127.0.0.1:8000/cms/)"
    )
