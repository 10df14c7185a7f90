"""Lay out the bulletin and the ISCM table as HTML, one language at a time.

Templates receive one typed object (``DocumentContext``) and as filters the methods
of the ``Localiser`` (the language), of ``Names`` (the records' names and texts) and of
``Sentences``: they lay out, they do not compute.
Autoescaping is on for every template, whatever its name.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import groupby

from babel import Locale
from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from ..compose.acronyms import acronyms
from ..compose.changed import change_sentences
from ..compose.charts import Chart, key_figure_charts, trends_chart
from ..compose.imprint import Imprint, imprint
from ..compose.key_messages import key_messages
from ..compose.maps import Map, world_map
from ..compose.names import Names, column_of
from ..compose.profiles import Profile, profiles, recent_years
from ..compose.sentences import Sentences
from ..config import BulletinConfig
from ..contract.schema import MECHANISMS
from ..contract.vocabularies import VOCABULARIES
from ..lang.localiser import Localiser, plain_text
from ..model import BulletinData, Highlight, Mechanism, Meeting
from ..world.regions import GROUPS

ACRONYM, SECRETARIAT = MECHANISMS.column("acronym"), MECHANISMS.column("secretariat")


@dataclass(frozen=True)
class TableGroup:
    """Mechanisms of one type and region, under one full-width header in the ISCM table."""

    type: str
    region: str
    mechanisms: tuple[Mechanism, ...]


@dataclass(frozen=True)
class AnnexTable:
    """A figure's data, as a table of the bulletin's annex, linked from the figure (its text
    equivalent: the figure's description and this table)."""

    id: str
    """The table's id; its figure links to it."""
    figure: str
    """The figure's id."""
    number: int
    """Its number in the annex: Table A.1…"""
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def annex_tables(world: Map, charts: tuple[Chart, ...], trends: Chart | None
                 ) -> tuple[AnnexTable, ...]:
    """The data of the key figures' map and charts, in the order the figures come."""
    figures = [(world.id, world.title, world.headers, world.rows)]
    figures += [(c.id, c.title, c.headers, c.rows) for c in (*charts, *([trends] if trends
                                                                          else []))]
    return tuple(AnnexTable(f"data-{id}", id, n, title, tuple(headers), tuple(map(tuple, rows)))
                 for n, (id, title, headers, rows) in enumerate(figures, start=1))


@dataclass(frozen=True)
class DocumentContext:
    """Everything a template shows, in the order and language of the reader."""

    bulletin: BulletinData
    lang: str
    dir: str
    languages: tuple[tuple[str, str], ...]
    """(language code, file name of the same document in it), for the switcher."""
    charts: tuple[Chart, ...]
    highlights: tuple[Highlight, ...]
    """Mechanisms that met, alphabetical in the reader's language."""
    months: tuple[tuple[int, tuple[Meeting, ...]], ...]
    """The calendar grouped by month."""
    active: tuple[Mechanism, ...]
    """Active mechanisms, alphabetical by acronym (thematic matrix)."""
    active_by_type: tuple[tuple[str, tuple[Mechanism, ...]], ...]
    """Active mechanisms by type, in the order of the types, alphabetical by acronym."""
    world_map: Map
    """The States shaded by the number of mechanisms they are members of."""
    iom_roles: tuple[tuple[str, tuple[Mechanism, ...]], ...]
    not_active: tuple[Mechanism, ...]
    """Emerging, then inactive mechanisms."""
    table_groups: tuple[TableGroup, ...]
    mechanisms_by_id: dict[str, Mechanism]
    themes: tuple[str, ...]
    """Keys of the themes in use, alphabetical by their label in the reader's language."""
    ranking_left_out: tuple[Mechanism, ...]
    """When States are not ranked by membership: the active mechanisms without member
    lists, which make a ranking meaningless."""
    localiser: Localiser = field(repr=False, compare=False)
    trends: Chart | None = None
    """Meetings per year by level over the last ten years; None with fewer than two."""
    changes: tuple[Markup, ...] = ()
    """The sentences of 'What changed in <year>' (changed.py); empty: no such section."""
    kind: str = ""
    """The document's kind (bulletin, table…): its cover's colour and name."""
    title: str = ""
    """Its title in the reader's language: 'ISCM 2025 · Highlights' (outputs.py)."""
    product: str = ""
    """The product's name alone, on its cover's band: 'Highlights'."""
    imprint: Imprint | None = None
    """The publication settings in the reader's language (compose/imprint.py)."""
    key_messages: tuple[Markup, ...] = ()
    """The bulletin's key messages (key_messages.py)."""
    acronyms: tuple[tuple[str, Markup], ...] = ()
    """(acronym, what it stands for) of those the page uses (acronyms.py); filled in by
    render_html once the page is laid out without them."""

    @cached_property
    def cover_map(self) -> Map:
        """The year's map as the bulletin's cover art: the same drawing under its own ids."""
        return shaded_world(tuple(sorted(self.bulletin.summary.memberships_per_state.items())),
                            self.lang, "map-cover")

    @property
    def annex(self) -> tuple[AnnexTable, ...]:
        """The figures' data tables, in the annex (bulletin)."""
        return annex_tables(self.world_map, self.charts, self.trends)

    def annexed(self, figure_id: str) -> AnnexTable | None:
        """The annex table of a figure."""
        return next((t for t in self.annex if t.figure == figure_id), None)

    @cached_property
    def profiles(self) -> tuple[Profile, ...]:
        """The mechanism profiles (profiles.html), made only for the document that shows
        them: their maps are the costliest part of a page."""
        return profiles(self.bulletin, self.localiser)

    @property
    def title_parts(self) -> tuple[str, str]:
        """The title's series and product ('ISCM 2025', 'Highlights'), which the cover sets
        apart; the whole title and '' when a translation has no ' · '."""
        series, _, product = self.title.partition(" · ")
        return series, product

    @property
    def language_name(self) -> str:
        """The document's language in itself: 'English', 'Français', 'العربية'."""
        name = Locale.parse(self.localiser.locale).get_language_name() or self.lang
        return name[:1].upper() + name[1:]

    @property
    def recent_years(self) -> str:
        """The years of the meetings a profile lists: '2023–2025'."""
        return recent_years(self.bulletin, self.localiser)


class CompiledTemplates(BytecodeCache):
    """Templates compiled once for every language's environment: the code Jinja generates
    does not depend on the language (translations and filters are looked up when rendering).
    Keyed by template and source checksum, so an edited template is compiled again."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()


def make_env(config: BulletinConfig, loc: Localiser) -> Environment:
    """A Jinja environment for one language: gettext installed, formatting as filters."""
    env = Environment(loader=FileSystemLoader(config.templates_dir), autoescape=True,
                      undefined=StrictUndefined, extensions=["jinja2.ext.i18n"],
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      bytecode_cache=COMPILED_TEMPLATES)
    env.install_gettext_translations(loc.translations, newstyle=True)
    sentences = Sentences(loc)
    names = sentences.names
    env.filters.update(
        number=loc.number, date=loc.date, date_range=loc.date_range, month=loc.month,
        country=loc.country, label=loc.label, text=loc.data_text, theme=loc.theme,
        join_list=loc.list, markup_list=loc.markup_list, labelled=loc.labelled,
        month_caption=loc.month_caption, big_figure=loc.big_figure,
        name=names.display_name, other_names=names.other_names, full_name=names.full_name,
        regions=names.regions, status=names.status, short_name=names.short_name,
        # A template names a record's text by its column: {{ m|tr('secretariat') }}.
        tr=lambda record, column: names.tr(record, column_of(record, column)),
        tr_items=lambda record, column: names.tr_items(record, column_of(record, column)),
        party_names=lambda parties: names.party_names(parties, True),
        sentence=sentences.meeting_sentence, meeting_title=sentences.meeting_title,
        table_place=sentences.table_place, members_sentence=sentences.members_sentence,
        ranking_note=sentences.ranking_note, unbroken=unbroken, balanced=balanced)
    return env


NBSP = "\u00a0"
UNBROKEN_LENGTH = 30
"""Characters: a title or date this short is set on one line (its spaces no-break)."""


def unbroken(text: str) -> str:
    """A short text kept on one line (a cover's series or product name, a date): its
    spaces made no-break; a longer one as it is."""
    return text.replace(" ", NBSP) if len(text) <= UNBROKEN_LENGTH else text


def balanced(text: str) -> str:
    """A title or subtitle that never ends on a word alone: its last two words joined by a
    no-break space (the review found 'العام' and 'год' alone on a cover's last line)."""
    head, space, last = text.rpartition(" ")
    return f"{head}{NBSP}{last}" if space and head else text


def table_groups(mechanisms: tuple[Mechanism, ...], loc: Localiser) -> tuple[TableGroup, ...]:
    """The ISCM table's groups: by type, then by first macro-region, names alphabetical."""
    types = list(VOCABULARIES["type"])
    groups = list(GROUPS)
    names = Names(loc)

    def group_of(m: Mechanism) -> tuple[int, int]:
        return types.index(m.type), groups.index(m.macro_regions[0])

    ordered = sorted(mechanisms,
                     key=lambda m: (group_of(m), loc.sort_key(names.mechanism_name(m))))
    return tuple(TableGroup(types[t], groups[r], tuple(ms))
                 for (t, r), ms in groupby(ordered, key=group_of))


@cache
def shaded_world(counts: tuple[tuple[str, int], ...], lang: str, id: str = "map-world") -> Map:
    """The world map of the counts, drawn once per language, id and run: the bulletin, the
    factsheet and the poster show the same one."""
    return world_map(dict(counts), Localiser(lang), id)


def document_context(data: BulletinData, loc: Localiser,
                     languages: tuple[tuple[str, str], ...], kind: str = "",
                     title: str = "", product: tuple[str, str] | None = None
                     ) -> DocumentContext:
    """What the templates show, ordered and worded for the reader's language. title: the
    document's title message (outputs.py, with %(year)s); product: its product's name
    (context, message)."""
    title = loc.gettext(title) % {"year": data.year} if title else ""
    imprinted = imprint(data, loc, title)
    names = Names(loc)
    by_name = lambda m: loc.sort_key(names.mechanism_name(m))  # noqa: E731
    highlights = tuple(sorted(data.highlights, key=lambda h: by_name(h.mechanism)))
    months = tuple((month, tuple(meetings)) for month, meetings
                   in groupby(data.calendar, key=lambda m: m.start.month))
    by_id = {m.id: m for m in data.mechanisms}
    active = tuple(sorted((m for m in data.mechanisms if m.status == "active"),
                          key=lambda m: loc.sort_key(names.text(m, ACRONYM))))
    by_type = tuple((kind, members) for kind in VOCABULARIES["type"]
                    if (members := tuple(m for m in active if m.type == kind)))
    roles = tuple((role, tuple(sorted((by_id[i] for i in ids), key=by_name)))
                  for role, ids in data.summary.iom_roles.items())
    statuses = ("emerging", "inactive")
    not_active = tuple(sorted((m for m in data.mechanisms if m.status in statuses),
                              key=lambda m: (statuses.index(m.status), by_name(m))))
    return DocumentContext(
        bulletin=data, lang=loc.lang, dir=loc.direction,
        languages=languages, charts=key_figure_charts(data.summary, loc),
        highlights=highlights, months=months, active=active, active_by_type=by_type,
        # The settings' disclaimer under the map: the drawing is shared, the words are not.
        world_map=replace(shaded_world(tuple(sorted(
            data.summary.memberships_per_state.items())), loc.lang),
            disclaimer=imprinted.disclaimer),
        iom_roles=roles,
        not_active=not_active, table_groups=table_groups(data.mechanisms, loc),
        mechanisms_by_id=by_id,
        themes=tuple(sorted(data.themes,
                            key=lambda t: loc.sort_key(loc.theme_text(t, data.theme_names)))),
        ranking_left_out=() if data.summary.top_states else tuple(
            by_id[i] for i in data.summary.active_without_member_list),
        localiser=loc,
        trends=trends_chart(data.summary, loc),
        changes=change_sentences(data.summary, by_id, loc),
        kind=kind, title=title, product=loc.pgettext(*product) if product else "",
        imprint=imprinted, key_messages=key_messages(data, by_id, loc))


@cache
def language_env(config: BulletinConfig, lang: str) -> tuple[Localiser, Environment]:
    """One Localiser and one Jinja environment per language and run: the catalogue is
    loaded and the templates compiled once, whatever the number of documents."""
    loc = Localiser(lang)
    return loc, make_env(config, loc)


def render_html(data: BulletinData, template: str, lang: str, config: BulletinConfig,
                languages: tuple[tuple[str, str], ...] = (), title: str = "",
                product: tuple[str, str] | None = None) -> str:
    """One document in one language, as an HTML page. languages: (language, file name) of
    the same document in each language built, for the language switcher (plan.py); title
    and product: the document's declaration (outputs.py)."""
    loc, env = language_env(config, lang)
    context = document_context(data, loc, languages, template.removesuffix(".html"), title,
                               product)
    page = env.get_template(template).render(doc=context)
    if ACRONYMS_SECTION not in page:
        return page
    # The list of acronyms is made of those the page uses: read them, then lay it out again.
    found = acronyms(page, data.mechanisms, loc)
    return env.get_template(template).render(doc=replace(context, acronyms=found))


ACRONYMS_SECTION = 'id="acronyms"'
"""Marks a page that lists its acronyms (_acronyms.html)."""


def table_sheet(data: BulletinData, lang: str) -> tuple[str, list[str], list[list], list[int]]:
    """The ISCM table as spreadsheet rows: title, headers, rows and column widths."""
    loc = Localiser(lang)
    names = Names(loc)
    _ = loc.gettext
    headers = [_("Type"), _("Region"), _("Mechanism"), _("Acronym"), _("Regions covered"),
               _("Established"),
               _("Member States"), _("Number of Member States"), _("Observers and partners"),
               _("Secretariat"), _("Thematic focus"), _("IOM’s role"), _("Status"),
               _("Website")]
    widths = [14, 16, 40, 12, 24, 10, 60, 10, 40, 24, 30, 24, 24, 30]
    rows = []
    for group in table_groups(data.mechanisms, loc):
        for m in group.mechanisms:
            rows.append([
                loc.label(m.type, "type"), loc.label(group.region, "region"),
                names.mechanism_name(m), names.text(m, ACRONYM),
                "; ".join(plain_text(region) for region in names.regions(m)),
                m.year_established,
                names.party_names(m.members), m.member_states,
                names.party_names(m.observers_and_partners), names.text(m, SECRETARIAT),
                loc.list([loc.theme_text(t, data.theme_names) for t in m.thematic_focus]),
                loc.list([loc.label(r, "iom_role") for r in m.iom_roles]),
                plain_text(names.status(m)), m.website])
    return _("ISCM table %(year)s") % {"year": data.year}, headers, rows, widths
