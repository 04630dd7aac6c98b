"""The demo loader's pages are indexed once, when they are published, by the
tasks Wagtail's own saves enqueue (lms.demo.indexed_once): searchable and in the
reference index as if indexed at every save, for a fraction of the work."""

import pytest
from django.db.models.signals import post_save
from django_tasks.signals import task_finished
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.tasks import update_reference_index_task

from home.models import HomePage, StandardPage
from lms import demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexing_runs():
    """The search and reference index tasks run, as (task name, object id)."""
    runs = []
    names = {
        insert_or_update_object_task: "search",
        update_reference_index_task: "references",
    }

    def heard(sender, task_result, **kwargs) -> None:
        name = names.get(task_result.task)
        if name:
            runs.append((name, task_result.args[2]))

    task_finished.connect(heard)
    yield runs
    task_finished.disconnect(heard)


def _about(home: HomePage) -> StandardPage:
    return StandardPage.objects.child_of(home).get(slug="about")


def _put(home: HomePage, slug: str, body: str) -> StandardPage:
    page, changed = demo.page_put(
        parent=home,
        page_class=StandardPage,
        fields={
            "title": "Kaleidoscope workshop",
            "slug": slug,
            "introduction": "",
            "body": body,
        },
    )
    assert changed
    return page


def test_a_new_page_is_indexed_once_and_found(demo_site, indexing_runs):
    home = HomePage.objects.get(locale__language_code="en")
    about = _about(home)
    link = f'<p>See <a linktype="page" id="{about.pk}">about us</a>.</p>'
    page = _put(home, "kaleidoscope", link)

    assert sorted(run for run in indexing_runs if run[1] == str(page.pk)) == [
        ("references", str(page.pk)),
        ("search", str(page.pk)),
    ]
    assert list(StandardPage.objects.live().search("kaleidoscope")) == [page]
    assert (
        ReferenceIndex.get_references_for_object(page)
        .filter(to_object_id=str(about.pk))
        .exists()
    )


def test_a_changed_page_is_indexed_again_once(demo_site, indexing_runs):
    home = HomePage.objects.get(locale__language_code="en")
    page = _put(home, "kaleidoscope", "<p>Colours.</p>")
    indexing_runs.clear()
    page, changed = demo.page_put(
        parent=home,
        page_class=StandardPage,
        fields={"title": "Prism workshop", "slug": "kaleidoscope"},
    )
    assert changed
    assert indexing_runs.count(("search", str(page.pk))) == 1
    assert list(StandardPage.objects.live().search("prism")) == [page]


def test_saves_after_the_block_are_indexed_at_once_again(demo_site):
    home = HomePage.objects.get(locale__language_code="en")
    about = _about(home)
    with pytest.raises(RuntimeError), demo.indexed_once():
        raise RuntimeError("a broken demo file")
    about.title = "Periscope"
    about.save_revision().publish()
    assert list(StandardPage.objects.live().search("periscope")) == [about]


def test_a_suspended_receiver_hears_again_after_the_block(demo_site):
    heard = []

    def receiver(sender, instance, **kwargs) -> None:
        heard.append(instance.pk)

    post_save.connect(receiver, sender=StandardPage)
    try:
        about = _about(HomePage.objects.get(locale__language_code="en"))
        with demo.receivers_suspended(
            post_save, receiver, (StandardPage, HomePage)
        ) as suspended:
            about.save()
        assert suspended == [StandardPage]  # it was not listening to HomePage
        assert heard == []
        about.save()
        assert heard == [about.pk]
    finally:
        post_save.disconnect(receiver, sender=StandardPage)
