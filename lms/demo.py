"""The demo content's files and the one loader every app's `demo.load()` uses.

Demo content lives under `<app>/demo/` as data a trainer can read and edit
(docs/demo-content.md describes the format):

- a page is a Markdown file with YAML front matter: the front matter holds the
  page's fields (title, slug, minutes …), the body its text. In a page whose body
  is a StreamField, a `## ` line is a heading block, a `::: <block>` … `:::`
  fence holds one block's fields in YAML, and everything else is rich text;
- files of the same name in the language folders (`sl/about.md`, `en/about.md`)
  are translations of each other;
- anything else (a course's outline, the self-assessment) is a YAML file.

Pages are created and published as the admin does (`add_child`, then
`save_revision().publish()`), linked to their translations by the translation
key (`translation_link`), and updated only when their file says something else,
so loading the demo twice changes nothing. Wagtail's search and reference
indexes are brought up to date once per page, after it is published
(`indexed_once`), not at each of the saves on the way there."""

import contextlib
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import Signal
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
from modelsearch.tasks import insert_or_update_object_task
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, ReferenceIndex, TranslatableMixin
from wagtail.signal_handlers import update_reference_index_on_save as references_on_save
from wagtail.tasks import update_reference_index_task

LANGUAGES = ("sl", "en")
FENCE_START = re.compile(r"^:::\s*(?P<block>[a-z_]+)\s*$")
FENCE_END = re.compile(r"^:::\s*$")
HEADING = re.compile(r"^## (?P<text>.+?)\s*$")
# The HTML Wagtail's rich text editor stores for each feature of ours.
FEATURE_TAGS = {
    "h2": {"h2"},
    "h3": {"h3"},
    "h4": {"h4"},
    "bold": {"b"},
    "italic": {"i"},
    "link": {"a"},
    "document-link": {"a"},
    "ol": {"ol", "li"},
    "ul": {"ul", "li"},
}


class DemoContentError(ValueError):
    """A demo file that cannot be read; the message names the file."""


@dataclass(frozen=True)
class PageFile:
    """A page's Markdown file: its front matter and its Markdown body."""

    path: Path
    fields: dict[str, Any]
    body: str


def _error(path: Path, message: str) -> DemoContentError:
    return DemoContentError(f"{_shown(path)}: {message}")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)


def yaml_read(path: Path) -> Any:
    """A YAML file's data; a broken file raises DemoContentError naming it."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise _error(path, str(error)) from error


def page_file_read(path: Path) -> PageFile:
    """A Markdown file with front matter between two `---` lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise _error(path, str(error)) from error
    match = re.match(r"\A---\n(?P<front>.*?)\n---\n?(?P<body>.*)\Z", text, re.DOTALL)
    if match is None:
        raise _error(path, "no front matter (a `---` line, YAML fields, `---`)")
    try:
        fields = yaml.safe_load(match["front"])
    except yaml.YAMLError as error:
        raise _error(path, f"front matter: {error}") from error
    if not isinstance(fields, dict):
        raise _error(path, "the front matter must be fields (`name: value`)")
    return PageFile(path=path, fields=fields, body=match["body"].strip("\n"))


def translation_files(directory: Path, pattern: str = "*.md") -> dict[str, dict]:
    """{name: {language: path}} of the files in `directory/<language>/`: files
    of the same name are translations of each other. Sorted by name."""
    found: dict[str, dict[str, Path]] = {}
    for language in LANGUAGES:
        for path in sorted((directory / language).glob(pattern)):
            found.setdefault(path.name, {})[language] = path
    return dict(sorted(found.items()))


def richtext_from_markdown(
    text: str, *, features: Iterable[str], path: Path | None = None
) -> str:
    """Markdown as the HTML Wagtail's rich text editor stores (`<b>`, `<i>`, no
    line breaks between elements); a feature the field does not allow (a `####`
    heading in a lesson) raises DemoContentError."""
    html = markdown.markdown(text, output_format="html")
    html = re.sub(r"<(/?)strong>", r"<\1b>", html)
    html = re.sub(r"<(/?)em>", r"<\1i>", html)
    # Markdown's line breaks (and a list item's indented continuation lines)
    # are spaces in HTML; the editor stores none between elements.
    html = re.sub(r"\s*\n\s*", " ", re.sub(r">\s*\n\s*<", "><", html))
    allowed = {"p", "br"}.union(*(FEATURE_TAGS.get(f, set()) for f in features))
    used = set(re.findall(r"<([a-z0-9]+)[\s>]", html))
    if used - allowed:
        where = path or Path("<text>")
        tags = ", ".join(sorted(used - allowed))
        raise _error(where, f"this text may not use {tags} (Markdown: {text[:60]!r})")
    return html


def stream_from_markdown(
    page_file: PageFile,
    *,
    text_block: str,
    features: Iterable[str],
    heading_block: str | None = "heading",
) -> list[dict]:
    """The body as a StreamField's raw blocks: `## ` lines are heading blocks,
    `::: <block>` fences blocks with YAML fields, the rest rich text blocks."""
    blocks: list[dict] = []
    text: list[str] = []
    fence: tuple[str, list[str], int] | None = None

    def flush() -> None:
        markdown_text = "\n".join(text).strip()
        text.clear()
        if markdown_text:
            html = richtext_from_markdown(
                markdown_text, features=features, path=page_file.path
            )
            blocks.append({"type": text_block, "value": html})

    for number, line in enumerate(page_file.body.splitlines(), start=1):
        if fence is not None:
            if FENCE_END.match(line):
                block, lines, start = fence
                try:
                    value = yaml.safe_load("\n".join(lines))
                except yaml.YAMLError as error:
                    raise _error(
                        page_file.path, f"the `{block}` block on line {start}: {error}"
                    ) from error
                blocks.append({"type": block, "value": value})
                fence = None
            else:
                fence[1].append(line)
        elif start := FENCE_START.match(line):
            flush()
            fence = (start["block"], [], number)
        elif heading_block and (heading := HEADING.match(line)):
            flush()
            blocks.append({"type": heading_block, "value": heading["text"]})
        else:
            text.append(line)
    if fence is not None:
        raise _error(
            page_file.path,
            f"the `{fence[0]}` block on line {fence[2]} has no closing `:::`",
        )
    flush()
    return blocks


def translation_link(item: TranslatableMixin, original: TranslatableMixin | None):
    """Make `item` (not yet saved) the translation of `original`: the same
    translation key, so the language switcher links them and the admin's
    *Translate* finds them. The one way the demo links translations."""
    if original is not None:
        item.translation_key = original.translation_key
    return item


def locale(language: str) -> Locale:
    found, _created = Locale.objects.get_or_create(language_code=language)
    return found


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(v) for key, v in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def stream_raw(field: StreamField, value, source: Path | None = None) -> list[dict]:
    """A StreamField value (raw blocks; a list block may be a list of plain
    values) checked as the admin's form checks it and in the form it saves:
    every field of every block, with ids. A mistake raises DemoContentError
    naming `source`."""
    block = field.stream_block
    python = block.to_python(list(value))
    try:
        block.clean(python)
    except ValidationError as error:
        message = "; ".join(_messages(error))
        raise _error(source or Path("<demo>"), f"{field.name}: {message}") from error
    return block.get_prep_value(python)


def _messages(error) -> list[str]:
    """The messages of a (block) validation error, however deeply nested."""
    if hasattr(error, "as_json_data"):
        return [str(error.as_json_data())]
    return list(getattr(error, "messages", [str(error)]))


def _differs(page: Page, name: str, value) -> bool:
    field = page._meta.get_field(name)
    current = getattr(page, field.attname, None)
    if isinstance(field, StreamField):
        raw = [_without_ids(block) for block in current.raw_data]
        return raw != _without_ids(value)
    if field.many_to_many:
        return set(getattr(page, name).values_list("pk", flat=True)) != {
            item.pk for item in value
        }
    if isinstance(field, models.ForeignKey) and isinstance(value, models.Model):
        return current != value.pk
    return current != value


def _fields_set(page: Page, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        if page._meta.get_field(name).many_to_many:
            # A page's ParentalManyToManyField: kept with the page until saved.
            getattr(page, name).set(value)
        else:
            setattr(page, name, value)


@contextlib.contextmanager
def receivers_suspended(
    signal: Signal, receiver: Callable, senders: Iterable[type | None]
) -> Iterator[list[type | None]]:
    """Within the block `receiver` does not hear `signal` from `senders` (None:
    a receiver connected for every sender); gives the senders it was connected
    to, which it hears again afterwards. For the demo's loaders, which run in
    one thread: the receiver is disconnected for every thread during the block."""
    suspended = [
        sender for sender in senders if signal.disconnect(receiver, sender=sender)
    ]
    try:
        yield suspended
    finally:
        for sender in suspended:
            signal.connect(receiver, sender=sender)


_deferring = threading.local()


@contextlib.contextmanager
def indexed_once() -> Iterator[None]:
    """Within the block, Wagtail's search index and reference index are not
    updated at each save: every object saved is indexed once at the end, by the
    same tasks the save would have enqueued (so they run where they would:
    inline in `load_demo`, by a worker elsewhere), on the rows as the block left
    them.

    A page created and published is saved four times (`add_child`, the
    revision's pointers, publishing, the revision's publishing), and each save
    re-indexed it: most of a first load's queries. Nested blocks index at the
    outermost one's end; nothing is indexed if the block raises."""
    if getattr(_deferring, "saved", None) is not None:
        yield
        return
    searched = [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    saved: dict[tuple[str, str, str], set[str]] = {}

    def note(sender, instance, raw=False, **kwargs) -> None:
        if raw:
            return
        key = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
        if sender in search_senders:
            saved.setdefault(key, set()).add("search")
        if sender in reference_senders:
            saved.setdefault(key, set()).add("references")

    with (
        receivers_suspended(post_save, search_on_save, searched) as search_senders,
        receivers_suspended(
            post_save, references_on_save, list(ReferenceIndex.tracked_models)
        ) as reference_senders,
    ):
        _deferring.saved = saved
        post_save.connect(note, weak=False, dispatch_uid="lms.demo.indexed_once")
        try:
            yield
        finally:
            post_save.disconnect(dispatch_uid="lms.demo.indexed_once")
            _deferring.saved = None
    for key, indexes in saved.items():
        if "search" in indexes:
            insert_or_update_object_task.enqueue(*key)
        if "references" in indexes:
            update_reference_index_task.enqueue(*key)


def page_put(
    *,
    parent: Page,
    page_class: type[Page],
    fields: dict[str, Any],
    translation_of: Page | None = None,
    existing: Page | None = None,
    locale: Locale | None = None,
    source: Path | None = None,
) -> tuple[Page, bool]:
    """The page of `fields` under `parent`, created or brought up to date and
    published as the admin would, a translation of `translation_of` if given.
    Found by `existing`, else by translation key or slug under `parent`, in
    `locale` (the parent's by default). StreamField values are checked as the
    admin checks them (a mistake names `source`, the file). Returns (page,
    whether anything was written); a page that already says what `fields`
    say is left alone (no new revision)."""
    locale = locale or parent.locale
    fields = {
        name: stream_raw(field, value, source)
        if isinstance(field := page_class._meta.get_field(name), StreamField)
        else value
        for name, value in fields.items()
    }
    if existing is None:
        children = page_class.objects.child_of(parent).filter(locale=locale)
        if translation_of is not None:
            existing = children.filter(
                translation_key=translation_of.translation_key
            ).first()
        existing = existing or children.filter(slug=fields["slug"]).first()
    if existing is not None:
        page = existing.specific
        changed = [name for name, v in fields.items() if _differs(page, name, v)]
        if not changed:
            return page, False
        _fields_set(page, {name: fields[name] for name in changed})
        with indexed_once():
            page.save_revision().publish()
        return page, True
    page = translation_link(page_class(locale=locale), translation_of)
    _fields_set(page, fields)
    # A draft until published, as the admin creates it: add_child then checks
    # only the title and slug, the revision checks the whole page.
    page.live = False
    with indexed_once():
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page, True
