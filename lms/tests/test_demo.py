"""The demo's data files and the loader that reads them (lms/demo.py): pure
tests, no database."""

from pathlib import Path

import pytest
from django.conf import settings

from courses.blocks import RICH_TEXT_FEATURES
from courses.demo import _lesson_fields, demo_courses
from courses.models import LessonPage
from lms import demo

APPS = ("home", "courses", "assessments", "events")


def demo_files(pattern: str) -> list[Path]:
    return sorted(
        path
        for app in APPS
        for path in (Path(settings.BASE_DIR) / app / "demo").rglob(pattern)
    )


@pytest.mark.parametrize("path", demo_files("*.md"), ids=str)
def test_every_page_file_has_front_matter_and_a_body_the_editor_accepts(path):
    page_file = demo.page_file_read(path)
    assert page_file.fields["title"] and page_file.fields["slug"]
    # Every text turns into rich text of the features a lesson or page allows
    # (h2 only in general pages, where it is not a heading block).
    features = [*RICH_TEXT_FEATURES, "h2", "h4"]
    demo.stream_from_markdown(page_file, text_block="text", features=features)


@pytest.mark.parametrize("path", demo_files("*.yaml"), ids=str)
def test_every_yaml_file_parses(path):
    assert isinstance(demo.yaml_read(path), dict)


def test_every_lesson_is_a_valid_lesson_body_in_both_languages():
    body_field = LessonPage._meta.get_field("body")
    for course in demo_courses():
        assert set(course.lessons) == set(demo.LANGUAGES)
        # The same lessons in both languages: they are translations by position.
        assert set(course.lessons["sl"]) == set(course.lessons["en"])
        assert len(course.outline["modules"]) == len(
            {module for module, _lesson in course.lessons["sl"]}
        )
        for lessons in course.lessons.values():
            for path in lessons.values():
                fields = _lesson_fields(path)
                assert demo.stream_raw(body_field, fields["body"], path)


def test_bad_front_matter_names_the_file(tmp_path):
    path = tmp_path / "01-01-broken.md"
    path.write_text("---\ntitle: [unclosed\n---\n\nText.\n")
    with pytest.raises(demo.DemoContentError, match=r"01-01-broken\.md: front matter"):
        demo.page_file_read(path)
    path.write_text("No front matter here.\n")
    with pytest.raises(demo.DemoContentError, match=r"01-01-broken\.md: no front"):
        demo.page_file_read(path)


def test_an_unclosed_block_names_the_file_and_line(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("---\ntitle: T\nslug: t\n---\n\nText.\n\n::: callout\ntitle: X\n")
    page_file = demo.page_file_read(path)
    with pytest.raises(demo.DemoContentError, match=r"page\.md: .*line 3"):
        demo.stream_from_markdown(page_file, text_block="text", features=[])


def test_markdown_becomes_the_html_the_rich_text_editor_stores():
    html = demo.richtext_from_markdown(
        "A **bold** and *italic*\nline.\n\n- one\n  continued\n- two\n\n### Three",
        features=RICH_TEXT_FEATURES,
    )
    assert html == (
        "<p>A <b>bold</b> and <i>italic</i> line.</p>"
        "<ul><li>one continued</li><li>two</li></ul><h3>Three</h3>"
    )


def test_a_feature_the_field_does_not_allow_is_refused(tmp_path):
    with pytest.raises(demo.DemoContentError, match="h4"):
        demo.richtext_from_markdown("#### Too deep", features=RICH_TEXT_FEATURES)


def test_a_stream_body_splits_at_headings_and_blocks(tmp_path):
    path = tmp_path / "page.md"
    path.write_text(
        "---\ntitle: T\nslug: t\n---\n\n## First\n\nSome *text*.\n\n"
        "::: callout\ntitle: Tip\ntext: Do it.\n:::\n\nMore.\n"
    )
    blocks = demo.stream_from_markdown(
        demo.page_file_read(path), text_block="text", features=RICH_TEXT_FEATURES
    )
    assert blocks == [
        {"type": "heading", "value": "First"},
        {"type": "text", "value": "<p>Some <i>text</i>.</p>"},
        {"type": "callout", "value": {"title": "Tip", "text": "Do it."}},
        {"type": "text", "value": "<p>More.</p>"},
    ]
