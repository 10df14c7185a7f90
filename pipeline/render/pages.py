"""Lay out the bulletin and the ISCM table as HTML, one language at a time.

Templates receive one typed object (``DocumentContext``) and as filters the methods
of the ``Localiser`` (the language), of ``Names`` (the records' names and texts) and of
``Sentences``: they lay out, they do not compute.
Autoescaping is on for every template, whatever its name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import groupby

from babel import Locale
from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from ..compose.acronyms import acronyms
from ..compose.changed import change_sentences
from ..compose.charts import (
    MAP_FIGURE,
    Chart,
    key_figure_charts,
    number_figures,
    themes_chart,
    trends_chart,
)
from ..compose.compendium import Compendium, compendium
from ..compose.gcm import GcmSection, gcm_section, mechanism_objectives
from ..compose.imprint import Imprint, imprint
from ..compose.key_messages import key_messages
from ..compose.maps import Map, Poster, poster, world_map
from ..compose.names import Names, column_of
from ..compose.profiles import Profile, profiles, recent_years
from ..compose.sentences import Sentences
from ..compose.table import IscmTable, iscm_table, ordered_groups
from ..config import BulletinConfig
from ..contract.schema import MECHANISMS
from ..contract.vocabularies import VOCABULARIES
from ..lang.localiser import Localiser, plain_text
from ..model import BulletinData, Highlight, Mechanism, Meeting
from ..utils.text import joined, nobreak

ACRONYM, SECRETARIAT = MECHANISMS.column("acronym"), MECHANISMS.column("secretariat")


@dataclass(frozen=True)
class CalendarView:
    """The calendar laid out: every month of the year with its meetings (the year at a
    glance; months without any stay, empty), whether the meetings' statuses differ (else
    no status column: 'Held' 29 times says nothing), the meetings still to come, and the
    mechanisms it names by acronym (its key)."""

    year: tuple[tuple[int, tuple[Meeting, ...]], ...]
    statuses_differ: bool
    upcoming: tuple[Meeting, ...]
    mechanisms: tuple[Mechanism, ...]


def calendar_view(calendar: tuple[Meeting, ...] | list[Meeting],
                  by_id: Mapping[str, Mechanism]) -> CalendarView:
    months = {month: tuple(m for m in calendar if m.start.month == month)
              for month in range(1, 13)}
    return CalendarView(
        tuple(months.items()), len({m.status for m in calendar}) > 1,
        tuple(m for m in calendar if m.status == "planned"),
        tuple(by_id[i] for i in dict.fromkeys(m.mechanism_id for m in calendar)))


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


def annex_tables(world: Map, charts: tuple[Chart | None, ...]) -> tuple[AnnexTable, ...]:
    """The data of the map and the charts, in the order the figures come (None: a chart the
    document has not got)."""
    figures = [(world.id, world.title, world.headers, world.rows)]
    figures += [(c.id, c.title, c.headers, c.rows) for c in charts if c]
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
    mechanisms_by_id: dict[str, Mechanism]
    themes: tuple[str, ...]
    """Keys of the themes in use, alphabetical by their label in the reader's language."""
    ranking_left_out: tuple[Mechanism, ...]
    """When States are not ranked by membership: the active mechanisms without member
    lists, which make a ranking meaningless."""
    localiser: Localiser = field(repr=False, compare=False)
    trends: Chart | None = None
    """Meetings per year by level over the last ten years; None with fewer than two."""
    themes_chart: Chart | None = None
    """The year's meetings by theme, ranked (the bulletin's 'Thematic focus')."""
    world_map_figure: int = MAP_FIGURE
    """The world map's figure number in the bulletin (the charts follow it)."""
    calendar: CalendarView | None = None
    """The calendar's one table, strip and key (the standalone calendar and the bulletin's)."""
    matrix_rows: tuple[Mechanism, ...] = ()
    """The theme matrix's rows: the active mechanisms in the order of the acronyms the data
    writes, the same in every language (an Arabic page once sorted its Latin acronyms ahead
    of its Arabic short names)."""
    changes: tuple[Markup, ...] = ()
    """The sentences of 'What changed in <year>' (changed.py); empty: no such section."""
    gcm: GcmSection = field(default_factory=GcmSection)
    """'ISCMs and the Global Compact' (compose/gcm.py); empty: no such section."""
    objectives: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Mechanism id -> the Global Compact's objectives its meetings held in the year
    addressed (the ISCM table)."""
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
                            self.lang, self.localiser.as_of, "map-cover")

    @property
    def annex(self) -> tuple[AnnexTable, ...]:
        """The figures' data tables, in the annex (bulletin)."""
        return annex_tables(self.world_map, (*self.charts, self.trends, self.themes_chart,
                                              self.gcm.chart))

    def annexed(self, figure_id: str) -> AnnexTable | None:
        """The annex table of a figure."""
        return next((t for t in self.annex if t.figure == figure_id), None)

    @cached_property
    def profiles(self) -> tuple[Profile, ...]:
        """The mechanism profiles (profiles.html), made only for the document that shows
        them: their maps are the costliest part of a page."""
        return profiles(self.bulletin, self.localiser)

    @cached_property
    def compendium(self) -> Compendium:
        """The compendium of ISCM updates (updates.html): the year's replies, and the
        mechanisms that sent none."""
        return compendium(self.bulletin, self.localiser)

    @cached_property
    def poster(self) -> Poster:
        """The map poster's maps and lists (map.html), made only for the poster."""
        data = self.bulletin
        return poster(data.summary.memberships_per_state, self.localiser, data.edition_date,
                      data.summary.member_lists_known)

    @cached_property
    def table(self) -> IscmTable:
        """The ISCM table (table.html): its groups, rows and key to the themes."""
        return iscm_table(self.bulletin, self.localiser)

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
        nobreak=nobreak, joined=joined,
        country=loc.country, label=loc.label, text=loc.data_text, theme=loc.theme,
        join_list=loc.list, markup_list=loc.markup_list, label_list=loc.label_list,
        theme_list=loc.theme_list,
        labelled=loc.labelled,
        month_caption=loc.month_caption, big_figure=loc.big_figure,
        name=names.display_name, full_name=names.full_name,
        regions=names.regions, status=names.status, short_name=names.short_name,
        acronym=names.acronym, acronym_key=names.acronym_key,
        # A template names a record's text by its column: {{ m|tr('secretariat') }}.
        tr=lambda record, column: names.tr(record, column_of(record, column)),
        tr_items=lambda record, column: names.tr_items(record, column_of(record, column)),
        party_names=lambda parties: names.party_names(parties, True),
        sentence=sentences.meeting_sentence, meeting_title=sentences.meeting_title,
        table_place=sentences.table_place, members_sentence=sentences.members_sentence,
        ranking_note=sentences.ranking_note, unbroken=unbroken, balanced=balanced,
        unbroken_title=lambda text: unbroken(text, UNBROKEN_TITLE))
    return env


NBSP = "\u00a0"
UNBROKEN_LENGTH = 30
"""Characters: a date this short is set on one line (its spaces no-break)."""
UNBROKEN_TITLE = 12
"""Characters: a cover's series or product name this short ('ISCM 2025', 'МКМ 2025') is set
on one line. A longer one may wrap: at the cover's size a phone's screen holds about 15
characters ('Aspectos destacados', the Arabic series name ran off the page); in print it
wraps only where the page is too narrow."""


def unbroken(text: str, length: int = UNBROKEN_LENGTH) -> str:
    """A short text kept on one line (a date, or a cover's series or product name with
    length=UNBROKEN_TITLE): its spaces made no-break; a longer one as it is."""
    return text.replace(" ", NBSP) if len(text) <= length else text


def balanced(text: str) -> str:
    """A title or subtitle that never ends on a word alone: its last two words joined by a
    no-break space (the review found 'العام' and 'год' alone on a cover's last line)."""
    head, space, last = text.rpartition(" ")
    return f"{head}{NBSP}{last}" if space and head else text


@cache
def shaded_world(counts: tuple[tuple[str, int], ...], lang: str, as_of: dt.date | None,
                 id: str = "map-world") -> Map:
    """The world map of the counts, drawn once per language, id and run: the bulletin, the
    factsheet and the poster show the same one (its States named as on as_of)."""
    return world_map(dict(counts), Localiser(lang, as_of), id)


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
    # The bulletin's figures numbered in the order it prints them: the world map (1), the
    # key figures' charts, the trends, the themes, the Global Compact's objectives.
    gcm = gcm_section(data, loc)
    *charts, trends, themes, objectives = number_figures(
        *key_figure_charts(data.summary, loc), trends_chart(data.summary, loc),
        themes_chart(data.summary, loc, data.theme_names), gcm.chart)
    return DocumentContext(
        bulletin=data, lang=loc.lang, dir=loc.direction,
        languages=languages, charts=tuple(charts),
        highlights=highlights, months=months, active=active, active_by_type=by_type,
        # The settings' disclaimer under the map: the drawing is shared, the words are not.
        world_map=replace(shaded_world(tuple(sorted(
            data.summary.memberships_per_state.items())), loc.lang, loc.as_of),
            disclaimer=imprinted.disclaimer),
        iom_roles=roles,
        not_active=not_active,
        mechanisms_by_id=by_id,
        themes=tuple(sorted(data.themes,
                            key=lambda t: loc.sort_key(loc.theme_text(t, data.theme_names)))),
        ranking_left_out=() if data.summary.top_states else tuple(
            by_id[i] for i in data.summary.active_without_member_list),
        localiser=loc,
        trends=trends, themes_chart=themes,
        calendar=calendar_view(data.calendar, by_id),
        matrix_rows=tuple(sorted(active, key=lambda m: (m.acronym or m.names["en"]).casefold())),
        changes=change_sentences(data.summary, by_id, loc),
        gcm=replace(gcm, chart=objectives), objectives=objectives_by_mechanism(data),
        kind=kind, title=title, product=loc.pgettext(*product) if product else "",
        imprint=imprinted, key_messages=key_messages(data, by_id, loc))


def objectives_by_mechanism(data: BulletinData) -> dict[str, tuple[int, ...]]:
    """Mechanism id -> the objectives its meetings held in the year addressed."""
    meetings: dict[str, list[Meeting]] = {}
    for meeting in data.calendar:
        meetings.setdefault(meeting.mechanism_id, []).append(meeting)
    return {key: mechanism_objectives(tuple(held)) for key, held in meetings.items()}


@cache
def language_env(config: BulletinConfig, lang: str, as_of: dt.date | None = None
                 ) -> tuple[Localiser, Environment]:
    """One Localiser and one Jinja environment per language and run: the catalogue is
    loaded and the templates compiled once, whatever the number of documents. as_of: the
    edition's date, whose country names the documents print."""
    loc = Localiser(lang, as_of)
    return loc, make_env(config, loc)


def render_html(data: BulletinData, template: str, lang: str, config: BulletinConfig,
                languages: tuple[tuple[str, str], ...] = (), title: str = "",
                product: tuple[str, str] | None = None) -> str:
    """One document in one language, as an HTML page. languages: (language, file name) of
    the same document in each language built, for the language switcher (plan.py); title
    and product: the document's declaration (outputs.py)."""
    loc, env = language_env(config, lang, data.edition_date)
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
    loc = Localiser(lang, data.edition_date)
    names = Names(loc)
    _ = loc.gettext
    headers = [_("Type"), _("Region"), _("Mechanism"), _("Acronym"), _("Regions covered"),
               _("Established"),
               _("Member States"), _("Number of Member States"), _("Observers and partners"),
               _("Secretariat"), _("Thematic focus"),
               _("GCM objectives (meetings of %(year)s)") % {"year": data.year},
               _("IOM’s role"), _("Status"), _("Website")]
    widths = [14, 16, 40, 12, 24, 10, 60, 10, 40, 24, 30, 16, 24, 24, 30]
    objectives = objectives_by_mechanism(data)
    rows = []
    for _type, region, mechanisms in ordered_groups(data.mechanisms, loc):
        for m in mechanisms:
            rows.append([
                loc.label(m.type, "type"), loc.label(region, "region"),
                names.mechanism_name(m), names.text(m, ACRONYM),
                "; ".join(plain_text(region) for region in names.regions(m)),
                m.year_established,
                names.party_names(m.members), m.member_states,
                names.party_names(m.observers_and_partners), names.text(m, SECRETARIAT),
                plain_text(loc.theme_list(m.thematic_focus, data.theme_names)),
                "; ".join(str(n) for n in objectives.get(m.id, ())),
                plain_text(loc.label_list([loc.label(r, "iom_role") for r in m.iom_roles])),
                plain_text(names.status(m)), m.website])
    return _("ISCM %(year)s · Table") % {"year": data.year}, headers, rows, widths
